/**
 * Process-level guarantees, with `npm start` (adapters/start.ts) as its own process running Slack
 * over HTTP and Discord together against the local fake servers: SIGHUP reloads the data while
 * serving; SIGTERM stops taking new work,
 * finishes the answers in flight (their posts are slowed on purpose), closes its connections and
 * exits 0; and a handler's unhandled rejection or exception is logged and counted, not fatal.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { embedsOf, repliesTo, visibleText } from './discord/harness.ts';
import { BOT, GUILD, IDS, TOKEN, message } from './discord/payloads.ts';
import { BOT_USER_ID, shownText, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from './slack/support/fake-slack-api.ts';
import { eventRequest, postSigned } from './slack/support/sign.ts';
import { appMention } from './slack/support/slack-payloads.ts';
import { PROGRESS_DELAY_MS } from '../../adapters/slack/progress.ts';
import { ROOT, spawnBot, type BotProcess } from './support/bot-process.ts';

const BOT_TOKEN = 'xoxb-1212121212-3434343434-shutdownBotTokenNeverLogged';
const SIGNING_SECRET = 'shutdown-signing-secret-never-logged-56';
const QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const SLOW_MS = PROGRESS_DELAY_MS + 1_500;

let slackApi: FakeSlackApi;
let discord: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  slackApi = await startFakeSlackApi();
  discord = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD], heartbeatIntervalMs: 250 }).start();
  // What `npm start` runs.
  bot = spawnBot('adapters/start.ts', {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: slackApi.apiUrl,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.app,
    DISCORD_API_URL: discord.apiUrl,
    SHUTDOWN_GRACE_MS: '8000',
    LOG_LEVEL: 'info',
  });
  await bot.waitForLog(/"msg":"Discord ready"/);
}, 40_000);

afterAll(async () => {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await slackApi?.close();
  await discord?.close();
});

describe('npm start on SIGTERM', () => {
  it('finishes the answers in flight on both platforms, refuses new work, and exits 0', async () => {
    const port = Number((await bot.waitForLog(/"port":(\d+),"path":"\/slack\/events"/))[1]);
    const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    // Both answers will take SLOW_MS to post: they are still in flight when the signal arrives.
    slackApi.injectFault('chat.postMessage', { kind: 'slow', ms: SLOW_MS });
    discord.injectFault((method, path) => method === 'POST' && path === `/channels/${IDS.channel}/messages`, { kind: 'slow', ms: SLOW_MS });

    // SIGHUP reloads the data while serving (test/reload.test.ts covers good and bad reloads).
    bot.child.kill('SIGHUP');
    await bot.waitForLog(/"msg":"data reloaded"/);

    const { ts, body } = appMention('C0SHUTDOWN', `<@${BOT_USER_ID}> ${QUESTION}`);
    expect((await postSigned(eventRequest(eventsUrl, SIGNING_SECRET, body))).status).toBe(200);
    const ask = message(discord, { content: `<@${BOT.id}> ${QUESTION}`, mentions: [BOT] });
    discord.dispatch('MESSAGE_CREATE', ask.payload);
    // The progress reaction (on an answer still going after PROGRESS_DELAY_MS) means the Slack
    // answer is under way; give Discord's a moment too.
    await slackApi.waitFor((c) => c.method === 'reactions.add' && c.body.channel === 'C0SHUTDOWN');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const exited = new Promise<{ code: number | null; at: number }>((resolve) => bot.child.once('exit', (code) => resolve({ code, at: Date.now() })));
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    await bot.waitForLog(/"msg":"Slack adapter stopped"|"msg":"shutting down: finishing answers in flight"/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // New work is refused: the HTTP listener is closed (Slack will redeliver the event later).
    const late = appMention('C0TOOLATE', `<@${BOT_USER_ID}> ${QUESTION}`);
    await expect(postSigned(eventRequest(eventsUrl, SIGNING_SECRET, late.body))).rejects.toThrow();

    const { code, at } = await exited;
    expect(code).toBe(0);
    const slackReply = slackApi.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SHUTDOWN');
    expect(slackReply?.body.thread_ts).toBe(ts);
    expect(shownText(slackReply as RecordedCall)).toContain('1,938');
    const discordReplies = repliesTo(discord, ask.id);
    expect(discordReplies).toHaveLength(1);
    expect(visibleText(embedsOf(discordReplies))).toContain('1,938');
    // The gateway connection was closed by the bot, after the answers were out.
    expect(discord.gatewayReady).toBe(false);
    // It waited for the slowed posts (which still had over a second to go) before exiting.
    expect(at - signalledAt).toBeGreaterThanOrEqual(SLOW_MS - PROGRESS_DELAY_MS - 500);
    expect(bot.log()).toMatch(/"msg":"stopped"/);
    expect(bot.log()).not.toContain('shutdownBotTokenNeverLogged');
    expect(bot.log()).not.toContain(SIGNING_SECRET);
    expect(bot.log()).not.toContain(TOKEN);
  }, 30_000);
});

describe('a crash in a handler', () => {
  it('is logged and counted, and the process keeps running', async () => {
    const crash = spawn(process.execPath, ['--import', 'tsx', 'test/adapters/shared/fixtures/crash-child.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    crash.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    crash.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => crash.once('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ unhandledRejections: 1, uncaughtExceptions: 1 });
    expect(err).toContain('unhandled promise rejection (kept running)');
    expect(err).toContain('uncaught exception in a handler (kept running)');
  }, 20_000);
});
