/**
 * Several replicas on one Redis, as an operator runs them for availability: two `start:slack`
 * processes behind the local Slack server, sharing REDIS_URL under this run's own key prefix. A
 * retry that reaches the other replica, or a restarted one, is not answered twice; a follow-up
 * answered by the other replica keeps the thread's or the DM's context; a per-user limit counts
 * both; and a replica killed (SIGKILL) after acknowledging a question leaves it to the other, which
 * answers it once, from the durable queue.
 * With no Redis reachable these tests fail saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopBot } from '../support/bot-process.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention, directMessage } from './support/slack-payloads.ts';
import { startSlackProcess, type SlackProcess } from './support/start-process.ts';

const BOT_TOKEN = 'xoxb-1212121212-3434343434-replicaBotTokenNeverLogged';
const SIGNING_SECRET = 'rep11ca5ec7e7f0rcewa7c4516n1n600';
const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const LEASE_MS = 1_500;
/** Each test asks as its own user, so only the limit test meets this. */
const USER_LIMIT = 3;

let fake: FakeSlackApi;
const prefix = testPrefix('slack-replicas');
const replicas: SlackProcess[] = [];

/** Starts one replica as `npm run start:slack` does, and resolves with its events URL. */
const startReplica = (): Promise<SlackProcess> =>
  startSlackProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_USER_MAX: String(USER_LIMIT),
    // Short, so work a killed replica held is taken up within seconds.
    QUEUE_LEASE_MS: String(LEASE_MS),
  });

const send = (url: string, body: object, headers?: Record<string, string>) => postSigned(eventRequest(url, SIGNING_SECRET, body, headers));
const postsIn = (channel: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const waitForPosts = (channel: string, count = 1) => fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel, count, 15_000);
const settle = (ms = 1_000) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await requireRedis();
  fake = await startFakeSlackApi();
  replicas.push(...(await Promise.all([startReplica(), startReplica()])));
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map(({ bot }) => stopBot(bot)));
  await fake?.close();
  await deletePrefix(prefix);
});

/** Where each replica's log ends now. */
const logMarks = () => replicas.map(({ bot }) => bot.log().length);
/** The replica that has started work on a queued question since `marks`, or -1. */
const workingSince = (marks: number[]) => replicas.findIndex(({ bot }, i) => /working on a queued job/.test(bot.log().slice(marks[i])));

const replica = (i: number) => {
  const r = replicas[i];
  if (r === undefined) throw new Error(`no replica ${i}`);
  return r;
};

describe('two Slack replicas on one Redis', () => {
  it('answers an event once when Slack retries it to the other replica', async () => {
    const { body } = appMention('C0RETRY', `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { user: 'U0RETRY' });
    expect((await send(replica(0).url, body)).status).toBe(200);
    const retry = await send(replica(1).url, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    await replica(1).bot.waitForLog(/skipped an event already handled/);
    await waitForPosts('C0RETRY');
    await settle();
    expect(postsIn('C0RETRY')).toHaveLength(1);
  });

  it('keeps a thread’s context when its follow-up reaches the other replica', async () => {
    const { ts } = appMention('C0THREAD', '');
    const first = appMention('C0THREAD', `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { ts });
    await send(replica(0).url, first.body);
    await waitForPosts('C0THREAD');
    const followUp = appMention('C0THREAD', `<@${BOT_USER_ID}> what about Hertfordshire?`, { threadTs: ts });
    await send(replica(1).url, followUp.body);
    const [, reply] = await waitForPosts('C0THREAD', 2);
    expect(reply?.body.thread_ts).toBe(ts);
    // The measure and year come from the first question, asked of the other replica.
    expect(shownText(reply as RecordedCall)).toMatch(/Hertfordshire Constabulary: 1,972 misconduct allegations/);
  });

  it('keeps a DM’s context when its follow-up reaches the other replica', async () => {
    await send(replica(1).url, directMessage('D0FOLLOW', HAMPSHIRE, { user: 'U0DM' }).body);
    await waitForPosts('D0FOLLOW');
    await send(replica(0).url, directMessage('D0FOLLOW', 'what about Hertfordshire?', { user: 'U0DM' }).body);
    const [, reply] = await waitForPosts('D0FOLLOW', 2);
    expect(shownText(reply as RecordedCall)).toMatch(/Hertfordshire Constabulary: 1,972 misconduct allegations/);
  });

  it('holds a per-user limit across both replicas', async () => {
    const channels = Array.from({ length: USER_LIMIT * 2 }, (_, i) => `C0LIMIT${i}`);
    for (const [i, channel] of channels.entries()) {
      const { body } = appMention(channel, `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { user: 'U0BUSY' });
      expect((await send(replica(i % 2).url, body)).status).toBe(200);
    }
    const notices = await fake.waitFor((c) => c.method === 'chat.postEphemeral' && c.body.user === 'U0BUSY', USER_LIMIT, 15_000);
    const answered = () => channels.filter((channel) => postsIn(channel).length > 0);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && channels.includes(String(c.body.channel)), USER_LIMIT, 15_000);
    await settle();
    expect(answered()).toHaveLength(USER_LIMIT);
    expect(notices.map((n) => String(n.body.text))).toEqual(Array(USER_LIMIT).fill(expect.stringMatching(/Please wait \d+ seconds/)));
  });

  it('does not answer a retry again after the replica that answered it restarts', async () => {
    const { body } = appMention('C0RESTART', `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { user: 'U0RESTART' });
    await send(replica(0).url, body);
    await waitForPosts('C0RESTART');
    await stopBot(replica(0).bot);
    replicas[0] = await startReplica();
    await send(replica(0).url, body, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    await replica(0).bot.waitForLog(/skipped an event already handled/);
    await settle();
    expect(postsIn('C0RESTART')).toHaveLength(1);
  }, 40_000);

  it('answers exactly once when the replica working on a question is killed after acknowledging it', async () => {
    // The first post never lands: the replica that takes the question is still posting when killed.
    fake.injectFault('chat.postMessage', { kind: 'hang', ms: 20_000 });
    const marks = logMarks();
    const { body } = appMention('C0KILL', `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { user: 'U0KILL' });
    expect((await send(replica(0).url, body)).status).toBe(200);
    while (!fake.faulted.some((f) => f.method === 'chat.postMessage' && f.fault === 'hang')) await settle(20);
    const victim = workingSince(marks);
    expect(victim).toBeGreaterThanOrEqual(0);
    await stopBot(replica(victim).bot, 'SIGKILL');

    const [answer] = await waitForPosts('C0KILL');
    expect(shownText(answer as RecordedCall)).toContain('1,938');
    await fake.waitFor((c) => c.method === 'reactions.remove' && c.body.channel === 'C0KILL', 1, 10_000);
    await settle(LEASE_MS);
    expect(postsIn('C0KILL')).toHaveLength(1);
    replicas[victim] = await startReplica();
  }, 40_000);

  it('does not post again what a killed replica had already posted: the other reads the thread first', async () => {
    // The post reaches Slack, and lands, after the replica that sent it is dead.
    fake.injectFault('chat.postMessage', { kind: 'slow', ms: 1_000 });
    const marks = logMarks();
    const { body } = appMention('C0LANDED', `<@${BOT_USER_ID}> ${HAMPSHIRE}`, { user: 'U0LANDED' });
    expect((await send(replica(1).url, body)).status).toBe(200);
    let victim = -1;
    while (victim < 0) {
      await settle(20);
      victim = workingSince(marks);
    }
    await settle(200);
    await stopBot(replica(victim).bot, 'SIGKILL');
    await waitForPosts('C0LANDED');
    // Past the lease, the other replica has taken the work up again and found the part posted.
    await replica(1 - victim).bot.waitForLog(/"attempt":2[^\n]*working on a queued job/, 10_000);
    await settle(LEASE_MS);
    expect(postsIn('C0LANDED')).toHaveLength(1);
    replicas[victim] = await startReplica();
  }, 40_000);

  it('keeps the Redis password and its secrets out of the replicas’ logs', () => {
    for (const { bot } of replicas) {
      expect(bot.log()).toContain('state held in Redis');
      expect(bot.log()).not.toContain('replicaBotTokenNeverLogged');
      expect(bot.log()).not.toContain(SIGNING_SECRET);
    }
  });
});
