/**
 * Child process entry for the Slack benchmark: the real Slack adapter (startSlack, Bolt over HTTP)
 * on loopback, on the bundled data, talking to the parent's local Slack-compatible Web API; with
 * `redis` in its job, its state and work queue in that Redis, as with REDIS_URL. It logs at info as
 * in production, to /dev/null so the terminal stays readable.
 */
import { pino } from 'pino';
import { slackConfigFromEnv, startSlack } from '../adapters/slack/index.ts';
import { keepReportsOffTheNetwork } from '../adapters/shared/process-guard.ts';
import { RedisState } from '../adapters/shared/state/redis.ts';
import { createLogger, loadEngine } from '../src/index.ts';
import { sendToParent } from './child.ts';
import { SlackJobSchema } from './messages.ts';

const job = SlackJobSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
// As serve() does for `npm start`: the first chart must not stall the adapter on DNS look-ups.
keepReportsOffTheNetwork();
const logger = createLogger({ level: 'info', destination: pino.destination('/dev/null') });
const config = slackConfigFromEnv({ SLACK_BOT_TOKEN: job.botToken, SLACK_SIGNING_SECRET: job.signingSecret, PORT: '0', SLACK_API_URL: job.apiUrl });
if (config === null) throw new Error('bench: the Slack config was not read');
const redis =
  job.redis === undefined ? {} : { state: await RedisState.connect(job.redis.url, job.redis.prefix, logger), queue: { ...job.redis, leaseMs: 30_000 } };
const slack = await startSlack({ engine: loadEngine({ logger }), logger, config, ...redis });
if (slack.port === null) throw new Error('bench: the Slack adapter did not report a port');
await sendToParent({ port: slack.port });
// Serves until the parent hangs up, then stops without waiting for a backlog of answers: the parent
// has stopped counting, and it kills a child that takes over 5 s, which would lose the profile that
// --cpu-prof writes at exit.
process.once('disconnect', () => {
  void slack
    .stop({ graceMs: 1_000 })
    .then(() => redis.state?.close())
    .finally(() => process.exit(0));
});
