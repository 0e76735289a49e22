/**
 * A local Discord-compatible server for end-to-end tests: the REST routes the bot calls and a JSON
 * gateway websocket, on one port. The real discord.js client connects to it through
 * `DISCORD_API_URL` exactly as it would to Discord, and every REST call is recorded for the tests
 * to read as a Discord user would see the result. As Discord does, it refuses buttons and modals
 * past their limits, and a second response to one interaction; it keeps each message it holds and
 * each modal it opened, for a test to click or submit as a user would.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Fault } from '../support/faults.ts';
import { componentsProblem, ModalData, modalProblem } from './component-limits.ts';
import { attachmentError, attachmentPayloads, readBody, type ReceivedFile } from './multipart.ts';

export const API_VERSION = 10;

/** A user as the gateway and REST describe one. */
export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  bot: FakeUser;
  guilds: FakeGuild[];
  /** Short in tests so a heartbeat and its ACK happen within a test's time. */
  heartbeatIntervalMs?: number;
}

/** One REST request the bot made; the path has the `/api/v10` prefix removed. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The files a multipart request uploaded (`files[n]` parts), in the order sent. */
  files: ReceivedFile[];
  /** Whether `Authorization: Bot <token>` carried the configured token ('none' when absent). */
  auth: 'valid' | 'invalid' | 'none';
  /** The id of the message this request created or edited, when it did. */
  messageId?: string;
  /** Set when Discord created nothing: an `enforce_nonce` post whose nonce this author used
   * recently, answered with that earlier message (the id it holds). */
  duplicateOf?: string;
}

// --- what the bot sends: parsed with zod where the tests read it --------------------------------

export const EmbedBody = z
  .object({
    title: z.string().optional(),
    description: z.string().optional(),
    url: z.string().optional(),
    color: z.number().optional(),
    fields: z.array(z.object({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).optional(),
    footer: z.object({ text: z.string() }).loose().optional(),
    author: z.object({ name: z.string() }).loose().optional(),
  })
  .loose();
export type EmbedBody = z.infer<typeof EmbedBody>;

export const AllowedMentions = z
  .object({
    parse: z.array(z.string()).optional(),
    users: z.array(z.string()).optional(),
    roles: z.array(z.string()).optional(),
    replied_user: z.boolean().optional(),
  })
  .loose();

/** A message create or edit body: channel messages, webhook edits and follow-ups. */
export const MessageBody = z
  .object({
    content: z.string().nullable().optional(),
    embeds: z.array(EmbedBody).nullable().optional(),
    allowed_mentions: AllowedMentions.nullable().optional(),
    message_reference: z.object({ message_id: z.string(), channel_id: z.string().optional(), fail_if_not_exists: z.boolean().optional() }).loose().optional(),
    flags: z.number().nullable().optional(),
    components: z.array(z.unknown()).nullable().optional(),
  })
  .loose();
export type MessageBody = z.infer<typeof MessageBody>;

/** The nonce fields of a message post. */
const NonceBody = z.object({ nonce: z.union([z.string(), z.number()]).optional(), enforce_nonce: z.boolean().optional() }).loose();

/** An interaction callback: type 4 message, 5 deferred, 8 autocomplete result, 9 modal. */
export const CallbackBody = z.object({ type: z.number().int(), data: z.unknown().optional() }).loose();
export const AutocompleteData = z.object({
  choices: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) }).loose()),
});
export const CommandsBody = z.array(
  z.object({ name: z.string(), description: z.string(), options: z.array(z.object({ name: z.string() }).loose()).optional() }).loose(),
);

const Identify = z.object({
  op: z.literal(2),
  d: z.object({ token: z.string(), intents: z.number().int(), shard: z.tuple([z.number(), z.number()]).optional() }).loose(),
});
const GatewayPayload = z.object({ op: z.number().int(), d: z.unknown().optional() }).loose();

/** What the bot asked of the gateway when it connected. */
export interface GatewayConnection {
  query: Record<string, string>;
  identify?: { tokenValid: boolean; intents: number };
  /** Set when the bot resumed its session on this connection instead of identifying. */
  resumed?: boolean;
  heartbeatsAcked: number;
}

/** A request that met an injected fault and was not delivered. */
export interface FaultedRequest {
  method: string;
  path: string;
  fault: Fault['kind'];
  at: number;
}

const ResumePayload = z.object({ op: z.literal(6), d: z.object({ token: z.string(), session_id: z.string(), seq: z.number() }).loose() });

// --- the server -----------------------------------------------------------------------------------

/** A Discord-compatible server; `start()` listens on a free port. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly connections: GatewayConnection[] = [];
  /** Tests register which channel an interaction came from, so webhook messages land there. */
  readonly interactionChannels = new Map<string, string>();
  readonly #options: Required<FakeDiscordOptions>;
  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sockets = new Set<WebSocket>();
  readonly #originals = new Map<string, string>(); // interaction token → id of its @original message
  #identified: WebSocket | undefined;
  #sequence = 0;
  #nextId = 1_300_000_000_000_000_000n;
  #listeners: (() => void)[] = [];
  /** Answer the next message-sending request with Discord's 400 "Invalid Form Body" (50035). */
  rejectNextMessageAsMalformed = false;
  /** Requests that met an injected fault, in arrival order; they are not in `requests`. */
  readonly faulted: FaultedRequest[] = [];
  #faults: { match: (method: string, path: string) => boolean; fault: Fault; left: number }[] = [];
  /** `channel:nonce` → the message an `enforce_nonce` post created (Discord remembers a few minutes). */
  readonly nonces = new Map<string, string>();
  /** Every message posted or edited, as Discord holds it (and sends it back with a click on it). */
  readonly messages = new Map<string, Record<string, unknown>>();
  /** Interaction token → the modal shown in answer to that interaction. */
  readonly modals = new Map<string, ModalData>();
  /** Interactions already responded to: Discord takes one callback each. */
  readonly #responded = new Set<string>();

  constructor(options: FakeDiscordOptions) {
    this.#options = { heartbeatIntervalMs: 41_250, ...options };
    this.#http = createServer((req, res) => void this.#onRequest(req, res));
    this.#http.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onSocket(ws, req));
    });
  }

  async start(): Promise<this> {
    this.#http.listen(0, '127.0.0.1');
    await once(this.#http, 'listening');
    return this;
  }

  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL is set to: the REST base without the version. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** A fresh snowflake, later than every earlier one. */
  snowflake(): string {
    this.#nextId += 1n;
    return this.#nextId.toString();
  }

  /** Makes the next `times` REST requests matching `match` (path without `/api/v10`) meet `fault`. */
  injectFault(match: (method: string, path: string) => boolean, fault: Fault, times = 1): void {
    this.#faults.push({ match, fault, left: times });
  }

  /** Closes the bot's gateway connection with `code`, as Discord does when it restarts a node
   * (a 4000-range code other than the fatal ones means "resume or reconnect"). */
  dropGateway(code = 4000): void {
    const ws = this.#identified;
    if (ws === undefined) throw new Error('FakeDiscord: no bot is connected to drop');
    this.#identified = undefined;
    ws.close(code, 'Dropped by the test');
  }

  /** Tells the bot its session is invalid and not resumable (op 9, `d: false`): it must identify afresh. */
  invalidateSession(): void {
    const ws = this.#identified;
    if (ws === undefined) throw new Error('FakeDiscord: no bot is connected');
    this.#identified = undefined;
    ws.send(JSON.stringify({ op: 9, d: false }));
  }

  /** Whether a bot is connected and identified (or resumed) right now. */
  get gatewayReady(): boolean {
    return this.#identified !== undefined;
  }

  /** Resolves once the bot has identified or resumed on at least `count` connections in total. */
  async waitForSessions(count: number, timeoutMs = 15_000): Promise<GatewayConnection[]> {
    return this.#waitFor(
      () => {
        const sessions = this.connections.filter((c) => c.identify?.tokenValid === true || c.resumed === true);
        return sessions.length >= count && this.#identified !== undefined ? sessions : undefined;
      },
      timeoutMs,
      `${count} gateway sessions`,
    );
  }

  /** Sends a gateway dispatch (op 0) to the identified bot. */
  dispatch(event: string, data: unknown): void {
    if (!this.#identified) throw new Error('FakeDiscord: no bot has identified on the gateway yet');
    this.#sequence += 1;
    this.#identified.send(JSON.stringify({ op: 0, t: event, s: this.#sequence, d: data }));
  }

  /** Resolves with the first request (already made or yet to come) that matches. */
  async waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.#waitFor(() => this.requests.find(match), timeoutMs, 'a matching REST request');
  }

  /** Resolves once `count` requests match. */
  async waitForRequests(match: (request: RecordedRequest) => boolean, count: number, timeoutMs = 10_000): Promise<RecordedRequest[]> {
    return this.#waitFor(
      () => {
        const found = this.requests.filter(match);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      `${count} matching REST requests`,
    );
  }

  /** Resolves once a bot has identified and received READY and every GUILD_CREATE. */
  async waitForIdentify(timeoutMs = 10_000): Promise<GatewayConnection> {
    return this.#waitFor(() => this.connections.find((c) => c.identify), timeoutMs, 'IDENTIFY');
  }

  async waitForHeartbeatAck(timeoutMs = 10_000): Promise<GatewayConnection> {
    return this.#waitFor(() => this.connections.find((c) => c.heartbeatsAcked > 0), timeoutMs, 'a heartbeat');
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
    this.#http.closeAllConnections();
    this.#http.close();
    await once(this.#http, 'close');
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  async #waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = probe();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs}ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#listeners = this.#listeners.filter((l) => l !== listener);
      };
      this.#listeners.push(listener);
    });
  }

  // --- gateway ------------------------------------------------------------------------------------

  #onSocket(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const connection: GatewayConnection = { query: Object.fromEntries(url.searchParams), heartbeatsAcked: 0 };
    this.connections.push(connection);
    this.#sockets.add(ws);
    ws.on('close', () => {
      this.#sockets.delete(ws);
      if (this.#identified === ws) this.#identified = undefined;
    });
    ws.on('message', (raw) => this.#onGatewayMessage(ws, connection, String(raw)));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.#options.heartbeatIntervalMs } }));
  }

  #onGatewayMessage(ws: WebSocket, connection: GatewayConnection, raw: string): void {
    const payload = GatewayPayload.safeParse(JSON.parse(raw));
    if (!payload.success) return ws.close(4002, 'Decode error');
    if (payload.data.op === 1) {
      ws.send(JSON.stringify({ op: 11 }));
      connection.heartbeatsAcked += 1;
      return this.#notify();
    }
    if (payload.data.op === 6) {
      const resume = ResumePayload.safeParse(payload.data);
      if (!resume.success || resume.data.d.token !== this.#options.token) return ws.close(4004, 'Authentication failed');
      connection.resumed = true;
      this.#identified = ws;
      this.dispatch('RESUMED', {});
      return this.#notify();
    }
    if (payload.data.op !== 2) return;
    const identify = Identify.parse(payload.data);
    const tokenValid = identify.d.token === this.#options.token;
    connection.identify = { tokenValid, intents: identify.d.intents };
    if (!tokenValid) return ws.close(4004, 'Authentication failed');
    this.#identified = ws;
    this.dispatch('READY', {
      v: API_VERSION,
      user: this.#userPayload(this.#options.bot),
      guilds: this.#options.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${this.snowflake()}`,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.#options.applicationId, flags: 0 },
    });
    for (const guild of this.#options.guilds) this.dispatch('GUILD_CREATE', this.#guildPayload(guild));
    this.#notify();
  }

  #userPayload(user: FakeUser): Record<string, unknown> {
    return { id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null, bot: user.bot ?? false };
  }

  #guildPayload(guild: FakeGuild): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '1',
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: now,
      features: [],
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      preferred_locale: 'en-GB',
      roles: [{ id: guild.id, name: '@everyone', permissions: '68608', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: guild.channels.map((c, position) => ({
        id: c.id,
        type: 0,
        name: c.name,
        guild_id: guild.id,
        position,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      threads: [],
      members: [{ user: this.#userPayload(this.#options.bot), roles: [], joined_at: now, deaf: false, mute: false, flags: 0 }],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // --- REST ---------------------------------------------------------------------------------------

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `/api/v${API_VERSION}`;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const received = await readBody(Buffer.concat(chunks), req.headers['content-type']);
    const authorization = req.headers.authorization;
    const routePath = decodeURIComponent(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname);
    const injected = this.#faults.find((f) => f.left > 0 && f.match(req.method ?? 'GET', routePath));
    if (injected !== undefined) {
      injected.left -= 1;
      const { fault } = injected;
      if (fault.kind === 'hang' || fault.kind === 'status')
        this.faulted.push({ method: req.method ?? 'GET', path: routePath, fault: fault.kind, at: Date.now() });
      if (fault.kind === 'status') {
        const retryAfter = fault.retryAfterSeconds ?? 0;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.status === 429) Object.assign(headers, { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' });
        const body =
          fault.status === 429
            ? { message: 'You are being rate limited.', retry_after: retryAfter, global: false }
            : { message: '500: Internal Server Error', code: 0 };
        res.writeHead(fault.status, headers).end(JSON.stringify(body));
        return this.#notify();
      }
      if (fault.kind !== 'late') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault.kind === 'hang') {
        if (!res.destroyed) res.writeHead(504).end();
        return this.#notify();
      }
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      // discord.js sends `@original` as `%40original`; Discord accepts both spellings.
      path: routePath,
      query: Object.fromEntries(url.searchParams),
      body: received.body,
      files: received.files,
      auth: authorization === undefined ? 'none' : authorization === `Bot ${this.#options.token}` ? 'valid' : 'invalid',
    };
    this.requests.push(request);
    const [status, body] = url.pathname.startsWith(prefix) ? this.#route(request) : [404, notFound];
    // Taken and delivered already; only the answer is late.
    const lateFault = injected?.fault;
    if (lateFault?.kind === 'late') await new Promise((resolve) => setTimeout(resolve, lateFault.ms));
    if (res.destroyed) return this.#notify();
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    this.#notify();
  }

  #route(request: RecordedRequest): [number, unknown] {
    const { method, path } = request;
    const needsBot = (): [number, unknown] | undefined => (request.auth === 'valid' ? undefined : [401, { message: '401: Unauthorized', code: 0 }]);
    let match: RegExpMatchArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return (
        needsBot() ?? [
          200,
          { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } },
        ]
      );
    }
    if (method === 'GET' && path === '/gateway') return [200, { url: this.gatewayUrl }];
    if (method === 'GET' && path === '/users/@me') return needsBot() ?? [200, this.#userPayload(this.#options.bot)];

    if (method === 'PUT' && (match = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const denied = needsBot();
      if (denied) return denied;
      const commands = CommandsBody.parse(request.body);
      return [
        200,
        commands.map((c) => ({
          ...c,
          id: this.snowflake(),
          application_id: match![1],
          version: this.snowflake(),
          ...(match![2] ? { guild_id: match![2] } : {}),
        })),
      ];
    }

    if (method === 'POST' && (match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      // Interaction tokens authorise these; discord.js sends no bot token, as with Discord.
      const callback = CallbackBody.parse(request.body);
      if (this.#responded.has(match[1]!)) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      if (callback.type === 9) {
        const problem = modalProblem(callback.data);
        if (problem !== undefined) return invalidFormBody(problem);
        this.modals.set(match[2]!, ModalData.parse(callback.data));
      }
      if (callback.type === 4 || callback.type === 5) {
        const rejected = this.#rejectIfAsked(request);
        if (rejected) return rejected;
        const id = this.snowflake();
        this.#originals.set(match[2]!, id);
        request.messageId = id;
      }
      this.#responded.add(match[1]!);
      if (request.query.with_response === 'true') {
        return [200, { interaction: { id: match[1], type: 2 }, resource: { type: callback.type } }];
      }
      return [204, undefined];
    }

    if (method === 'PATCH' && (match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const rejected = this.#rejectIfAsked(request);
      if (rejected) return rejected;
      const id = this.#originals.get(match[2]!);
      if (id === undefined) return [404, { message: 'Unknown Message', code: 10008 }];
      request.messageId = id;
      return [200, this.#messagePayload(id, this.#channelOf(match[2]!), request.body, match[1]!, request.files)];
    }

    if (method === 'POST' && (match = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const rejected = this.#rejectIfAsked(request);
      if (rejected) return rejected;
      request.messageId = this.snowflake();
      return [200, this.#messagePayload(request.messageId, this.#channelOf(match[2]!), request.body, match[1]!, request.files)];
    }

    if (method === 'POST' && (match = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const denied = needsBot() ?? this.#rejectIfAsked(request);
      if (denied) return denied;
      // As Discord does: with enforce_nonce, a nonce the author used recently in the channel gets
      // the message it created back, and no new one.
      const { nonce, enforce_nonce } = NonceBody.parse(request.body ?? {});
      const nonceKey = nonce === undefined || enforce_nonce !== true ? undefined : `${match[1]}:${String(nonce)}`;
      const earlier = nonceKey === undefined ? undefined : this.nonces.get(nonceKey);
      if (earlier !== undefined) {
        request.duplicateOf = earlier;
        return [200, this.#messagePayload(earlier, match[1]!, request.body)];
      }
      request.messageId = this.snowflake();
      if (nonceKey !== undefined) this.nonces.set(nonceKey, request.messageId);
      return [200, this.#messagePayload(request.messageId, match[1]!, request.body, undefined, request.files)];
    }
    return [404, notFound];
  }

  #rejectIfAsked(request: RecordedRequest): [number, unknown] | undefined {
    const badAttachments = attachmentError(request.body, request.files);
    if (badAttachments !== undefined) return badAttachments;
    const body = MessageBody.safeParse(request.body ?? {});
    const problem = componentsProblem(body.data?.components);
    if (problem !== undefined) return invalidFormBody(problem);
    if (!this.rejectNextMessageAsMalformed || !body.success || !body.data.embeds?.length) return undefined;
    this.rejectNextMessageAsMalformed = false;
    return [
      400,
      {
        message: 'Invalid Form Body',
        code: 50035,
        errors: { embeds: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be 6000 or fewer in length.' }] } },
      },
    ];
  }

  #channelOf(interactionToken: string): string {
    return this.interactionChannels.get(interactionToken) ?? '0';
  }

  #messagePayload(id: string, channelId: string, rawBody: unknown, webhookId?: string, files: readonly ReceivedFile[] = []): Record<string, unknown> {
    const body = MessageBody.parse(rawBody ?? {});
    const message = {
      id,
      channel_id: channelId,
      author: this.#userPayload(this.#options.bot),
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      components: body.components ?? [],
      attachments: attachmentPayloads(rawBody, files, () => this.snowflake(), `http://127.0.0.1:${this.port}`),
      pinned: false,
      flags: body.flags ?? 0,
      type: body.message_reference ? 19 : 0,
      ...(body.message_reference ? { message_reference: { ...body.message_reference, channel_id: channelId } } : {}),
      ...(webhookId ? { webhook_id: webhookId, application_id: webhookId } : {}),
    };
    this.messages.set(id, message);
    return message;
  }
}

const notFound = { message: '404: Not Found', code: 0 };

/** Discord's 400 for a body it cannot take, naming what is wrong. */
function invalidFormBody(problem: string): [number, unknown] {
  return [400, { message: 'Invalid Form Body', code: 50035, errors: { _errors: [{ code: 'BASE_TYPE_INVALID', message: problem }] } }];
}
