/**
 * The Slack HTTP endpoint under attack and neglect, end to end over loopback with the real Bolt
 * app: bodies past 1 MB refused with 413 while they are still arriving (before any signature
 * check), idle, half-sent and kept-alive connections closed by their timeouts, timestamps in the
 * future refused like stale ones, forged and altered bodies refused, Slack's unsigned ssl_check
 * answered without acting on anything smuggled in it, a signed body that is not an object answered
 * 400, a replayed command or Share click taken once, and `/healthz` reporting the platform's state.
 */
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackHandle } from '../../../adapters/slack/app.ts';
import { ACK_TIMEOUT_MS } from '../../../adapters/slack/events-receiver.ts';
import { BODY_LIMIT_BYTES, type HttpTimeouts } from '../../../adapters/slack/http-endpoint.ts';
import { HealthBoard, HealthReport } from '../../../adapters/shared/health.ts';
import { InProcessState } from '../../../adapters/shared/state/in-process.ts';
import { startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.ts';
import { logSink } from './support/log-sink.ts';
import { startHttpSlack } from './support/start-http.ts';
import { SHARE_ACTION_ID } from '../../../adapters/slack/render-blocks.ts';
import { shareValue } from '../../../adapters/slack/listeners/shared-answer.ts';
import { actionRequest, commandRequest, eventRequest, postSigned, slackSignature } from './support/sign.ts';
import { buttonClick, slashCommand } from './support/slack-payloads.ts';

const SIGNING_SECRET = 'h77p-3ndp01n7-5ec7e7-f0rcewa7c45';
const TIMEOUTS: HttpTimeouts = { headersMs: 400, requestMs: 800, keepAliveMs: 300 };

let fake: FakeSlackApi;
let slack: SlackHandle;
let port: number;
let url: string;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  const state = new InProcessState();
  const started = await startHttpSlack(
    { botToken: 'xoxb-1-2-endpoint', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink: logSink() },
    { state, health: new HealthBoard(state), httpTimeouts: TIMEOUTS },
  );
  slack = started.slack;
  port = Number(slack.port);
  url = started.eventsUrl;
});

afterAll(async () => {
  await slack?.stop({ graceMs: 1_000 });
  await fake?.close();
});

/** Opens a raw connection, writes `data`, and resolves with everything read and how long until the server closed it. */
function rawConnection(data: string): Promise<{ received: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let received = '';
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(data));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ received, closedAfterMs: performance.now() - started }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server left the connection open for 10 s'));
    }, 10_000).unref();
  });
}

describe('the body limit', () => {
  it('answers 413 to a declared body past 1 MB without reading it or checking a signature', async () => {
    const { received } = await rawConnection(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${25 * 1024 * 1024}\r\n\r\n{"a":`,
    );
    expect(received).toMatch(/^HTTP\/1\.1 413/);
  });

  it('answers 413 to an undeclared (chunked) body once 1 MB has arrived, while the sender is still sending', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => {});
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        // Stops by itself at 4 MB; the answer is expected long before.
        while (sent < 4 * BODY_LIMIT_BYTES && req.write(chunk)) sent += chunk.length;
        if (sent < 4 * BODY_LIMIT_BYTES) req.once('drain', pump);
        else reject(new Error('sent 4 MB without an answer'));
      };
      pump();
    });
    expect(status).toBe(413);
  });
});

describe('timeouts', () => {
  it('closes a connection that never finishes its headers', async () => {
    const { received, closedAfterMs } = await rawConnection('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(received === '' || /^HTTP\/1\.1 408/.test(received)).toBe(true);
  });

  it('closes a connection whose body is half sent', async () => {
    const { closedAfterMs } = await rawConnection(
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('closes a kept-alive connection left idle', async () => {
    const { received, closedAfterMs } = await rawConnection('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(closedAfterMs).toBeLessThan(5_000);
  });
});

describe('signed requests', () => {
  it('refuses a correctly signed request whose timestamp is more than five minutes in the future', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'from-the-future' });
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const response = await postSigned({ url, secret: SIGNING_SECRET, body, contentType: 'application/json', timestamp: future });
    expect(response.status).toBe(401);
    const near = Math.floor(Date.now() / 1000) + 60;
    expect((await postSigned({ url, secret: SIGNING_SECRET, body, contentType: 'application/json', timestamp: near })).status).toBe(200);
  });

  it.each([
    ['null', 'application/json'],
    ['[]', 'application/json'],
    ['"text"', 'application/json'],
    ['not json', 'application/json'],
    ['payload=null', 'application/x-www-form-urlencoded'],
  ])('answers a signed body %s with 400, promptly', async (body, contentType) => {
    const response = await postSigned({ url, secret: SIGNING_SECRET, body, contentType });
    expect(response.status).toBe(400);
  });

  it('takes a replayed /ask once: three deliveries of one signed request, one answer', async () => {
    const signed = commandRequest(
      url,
      SIGNING_SECRET,
      slashCommand('/ask', 'How many misconduct allegations were made against Hampshire police in 2021-22?', 'C0REPLAY', fake.responseUrl('replay')),
    );
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await postSigned({ ...signed, timestamp })).status);
    expect(statuses).toEqual([200, 200, 200]);
    await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'replay');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === 'replay')).toHaveLength(1);
  });

  it('takes a replayed Share click once: three deliveries of one signed click, one post in the channel', async () => {
    const value = shareValue({ k: 'ask', q: 'How many misconduct allegations were made against Hampshire police in 2021-22?' }) ?? '';
    const signed = actionRequest(url, SIGNING_SECRET, buttonClick('C0SHAREREPLAY', SHARE_ACTION_ID, value, fake.responseUrl('share-replay')));
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await postSigned({ ...signed, timestamp })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const [first] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SHAREREPLAY');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // One answer, however many parts it has: every post in the channel is the first click's.
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SHAREREPLAY');
    const keys = posts.map((c) => JSON.stringify(c.body.metadata));
    expect(new Set(keys).size).toBe(keys.length);
    expect(first).toBeDefined();
  });

  it('still checks the signature of a small body: unsigned gets 401', async () => {
    const response = await postSigned({
      ...eventRequest(url, SIGNING_SECRET, { type: 'url_verification', challenge: 'c' }),
      signature: slackSignature('wrong', 1, ''),
    });
    expect(response.status).toBe(401);
  });

  it('refuses a body signed with another secret, and a body changed after it was signed', async () => {
    const question = slashCommand(
      '/ask',
      'How many misconduct allegations were made against Hampshire police in 2021-22?',
      'C0FORGED',
      fake.responseUrl('forged'),
    );
    const forged = await postSigned(commandRequest(url, 'another-apps-signing-secret-00000', question));
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = commandRequest(url, SIGNING_SECRET, question);
    const changed = await postSigned({
      ...signed,
      timestamp,
      signature: slackSignature(SIGNING_SECRET, timestamp, signed.body),
      body: signed.body.replace('Hampshire', 'Hampshira'),
    });
    expect([forged.status, changed.status]).toEqual([401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.responseUrlId === 'forged')).toHaveLength(0);
  });

  it('answers 404 to a signed click on a button it never posted, once Slack’s three seconds are up', async () => {
    const click = buttonClick('C0UNKNOWN', 'not_a_forcewatch_button', 'x', fake.responseUrl('unknown-button'));
    const startedAt = Date.now();
    const response = await postSigned(actionRequest(url, SIGNING_SECRET, click));
    expect(response.status).toBe(404);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(ACK_TIMEOUT_MS - 100);
    expect(fake.calls.filter((c) => c.responseUrlId === 'unknown-button')).toHaveLength(0);
  }, 10_000);

  it('answers Slack’s unsigned ssl_check, and acts on nothing sent along with it', async () => {
    const value = shareValue({ k: 'ask', q: 'How many misconduct allegations were made against Hampshire police in 2021-22?' }) ?? '';
    const smuggled = new URLSearchParams({
      ssl_check: '1',
      payload: JSON.stringify(buttonClick('C0SMUGGLED', SHARE_ACTION_ID, value, fake.responseUrl('smuggled'))),
    }).toString();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: smuggled });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.filter((c) => c.body.channel === 'C0SMUGGLED' || c.responseUrlId === 'smuggled')).toHaveLength(0);
  });
});

describe('/healthz', () => {
  it('reports the Slack platform ready and where the state is held', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(HealthReport.parse(await response.json())).toEqual({
      ok: true,
      platforms: { slack: { state: 'ready' } },
      state: { kind: 'in-process', ok: true },
    });
  });
});
