/**
 * `npm run start:discord`: runs the Discord bot alone (`npm start` runs it alongside Slack when
 * both are configured). Stops cleanly on SIGINT and SIGTERM.
 */
import { loadEnvFileIfPresent } from '../shared/env-file.ts';
import { runMain, serve } from '../shared/serve.ts';
import { discordConfigFromEnv, startDiscord } from './index.ts';

runMain(async () => {
  const envFile = loadEnvFileIfPresent();
  const config = discordConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write('start:discord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
    process.exitCode = 1;
    return;
  }
  await serve([(deps) => startDiscord({ ...deps, config, onFatal: (reason) => deps.onFatal('discord', reason) })], { envFile });
});
