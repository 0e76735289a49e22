/**
 * `npm run start:slack`: runs the Slack adapter alone, from the environment, until SIGINT/SIGTERM.
 * `npm start` does the same (beside Discord) when Slack's variables are set; this one insists on Slack.
 */
import { createLogger, loadEngine } from '../../src/index.ts';
import { installCrashGuards, stopOnSignals } from '../shared/process-guard.ts';
import { settingsFromEnv } from '../shared/settings.ts';
import { describeStartupError } from '../shared/startup-error.ts';
import { slackConfigFromEnv, startSlack } from './index.ts';

async function main(): Promise<void> {
  const config = slackConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write(
      'Slack is not configured. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or ' +
        'SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode). See .env.example and adapters/slack/README.md.\n',
    );
    process.exitCode = 1;
    return;
  }
  const settings = settingsFromEnv(process.env);
  const logger = createLogger();
  const guards = installCrashGuards(logger);
  const engine = loadEngine({ logger });
  const slack = await startSlack({ engine, logger, config, settings });
  stopOnSignals([slack], logger, settings.shutdownGraceMs, guards);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
  process.exit(1);
});
