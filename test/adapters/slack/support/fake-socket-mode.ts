/**
 * A local websocket server speaking Slack's Socket Mode protocol: greets each connection with
 * `hello`, sends envelopes (`events_api`, `slash_commands`, `interactive`) with an `envelope_id`,
 * and records the acknowledgements the app sends back.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';

const Ack = z.object({ envelope_id: z.string(), payload: z.unknown().optional() });
export type Ack = z.infer<typeof Ack>;

export interface FakeSocketMode {
  /** The URL apps.connections.open should hand out. */
  url: string;
  /** Resolves when an app has connected and been sent `hello`. */
  connected(): Promise<void>;
  /** How many connections the app has opened so far (reconnections included). */
  connections(): number;
  /** Resolves once the app has opened at least `count` connections. */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  /** Drops the app's current connection abruptly, as a network failure or a Slack restart would. */
  dropConnection(): void;
  /** Sends an envelope and resolves with the app's ack for it. */
  send(type: 'events_api' | 'slash_commands' | 'interactive', envelopeId: string, payload: object, retryAttempt?: number): Promise<Ack>;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const acks = new Map<string, (ack: Ack) => void>();
  let socket: WebSocket | undefined;
  let connectionCount = 0;
  const connectionWaiters = new Set<() => void>();
  let onConnected: (() => void) | undefined;
  const connectedPromise = new Promise<void>((resolve) => {
    onConnected = resolve;
  });

  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const ack = Ack.safeParse(JSON.parse(String(data)));
      if (ack.success) acks.get(ack.data.envelope_id)?.(ack.data);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0TEST' },
      }),
    );
    connectionCount += 1;
    onConnected?.();
    for (const wake of connectionWaiters) wake();
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket&app_id=A0TEST`,
    connected: () => connectedPromise,
    connections: () => connectionCount,
    waitForConnections: (count, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (connectionCount < count) return;
          connectionWaiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          connectionWaiters.delete(check);
          reject(new Error(`fake Socket Mode: ${connectionCount} connection(s), waited for ${count}`));
        }, timeoutMs);
        connectionWaiters.add(check);
        check();
      }),
    dropConnection: () => {
      socket?.terminate();
      socket = undefined;
    },
    send(type, envelopeId, payload, retryAttempt = 0) {
      const ws = socket;
      if (ws === undefined) return Promise.reject(new Error('fake Socket Mode: no app connected'));
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Socket Mode: no ack for ${envelopeId}`)), 5_000);
        acks.set(envelopeId, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        ws.send(
          JSON.stringify({
            envelope_id: envelopeId,
            type,
            payload,
            accepts_response_payload: type !== 'events_api',
            ...(type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' } : {}),
          }),
        );
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of server.clients) client.terminate();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
