/**
 * `npm run start:discord`: runs the Discord bot alone (`npm start` runs it alongside Slack when
 * both are configured). Stops cleanly on SIGINT and SIGTERM.
 */
import { createLogger, loadEngine } from '../../src/index.ts';
import { describeStartupError } from '../shared/startup-error.ts';
import { discordConfigFromEnv, startDiscord } from './index.ts';

async function main(): Promise<void> {
  const config = discordConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write('start:discord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
    process.exitCode = 1;
    return;
  }
  const logger = createLogger();
  const engine = loadEngine({ logger });
  const bot = await startDiscord({ engine, logger, config });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
});
