/**
 * A local stand-in for Slack's Web API and response_url endpoint, for end-to-end tests. It answers
 * the methods the adapter calls with Slack-shaped JSON and records every call, so a test can read
 * what a Slack user would see: which channel, which thread, which blocks. As Slack does, it refuses
 * buttons and modals past Block Kit's limits, and opens a modal only for a trigger_id it issued
 * (with a click) less than three seconds before, once.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from '../../support/faults.ts';
import { blockProblem } from './block-kit-limits.ts';
import { FakeSlackFiles } from './fake-slack-files.ts';
import { FakeSlackViews, type OpenedView } from './fake-slack-views.ts';

export type { OpenedView } from './fake-slack-views.ts';

/** Team and bot identity returned by auth.test. */
export const TEAM_ID = 'T0TEST';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';

/** One recorded request: a Web API method call, or a post to a response_url. */
export interface RecordedCall {
  /** Web API method ("chat.postMessage"), or "response_url". */
  method: string;
  /** For response_url posts: the id in the URL, so a test can tell its commands apart. */
  responseUrlId?: string;
  /** Decoded arguments; `blocks` JSON-decoded when sent as a form field. */
  body: Record<string, unknown>;
  authorization: string | undefined;
}

/** A message as Slack keeps it once posted. */
export interface PostedMessage {
  channel: unknown;
  ts: string;
  thread_ts?: unknown;
  text: unknown;
  blocks?: unknown;
  metadata?: unknown;
}

/** A call that met an injected fault (and so was not delivered), with when it arrived. */
export interface FaultedCall {
  method: string;
  fault: Fault['kind'];
  at: number;
}

export interface FakeSlackApi {
  /** Base URL, e.g. http://127.0.0.1:1234 (the Web API is under /api/). */
  url: string;
  /** Web API base to give the adapter as SLACK_API_URL. */
  apiUrl: string;
  calls: RecordedCall[];
  /** Messages posted, as Slack keeps them (conversations.history and .replies read them back). */
  messages: PostedMessage[];
  /** Files uploaded with files.uploadV2's three steps, and where they were shared. */
  files: FakeSlackFiles;
  /** A fresh response_url on this server. */
  responseUrl(id: string): string;
  /** A trigger_id for a click's payload: views.open takes it once, within three seconds. */
  triggerId(): string;
  /** Modals opened, in order. */
  views: OpenedView[];
  /** Makes the next call of `method` fail with Slack's `error` code. */
  failNext(method: string, error: string): void;
  /** Makes the next `times` calls of `method` ("response_url" for response_url posts) meet `fault`. */
  injectFault(method: string, fault: Fault, times?: number): void;
  /** Every call that met an injected fault, in arrival order. */
  faulted: FaultedCall[];
  /** Sets the websocket URL apps.connections.open hands out. */
  setSocketUrl(url: string): void;
  /** Resolves with the matching calls once `predicate` holds for at least `count` of them. */
  waitFor(predicate: (call: RecordedCall) => boolean, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Slack's Web API takes form fields or JSON; structured fields arrive JSON-encoded in forms. */
function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

/** Starts the fake on a free loopback port. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, string>();
  const faults = new Map<string, Fault[]>();
  const faulted: FaultedCall[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const waiters = new Set<() => void>();
  let socketUrl = '';
  let tsCounter = 0;
  /** Messages posted, as Slack keeps them: conversations.history and .replies read them back. */
  const posted: PostedMessage[] = [];
  /** Slack returns a message's metadata only when asked to (include_all_metadata). */
  const readBack = (withMetadata: unknown) => (m: (typeof posted)[number]) => {
    const { metadata, ...rest } = m;
    return { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, ...rest, ...(withMetadata === 'true' || withMetadata === true ? { metadata } : {}) };
  };
  // Its address is known once the server listens, below.
  const files = new FakeSlackFiles('');
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, '0')}`;
  const views = new FakeSlackViews(TEAM_ID);

  const respond = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://forcewatch-test.slack.com/',
          team: 'Forcewatch Test',
          user: 'forcewatch',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const problem = blockProblem(body.blocks);
        if (problem !== undefined) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        const ts = nextTs();
        posted.push({
          channel: body.channel,
          ts,
          text: body.text,
          ...(body.blocks === undefined ? {} : { blocks: body.blocks }),
          ...(body.thread_ts === undefined ? {} : { thread_ts: body.thread_ts }),
          ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
        });
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, text: body.text, blocks: body.blocks, ts },
        };
      }
      case 'chat.postEphemeral': {
        const problem = blockProblem(body.blocks);
        if (problem !== undefined) return { ok: false, error: 'invalid_blocks', errors: [problem] };
        return { ok: true, message_ts: nextTs() };
      }
      case 'views.open':
        return views.open(body);
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'conversations.history':
        // Newest first, as Slack lists them.
        return {
          ok: true,
          messages: posted
            .filter((m) => m.channel === body.channel)
            .reverse()
            .map(readBack(body.include_all_metadata)),
          has_more: false,
        };
      case 'conversations.replies':
        return {
          ok: true,
          messages: posted.filter((m) => m.channel === body.channel && (m.thread_ts === body.ts || m.ts === body.ts)).map(readBack(body.include_all_metadata)),
          has_more: false,
        };
      case 'files.getUploadURLExternal':
        return files.getUploadUrl(body);
      case 'files.completeUploadExternal':
        return files.complete(body);
      case 'apps.connections.open':
        return socketUrl === '' ? { ok: false, error: 'invalid_auth' } : { ok: true, url: socketUrl };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const bytes = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (FakeSlackFiles.isUpload(path)) {
        const [status, text] = await files.upload(path, bytes, req.headers['content-type']);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
        for (const wake of waiters) wake();
        return;
      }
      const body = decode(bytes.toString('utf8'), req.headers['content-type']);
      const authorization = req.headers.authorization;
      const faultKey = path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url';
      const fault = faults.get(faultKey)?.shift();
      if (fault !== undefined) {
        if (fault.kind === 'hang' || fault.kind === 'status') faulted.push({ method: faultKey, fault: fault.kind, at: Date.now() });
        if (fault.kind === 'status') {
          const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
          if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
          res.writeHead(fault.status, headers).end(JSON.stringify({ ok: false, error: fault.status === 429 ? 'ratelimited' : 'internal_error' }));
          for (const wake of waiters) wake();
          return;
        }
        if (fault.kind !== 'late') await sleep(fault.ms);
        if (fault.kind === 'hang') {
          // The client gave up long ago; whatever it sent is not delivered.
          if (!res.destroyed) res.writeHead(504).end();
          return;
        }
      }
      let reply: Record<string, unknown>;
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        calls.push({ method, body, authorization });
        reply = respond(method, body);
      } else if (path.startsWith('/response/')) {
        calls.push({ method: 'response_url', responseUrlId: path.slice('/response/'.length), body, authorization });
        reply = { ok: true };
      } else {
        res.writeHead(404).end();
        return;
      }
      // Taken and delivered already; only the answer is late.
      if (fault?.kind === 'late') await sleep(fault.ms);
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply));
      for (const wake of waiters) wake();
    })();
  });
  // Slack's edge keeps an idle connection open for a minute or more. Node's default of five seconds
  // equals the client's own idle timeout, so a call made about five seconds after the last one
  // could go out on a connection this end was just closing.
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  files.baseUrl = url;

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    messages: posted,
    files,
    responseUrl: (id) => `${url}/response/${id}`,
    triggerId: () => views.issueTrigger(),
    views: views.opened,
    failNext: (method, error) => void failures.set(method, error),
    injectFault: (method, fault, times = 1) => {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(fault);
      faults.set(method, queue);
    },
    faulted,
    setSocketUrl: (wsUrl) => {
      socketUrl = wsUrl;
    },
    waitFor(predicate, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = calls.filter(predicate);
          if (matching.length < count) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(matching);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack API: timed out waiting for ${count} matching call(s); saw ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The raw JSON of what a call posted (text and blocks), for checks on exactly what was sent. */
export function postedJson(call: RecordedCall): string {
  return JSON.stringify({ text: call.body.text, blocks: call.body.blocks });
}

function collectTexts(value: unknown, into: string[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectTexts(item, into);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'text' && typeof inner === 'string') into.push(inner);
    else collectTexts(inner, into);
  }
}

/** What a Slack user reads in a call's blocks: every text in them, with mrkdwn's escapes undone. */
export function shownText(call: RecordedCall): string {
  const texts: string[] = [];
  collectTexts(call.body.blocks, texts);
  return texts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
