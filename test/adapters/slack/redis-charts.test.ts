/**
 * With REDIS_URL set, a burst of charted questions gets every answer while the charts wait: a queue
 * worker takes its next question once an answer is posted, and keeps the job claimed until its
 * chart is in. Held to its place until then, a question's chart kept the seventeenth question of a
 * burst waiting on the first sixteen charts (BENCHMARKS.md: thousands of replies past the
 * benchmark's 30 s drain). Each chart is then still uploaded, once, and the queue left empty.
 *
 * The real adapter on the real Redis, under a key prefix of this file's own; the fake Web API holds
 * back the uploads of the first charts (as many as are drawn at once), so no chart can finish while
 * the answers are awaited.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATER_AT_ONCE, SLACK_CONCURRENCY } from '../../../adapters/shared/answer-desk.ts';
import { DEFAULT_ADAPTER_SETTINGS } from '../../../adapters/shared/settings.ts';
import { RedisState } from '../../../adapters/shared/state/redis.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { BOT_USER_ID, startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.ts';
import { logSink } from './support/log-sink.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention } from './support/slack-payloads.ts';
import { startHttpSlack, type HttpSlack } from './support/start-http.ts';

const SIGNING_SECRET = 'r3d15-ch4r75-5ec7e7-f0rcewa7c4516';
const TREND_QUESTION = 'How have complaints logged in England and Wales changed since 2020/21?';
/** More charted questions than the worker takes at once. */
const BURST = SLACK_CONCURRENCY.max + 4;
/** How long the fake holds each upload: past the wait for the answers below. */
const UPLOAD_HELD_MS = 15_000;
const prefix = testPrefix('slack-redis-charts');

let fake: FakeSlackApi;
let state: RedisState;
let http: HttpSlack;

beforeAll(async () => {
  await requireRedis();
  fake = await startFakeSlackApi();
  const sink = logSink();
  state = await RedisState.connect(TEST_REDIS_URL, prefix, sink.logger);
  http = await startHttpSlack(
    { botToken: 'xoxb-1-2-redischarts', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink },
    // The held uploads must not time out meanwhile.
    { state, queue: { url: TEST_REDIS_URL, prefix, leaseMs: 30_000 }, settings: { ...DEFAULT_ADAPTER_SETTINGS, apiTimeoutMs: 60_000 } },
  );
});

afterAll(async () => {
  await http?.slack.stop({ graceMs: 1_000 });
  await state?.close();
  await fake?.close();
  await deletePrefix(prefix);
});

describe('a burst of charted questions on Redis', () => {
  it('answers every question while the charts wait, then uploads each chart once and leaves the queue empty', async () => {
    fake.injectFault('files.getUploadURLExternal', { kind: 'slow', ms: UPLOAD_HELD_MS }, LATER_AT_ONCE);
    const channels = Array.from({ length: BURST }, (_, i) => `C0BURST${i}`);
    for (const channel of channels) {
      const { body } = appMention(channel, `<@${BOT_USER_ID}> ${TREND_QUESTION}`);
      expect((await postSigned(eventRequest(http.eventsUrl, SIGNING_SECRET, body))).status).toBe(200);
    }
    const answers = await fake.waitFor((c) => c.method === 'chat.postMessage' && channels.includes(String(c.body.channel)), BURST, UPLOAD_HELD_MS - 5_000);
    expect(new Set(answers.map((c) => c.body.channel)).size).toBe(BURST);
    // Every answer is out, and no chart has been uploaded yet.
    expect(fake.calls.filter((c) => c.method === 'files.completeUploadExternal')).toEqual([]);

    const uploads = await fake.waitFor((c) => c.method === 'files.completeUploadExternal', BURST, UPLOAD_HELD_MS + 20_000);
    expect(uploads).toHaveLength(BURST);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const stream = `${prefix}queue:slack`;
      // Marked done just after the upload returns.
      while ((await redis.xlen(stream)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(((await redis.xpending(stream, 'workers')) as [number])[0]).toBe(0);
    } finally {
      redis.disconnect();
    }
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && channels.includes(String(c.body.channel)))).toHaveLength(BURST);
  }, 90_000);
});
