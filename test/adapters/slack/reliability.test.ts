/**
 * Reliability end to end over HTTP, with the real Bolt app and the local fake Slack Web API: rate
 * limits answered with a polite notice, Web API faults (429 with Retry-After, 5xx, timeouts)
 * retried within limits and reported to the user when they persist, other people served
 * meanwhile, and one log line per question that carries no secret and no DM text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackHandle } from '../../../adapters/slack/app.ts';
import type { AdapterSettings } from '../../../adapters/shared/settings.ts';
import { FAILURE_TEXT } from '../../../src/index.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { logSink, type LogSink } from './support/log-sink.ts';
import { startHttpSlack } from './support/start-http.ts';
import { commandRequest, eventRequest, postSigned } from './support/sign.ts';
import { appMention, directMessage, slashCommand } from './support/slack-payloads.ts';

const BOT_TOKEN = 'xoxb-7777777777-8888888888-reliabilityBotTokenNeverLogged';
const SIGNING_SECRET = 'reliability-signing-secret-never-logged-0123';
const QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const DM_SECRET_TEXT = 'my private worry about Hampshire police 2021-22 (only in a DM)';

const settings: AdapterSettings = {
  limits: { perUser: { max: 2, windowMs: 60_000 }, perChannel: { max: 3, windowMs: 60_000 } },
  apiTimeoutMs: 400,
  apiRetries: 2,
  maxRetryAfterMs: 5_000,
  logMessageText: false,
};

let fake: FakeSlackApi;
let sink: LogSink;
let slack: SlackHandle;
let eventsUrl: string;

const mention = (channel: string, user: string) => {
  const { ts, body } = appMention(channel, `<@${BOT_USER_ID}> ${QUESTION}`, { user });
  return { ts, send: () => postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body)) };
};
const postsIn = (channel: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const waitForPosts = (channel: string, count = 1, timeoutMs = 8_000) =>
  fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, count, timeoutMs);

beforeAll(async () => {
  fake = await startFakeSlackApi();
  sink = logSink();
  ({ slack, eventsUrl } = await startHttpSlack({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, sink }, { settings }));
});

afterAll(async () => {
  await slack?.stop({ graceMs: 1_000 });
  await fake?.close();
});

describe('rate limits', () => {
  it('answers a user’s first questions, then tells them privately to wait', async () => {
    for (const channel of ['C0RATE1', 'C0RATE2', 'C0RATE3']) await mention(channel, 'U0EAGER').send();
    await waitForPosts('C0RATE1');
    await waitForPosts('C0RATE2');
    const [notice] = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.body.channel === 'C0RATE3');
    expect(notice?.body.user).toBe('U0EAGER');
    expect(String(notice?.body.text)).toMatch(/faster than I can answer them well\. Please wait \d+ seconds and ask again\./);
    expect(postsIn('C0RATE3')).toHaveLength(0);
  });

  it('limits a busy channel across different users, then still answers other channels', async () => {
    for (const user of ['U0A', 'U0B', 'U0C', 'U0D']) await mention('C0BUSY', user).send();
    const [notice] = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.body.channel === 'C0BUSY');
    expect(notice?.body.user).toBe('U0D');
    expect(String(notice?.body.text)).toContain('This channel is asking a lot of questions at once');
    await waitForPosts('C0BUSY', 3);
    await mention('C0QUIET', 'U0E').send();
    expect(shownText((await waitForPosts('C0QUIET'))[0] as RecordedCall)).toContain('1,938');
  });

  it('tells a slash command user to wait through the response_url', async () => {
    const url = fake.responseUrl('rate-ask');
    for (let i = 0; i < 3; i += 1) {
      const fields = { ...slashCommand('/ask', QUESTION, `C0RATECMD${i}`, url), user_id: 'U0SLASHER' };
      await postSigned(commandRequest(eventsUrl, SIGNING_SECRET, fields));
    }
    const replies = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'rate-ask', 3);
    expect(replies.filter((r) => shownText(r).includes('1,938'))).toHaveLength(2);
    expect(replies.filter((r) => String(r.body.text).includes('Please wait'))).toHaveLength(1);
  });
});

describe('Slack Web API faults', () => {
  it('waits out a 429’s Retry-After, then posts the answer once', async () => {
    fake.injectFault('chat.postMessage', { kind: 'status', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await mention('C0LIMITED', 'U0F1').send();
    const [reply] = await waitForPosts('C0LIMITED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(shownText(reply as RecordedCall)).toContain('1,938');
    expect(fake.faulted.filter((f) => f.method === 'chat.postMessage' && f.fault === 'status').length).toBeGreaterThanOrEqual(1);
    expect(postsIn('C0LIMITED')).toHaveLength(1);
  });

  it('retries 500s and a timed-out call, and the answer still arrives once', async () => {
    fake.injectFault('chat.postMessage', { kind: 'status', status: 500 });
    fake.injectFault('chat.postMessage', { kind: 'hang', ms: 1_000 });
    await mention('C0FLAKY', 'U0F2').send();
    const [reply] = await waitForPosts('C0FLAKY');
    expect(shownText(reply as RecordedCall)).toContain('1,938');
    expect(postsIn('C0FLAKY')).toHaveLength(1);
  });

  it('tells the user when posting keeps failing, and keeps serving someone else', async () => {
    // Three failures use up the first attempt and both retries; the notice after them gets through.
    fake.injectFault('chat.postMessage', { kind: 'status', status: 503 }, 3);
    await mention('C0DOWN', 'U0F3').send();
    const [notice] = await waitForPosts('C0DOWN');
    expect(String(notice?.body.text)).toBe(FAILURE_TEXT);
    await mention('C0AFTER', 'U0F4').send();
    expect(shownText((await waitForPosts('C0AFTER'))[0] as RecordedCall)).toContain('1,938');
  });
});

describe('strange input', () => {
  it('asks for a shorter question when a mention runs to 40,000 characters', async () => {
    const { body } = appMention('C0LONG', `<@${BOT_USER_ID}> ${'how many allegations? '.repeat(2_000)}`, { user: 'U0VERBOSE' });
    expect((await postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body))).status).toBe(200);
    const [reply] = await waitForPosts('C0LONG');
    expect(shownText(reply as RecordedCall)).toContain('That question is too long for me: please keep it under a thousand characters.');
  });
});

describe('logs', () => {
  it('log one line per question with a request id, the platform, the latency and the status', async () => {
    const { body } = directMessage('D0PRIVATE', DM_SECRET_TEXT, { user: 'U0DM' });
    await postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body));
    await waitForPosts('D0PRIVATE');
    await sink.waitFor((r) => r.msg === 'question handled' && r.kind === 'dm');
    const handled = sink.records().filter((r) => r.msg === 'question handled');
    expect(handled.length).toBeGreaterThanOrEqual(10);
    for (const line of handled) {
      expect(line).toMatchObject({ platform: 'slack', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), latencyMs: expect.any(Number) });
      expect(['answered', 'no_data', 'unclear', 'help', 'failed', 'rate_limited']).toContain(line.status);
    }
    expect(new Set(handled.map((r) => r.requestId)).size).toBe(handled.length);
    expect(handled.map((r) => r.status)).toEqual(expect.arrayContaining(['answered', 'rate_limited']));
  });

  it('never write the DM’s text, the bot token or the signing secret', () => {
    const all = sink.lines.join('\n');
    expect(sink.lines.length).toBeGreaterThan(20);
    expect(all).not.toContain('only in a DM');
    expect(all).not.toContain('reliabilityBotTokenNeverLogged');
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
