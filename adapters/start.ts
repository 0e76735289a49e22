/**
 * `npm start`: starts Slack and/or Discord when their credentials are in the environment (both can
 * run in one process); with neither, opens the terminal chat on the bundled data.
 */
import { createLogger, createReloadableEngine, loadEngine } from '../src/index.ts';
import { runChat } from './cli/chat.ts';
import { installCrashGuards, stopOnSignals, type Stoppable } from './shared/process-guard.ts';
import { settingsFromEnv } from './shared/settings.ts';
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
  const settings = settingsFromEnv(process.env);
  const logger = createLogger();
  const guards = installCrashGuards(logger);
  const engine = createReloadableEngine({ logger });
  // SIGHUP reloads the data: a bad reload keeps the old data serving and logs why.
  process.on('SIGHUP', () => void engine.reload());
  const running: Stoppable[] = [];
  // Signals are handled from the start, so a SIGTERM during start-up still stops what has started.
  stopOnSignals(running, logger, settings.shutdownGraceMs, guards);
  if (slackConfig) running.push(await startSlack({ engine, logger, config: slackConfig, settings }));
  if (discordConfig) running.push(await startDiscord({ engine, logger, config: discordConfig, settings }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
  // Whatever did start (a Slack listener, a Discord socket) must not keep the process alive.
  process.exit(1);
});
