/**
 * The Slack adapter: builds the Bolt apps, registers one listener module per kind of delivery
 * (listeners/: mention, direct message, commands, share, every figure of a card, feedback) and starts it over HTTP
 * or Socket Mode. Posting lives in delivery.ts, memory and de-duplication behind the state port:
 * the engine never sees Bolt.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Engine, Logger } from '../../src/index.ts';
import { AnswerDesk, SLACK_CONCURRENCY } from '../shared/answer-desk.ts';
import { AnswerFeedback, type FeedbackSetup } from '../shared/feedback/answer-feedback.ts';
import type { HealthBoard } from '../shared/health.ts';
import { WorkQueue, type QueueConfig } from '../shared/queue/work-queue.ts';
import { redactUrlSecrets } from '../shared/log-redaction.ts';
import { DEFAULT_ADAPTER_SETTINGS, type AdapterSettings } from '../shared/settings.ts';
import { InProcessState } from '../shared/state/in-process.ts';
import { CLAIM_TTL_MS, type StatePort } from '../shared/state/port.ts';
import { boltLogger, scrubSecrets } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { SlackDelivery, slackErrorCode } from './delivery.ts';
import { SlackEventsReceiver } from './events-receiver.ts';
import { createSlackHttpServer, DEFAULT_HTTP_TIMEOUTS, EVENTS_PATH, type HttpReceivers, type HttpTimeouts } from './http-endpoint.ts';
import * as commands from './listeners/commands.ts';
import { QuestionNotStoredError } from './listeners/dedup.ts';
import { answerInConversation, ConversationQuestion, type AnswerOptions } from './listeners/conversation.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import * as directMessage from './listeners/direct-message.ts';
import * as feedbackButtons from './listeners/feedback.ts';
import * as mention from './listeners/mention.ts';
import * as more from './listeners/more.ts';
import * as share from './listeners/share.ts';

export { ASK_COMMAND, FORCE_COMMAND } from './listeners/commands.ts';
export { PROGRESS_REACTION } from './progress.ts';

export interface SlackDeps {
  engine: Engine;
  logger: Logger;
  config: SlackConfig;
  /** Rate limits, API retries and timeouts, logging; {@link DEFAULT_ADAPTER_SETTINGS} (no limits) when absent. */
  settings?: AdapterSettings;
  /** De-duplication, conversation memory and rate-limit windows; held in the process when absent. */
  state?: StatePort;
  /** Where the adapter reports its state, served at `/healthz` in HTTP mode. */
  health?: HealthBoard;
  /** The HTTP endpoint's timeouts; {@link DEFAULT_HTTP_TIMEOUTS} when absent. */
  httpTimeouts?: HttpTimeouts;
  /** With a Redis queue, a question is stored before its delivery is acknowledged and answered by
   * whichever replica's worker takes it; without, it is answered in this process. */
  queue?: QueueConfig;
  /** The feedback recorder: every answer then offers 👍 / 👎 and "Report a wrong figure", and
   * declined ones are recorded. Without it (tests, the benchmark) answers go without them. */
  feedback?: FeedbackSetup;
}

/** The app, and what starting and stopping it needs. */
interface BuiltApp {
  /** Over HTTP, two Bolt apps (see {@link HttpReceivers}); in Socket Mode, one, over its websocket. */
  apps: readonly App[];
  desk: AnswerDesk;
  feedback: AnswerFeedback | undefined;
  /** Undefined in Socket Mode. */
  receivers: HttpReceivers | undefined;
  /** Answers a conversation question (what a queue worker calls). */
  answer: (question: ConversationQuestion, options: AnswerOptions) => Promise<void>;
}

/** How long {@link SlackHandle.stop} waits for answers in flight when not told. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/** A running Slack adapter. */
export interface SlackHandle {
  /**
   * Stops taking new work (closes the HTTP server or the websocket), then waits up to `graceMs`
   * for answers in flight to be posted.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Questions being answered right now. */
  inFlight(): number;
  /** The port HTTP mode listens on (useful with PORT=0); null in Socket Mode. */
  port: number | null;
}

/** A failure to start (Slack refused the token, the API base is unreachable). */
export class SlackStartError extends Error {
  readonly code = 'SLACK_START' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlackStartError';
  }
}

/** The values that must never reach a log line. */
function secretsOf(config: SlackConfig): string[] {
  return config.mode === 'http' ? [config.botToken, config.signingSecret] : [config.botToken, config.appToken];
}

/** The listener modules: questions typed in conversations (Events API deliveries), then slash
 * commands, clicks and the report form. A question is taken once per message (listeners/dedup.ts),
 * a signed command or click once per body (http-endpoint.ts). */
const CONVERSATION_LISTENERS = [mention, directMessage];
const INTERACTION_LISTENERS = [commands, share, more, feedbackButtons];

/**
 * Builds the Bolt apps with every listener registered, not yet started. Initialisation (auth.test)
 * is deferred to {@link startSlack}, so a bad token fails at start, not on the first question.
 */
export function createSlackApp({
  engine,
  logger,
  config,
  settings = DEFAULT_ADAPTER_SETTINGS,
  state = new InProcessState(),
  enqueue,
  feedback: feedbackSetup,
}: SlackDeps & { enqueue?: ListenerDeps['dispatch'] }): BuiltApp {
  const log = logger.child({ component: 'slack' });
  const desk = new AnswerDesk('slack', log, settings, SLACK_CONCURRENCY, state);
  const secrets = secretsOf(config);

  const clientOptions: NonNullable<AppOptions['clientOptions']> = {
    // The default retries for about thirty minutes: far too long for someone waiting on an answer,
    // and it would hang start-up when the API base is wrong.
    // A 429 waits for its Retry-After (the client always honours it) and counts as one retry; a
    // 5xx or a timeout is retried with backoff. Past the retries the call fails and the user is told.
    retryConfig: { retries: settings.apiRetries, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    timeout: settings.apiTimeoutMs,
    // The original error carries the request, Authorization header included: keep it out of errors
    // that may be logged.
    attachOriginalToWebAPIRequestError: false,
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
  };
  const common = {
    token: config.botToken,
    logger: boltLogger(log, secrets, { logMessageText: settings.logMessageText }),
    clientOptions,
    deferInitialization: true,
    // Bolt's conversation store is unused (memory is the state port's), and its default looks
    // every event up and builds an Error, stack trace and all, for each miss: measurable per
    // request under a flood.
    convoStore: false,
  } satisfies AppOptions;
  // In HTTP mode the receivers only dispatch: http-endpoint.ts owns the server, reads and checks
  // each request, then hands its parsed body to the app for its kind.
  let receivers: HttpReceivers | undefined;
  let conversations: App;
  let interactions: App;
  if (config.mode === 'http') {
    // With a work queue, the acknowledgement goes out when the listeners return, once the
    // question is stored (never after its answer); without, as soon as Bolt acknowledges, before
    // its middleware and listeners run: a question is then claimed in this process, which cannot
    // fail in a way Slack sending it again would mend.
    const afterListeners = enqueue !== undefined;
    receivers = { events: new SlackEventsReceiver(log, afterListeners), interactions: new SlackEventsReceiver(log, afterListeners) };
    conversations = new App({ ...common, receiver: receivers.events });
    interactions = new App({ ...common, receiver: receivers.interactions });
  } else {
    // One websocket, so one app: Socket Mode delivers every kind over it.
    conversations = new App({ ...common, socketMode: true, appToken: config.appToken });
    interactions = conversations;
  }
  const apps = conversations === interactions ? [conversations] : [conversations, interactions];

  // Posting retries for itself (delivery.ts): only where a post cannot have landed twice, and a
  // 429 pauses only the method and channel it covers rather than this client's whole queue.
  const poster = new WebClient(config.botToken, {
    ...clientOptions,
    logger: common.logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const delivery = new SlackDelivery(poster, settings, log, secrets);
  const feedback = feedbackSetup === undefined ? undefined : new AnswerFeedback(feedbackSetup, state, log);
  const deps: ListenerDeps = {
    engine,
    log,
    desk,
    delivery,
    state,
    dispatch:
      enqueue ??
      (async (question, onceKey) => {
        if (!(await state.claim(onceKey, CLAIM_TTL_MS))) return false;
        // After this turn of the event loop: the acknowledgement is written first. Started here, the
        // answer's synchronous work (the engine, a few milliseconds) ran before Bolt sent the ack.
        setImmediate(() => void answerInConversation(question, deps));
        return true;
      }),
    ...(feedback === undefined ? {} : { feedback }),
  };
  for (const listener of CONVERSATION_LISTENERS) listener.register(conversations, deps);
  for (const listener of INTERACTION_LISTENERS) listener.register(interactions, deps);

  for (const app of apps) {
    app.error(async (error) => {
      if (error instanceof QuestionNotStoredError) {
        log.error({ error: delivery.describe(error) }, 'could not store a question; failing its delivery so that Slack sends it again');
        // Thrown on, Bolt's receiver answers the delivery 500 rather than sending its acknowledgement.
        throw error;
      }
      log.error({ error: delivery.describe(error) }, 'unhandled error in a Slack handler');
    });
  }

  return { apps, desk, feedback, receivers, answer: (question, options) => answerInConversation(question, deps, options) };
}

/**
 * Starts the Slack adapter: checks the bot token with auth.test, then listens, over HTTP on
 * `config.port` (events, commands and interactivity all at `/slack/events`) or over Socket Mode.
 *
 * @throws {SlackStartError} (`code: 'SLACK_START'`) when Slack refuses the token or cannot be reached.
 */
export async function startSlack(deps: SlackDeps): Promise<SlackHandle> {
  const { config } = deps;
  const log = deps.logger.child({ component: 'slack' });
  const state = deps.state ?? new InProcessState();
  const queue =
    deps.queue === undefined
      ? undefined
      : await WorkQueue.open({ config: deps.queue, name: 'slack', schema: ConversationQuestion, concurrency: SLACK_CONCURRENCY.max, log });
  const { apps, desk, feedback, receivers, answer } = createSlackApp({
    ...deps,
    state,
    ...(queue === undefined ? {} : { enqueue: (q: ConversationQuestion, onceKey: string) => queue.enqueueOnce(onceKey, CLAIM_TTL_MS, q) }),
  });
  deps.health?.set('slack', 'starting');
  try {
    // Each app checks the token (auth.test) for the bot's identity, which its listeners read.
    await Promise.all(apps.map((app) => app.init()));
  } catch (error) {
    await queue?.stop(0);
    const reason = scrubSecrets(slackErrorCode(error), secretsOf(config));
    throw new SlackStartError(
      `Slack: auth.test failed (${reason}); check SLACK_BOT_TOKEN` +
        (config.apiUrl === undefined ? '' : ` and SLACK_API_URL (${redactUrlSecrets(config.apiUrl)})`),
      { cause: error },
    );
  }

  const describe = (error: unknown) => scrubSecrets(slackErrorCode(error), secretsOf(config));
  const apiUrlForLog = config.apiUrl === undefined ? undefined : redactUrlSecrets(config.apiUrl);
  const inFlight = () => desk.inFlight;
  /** Receiving stops first (the HTTP server stops accepting, the websocket closes, so Slack holds
   * new events for redelivery), then the answers already accepted are finished and posted: the
   * Web API client is independent of the receiver. */
  const stopAfter =
    (closeReceiver: () => Promise<void>) =>
    async ({ graceMs = DEFAULT_STOP_GRACE_MS }: { graceMs?: number } = {}) => {
      deps.health?.set('slack', 'stopped');
      // Queued work in hand is finished before the desk turns newcomers away; what is not finished
      // in time stays in the queue for another replica.
      if (queue === undefined) desk.startDraining();
      await closeReceiver().catch((error: unknown) => log.warn({ error: describe(error) }, 'error while closing the Slack receiver'));
      const queued = (await queue?.stop(graceMs)) ?? 0;
      const unfinished = await desk.drain(graceMs);
      // Clicks taken before the receiver closed are recorded and answered, within the same grace.
      await feedback?.drain(graceMs);
      log.info({ unfinished: unfinished + queued }, 'Slack adapter stopped');
    };
  queue?.start((job, { attempt, release }) => answer(job, { recheck: attempt > 1, onAnswered: release }));

  if (receivers === undefined || config.mode === 'socket') {
    await Promise.all(apps.map((app) => app.start()));
    deps.health?.set('slack', 'ready');
    log.info({ mode: 'socket', apiUrl: apiUrlForLog }, 'Slack adapter connected over Socket Mode');
    return {
      port: null,
      stop: stopAfter(async () => {
        await Promise.all(apps.map((app) => app.stop()));
      }),
      inFlight,
    };
  }

  const server = createSlackHttpServer({
    receivers,
    signingSecret: config.signingSecret,
    state,
    health: deps.health,
    log,
    timeouts: deps.httpTimeouts ?? DEFAULT_HTTP_TIMEOUTS,
  });
  server.listen(config.port);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  deps.health?.set('slack', 'ready');
  log.info({ mode: 'http', port, path: EVENTS_PATH, apiUrl: apiUrlForLog }, 'Slack adapter listening');
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  return { port, stop: stopAfter(closeServer), inFlight };
}
