/**
 * A fatal Discord gateway close (4004 authentication failed; 4010–4014 are handled alike) as an
 * operator meets it: a Discord-only process exits non-zero with an error line; a combined process
 * does too, unless CONTINUE_WITHOUT_DISCORD=true, when Slack keeps answering and `/healthz` and
 * `forcewatch health` report Discord down.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnBot, stopBot, ROOT, type BotProcess } from '../support/bot-process.ts';
import { BOT_USER_ID, startFakeSlackApi, type FakeSlackApi } from '../slack/support/fake-slack-api.ts';
import { eventRequest, postSigned } from '../slack/support/sign.ts';
import { appMention } from '../slack/support/slack-payloads.ts';
import { HealthReport } from '../../../adapters/shared/health.ts';
import { FakeDiscord } from './fake-discord.ts';
import { BOT, GUILD, IDS, TOKEN } from './payloads.ts';

const SIGNING_SECRET = 'fa7a1-c105e-5ec7e7-f0rcewa7c4516';
const running: { bot: BotProcess; fake: FakeDiscord; slack?: FakeSlackApi }[] = [];

afterEach(async () => {
  for (const { bot, fake, slack } of running.splice(0)) {
    await stopBot(bot, 'SIGKILL');
    await fake.close();
    await slack?.close();
  }
});

async function start(script: string, extraEnv: Record<string, string> = {}) {
  const fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD] }).start();
  const slack = script === 'adapters/start.ts' ? await startFakeSlackApi() : undefined;
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.app,
    DISCORD_API_URL: fake.apiUrl,
    ...(slack === undefined ? {} : { SLACK_BOT_TOKEN: 'xoxb-1-2-fatal', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' }),
    ...extraEnv,
  };
  const bot = spawnBot(script, env);
  running.push({ bot, fake, ...(slack === undefined ? {} : { slack }) });
  await bot.waitForLog(/Discord ready/);
  return { bot, fake, slack };
}

const exitCode = (bot: BotProcess) =>
  new Promise<number | null>((resolve) => {
    if (bot.child.exitCode !== null) resolve(bot.child.exitCode);
    else bot.child.once('exit', (code) => resolve(code));
  });

/** Runs `forcewatch health` against `url`; resolves with its exit code and output. */
function healthCommand(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'health'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HEALTH_URL: url },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('a fatal gateway close', () => {
  it('ends a Discord-only process with a non-zero exit and an error line', async () => {
    const { bot, fake } = await start('adapters/discord/main.ts');
    fake.dropGateway(4004);
    expect(await exitCode(bot)).toBe(1);
    expect(bot.log()).toMatch(/"level":50[^\n]*closed for good with 4004 \(AuthenticationFailed\)/);
  }, 60_000);

  it('ends a combined process with a non-zero exit too', async () => {
    const { bot, fake } = await start('adapters/start.ts');
    fake.dropGateway(4014);
    expect(await exitCode(bot)).toBe(1);
    expect(bot.log()).toMatch(/discord failed for good: stopping with a non-zero exit/);
  }, 60_000);

  it('with CONTINUE_WITHOUT_DISCORD=true, keeps Slack answering and reports Discord down', async () => {
    const { bot, fake, slack } = await start('adapters/start.ts', { CONTINUE_WITHOUT_DISCORD: 'true' });
    const port = Number((await bot.waitForLog(/"port":(\d+),"path":"\/slack\/events"/))[1]);
    fake.dropGateway(4004);
    await bot.waitForLog(/Slack carries on \(CONTINUE_WITHOUT_DISCORD=true\)/);

    const { body } = appMention('C0ALIVE', `<@${BOT_USER_ID}> How many misconduct allegations were made against Hampshire police in 2021-22?`);
    expect((await postSigned(eventRequest(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, body))).status).toBe(200);
    await slack?.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0ALIVE', 1, 10_000);

    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(503);
    const report = HealthReport.parse(await response.json());
    expect(report.platforms.slack?.state).toBe('ready');
    expect(report.platforms.discord).toEqual({ state: 'down', detail: 'the Discord gateway closed for good with 4004 (AuthenticationFailed)' });

    const health = await healthCommand(`http://127.0.0.1:${port}/healthz`);
    expect(health.code).toBe(1);
    expect(health.out).toContain('slack: ready');
    expect(health.out).toContain('discord: down (the Discord gateway closed for good with 4004 (AuthenticationFailed))');
    expect(bot.child.exitCode).toBeNull();
  }, 60_000);

  it('forcewatch health says so when no bot answers', async () => {
    const health = await healthCommand('http://127.0.0.1:9/healthz');
    expect(health.code).toBe(2);
    expect(health.out).toMatch(/No bot answered at http:\/\/127\.0\.0\.1:9\/healthz/);
  }, 30_000);
});
