/**
 * 👍 / 👎 across replicas and restarts, as an operator runs them: `npm run start:slack` processes
 * sharing REDIS_URL (under this run's own key prefix) and one FORCEWATCH_STATE_DIR. A click reaching
 * the replica that did not post the answer is recorded, and so is one reaching a process started
 * after every replica that was running has stopped: the answer is kept in Redis by its id.
 * With no Redis reachable these tests fail saying so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_DOWN_ACTION, RATE_UP_ACTION } from '../../../adapters/slack/feedback/controls.ts';
import type { FeedbackReport } from '../../../src/index.ts';
import { forcewatch } from '../../cli/support/run-cli.ts';
import { stopBot } from '../support/bot-process.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type PostedMessage } from './support/fake-slack-api.ts';
import { actionRequest, eventRequest, postSigned } from './support/sign.ts';
import { appMention, clickOn } from './support/slack-payloads.ts';
import { startSlackProcess, type SlackProcess } from './support/start-process.ts';

const BOT_TOKEN = 'xoxb-9191919191-2828282828-feedbackReplicaTokenNeverLogged';
const SIGNING_SECRET = 'f33d8ackrep11ca5ec7e7f0rcewa7c45';
const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';

const prefix = testPrefix('slack-feedback-replicas');
const dir = mkdtempSync(join(tmpdir(), 'forcewatch-feedback-replicas-'));
const stateDir = join(dir, 'state');
let fake: FakeSlackApi;
let replicas: SlackProcess[] = [];

const startReplica = (): Promise<SlackProcess> =>
  startSlackProcess({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    FORCEWATCH_STATE_DIR: stateDir,
  });

const replica = (i: number) => replicas[i] ?? expect.fail(`no replica ${i}`);

/** Clicks `actionId` under `answer` on the replica at `url`, and resolves with the private reply. */
async function clickAt(url: string, answer: PostedMessage, actionId: string, user: string): Promise<string> {
  const replyId = `${actionId}-${user}`;
  const click = clickOn(answer.blocks, actionId, { channel: String(answer.channel), responseUrl: fake.responseUrl(replyId), message: answer, user });
  expect((await postSigned(actionRequest(url, SIGNING_SECRET, click))).status).toBe(200);
  const [reply] = await fake.waitFor((c) => c.method === 'response_url' && c.responseUrlId === replyId, 1, 30_000);
  return reply === undefined ? '' : shownText(reply);
}

beforeAll(async () => {
  await requireRedis();
  fake = await startFakeSlackApi();
  replicas = await Promise.all([startReplica(), startReplica()]);
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map(({ bot }) => stopBot(bot)));
  await fake?.close();
  await deletePrefix(prefix);
  rmSync(dir, { recursive: true, force: true });
});

describe('Slack feedback on replicas sharing Redis', () => {
  let answer: PostedMessage;

  it('records a 👍 that reaches the replica which did not post the answer', async () => {
    const marks = replicas.map(({ bot }) => bot.log().length);
    const { body } = appMention('C0FBREPLICA', `<@${BOT_USER_ID}> ${HAMPSHIRE}`);
    expect((await postSigned(eventRequest(replica(0).url, SIGNING_SECRET, body))).status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0FBREPLICA', 1, 15_000);
    answer = fake.messages.find((m) => m.channel === 'C0FBREPLICA') ?? expect.fail('no answer posted');
    const poster = replicas.findIndex(({ bot }, i) => /working on a queued job/.test(bot.log().slice(marks[i])));
    expect(poster).toBeGreaterThanOrEqual(0);

    const other = replica(1 - poster);
    expect(await clickAt(other.url, answer, RATE_UP_ACTION, 'U0FBFIRST')).toContain('Thanks for the 👍');
  }, 60_000);

  it('records a 👎 on the same answer after every replica has restarted', async () => {
    await Promise.all(replicas.map(({ bot }) => stopBot(bot)));
    replicas = [await startReplica()];
    expect(await clickAt(replica(0).url, answer, RATE_DOWN_ACTION, 'U0FBSECOND')).toContain('Thanks for the 👎');
  }, 60_000);

  it('shows both in forcewatch report once the replicas have stopped', async () => {
    await Promise.all(replicas.map(({ bot }) => stopBot(bot)));
    replicas = [];
    const run = forcewatch(['report', '--json'], { env: { FORCEWATCH_STATE_DIR: stateDir } });
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as FeedbackReport;
    expect(report.ratings).toEqual([{ type: 'lookup', platform: 'slack', conversation: 'channel', up: 1, down: 1 }]);
  }, 60_000);
});
