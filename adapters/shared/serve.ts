/**
 * Running chat platforms as a service, from the environment: shared by `npm start` and the
 * single-platform scripts (`start:slack`, `start:discord`), so each gets the same crash guards,
 * data reload on SIGHUP and graceful shutdown.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BUNDLED_DATA_DIR,
  createFeedbackRecorder,
  createLogger,
  createReloadableEngine,
  feedbackConfigFromEnv,
  type Engine,
  type Logger,
} from '../../src/index.ts';
import type { FeedbackSetup } from './feedback/answer-feedback.ts';
import { HEALTH_PATH, HealthBoard } from './health.ts';
import { installCrashGuards, keepReportsOffTheNetwork, stopOnSignals, type Stoppable } from './process-guard.ts';
import { savedFileOptions } from './saved-files.ts';
import { settingsFromEnv, type AdapterSettings } from './settings.ts';
import type { QueueConfig } from './queue/work-queue.ts';
import { openState, stateConfigFromEnv } from './state/from-env.ts';
import type { StatePort } from './state/port.ts';
import { describeStartupError } from './startup-error.ts';

/** What a platform needs to start, besides its own config. */
export interface ServeDeps {
  engine: Engine;
  logger: Logger;
  settings: AdapterSettings;
  /** Shared by every platform in the process, and with other replicas when REDIS_URL is set. */
  state: StatePort;
  /** Where each platform reports its state, for `/healthz` and `forcewatch health`. */
  health: HealthBoard;
  /** A platform that has failed for good says so here; the process decides whether to stop. */
  onFatal: (platform: string, reason: string) => void;
  /** The durable work queue's Redis, when REDIS_URL is set. */
  queue?: QueueConfig;
  /** Where ratings, reports and declined answers are recorded (FORCEWATCH_STATE_DIR or
   * DATABASE_URL), shared by every platform; nothing is opened until the first record. */
  feedback: FeedbackSetup;
}

/** Starts one platform; resolves once it is serving. */
export type StartPlatform = (deps: ServeDeps) => Promise<Stoppable>;

/** Starts each platform in turn on one reloadable engine, and stops them all on SIGTERM/SIGINT. */
export async function serve(platforms: readonly StartPlatform[], options: { envFile?: string | undefined } = {}): Promise<void> {
  const settings = settingsFromEnv(process.env);
  const stateConfig = stateConfigFromEnv(process.env);
  const feedbackConfig = feedbackConfigFromEnv(process.env);
  const logger = createLogger();
  if (options.envFile) logger.info({ file: options.envFile }, 'read settings from .env');
  const guards = installCrashGuards(logger);
  keepReportsOffTheNetwork();
  // Starts from the files `npm run index:build` saved, when there are any.
  const engine = createReloadableEngine({ logger, ...savedFileOptions(BUNDLED_DATA_DIR) });
  // SIGHUP reloads the data: a bad reload keeps the old data serving and logs why.
  process.on('SIGHUP', () => void engine.reload());
  const state = await openState(stateConfig, logger);
  const feedback: FeedbackSetup = { recorder: createFeedbackRecorder(feedbackConfig, logger), recordQuestions: feedbackConfig.recordQuestions };
  const health = new HealthBoard(state);
  const running: Stoppable[] = [];
  // The state and the feedback store are let go only once every platform has finished its answers
  // and clicks in flight.
  const everything: Stoppable = {
    async stop(options) {
      await Promise.allSettled(running.map((service) => service.stop(options)));
      await feedback.recorder
        .close()
        .catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not close the feedback store'));
      await state.close();
    },
  };
  // Signals are handled from the start, so a SIGTERM during start-up still stops what has started.
  const shutdown = stopOnSignals([everything], logger, settings.shutdownGraceMs, guards);
  // A platform dead for good ends the process non-zero, so a supervisor restarts it or an operator
  // is told; with CONTINUE_WITHOUT_DISCORD=true a combined process keeps Slack answering instead.
  const onFatal = (platform: string, reason: string) => {
    if (platform === 'discord' && settings.continueWithoutDiscord && platforms.length > 1) {
      logger.error({ platform, reason }, 'Discord is down for good; Slack carries on (CONTINUE_WITHOUT_DISCORD=true)');
      return;
    }
    logger.error({ platform, reason }, `${platform} failed for good: stopping with a non-zero exit`);
    shutdown({ platform, reason }, 1);
  };
  const queue = stateConfig.kind === 'redis' ? { queue: { url: stateConfig.url, prefix: stateConfig.prefix, leaseMs: stateConfig.leaseMs } } : {};
  for (const start of platforms) running.push(await start({ engine, logger, settings, state, health, onFatal, feedback, ...queue }));
  if (settings.healthPort !== undefined) running.push(await serveHealth(health, settings.healthPort, logger));
}

/** `/healthz` on a port of its own, for a process with no Slack HTTP endpoint to serve it beside. */
async function serveHealth(health: HealthBoard, port: number, logger: Logger): Promise<Stoppable> {
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== HEALTH_PATH) {
      res.writeHead(404).end();
      return;
    }
    void health.report().then((report) => {
      res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(report));
    });
  });
  server.listen(port);
  await once(server, 'listening');
  logger.info({ port: (server.address() as AddressInfo).port, path: HEALTH_PATH }, 'health endpoint listening');
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs an entry point: a failure to start is told in words (never a stack trace), and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exitCode = 1;
    // Whatever did start (a Slack listener, a Discord socket) must not keep the process alive.
    process.exit(1);
  });
}
