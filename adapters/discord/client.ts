/**
 * The discord.js client and its lifecycle: built with only the intents the features need, pointed
 * at Discord or a Discord-compatible server, wired to the interaction and message handlers, and
 * stopped cleanly.
 */
import { Client, Events, GatewayCloseCodes, Partials, RESTEvents, type ClientOptions } from 'discord.js';
import type { Engine, Logger } from '../../src/index.ts';
import { AnswerDesk } from '../shared/answer-desk.ts';
import { AnswerFeedback, type FeedbackSetup } from '../shared/feedback/answer-feedback.ts';
import type { HealthBoard } from '../shared/health.ts';
import type { QueueConfig } from '../shared/queue/work-queue.ts';
import { DEFAULT_ADAPTER_SETTINGS, type AdapterSettings } from '../shared/settings.ts';
import { InProcessState } from '../shared/state/in-process.ts';
import type { StatePort } from '../shared/state/port.ts';
import { INTENTS, inviteUrl } from './commands.ts';
import type { DiscordConfig } from './config.ts';
import { ConversationMemory } from './conversation-memory.ts';
import { answerThrough, feedbackOffer, NO_PINGS } from './deliver.ts';
import { fillGatewayDefaults } from './gateway-compat.ts';
import { DeferredReplies } from './deferred.ts';
import { askFor, handleInteraction, type HandlerContext } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { logFailure, scrubSecrets, summariseError } from './safe-log.ts';

/** What `startDiscord` needs; the engine is loaded once by the caller and shared. */
export interface DiscordDeps {
  engine: Engine;
  logger: Logger;
  config: DiscordConfig;
  /** Rate limits, API retries and timeouts, logging; {@link DEFAULT_ADAPTER_SETTINGS} (no limits) when absent. */
  settings?: AdapterSettings;
  /** Conversation memory and rate-limit windows; held in the process when absent. */
  state?: StatePort;
  /** Where the bot reports its gateway state, for `/healthz` and `forcewatch health`. */
  health?: HealthBoard;
  /**
   * Called once when the gateway closes for good (4004 authentication failed, 4010–4014: a shard,
   * version or intents problem): discord.js will not reconnect, so the bot is dead until an
   * operator fixes it. The process decides whether to stop (adapters/shared/serve.ts).
   */
  onFatal?: (reason: string) => void;
  /** With REDIS_URL: where deferred replies are recorded, so one left by a stopped process is completed. */
  queue?: QueueConfig;
  /** The feedback recorder: every answer then offers 👍 / 👎 and "Report a wrong figure", and
   * declined ones are recorded. Without it (tests, the benchmark) answers go without them. */
  feedback?: FeedbackSetup;
}

/** How long {@link RunningDiscord.stop} waits for answers in flight when not told. */
export const DEFAULT_STOP_GRACE_MS = 10_000;

/** A running bot. */
export interface RunningDiscord {
  /**
   * Stops taking new questions (each gets a short "restarting" notice), waits up to `graceMs` for
   * answers in flight to be posted, then closes the gateway connection.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Questions being answered right now. */
  inFlight(): number;
}

/** The client options for a config; exported so tests can check what is asked of Discord. */
export function clientOptions(config: DiscordConfig, settings: AdapterSettings = DEFAULT_ADAPTER_SETTINGS): ClientOptions {
  // discord.js waits out every 429's Retry-After (per route and global buckets) without counting it
  // as a retry; `rejectOnRateLimit` bounds that wait, so a long ban fails the call (and the user is
  // told) instead of stalling an answer. 5xx responses and timeouts are retried `retries` times.
  const rest = {
    // discord.js keeps a request queue per interaction token (each webhook token is its own
    // rate-limit key) and sweeps idle ones only hourly by default: under steady traffic that is
    // an hour of one queue per answer (the soak showed the heap climbing by ~1 KB an answer).
    // A sweep skips queues that are busy or rate limited, so it runs often enough to find gaps.
    handlerSweepInterval: 10_000,
    retries: settings.apiRetries,
    timeout: settings.apiTimeoutMs,
    rejectOnRateLimit: (info: { retryAfter: number }) => info.retryAfter > settings.maxRetryAfterMs,
    ...(config.apiUrl === undefined ? {} : { api: config.apiUrl }),
  };
  return {
    intents: [...INTENTS],
    // A DM channel is not in the cache until a message arrives in it; without this, DMs are dropped.
    partials: [Partials.Channel],
    // The default for anything that does not set its own; every send also sets it explicitly.
    allowedMentions: NO_PINGS,
    // A question deleted before its answer is ready still gets the answer, as a plain message.
    failIfNotExists: false,
    rest,
  };
}

/**
 * Logs in and resolves once the gateway reports ready (every server's GUILD_CREATE received).
 *
 * @throws Error with `code: 'DISCORD_LOGIN'` when Discord (or the configured server) refuses the
 *   token or cannot be reached; the client is destroyed first.
 */
export async function startDiscord(deps: DiscordDeps): Promise<RunningDiscord> {
  const { engine, config } = deps;
  const log = deps.logger.child({ component: 'discord' });
  const secrets = [config.token];
  const client = new Client(clientOptions(config, deps.settings));
  const state = deps.state ?? new InProcessState();
  const desk = new AnswerDesk('discord', log, deps.settings ?? DEFAULT_ADAPTER_SETTINGS, undefined, state);
  const deferred = deps.queue === undefined ? undefined : new DeferredReplies(deps.queue, log);
  const feedback = deps.feedback === undefined ? undefined : new AnswerFeedback(deps.feedback, state, log);
  const ctx: HandlerContext = {
    engine,
    log,
    memory: new ConversationMemory(state),
    secrets,
    desk,
    ...(deferred === undefined ? {} : { deferred }),
    ...(feedback === undefined ? {} : { feedback }),
  };

  // 'raw' runs before discord.js handles each packet: see gateway-compat.ts for why.
  client.on('raw', (packet: unknown) => fillGatewayDefaults(client, packet));
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, ctx).catch((error: unknown) => logFailure(log, secrets, error, 'interaction handler failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (botId === undefined) return;
    void handleMessage(message, botId, ctx).catch((error: unknown) => logFailure(log, secrets, error, 'message handler failed'));
  });
  client.on(Events.Error, (error) => logFailure(log, secrets, error, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(scrubSecrets(message, secrets)));
  let fatal: string | undefined;
  // Emitted by discord.js only for the close codes it will not reconnect after.
  client.on(Events.ShardDisconnect, (event, shard) => {
    fatal = `the Discord gateway closed for good with ${event.code} (${GatewayCloseCodes[event.code] ?? 'unknown'})`;
    log.error({ shard, code: event.code }, `${fatal}: Discord is not answering; check DISCORD_TOKEN and the bot's intents and shards`);
    deps.health?.set('discord', 'down', fatal);
    deps.onFatal?.(fatal);
  });
  // discord.js resumes (or identifies afresh) by itself; these lines show it happening.
  client.on(Events.ShardReconnecting, (shard) => {
    log.warn({ shard }, 'gateway connection lost; reconnecting');
    deps.health?.set('discord', 'reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    log.info({ shard, replayed }, 'gateway session resumed');
    deps.health?.set('discord', 'ready');
  });
  client.on(Events.ShardReady, () => deps.health?.set('discord', 'ready'));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn({ route: scrubSecrets(info.route, secrets), retryAfter: info.retryAfter }, 'rate limited'));
  if (log.isLevelEnabled('debug')) {
    // discord.js reports in free text, which pino's key-based redaction cannot see into.
    client.on(Events.Debug, (message) => log.debug(scrubSecrets(message, secrets)));
  }

  // Not `events.once`: that rejects on any 'error' event, and the gateway recovers from most of them.
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    client.once(Events.ShardDisconnect, () => reject(new Error(fatal)));
  });
  deps.health?.set('discord', 'starting');
  try {
    log.info({ api: scrubSecrets(config.apiUrl ?? 'https://discord.com/api', secrets) }, 'connecting to Discord');
    await client.login(config.token);
    await ready;
  } catch (cause) {
    await deferred?.close();
    await client.destroy().catch(() => {});
    const summary = summariseError(cause, secrets);
    const error = new Error(
      `Discord: could not log in (${summary.message}). Check DISCORD_TOKEN${config.apiUrl ? ` and DISCORD_API_URL (${scrubSecrets(config.apiUrl, secrets)})` : ''}.`,
      { cause },
    );
    throw Object.assign(error, { code: 'DISCORD_LOGIN' });
  }

  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, invite: inviteUrl(config.applicationId) }, 'Discord ready');
  deferred?.startSweeping(client.rest, async (reply, send, replyLog) => {
    const offer = feedbackOffer(feedback, 'slash_command', reply.id);
    await answerThrough(send, () => askFor(engine, reply.command, reply.value), replyLog, secrets, reply.private ? undefined : ctx.memory, offer);
  });
  return {
    async stop({ graceMs = DEFAULT_STOP_GRACE_MS } = {}) {
      // The gateway stays up while draining: the REST client it shares is what posts the answers
      // in flight, and new questions still get told to come back rather than silence.
      const unfinished = await desk.drain(graceMs);
      // Clicks in hand are recorded and answered while the REST client is still there.
      await feedback?.drain(graceMs);
      log.info({ unfinished }, 'disconnecting from Discord');
      // Closing on purpose is not a lost connection: keep the reconnect warning for real ones.
      client.removeAllListeners(Events.ShardReconnecting);
      deps.health?.set('discord', 'stopped');
      await deferred?.close();
      await client.destroy();
    },
    inFlight: () => desk.inFlight,
  };
}
