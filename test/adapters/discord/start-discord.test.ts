/**
 * `npm start` and `npm run start:discord` as a deployer runs them: the real scripts in a child
 * process, configured only through the environment, with DISCORD_API_URL pointing at the local
 * Discord-compatible server. Each connects, answers a slash command and a mention, keeps the token
 * out of its log, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';
import { embedsOf, interactionReplies, repliesTo, visibleText } from './harness.ts';
import { BOT, GUILD, IDS, TOKEN, interaction, message } from './payloads.ts';

const TSX = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
const QUESTION = 'How many misconduct allegations were made against Hampshire police in 2021-22?';

const running: { fake: FakeDiscord; child: ChildProcess }[] = [];
afterEach(async () => {
  for (const { fake, child } of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await fake.close();
  }
});

describe.each([
  { script: 'npm start', file: 'adapters/start.ts' },
  { script: 'npm run start:discord', file: 'adapters/discord/main.ts' },
])('$script', ({ file }) => {
  it('connects from the environment alone, answers /ask and a mention, and stops cleanly on SIGTERM', async () => {
    const fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD] }).start();
    // Only Discord configured: no Slack variables, whatever the developer's shell holds.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DISCORD_') && !key.startsWith('SLACK_')));
    const child = spawn(TSX, [new URL(`../../../${file}`, import.meta.url).pathname], {
      env: { ...env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.push({ fake, child });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });

    await fake.waitForIdentify(30_000);
    const ask = interaction(fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: QUESTION }] });
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(fake, ask.token).includes(r), 30_000);
    expect(visibleText(embedsOf([edit]))).toContain('1,938');

    const mention = message(fake, { content: `<@${BOT.id}> ${QUESTION}`, mentions: [BOT] });
    fake.dispatch('MESSAGE_CREATE', mention.payload);
    const reply = await fake.waitForRequest((r) => repliesTo(fake, mention.id).includes(r), 30_000);
    expect(reply.path).toBe(`/channels/${IDS.channel}/messages`);

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toContain('Discord ready');
    for (const secret of [TOKEN, ...TOKEN.split('.')]) expect(stderr).not.toContain(secret);
  }, 60_000);
});
