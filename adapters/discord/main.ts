/**
 * `npm run start:discord`: runs the Discord bot alone (`npm start` runs it alongside Slack when
 * both are configured). Stops cleanly on SIGINT and SIGTERM.
 */
import { createLogger, loadEngine } from '../../src/index.ts';
import { installCrashGuards, stopOnSignals } from '../shared/process-guard.ts';
import { settingsFromEnv } from '../shared/settings.ts';
import { describeStartupError } from '../shared/startup-error.ts';
import { discordConfigFromEnv, startDiscord } from './index.ts';

async function main(): Promise<void> {
  const config = discordConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write('start:discord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
    process.exitCode = 1;
    return;
  }
  const settings = settingsFromEnv(process.env);
  const logger = createLogger();
  const guards = installCrashGuards(logger);
  const engine = loadEngine({ logger });
  const bot = await startDiscord({ engine, logger, config, settings });
  stopOnSignals([bot], logger, settings.shutdownGraceMs, guards);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
  process.exit(1);
});
