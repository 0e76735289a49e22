/**
 * Child process entry for the Slack benchmark: the real Slack adapter (startSlack, Bolt over HTTP)
 * on loopback, on the bundled data, talking to the parent's local Slack-compatible Web API; with
 * `redis` in its job, its state and work queue in that Redis, as with REDIS_URL. It logs at info as
 * in production, to /dev/null so the terminal stays readable, and tells the parent its longest
 * pauses when asked.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { pino } from 'pino';
import { slackConfigFromEnv, startSlack } from '../adapters/slack/index.ts';
import { keepReportsOffTheNetwork } from '../adapters/shared/process-guard.ts';
import { RedisState } from '../adapters/shared/state/redis.ts';
import { createLogger, loadEngine } from '../src/index.ts';
import { sendToParent } from './child.ts';
import { SLACK_PAUSES_REQUEST, SlackJobSchema } from './messages.ts';

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
// The longest pauses since the parent last asked: a slow ack is then put down to the adapter's own
// event loop or garbage collector, or found to be elsewhere (the load's process, the machine).
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let gcPauseMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauseMaxMs = Math.max(gcPauseMaxMs, entry.duration);
}).observe({ entryTypes: ['gc'] });
process.on('message', (message) => {
  if (message !== SLACK_PAUSES_REQUEST) return;
  void sendToParent({ loopDelayMaxMs: loop.max / 1e6, gcPauseMaxMs });
  loop.reset();
  gcPauseMaxMs = 0;
});
// Serves until the parent hangs up, then stops without waiting for a backlog of answers: the parent
// has stopped counting, and it kills a child that takes over 5 s, which would lose the profile that
// --cpu-prof writes at exit.
process.once('disconnect', () => {
  void slack
    .stop({ graceMs: 1_000 })
    .then(() => redis.state?.close())
    .finally(() => process.exit(0));
});
