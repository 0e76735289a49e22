/**
 * The Slack benchmark's load: signed events sent over keep-alive connections that are opened, and
 * used once, before the clock starts; then each connection sends its next event as soon as the last
 * was acknowledged (a closed loop), or paced to a rate.
 *
 * Why not autocannon, which this replaced: it opens all its connections at the moment the flood
 * starts. Node 20's libuv (1.45 on, libuv#3696) accepts one connection per turn of the event loop,
 * so a server already busy with the first connections' requests let the rest in over seconds: the
 * last connections' first requests waited 0.5–5 s in the kernel's accept queue (`ss -ltn` showed up
 * to 87 waiting), and that set the flood's p99 ack. A trivial Node server that spends 0.3 ms per
 * request showed the same (p99 1.7–2.3 s at 200 connections). Slack does not open 200 connections
 * to an app within 50 ms, so the timed part now starts with every connection open; how long opening
 * them took, on an idle adapter, is reported apart.
 *
 * Why the requests are built, signed and serialised before the clock starts, and sent as bytes on
 * plain sockets rather than through node:http's client: Slack's senders do not share the adapter's
 * machine, but this load does (two cores). Signing each event and building a ClientRequest for it
 * cost the benchmark's process about as much CPU as the adapter spent acknowledging it (0.4 ms a
 * request under the 200-connection flood, profiled), and the acks it timed waited for that work: the
 * first 200 were read only after all 200 requests had been built and written. Each connection now
 * writes ready bytes and reads the status line and the length of its response, nothing else.
 */
import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { epochNow } from './child.ts';
import { percentile } from './stats.ts';

/** One request to send, built and signed before the clock starts. */
export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** The events URL (http, on this machine); the connections are opened with a GET to it (405,
   * answered before any Slack logic). */
  url: string;
  connections: number;
  /** Stops sending after this long. */
  maxSeconds: number;
  /** A request without a response after this long is a timeout (its connection is dropped). */
  timeoutMs: number;
  /** Requests a second over all connections, each connection sending its share at the start of each
   * second (so 200 connections at 200/s send bursts of 200 at once); unset, a closed loop. */
  rate?: number;
  /** Every request of the level, spread over the connections as evenly as they go. */
  requests: readonly LoadRequest[];
  /** Called as request `index` is written (its clock for the reply starts then). */
  onSend?: (index: number, at: number) => void;
}

export interface LoadResult {
  /** Responses by class. */
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Each response's latency (ms): from the request being written to its response ending. */
  latencies: number[];
  /** From the first request of the timed part to the last response (ms). */
  ms: number;
  /** Opening the connections before the clock starts (ms), and the slowest of those requests. */
  open: { ms: number; slowestMs: number };
  /** This process's longest event loop delay while the clock ran (ms): how long a response could
   * have waited here, unread, before its latency was taken. */
  loopDelayMaxMs: number;
}

/** `request` as HTTP/1.1 bytes, with the headers Slack sends. */
function serialise(url: URL, method: 'GET' | 'POST', request: LoadRequest | undefined): Buffer {
  const body = Buffer.from(request?.body ?? '', 'utf8');
  const headers: Record<string, string> = {
    host: url.host,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    accept: '*/*',
    ...(request?.headers ?? {}),
    ...(method === 'POST' ? { 'content-length': String(body.length) } : {}),
    connection: 'keep-alive',
  };
  const head = `${method} ${url.pathname} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Where the chunked body starting at `from` ends (after its last, empty chunk; no trailers), or
 * undefined while it has not all arrived. */
function chunkedEnd(data: Buffer, from: number): number | undefined {
  let at = from;
  for (;;) {
    const line = data.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = Number.parseInt(data.toString('latin1', at, line), 16);
    at = line + 2 + size + 2;
    if (at > data.length) return undefined;
    if (size === 0) return at;
  }
}

/** The status of the response that `data` starts with, once it has all arrived, and how many bytes
 * it took; undefined while it has not. Bodies are skipped, sized by Content-Length or chunked (how
 * Node sends an empty `end()`); anything else is refused as an error (status 0) rather than misread. */
function response(data: Buffer): { status: number; bytes: number } | undefined {
  const end = data.indexOf(HEAD_END);
  if (end < 0) return undefined;
  const head = data.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const bodyStart = end + HEAD_END.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
  let bytes: number | undefined;
  if (length !== undefined) bytes = bodyStart + Number(length);
  else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) bytes = chunkedEnd(data, bodyStart);
  else return { status: 0, bytes: data.length };
  return bytes === undefined || data.length < bytes ? undefined : { status, bytes };
}

/** One keep-alive connection sending one request at a time. */
class Connection {
  #socket: Socket | undefined;
  #buffered: Buffer = Buffer.alloc(0);
  #pending: { since: number; resolve: (r: { status: number; ms: number; timedOut: boolean }) => void } | undefined;

  constructor(readonly url: URL) {}

  /** Sends `bytes`; resolves the response's status (0 on error or timeout) and latency. */
  send(bytes: Buffer): Promise<{ status: number; ms: number; timedOut: boolean }> {
    return new Promise((resolve) => {
      this.#pending = { since: epochNow(), resolve };
      this.#open().write(bytes);
    });
  }

  /** Ends the pending request as a timeout if it has waited `timeoutMs`, dropping the connection. */
  expire(now: number, timeoutMs: number): void {
    if (this.#pending !== undefined && now - this.#pending.since >= timeoutMs) this.#fail(true);
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = undefined;
  }

  #open(): Socket {
    if (this.#socket !== undefined && !this.#socket.destroyed) return this.#socket;
    const socket = connect({ host: this.url.hostname, port: Number(this.url.port), noDelay: true });
    this.#socket = socket;
    this.#buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => this.#read(chunk));
    // A socket dropped earlier may report its end after its successor took over.
    const fail = () => {
      if (this.#socket === socket) this.#fail(false);
    };
    socket.on('error', fail);
    socket.on('close', fail);
    return socket;
  }

  #read(chunk: Buffer): void {
    this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
    const parsed = response(this.#buffered);
    if (parsed === undefined) return;
    this.#buffered = this.#buffered.subarray(parsed.bytes);
    const pending = this.#pending;
    this.#pending = undefined;
    if (parsed.status === 0) this.close();
    pending?.resolve({ status: parsed.status, ms: epochNow() - pending.since, timedOut: false });
  }

  #fail(timedOut: boolean): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.close();
    pending?.resolve({ status: 0, ms: epochNow() - pending.since, timedOut });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the load and collects what came back. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const n = options.connections;
  const connections = Array.from({ length: n }, () => new Connection(url));
  // One sweep for every connection's timeout: a timer per request would cost the load more CPU.
  const sweep = setInterval(() => {
    const now = epochNow();
    for (const c of connections) c.expire(now, options.timeoutMs);
  }, 100);
  try {
    const openedAt = epochNow();
    const get = serialise(url, 'GET', undefined);
    const opening = await Promise.all(connections.map((c) => c.send(get)));
    const open = { ms: epochNow() - openedAt, slowestMs: Math.max(...opening.map((o) => o.ms)) };
    // Built before the clock starts: request i goes on connection i mod n.
    const bytes = options.requests.map((r) => serialise(url, 'POST', r));

    const result: LoadResult = { ok: 0, non2xx: 0, errors: 0, timeouts: 0, latencies: [], ms: 0, open, loopDelayMaxMs: 0 };
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = epochNow();
    const stopAt = started + options.maxSeconds * 1000;
    let last = started;
    const share = (total: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);
    const connection = async (i: number) => {
      const perSecond = options.rate === undefined ? undefined : share(options.rate, i);
      for (let sent = 0, index = i; index < bytes.length && epochNow() < stopAt; sent += 1, index += n) {
        if (perSecond !== undefined) {
          // Its share of each second, sent at the start of that second.
          const second = Math.floor(sent / Math.max(1, perSecond));
          const due = started + second * 1000;
          if (due > epochNow()) await sleep(due - epochNow());
          if (epochNow() >= stopAt) break;
        }
        const request = bytes[index];
        if (request === undefined) break;
        options.onSend?.(index, epochNow());
        const { status, ms, timedOut } = await (connections[i] as Connection).send(request);
        last = epochNow();
        if (status === 0) {
          result.errors += 1;
          if (timedOut) result.timeouts += 1;
        } else if (status >= 200 && status < 300) {
          result.ok += 1;
          result.latencies.push(ms);
        } else result.non2xx += 1;
      }
    };
    await Promise.all(Array.from({ length: n }, (_, i) => connection(i)));
    loop.disable();
    result.ms = last - started;
    result.loopDelayMaxMs = loop.max / 1e6;
    return result;
  } finally {
    clearInterval(sweep);
    for (const c of connections) c.close();
  }
}

/** p50, p99 and max of `values` (ms). */
export function latencyPercentiles(values: readonly number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}
