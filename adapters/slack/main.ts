/**
 * `npm run start:slack`: runs the Slack adapter alone, from the environment, until SIGINT/SIGTERM.
 * `npm start` does the same (beside Discord) when Slack's variables are set; this one insists on Slack.
 */
import { loadEnvFileIfPresent } from '../shared/env-file.ts';
import { runMain, serve } from '../shared/serve.ts';
import { slackConfigFromEnv, startSlack } from './index.ts';

runMain(async () => {
  const envFile = loadEnvFileIfPresent();
  const config = slackConfigFromEnv(process.env);
  if (config === null) {
    process.stderr.write(
      'Slack is not configured. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode), or ' +
        'SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode). See .env.example and adapters/slack/README.md.\n',
    );
    process.exitCode = 1;
    return;
  }
  await serve([(deps) => startSlack({ ...deps, config })], { envFile });
});
