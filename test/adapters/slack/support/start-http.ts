/**
 * Starts the real Slack adapter over HTTP on a free loopback port against a local fake Web API,
 * configured as from the environment: what most end-to-end Slack tests begin with.
 */
import { startSlack, type SlackDeps, type SlackHandle } from '../../../../adapters/slack/app.ts';
import { slackConfigFromEnv } from '../../../../adapters/slack/index.ts';
import { loadEngine } from '../../../../src/index.ts';
import type { LogSink } from './log-sink.ts';

export interface HttpSlack {
  slack: SlackHandle;
  /** Where Slack posts events, commands and clicks. */
  eventsUrl: string;
}

/** Starts the adapter with `SLACK_API_URL` = `apiUrl`, logging to `sink`; `deps` adds settings, state and the like. */
export async function startHttpSlack(
  options: { botToken: string; signingSecret: string; apiUrl: string; sink: LogSink },
  deps: Omit<SlackDeps, 'engine' | 'logger' | 'config'> = {},
): Promise<HttpSlack> {
  const config = slackConfigFromEnv({
    SLACK_BOT_TOKEN: options.botToken,
    SLACK_SIGNING_SECRET: options.signingSecret,
    PORT: '0',
    SLACK_API_URL: options.apiUrl,
  });
  if (config === null) throw new Error('expected a Slack config');
  const slack = await startSlack({ engine: loadEngine({ logger: options.sink.logger }), logger: options.sink.logger, config, ...deps });
  return { slack, eventsUrl: `http://127.0.0.1:${String(slack.port)}/slack/events` };
}
