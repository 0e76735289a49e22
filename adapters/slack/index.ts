/** The Slack adapter's public surface: read its config from the environment, and start it. */
export { slackConfigFromEnv, type SlackConfig } from './config.ts';
export { startSlack } from './app.ts';
