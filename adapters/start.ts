/**
 * `npm start`: starts Slack and/or Discord when their credentials are in the environment (both can
 * run in one process); with neither, opens the terminal chat on the bundled data.
 */
import { createLogger, createReloadableEngine, loadEngine } from '../src/index.ts';
import { runChat } from './cli/chat.ts';
import { describeStartupError } from './shared/startup-error.ts';
import { slackConfigFromEnv, startSlack } from './slack/index.ts';
import { discordConfigFromEnv, startDiscord } from './discord/index.ts';

async function main(): Promise<void> {
  const slackConfig = slackConfigFromEnv(process.env);
  const discordConfig = discordConfigFromEnv(process.env);
  if (!slackConfig && !discordConfig) {
    const engine = loadEngine({ logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn' }) });
    await runChat(engine);
    return;
  }
  const logger = createLogger();
  const engine = createReloadableEngine({ logger });
  // SIGHUP reloads the data: a bad reload keeps the old data serving and logs why.
  process.on('SIGHUP', () => void engine.reload());
  const running: Array<{ stop(): Promise<void> }> = [];
  if (slackConfig) running.push(await startSlack({ engine, logger, config: slackConfig }));
  if (discordConfig) running.push(await startDiscord({ engine, logger, config: discordConfig }));
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(running.map((r) => r.stop()));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
});
