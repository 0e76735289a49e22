/**
 * `npm start`: starts Slack and/or Discord when their credentials are in the environment (both can
 * run in one process); with neither, opens the terminal chat on the bundled data.
 */
import { BUNDLED_DATA_DIR, createLogger, loadEngine } from '../src/index.ts';
import { runChat } from './cli/chat.ts';
import { savedFileOptions } from './shared/saved-files.ts';
import { runMain, serve, type StartPlatform } from './shared/serve.ts';
import { slackConfigFromEnv, startSlack } from './slack/index.ts';
import { discordConfigFromEnv, startDiscord } from './discord/index.ts';

runMain(async () => {
  const slackConfig = slackConfigFromEnv(process.env);
  const discordConfig = discordConfigFromEnv(process.env);
  const platforms: StartPlatform[] = [];
  if (slackConfig) platforms.push((deps) => startSlack({ ...deps, config: slackConfig }));
  if (discordConfig) platforms.push((deps) => startDiscord({ ...deps, config: discordConfig, onFatal: (reason) => deps.onFatal('discord', reason) }));
  if (platforms.length > 0) return serve(platforms);
  const engine = loadEngine({ logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }), ...savedFileOptions(BUNDLED_DATA_DIR) });
  await runChat(engine);
});
