/**
 * `npm run start:slack` (adapters/slack/main.ts) as its own process, over HTTP on a free port, with
 * debug logs (which name the replica working on a queued question): what the multi-process Slack
 * tests start, each with the environment of its own case.
 */
import { spawnBot, type BotProcess } from '../../support/bot-process.ts';

export interface SlackProcess {
  bot: BotProcess;
  /** Where Slack posts events, commands and clicks. */
  url: string;
}

/** Starts it with `env` (credentials, SLACK_API_URL, Redis…) and resolves once it listens. */
export async function startSlackProcess(env: Record<string, string>): Promise<SlackProcess> {
  const bot = spawnBot('adapters/slack/main.ts', { PORT: '0', LOG_LEVEL: 'debug', ...env });
  const port = Number((await bot.waitForLog(/"port":(\d+),"path":"\/slack\/events"/))[1]);
  return { bot, url: `http://127.0.0.1:${port}/slack/events` };
}
