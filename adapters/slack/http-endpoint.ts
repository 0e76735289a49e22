/**
 * The HTTP endpoint Slack posts events, commands and clicks to (`/slack/events`), in front of
 * Bolt's receiver, and `/healthz` beside it. Bolt would buffer a body of any size before checking
 * its signature, leaves idle and half-sent connections to Node's defaults, accepts timestamps in
 * the future and hangs on a signed body that is not an object; here, before Bolt sees a request:
 *
 * - the body is read up to {@link BODY_LIMIT_BYTES} and answered 413 past it, before any signature
 *   check, so an unsigned flood cannot fill memory;
 * - header, request and keep-alive timeouts close idle and slow connections;
 * - the timestamp must be within five minutes either way, and the signature must match (401),
 *   checked here once (Bolt's receiver, which only ever gets requests from here, checks none);
 * - Slack's unsigned `ssl_check` is answered here, and nothing sent with it reaches Bolt;
 * - a signed body that is not a JSON object (or a form) is answered 400;
 * - a signed command or click is taken once: one captured and replayed within its five minutes is
 *   acknowledged and dropped (claimed in the state port by a hash of its timestamp and body, so
 *   across replicas too); a question typed in a conversation is taken once per message in
 *   listeners/dedup.ts.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger } from '../../src/index.ts';
import { HEALTH_PATH, type HealthBoard } from '../shared/health.ts';
import { CLAIM_TTL_MS, type StatePort } from '../shared/state/port.ts';
import type { SlackEventsReceiver } from './events-receiver.ts';

export const EVENTS_PATH = '/slack/events';
/** Slack's payloads are a few kilobytes; a megabyte is far past any real one. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from now, either way (Slack's own rule is five minutes). */
export const TIMESTAMP_SKEW_SECONDS = 5 * 60;

/** How long a connection may take over each part of a request. */
export interface HttpTimeouts {
  /** From connecting to the end of the headers. */
  headersMs: number;
  /** From connecting to the end of the body. */
  requestMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveMs: number;
}

/** Slack waits three seconds for an acknowledgement: a request that takes longer is lost anyway. */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 };

/**
 * Where a checked request goes: Events API deliveries (questions typed in conversations) to one
 * Bolt app, slash commands, clicks and forms to another. Bolt runs each delivery through every
 * listener its app has, each a chain of middleware that copies the listener arguments at every
 * step: with the nine listeners on one app, the seven that never take an event cost each mention
 * about 40 of the ~100 µs Bolt spent on it (measured), on the path to its acknowledgement.
 */
export interface HttpReceivers {
  events: SlackEventsReceiver;
  interactions: SlackEventsReceiver;
}

export interface EndpointDeps {
  receivers: HttpReceivers;
  signingSecret: string;
  state: StatePort;
  health: HealthBoard | undefined;
  log: Logger;
  timeouts: HttpTimeouts;
}

function reply(res: ServerResponse, status: number, body = '', contentType = 'text/plain; charset=utf-8'): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }).end(body);
}

/** Reads the body, or resolves undefined (having answered 413) once it passes the limit. */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > BODY_LIMIT_BYTES) return Promise.resolve(tooLarge(req, res));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        req.off('data', onData);
        resolve(tooLarge(req, res));
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function tooLarge(req: IncomingMessage, res: ServerResponse): undefined {
  // Nothing more is read from this connection: it is closed once the answer is out.
  res.setHeader('connection', 'close');
  reply(res, 413, 'request body too large');
  res.once('finish', () => req.destroy());
  return undefined;
}

/** The payload as an object (a JSON object, or form fields whose `payload`, if any, is one), or
 * undefined when it is not one: what Bolt's receiver would parse out of the same body. */
function objectPayload(body: string, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const fields = parseQuery(body);
      if (fields.payload === undefined) return fields;
      return typeof fields.payload === 'string' ? asObject(JSON.parse(fields.payload)) : undefined;
    }
    return asObject(JSON.parse(body));
  } catch {
    return undefined;
  }
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** An event's question is taken once per message by listeners/dedup.ts, so a replayed event is a
 * duplicate there: no claim of its body here, which would cost each question a round trip. */
const isEvent = (payload: object) => 'type' in payload && payload.type === 'event_callback';

/**
 * Why a request's signature headers are refused, or undefined when they are good: Slack's v0
 * signature, HMAC-SHA256 of `v0:<timestamp>:<body bytes>` under the signing secret, compared in
 * constant time. (Bolt's verifySlackRequest compares through tsscmp, which draws random bytes and
 * computes two more HMACs per request: with Bolt's receiver checking again, signatures were 14% of
 * the adapter's CPU under a flood.)
 */
function signatureProblem(req: IncomingMessage, raw: Buffer, signingSecret: string): string | undefined {
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  const signature = req.headers['x-slack-signature'];
  if (!Number.isInteger(timestamp) || typeof signature !== 'string') return 'missing or malformed signature headers';
  if (Math.abs(Date.now() / 1000 - timestamp) > TIMESTAMP_SKEW_SECONDS) return 'timestamp more than five minutes from now';
  const expected = Buffer.from(`v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'signature mismatch';
}

/** Slack's reachability check: form-encoded `ssl_check=1`, unsigned by design. */
function isSslCheck(body: string, contentType: string | undefined): boolean {
  return contentType?.startsWith('application/x-www-form-urlencoded') === true && parseQuery(body).ssl_check === '1';
}

/** A header Slack sends once, as one string; anything else as absent. */
const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

async function handle(req: IncomingMessage, res: ServerResponse, deps: EndpointDeps): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === HEALTH_PATH && deps.health !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
    const report = await deps.health.report();
    reply(res, report.ok ? 200 : 503, JSON.stringify(report), 'application/json');
    return;
  }
  if (path !== EVENTS_PATH) return reply(res, 404, 'not found');
  if (req.method !== 'POST') return reply(res, 405, 'method not allowed');
  const raw = await readBody(req, res);
  if (raw === undefined) {
    deps.log.warn({ limit: BODY_LIMIT_BYTES }, 'refused a request body over the limit');
    return;
  }
  const body = raw.toString('utf8');
  const contentType = req.headers['content-type'];
  // Answered here: unsigned, so whatever else came with it must not reach Bolt.
  if (isSslCheck(body, contentType)) return reply(res, 200);
  const problem = signatureProblem(req, raw, deps.signingSecret);
  if (problem !== undefined) {
    deps.log.warn({ reason: problem }, 'refused an unverified request');
    return reply(res, 401, 'unverified request');
  }
  const payload = objectPayload(body, contentType);
  if (payload === undefined) {
    deps.log.warn('refused a signed request whose body is not an object');
    return reply(res, 400, 'body must be a JSON object');
  }
  const event = isEvent(payload);
  if (!event) {
    const digest = createHash('sha256')
      .update(`${String(req.headers['x-slack-request-timestamp'])}:${body}`)
      .digest('hex');
    if (!(await deps.state.claim(`slack:request:${digest}`, CLAIM_TTL_MS))) {
      deps.log.warn('dropped a signed request already taken (a replay)');
      return reply(res, 200);
    }
  }
  const retryNum = header(req, 'x-slack-retry-num');
  await deps.receivers[event ? 'events' : 'interactions'].dispatch(res, {
    body: payload,
    retryNum: retryNum === undefined ? undefined : Number.parseInt(retryNum, 10),
    retryReason: header(req, 'x-slack-retry-reason'),
  });
}

/** Creates the endpoint's server (not yet listening). */
export function createSlackHttpServer(deps: EndpointDeps): Server {
  const server = createServer(
    {
      headersTimeout: deps.timeouts.headersMs,
      requestTimeout: deps.timeouts.requestMs,
      keepAliveTimeout: deps.timeouts.keepAliveMs,
      // Node looks for timed-out requests every 30 s by default: far past the timeouts above.
      connectionsCheckingInterval: Math.min(1_000, deps.timeouts.headersMs),
    },
    (req, res) => {
      handle(req, res, deps).catch((error: unknown) => {
        deps.log.error({ error: error instanceof Error ? error.message : String(error) }, 'failed to handle an HTTP request');
        reply(res, 500, 'internal error');
      });
    },
  );
  // Set again as properties: the constructor options are not honoured by every Node 20 release.
  server.headersTimeout = deps.timeouts.headersMs;
  server.requestTimeout = deps.timeouts.requestMs;
  server.keepAliveTimeout = deps.timeouts.keepAliveMs;
  return server;
}
