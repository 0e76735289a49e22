/**
 * Discord on Redis across a restart: `npm run start:discord` answers a mention, is stopped and
 * started again (as a deploy does), and a reply to its answer is still a follow-up in context,
 * because the conversation memory is in Redis under this run's own key prefix. With no Redis
 * reachable this test fails saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, stopBot, type BotProcess } from '../support/bot-process.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';
import { FakeDiscord } from './fake-discord.ts';
import { embedsOf, repliesTo, visibleText } from './harness.ts';
import { BOT, GUILD, IDS, TOKEN, message } from './payloads.ts';

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
});
