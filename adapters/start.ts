/**
 * `npm start`: reads `.env` where present, then starts Slack and/or Discord when their credentials
 * are in the environment (both can run in one process); with neither, opens the terminal chat on
 * the bundled data, recording declined answers for `forcewatch report`. Each platform's adapter is
 * imported only when its credentials are set: Bolt and discord.js cost the chat ~0.5 s and ~35 MB.
 */
import { BUNDLED_DATA_DIR, createLogger, feedbackConfigFromEnv, loadEngine } from '../src/index.ts';
import { runChat } from './cli/chat.ts';
import { terminalFeedback } from './cli/terminal-feedback.ts';
import { loadEnvFileIfPresent } from './shared/env-file.ts';
import { savedFileOptions } from './shared/saved-files.ts';
import { runMain, serve, type StartPlatform } from './shared/serve.ts';
import { slackConfigFromEnv } from './slack/config.ts';
import { discordConfigFromEnv } from './discord/config.ts';

runMain(async () => {
  const envFile = loadEnvFileIfPresent();
  const slackConfig = slackConfigFromEnv(process.env);
  const discordConfig = discordConfigFromEnv(process.env);
  const platforms: StartPlatform[] = [];
  if (slackConfig) platforms.push(async (deps) => (await import('./slack/index.ts')).startSlack({ ...deps, config: slackConfig }));
  if (discordConfig)
    platforms.push(async (deps) =>
      (await import('./discord/index.ts')).startDiscord({ ...deps, config: discordConfig, onFatal: (reason) => deps.onFatal('discord', reason) }),
    );
  if (platforms.length > 0) return serve(platforms, { envFile });
  // The chat logs only warnings: its screen is the user's.
  const logger = createLogger({ level: process.env.LOG_LEVEL || 'warn' });
  if (envFile) logger.info({ file: envFile }, 'read settings from .env');
  const feedback = terminalFeedback(feedbackConfigFromEnv(process.env), 'terminal_chat', logger);
  const engine = loadEngine({ logger, ...savedFileOptions(BUNDLED_DATA_DIR) });
  await runChat(engine, { onAnswer: (answer) => feedback.record(answer) });
  await feedback.close();
});
