/**
 * Discord on Redis across a restart: `npm run start:discord` answers a mention, is stopped and
 * started again (as a deploy does), and a reply to its answer is still a follow-up in context,
 * because the conversation memory is in Redis under this run's own key prefix; and an `/ask`
 * deferred by a process killed before it answered is answered by the process started after it.
 * With no Redis reachable these tests fail saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, stopBot, type BotProcess } from '../support/bot-process.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { FakeDiscord } from './fake-discord.ts';
import { embedsOf, interactionReplies, repliesTo, visibleText } from './harness.ts';
import { BOT, GUILD, IDS, TOKEN, interaction, message } from './payloads.ts';

const HAMPSHIRE = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
const prefix = testPrefix('discord-restart');
let fake: FakeDiscord;
let bot: BotProcess | undefined;

async function startBot(sessions: number): Promise<BotProcess> {
  const started = spawnBot('adapters/discord/main.ts', {
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.app,
    DISCORD_API_URL: fake.apiUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    QUEUE_LEASE_MS: '1500',
  });
  await fake.waitForSessions(sessions, 30_000);
  await started.waitForLog(/Discord ready/);
  return started;
}

beforeAll(async () => {
  await requireRedis();
  fake = await new FakeDiscord({ token: TOKEN, applicationId: IDS.app, bot: BOT, guilds: [GUILD] }).start();
}, 30_000);

afterAll(async () => {
  await stopBot(bot);
  await fake?.close();
  await deletePrefix(prefix);
});

describe('Discord on Redis', () => {
  it('answers a reply to its answer in context after a restart', async () => {
    bot = await startBot(1);
    const first = message(fake, { content: `<@${BOT.id}> ${HAMPSHIRE}`, mentions: [BOT] });
    fake.dispatch('MESSAGE_CREATE', first.payload);
    const answer = await fake.waitForRequest((r) => repliesTo(fake, first.id).includes(r), 30_000);
    await bot.waitForLog(/question handled/);

    await stopBot(bot);
    bot = await startBot(2);
    const followUp = message(fake, { content: 'what about Hertfordshire?', mentions: [BOT], replyTo: { id: answer.messageId ?? '', author: BOT } });
    fake.dispatch('MESSAGE_CREATE', followUp.payload);
    const reply = await fake.waitForRequest((r) => repliesTo(fake, followUp.id).includes(r), 30_000);
    // The measure and the year come from the question asked before the restart.
    // Without it, "what about Hertfordshire?" gets the force's overview ("What we hold for …").
    const shown = visibleText(embedsOf([reply]));
    expect(shown).toMatch(/1,972 misconduct allegations/);
    expect(shown).not.toMatch(/What we hold for/);
  }, 90_000);

  it('answers a deferred /ask left "thinking…" by a process killed before it answered', async () => {
    await stopBot(bot);
    bot = await startBot(fake.connections.length + 1);
    // The edit that would answer never lands: the process is still trying when it is killed.
    fake.injectFault((method, path) => method === 'PATCH' && path.endsWith('/messages/@original'), { kind: 'hang', ms: 20_000 });
    const ask = interaction(fake, { kind: 'command', name: 'ask', options: [{ name: 'question', type: 3, value: HAMPSHIRE }] });
    fake.dispatch('INTERACTION_CREATE', ask.payload);
    while (!fake.faulted.some((f) => f.method === 'PATCH')) await new Promise((resolve) => setTimeout(resolve, 20));
    await stopBot(bot, 'SIGKILL');

    bot = await startBot(fake.connections.length + 1);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && interactionReplies(fake, ask.token).includes(r), 30_000);
    expect(visibleText(embedsOf([edit]))).toContain('1,938');
    await bot.waitForLog(/answering a deferred reply left by a stopped process/);
  }, 90_000);
});
