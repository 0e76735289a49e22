/**
 * The documented way to run it: `npm run start:slack` (adapters/slack/main.ts) in its own process,
 * configured only through environment variables, with SLACK_API_URL pointing at a local fake.
 * A signed @mention must come back as a reply in the thread, posted to that fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './support/fake-slack-api.ts';
import { eventRequest, postSigned } from './support/sign.ts';
import { appMention } from './support/slack-payloads.ts';
import { spawnBot, type BotProcess } from '../support/bot-process.ts';

const BOT_TOKEN = 'xoxb-7777777777-8888888888-scriptBotTokenNeverLogged';
const SIGNING_SECRET = '5cr1p75ec7e7f0rcewa7c4516n1n6000';
let fake: FakeSlackApi;
let bot: BotProcess | undefined;
let port = 0;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  // Same as `npm run start:slack` (tsx adapters/slack/main.ts).
  bot = spawnBot('adapters/slack/main.ts', {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'debug',
  });
  // The port from the "Slack adapter listening" log line.
  port = Number((await bot.waitForLog(/"port":(\d+),"path":"\/slack\/events"/))[1]);
}, 40_000);

afterAll(async () => {
  const child = bot?.child;
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
});

describe('npm run start:slack', () => {
  it('checks its token against SLACK_API_URL, then answers a signed @mention in the thread', async () => {
    expect(fake.calls.find((c) => c.method === 'auth.test')?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const { ts, body } = appMention('C0SCRIPT', `<@${BOT_USER_ID}> How many misconduct allegations were made against Hampshire police in 2021-22?`);
    const response = await postSigned(eventRequest(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, body));
    expect(response.status).toBe(200);
    const [reply] = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SCRIPT', 1, 10_000);
    expect(reply?.body.thread_ts).toBe(ts);
    expect(shownText(reply as RecordedCall)).toContain('1,938');
  });

  it('keeps its secrets out of its logs', () => {
    expect(bot?.log().length).toBeGreaterThan(0);
    expect(bot?.log()).not.toContain('scriptBotTokenNeverLogged');
    expect(bot?.log()).not.toContain(SIGNING_SECRET);
  });
});
