/**
 * The Slack Web API's faults as a user would notice them, end to end with the real Bolt app and the
 * local fake Web API: a 429 on one channel's post does not hold another channel's answer; the
 * hourglass reaction (put on a slow answer's question) never holds an answer, hanging or rate
 * limited, and is dropped past a few reaction calls at once; and a post Slack took but answered too late is not posted again, while
 * one that never landed is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackHandle } from '../../../adapters/slack/app.ts';
import { PROGRESS_DELAY_MS, REACTIONS_IN_FLIGHT_MAX } from '../../../adapters/slack/progress.ts';
import type { AdapterSettings } from '../../../adapters/shared/settings.ts';
import { BOT_USER_ID, startFakeSlackApi, type FakeSlackApi } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { startHttpSlack } from './support/start-http.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention } from './support/slack-payloads.ts';

const SIGNING_SECRET = 'w3b-ap1-5ec7e7-f0rcewa7c4516n1n6';
const QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const settings: AdapterSettings = { apiTimeoutMs: 400, apiRetries: 2, maxRetryAfterMs: 5_000, logMessageText: false };

let fake: FakeSlackApi;
let sink: LogSink;
let slack: SlackHandle;
let url: string;
/** A client that waits out slow and hanging calls (10 s): its slow answers are slow, not timed out. */
let patient: SlackHandle;
let patientUrl: string;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  sink = logSink();
  ({ slack, eventsUrl: url } = await startHttpSlack({ botToken: 'xoxb-1-2-webapi', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink }, { settings }));
  ({ slack: patient, eventsUrl: patientUrl } = await startHttpSlack(
    { botToken: 'xoxb-1-2-patient', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink: logSink() },
    { settings: { ...settings, apiTimeoutMs: 10_000 } },
  ));
});

afterAll(async () => {
  await slack?.stop({ graceMs: 1_000 });
  await patient?.stop({ graceMs: 100 });
  await fake?.close();
});

/** Sends a mention in `channel` (to the patient client if said) and resolves when it was acknowledged. */
const ask = async (channel: string, to = url) => {
  const { body } = appMention(channel, `<@${BOT_USER_ID}> ${QUESTION}`);
  expect((await postSigned(eventRequest(to, SIGNING_SECRET, body))).status).toBe(200);
};
const postsIn = (channel: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const answerIn = async (channel: string, timeoutMs = 10_000) => {
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, 1, timeoutMs);
  return Date.now();
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack Web API faults', () => {
  it('pauses only the channel a 429 covers: another channel’s answer is not held by its Retry-After', async () => {
    fake.injectFault('chat.postMessage', { kind: 'status', status: 429, retryAfterSeconds: 3 });
    const limitedAt = Date.now();
    await ask('C0LIMITED');
    while (!fake.faulted.some((f) => f.method === 'chat.postMessage')) await sleep(20);
    const otherAt = Date.now();
    await ask('C0OTHER');
    const otherAnswered = await answerIn('C0OTHER');
    expect(otherAnswered - otherAt).toBeLessThan(2_000);
    const limitedAnswered = await answerIn('C0LIMITED');
    expect(limitedAnswered - limitedAt).toBeGreaterThanOrEqual(3_000);
    expect(postsIn('C0LIMITED')).toHaveLength(1);
  }, 20_000);

  it('posts a slow answer without waiting for a hanging reaction call', async () => {
    // The post takes long enough for the hourglass to be wanted; its call then hangs.
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: PROGRESS_DELAY_MS + 300 });
    fake.injectFault('reactions.add', { kind: 'hang', ms: 5_000 });
    const askedAt = Date.now();
    await ask('C0HANG', patientUrl);
    expect((await answerIn('C0HANG')) - askedAt).toBeLessThan(PROGRESS_DELAY_MS + 2_000);
    expect(fake.faulted.some((f) => f.method === 'reactions.add' && f.fault === 'hang')).toBe(true);
  }, 15_000);

  it('answers a slow burst under a reactions rate limit, dropping the hourglass rather than the answers', async () => {
    await sleep(400); // let the previous test's reaction calls settle
    const reactionsBefore = fake.calls.filter((c) => c.method === 'reactions.add').length;
    fake.injectFault('reactions.add', { kind: 'status', status: 429, retryAfterSeconds: 60 });
    const burst = 20;
    // Every answer's post is slow enough for its hourglass to be wanted.
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: PROGRESS_DELAY_MS + 300 }, burst);
    const startedAt = Date.now();
    const channels = Array.from({ length: burst }, (_, i) => `C0TIER${i}`);
    for (const channel of channels) await ask(channel, patientUrl);
    for (const channel of channels) await answerIn(channel);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    // After the 429, reactions are left alone until its Retry-After has passed.
    expect(fake.calls.filter((c) => c.method === 'reactions.add').length - reactionsBefore).toBeLessThan(burst / 2);
  }, 20_000);

  it('answers a slow burst while every reaction call hangs, dropping the hourglass past a few calls at once', async () => {
    // A client of its own (the one above has reactions paused by the 429), that waits out the
    // hanging calls: each holds its place among the reaction calls in flight for the whole burst.
    const fresh = await startHttpSlack(
      { botToken: 'xoxb-1-2-fresh', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink: logSink() },
      { settings: { ...settings, apiTimeoutMs: 10_000 } },
    );
    try {
      const hangsBefore = fake.faulted.filter((f) => f.method === 'reactions.add').length;
      fake.injectFault('reactions.add', { kind: 'hang', ms: 4_000 }, 40);
      const burst = 20;
      fake.injectFault('chat.postMessage', { kind: 'slow', ms: PROGRESS_DELAY_MS + 300 }, burst);
      const startedAt = Date.now();
      const channels = Array.from({ length: burst }, (_, i) => `C0SLOWREACT${i}`);
      for (const channel of channels) await ask(channel, fresh.eventsUrl);
      for (const channel of channels) await answerIn(channel);
      // The hanging calls (4 s) hold up no answer.
      expect(Date.now() - startedAt).toBeLessThan(PROGRESS_DELAY_MS + 3_000);
      const hanging = fake.faulted.filter((f) => f.method === 'reactions.add').length - hangsBefore;
      expect(hanging).toBeGreaterThan(0);
      expect(hanging).toBeLessThanOrEqual(REACTIONS_IN_FLIGHT_MAX);
    } finally {
      await fresh.slack.stop({ graceMs: 100 });
    }
  }, 20_000);

  it('does not post again a part Slack took but answered after the client’s timeout', async () => {
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: 700 });
    await ask('C0LATE');
    await sink.waitFor((r) => r.msg === 'a post whose answer was lost had landed: not posting it again' && r.channel === 'C0LATE', 8_000);
    await sleep(500);
    expect(postsIn('C0LATE')).toHaveLength(1);
  }, 15_000);

  it('posts again a part that timed out without landing, once', async () => {
    fake.injectFault('chat.postMessage', { kind: 'hang', ms: 800 });
    await ask('C0LOST');
    await answerIn('C0LOST', 8_000);
    await sleep(1_500);
    expect(postsIn('C0LOST')).toHaveLength(1);
    expect(fake.faulted.filter((f) => f.method === 'chat.postMessage' && f.fault === 'hang')).toHaveLength(1);
  }, 15_000);
});
