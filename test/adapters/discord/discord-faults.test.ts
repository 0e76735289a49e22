/**
 * Reliability end to end with the real discord.js client and the local Discord-compatible server:
 * rate limits answered with a polite notice, REST faults (429 with Retry-After, 5xx, timeouts)
 * retried within limits and reported to the user when they persist, gateway disconnects survived,
 * and one log line per question carrying no token and no DM text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUTTING_DOWN_TEXT } from '../../../adapters/shared/answer-desk.ts';
import type { AdapterSettings } from '../../../adapters/shared/settings.ts';
import { FAILURE_TEXT, type Engine } from '../../../src/index.ts';
import { CallbackBody, MessageBody, type FakeUser } from './fake-discord.ts';
import { answered } from './fixtures.ts';
import { bodyOf, embedsOf, interactionReplies, repliesTo, startHarness, visibleText, type Harness } from './harness.ts';
import { BOT, IDS, TOKEN, interaction, message } from './payloads.ts';

const engine: Engine = {
  answer: (question) => ({ ...answered, question }),
  forceCard: (name) => ({ ...answered, question: name, type: 'force_card' }),
  suggestForces: () => [],
  forcesWithData: () => [],
  sources: () => [],
  explain: () => {
    throw new Error('not asked of the Discord adapter');
  },
};

const base: AdapterSettings = { apiTimeoutMs: 400, apiRetries: 2, maxRetryAfterMs: 5_000, logMessageText: false };
const user = (n: number): FakeUser => ({ id: `11900000000000000${String(n).padStart(2, '0')}`, username: `user${n}` });
const isChannelPost = (method: string, path: string) => method === 'POST' && /^\/channels\/\d+\/messages$/.test(path);

describe('rate limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { ...base, limits: { perUser: { max: 2, windowMs: 60_000 }, perChannel: { max: 3, windowMs: 60_000 } } });
  });
  afterAll(async () => h?.stop({ graceMs: 1_000 }));

  it('answers a user’s first questions, then replies asking them to wait', async () => {
    const asks = [0, 1, 2].map(() => message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT], author: user(1), dm: true }));
    for (const ask of asks) h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const replies = await Promise.all(asks.map((ask) => h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r))));
    expect(visibleText(embedsOf([replies[0]!]))).toContain('1,938');
    expect(visibleText(embedsOf([replies[1]!]))).toContain('1,938');
    expect(bodyOf(replies[2]!).content).toMatch(/faster than I can answer them well\. Please wait \d+ seconds and ask again\./);
    expect(bodyOf(replies[2]!).allowed_mentions?.parse).toEqual([]);
  });

  it('limits a busy channel across different users', async () => {
    const asks = [2, 3, 4, 5].map((n) => message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT], author: user(n), channelId: IDS.otherChannel }));
    for (const ask of asks) h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const last = await h.fake.waitForRequest((r) => repliesTo(h.fake, asks[3]!.id).includes(r));
    expect(bodyOf(last).content).toContain('This channel is asking a lot of questions at once');
  });

  it('tells a slash command user to wait, privately', async () => {
    const asks = [0, 1, 2].map(() => interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: 'how many?' }] }));
    for (const ask of asks) h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const callback = await h.fake.waitForRequest((r) => r.path === `/interactions/${asks[2]!.id}/${asks[2]!.token}/callback`);
    const body = CallbackBody.parse(callback.body);
    expect(body.type).toBe(4);
    const data = MessageBody.parse(body.data);
    expect(data.content).toContain('Please wait');
    expect(data.flags).toBe(64);
  });
});

describe('Discord faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, base);
  });
  afterAll(async () => h?.stop({ graceMs: 1_000 }));

  it('waits out a 429’s Retry-After, then posts the answer once', async () => {
    h.fake.injectFault(isChannelPost, { kind: 'status', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const ask = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
    expect(repliesTo(h.fake, ask.id)).toHaveLength(1);
    expect(h.fake.faulted.some((f) => f.fault === 'status')).toBe(true);
  });

  it('does not wait out a Retry-After past API_MAX_RETRY_AFTER_SECONDS: it tells the user at once', async () => {
    h.fake.injectFault(isChannelPost, { kind: 'status', status: 429, retryAfterSeconds: 60 });
    const started = Date.now();
    const ask = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const notice = await h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r));
    expect(bodyOf(notice).content).toBe(FAILURE_TEXT);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries a 500 and a timed-out request, and the answer arrives once', async () => {
    h.fake.injectFault(isChannelPost, { kind: 'status', status: 500 });
    h.fake.injectFault(isChannelPost, { kind: 'hang', ms: 1_000 });
    const ask = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r));
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
    expect(repliesTo(h.fake, ask.id)).toHaveLength(1);
  });

  it('posts a reply once when Discord took it but answered after the client’s timeout, and the client sent it again', async () => {
    h.fake.injectFault(isChannelPost, { kind: 'late', ms: 1_000 });
    const ask = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const repliesToAsk = (r: (typeof h.fake.requests)[number]) =>
      r.method === 'POST' && MessageBody.safeParse(r.body).data?.message_reference?.message_id === ask.id;
    await h.fake.waitForRequest((r) => r.duplicateOf !== undefined && repliesToAsk(r), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const created = h.fake.requests.filter((r) => repliesToAsk(r) && r.messageId !== undefined);
    expect(created).toHaveLength(1);
    expect(repliesTo(h.fake, ask.id)).toHaveLength(1);
  });

  it('retries a failed edit of a deferred /ask reply', async () => {
    h.fake.injectFault((method, path) => method === 'PATCH' && path.endsWith('/messages/@original'), { kind: 'status', status: 502 }, 2);
    const ask = interaction(h.fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: 'how many?' }] });
    h.fake.dispatch('INTERACTION_CREATE', ask.payload);
    const [edit] = await h.fake.waitForRequests((r) => interactionReplies(h.fake, ask.token).includes(r), 1);
    expect(visibleText(embedsOf([edit!]))).toContain('1,938');
  });

  it('tells the user when posting keeps failing, and keeps serving someone else', async () => {
    // Three failures use up the first attempt and both retries; the notice after them gets through.
    h.fake.injectFault(isChannelPost, { kind: 'status', status: 503 }, 3);
    const doomed = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', doomed.payload);
    const notice = await h.fake.waitForRequest((r) => repliesTo(h.fake, doomed.id).includes(r));
    expect(bodyOf(notice).content).toBe(FAILURE_TEXT);
    const next = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT], author: user(9) });
    h.fake.dispatch('MESSAGE_CREATE', next.payload);
    expect(visibleText(embedsOf([await h.fake.waitForRequest((r) => repliesTo(h.fake, next.id).includes(r))]))).toContain('1,938');
  });

  it('survives the gateway closing the connection, resuming and answering again', async () => {
    const sessions = (await h.fake.waitForSessions(1)).length;
    h.fake.dropGateway(4000);
    await h.fake.waitForSessions(sessions + 1);
    expect(h.fake.connections.at(-1)?.resumed).toBe(true);
    const ask = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r));
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
  });

  it('survives its session being invalidated, identifying afresh', async () => {
    const sessions = (await h.fake.waitForSessions(1)).length;
    h.fake.invalidateSession();
    await h.fake.waitForSessions(sessions + 1);
    expect(h.fake.connections.at(-1)?.identify?.tokenValid).toBe(true);
    expect(h.fake.connections.at(-1)?.resumed).toBeUndefined();
    const ask = message(h.fake, { content: 'how many in a DM?', dm: true, author: user(10) });
    h.fake.dispatch('MESSAGE_CREATE', ask.payload);
    const reply = await h.fake.waitForRequest((r) => repliesTo(h.fake, ask.id).includes(r));
    expect(visibleText(embedsOf([reply]))).toContain('1,938');
  });

  it('logs one line per question with a request id, platform, latency and status, and no DM text or token', async () => {
    const dm = message(h.fake, { content: 'a private question only said in a DM', dm: true, author: user(11) });
    h.fake.dispatch('MESSAGE_CREATE', dm.payload);
    await h.fake.waitForRequest((r) => repliesTo(h.fake, dm.id).includes(r));
    await expect.poll(() => h.logLines.filter((l) => l.includes('"kind":"dm"')).length).toBeGreaterThanOrEqual(2);
    const handled = h.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === 'question handled');
    expect(handled.length).toBeGreaterThanOrEqual(6);
    for (const line of handled) {
      expect(line).toMatchObject({
        platform: 'discord',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        latencyMs: expect.any(Number),
        status: expect.any(String),
      });
    }
    const all = h.logLines.join('\n');
    expect(all).not.toContain('only said in a DM');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split('.')[2]);
  });
});

describe('stopping', () => {
  it('finishes the answer in flight, tells a newcomer it is restarting, then closes the gateway', async () => {
    const h = await startHarness(engine, base);
    h.fake.injectFault(isChannelPost, { kind: 'slow', ms: 800 });
    const first = message(h.fake, { content: `<@${BOT.id}> how many?`, mentions: [BOT] });
    h.fake.dispatch('MESSAGE_CREATE', first.payload);
    await expect.poll(() => h.inFlight()).toBe(1);
    const stopped = h.stop({ graceMs: 5_000 });
    const late = message(h.fake, { content: `<@${BOT.id}> one more?`, mentions: [BOT], author: user(12) });
    h.fake.dispatch('MESSAGE_CREATE', late.payload);
    const notice = await h.fake.waitForRequest((r) => repliesTo(h.fake, late.id).includes(r));
    expect(bodyOf(notice).content).toBe(SHUTTING_DOWN_TEXT);
    const answer = await h.fake.waitForRequest((r) => repliesTo(h.fake, first.id).includes(r));
    expect(visibleText(embedsOf([answer]))).toContain('1,938');
    await stopped;
  });
});
