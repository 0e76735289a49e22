/**
 * The answer path with REDIS_URL set, kept to as few round trips to Redis as it needs (issue 15:
 * the reply p50 with Redis under twice the in-process one; BENCHMARKS.md, section 4b): a mention
 * is checked against earlier deliveries of its message and stored in the work queue in one round
 * trip (no claim of its own beforehand), a mention that starts a thread looks up no earlier
 * exchange, and the answer is posted without waiting for the conversation to be written. A retry
 * is still dropped and a follow-up still keeps its context. A question that cannot be stored fails
 * its delivery (500), so Slack sends it again, and is answered once Redis is back, even empty.
 *
 * The real adapter on the real Redis, under a key prefix of this file's own; the state port is the
 * real RedisState, wrapped to list the calls made of it and to hold one back.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackHandle } from '../../../adapters/slack/app.ts';
import type { PreviousExchange } from '../../../adapters/shared/state/exchange.ts';
import type { StatePort, WindowHit } from '../../../adapters/shared/state/port.ts';
import { RedisState } from '../../../adapters/shared/state/redis.ts';
import { deletePrefix, keysUnder, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention } from './support/slack-payloads.ts';
import { startHttpSlack } from './support/start-http.ts';

const SIGNING_SECRET = 'r3d15-pa7h-5ec7e7-f0rcewa7c4516n1';
const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const prefix = testPrefix('slack-answer-path');

/** The real state, listing each call by method and holding `remember` back when told to. */
class WatchedState implements StatePort {
  readonly kind = 'redis' as const;
  readonly calls: { method: string; key: string }[] = [];
  holdRememberMs = 0;
  /** performance.now() when the latest `remember` was done. */
  rememberedAt = 0;

  constructor(readonly inner: StatePort) {}

  #see(method: string, key: string): void {
    this.calls.push({ method, key });
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    this.#see('claim', key);
    return this.inner.claim(key, ttlMs);
  }

  release(key: string): Promise<void> {
    this.#see('release', key);
    return this.inner.release(key);
  }

  async remember(keys: readonly string[], exchange: PreviousExchange, ttlMs: number): Promise<void> {
    this.#see('remember', keys.join(','));
    if (this.holdRememberMs > 0) await new Promise((resolve) => setTimeout(resolve, this.holdRememberMs));
    await this.inner.remember(keys, exchange, ttlMs);
    this.rememberedAt = performance.now();
  }

  recall(key: string): Promise<PreviousExchange | undefined> {
    this.#see('recall', key);
    return this.inner.recall(key);
  }

  keep(key: string, json: string, ttlMs: number): Promise<void> {
    this.#see('keep', key);
    return this.inner.keep(key, json, ttlMs);
  }

  kept(key: string): Promise<string | undefined> {
    this.#see('kept', key);
    return this.inner.kept(key);
  }

  takeWindows(hits: readonly WindowHit[]): Promise<number[]> {
    this.#see('takeWindows', hits.map((h) => h.key).join(','));
    return this.inner.takeWindows(hits);
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

let fake: FakeSlackApi;
let sink: LogSink;
let state: WatchedState;
let slack: SlackHandle;
let url: string;

beforeAll(async () => {
  await requireRedis();
  fake = await startFakeSlackApi();
  sink = logSink();
  state = new WatchedState(await RedisState.connect(TEST_REDIS_URL, prefix, sink.logger));
  ({ slack, eventsUrl: url } = await startHttpSlack(
    { botToken: 'xoxb-1-2-answerpath', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink },
    { state, queue: { url: TEST_REDIS_URL, prefix, leaseMs: 30_000 } },
  ));
});

afterAll(async () => {
  await slack?.stop({ graceMs: 1_000 });
  await state?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

const send = async (body: object, headers?: Record<string, string>) => {
  expect((await postSigned(eventRequest(url, SIGNING_SECRET, body, headers))).status).toBe(200);
};
const postsIn = (channel: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const waitForPosts = (channel: string, count = 1) => fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, count, 10_000);
const callsSince = (mark: number) => state.calls.slice(mark).map((c) => c.method);

describe('the Slack answer path on Redis', () => {
  it('stores a mention that starts a thread with no claim of its own and no look-up of an earlier exchange, and still drops its retry', async () => {
    const mark = state.calls.length;
    const { ts, body } = appMention('C0PATH', `<@${BOT_USER_ID}> ${HAMPSHIRE}`);
    await send(body);
    await waitForPosts('C0PATH');
    await send(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await sink.waitFor((r) => r.msg === 'skipped an event already handled' && r.retryNum === 1);
    // The message's key went with the job, in the one script that stored it, for the claim's hour.
    const keys = await keysUnder(prefix);
    const once = keys.find((k) => k.key.endsWith(`once:slack:message:C0PATH:${ts}`));
    expect(once?.ttlMs).toBeGreaterThan(59 * 60 * 1000);
    expect(callsSince(mark)).toEqual(['remember']);
    expect(postsIn('C0PATH')).toHaveLength(1);
  });

  it('posts the answer without waiting for the conversation to be written, which a follow-up then finds', async () => {
    state.holdRememberMs = 3_000;
    try {
      const { ts, body } = appMention('C0HELD', `<@${BOT_USER_ID}> ${HAMPSHIRE}`);
      const askedAt = performance.now();
      await send(body);
      await waitForPosts('C0HELD');
      const postedAt = performance.now();
      // Held for 3 s, the conversation's write would have held the post as long.
      expect(postedAt - askedAt).toBeLessThan(2_500);
      while (state.rememberedAt < postedAt) await new Promise((resolve) => setTimeout(resolve, 20));
      state.holdRememberMs = 0;
      const mark = state.calls.length;
      const followUp = appMention('C0HELD', `<@${BOT_USER_ID}> what about Hertfordshire?`, { threadTs: ts });
      await send(followUp.body);
      const [, reply] = await waitForPosts('C0HELD', 2);
      expect(shownText(reply as RecordedCall)).toMatch(/Hertfordshire Constabulary: 1,972 misconduct allegations/);
      expect(callsSince(mark)).toEqual(['recall', 'remember']);
    } finally {
      state.holdRememberMs = 0;
    }
  });

  it('fails a delivery it could not store, so that Slack sends it again, and answers the redelivery once', async () => {
    const stream = `${prefix}queue:slack`;
    const redis = new Redis(TEST_REDIS_URL);
    try {
      // The queue cannot store: its stream's key holds something else (XADD fails with WRONGTYPE).
      await redis.del(stream);
      await redis.set(stream, 'not a stream');
      const { body } = appMention('C0UNSTORED', `<@${BOT_USER_ID}> ${HAMPSHIRE}`);
      const refused = await postSigned(eventRequest(url, SIGNING_SECRET, body));
      expect(refused.status).toBe(500);
      // Then Redis comes back empty, as after a restart without its data: no stream, no group.
      await redis.del(stream);
      await send(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
      await waitForPosts('C0UNSTORED');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(postsIn('C0UNSTORED')).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });
});
