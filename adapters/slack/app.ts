/**
 * The Slack adapter: a Bolt app whose handlers turn Slack events into engine calls and post the
 * rendered Answer back. @mentions are answered in the thread (follow-ups there carry the thread's
 * previous answer), direct messages in the DM, `/force` and `/ask` privately with a share button.
 * Everything Slack-specific that is not rendering lives here; the engine never sees Bolt.
 */
import type { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { App, type AppOptions, type RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { Answer, Conversation, Engine, Logger } from '../../src/index.ts';
import { AnswerDesk, SLACK_CONCURRENCY, type QuestionContext, type QuestionStatus } from '../shared/answer-desk.ts';
import { BoundedMap } from '../shared/bounded-map.ts';
import { DEFAULT_ADAPTER_SETTINGS, type AdapterSettings } from '../shared/settings.ts';
import { boltLogger, scrubSecrets } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import {
  AppMentionEvent,
  EventEnvelope,
  MessageEvent,
  ShareClick,
  ShareValue,
  SlashCommand,
  slackTextToPlain,
} from './payloads.ts';
import {
  BUTTON_VALUE_MAX,
  SHARE_ACTION_ID,
  renderAnswer,
  renderAskUsage,
  renderFailure,
  renderForceUsage,
  renderNotice,
  type SlackMessage,
} from './render-blocks.ts';

/** Shown on the question while the answer is being prepared. */
export const PROGRESS_REACTION = 'hourglass_flowing_sand';
/** Event IDs (and message timestamps) remembered for de-duplication. */
export const SEEN_EVENTS_MAX = 10_000;
/** Threads whose previous answer is remembered for follow-ups. */
export const THREADS_MAX = 2_000;
/** Slack accepts at most five posts to one response_url. */
export const RESPONSE_URL_USES_MAX = 5;

export const FORCE_COMMAND = '/force';
export const ASK_COMMAND = '/ask';

export interface SlackDeps {
  engine: Engine;
  logger: Logger;
  config: SlackConfig;
  /** Rate limits, API retries and timeouts, logging; {@link DEFAULT_ADAPTER_SETTINGS} (no limits) when absent. */
  settings?: AdapterSettings;
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

type SlackClient = App['client'];
type PreviousExchange = NonNullable<Conversation['previous']>;

const WebApiError = z.object({ data: z.object({ error: z.string() }) });

/** The values that must never reach a log line. */
function secretsOf(config: SlackConfig): string[] {
  return config.mode === 'http' ? [config.botToken, config.signingSecret] : [config.botToken, config.appToken];
}

/** Slack's own error code ("not_in_channel") when there is one, else the error's message. */
function slackErrorCode(error: unknown): string {
  const parsed = WebApiError.safeParse(error);
  if (parsed.success) return parsed.data.data.error;
  return error instanceof Error ? error.message : String(error);
}

const HELP_TEXT =
  'Ask me about police complaints and misconduct figures in England and Wales, for example ' +
  '"How many misconduct allegations were made against Hampshire police in 2021-22?". ' +
  'Every figure comes with the sentence it was quoted from. `/force <name>` shows all we hold for a force.';

/**
 * Builds the Bolt app with every handler registered, not yet started. Initialisation (auth.test)
 * is deferred to {@link startSlack}, so a bad token fails at start, not on the first question.
 */
export function createSlackApp({ engine, logger, config, settings = DEFAULT_ADAPTER_SETTINGS }: SlackDeps): { app: App; desk: AnswerDesk } {
  const log = logger.child({ component: 'slack' });
  const desk = new AnswerDesk('slack', log, settings, SLACK_CONCURRENCY);
  const secrets = secretsOf(config);
  const seen = new BoundedMap<string, true>(SEEN_EVENTS_MAX);
  const threads = new BoundedMap<string, PreviousExchange>(THREADS_MAX);

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
    logger: boltLogger(log, secrets),
    clientOptions,
    deferInitialization: true,
    // Bolt's conversation store is unused (thread memory is `threads` below), and its default
    // looks every event up and builds an Error, stack trace and all, for each miss: measurable
    // per request under a flood.
    convoStore: false,
  } satisfies AppOptions;
  const app =
    config.mode === 'http'
      ? new App({ ...common, signingSecret: config.signingSecret })
      : new App({ ...common, socketMode: true, appToken: config.appToken });

  const describe = (error: unknown) => scrubSecrets(slackErrorCode(error), secrets);

  // Slack retries an event whose ack was slow (X-Slack-Retry-Num) and Bolt does not de-duplicate:
  // the first delivery of an event_id wins, later ones are acknowledged and dropped.
  app.use(async ({ body, context, next }) => {
    const envelope = EventEnvelope.safeParse(body);
    if (envelope.success && !seen.addIfNew(`event:${envelope.data.event_id}`, true)) {
      log.info(
        { eventId: envelope.data.event_id, retryNum: context.retryNum, retryReason: context.retryReason },
        'skipped an event already handled',
      );
      return;
    }
    await next();
  });

  /** Posts messages in order; a later part only after the earlier one is in. */
  async function post(client: SlackClient, channel: string, threadTs: string | undefined, messages: SlackMessage[]) {
    for (const message of messages) {
      await client.chat.postMessage({
        channel,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        text: message.text,
        blocks: message.blocks,
        // Citations are links: unfurling each would bury the answer under previews.
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }

  async function react(client: SlackClient, add: boolean, channel: string, timestamp: string) {
    try {
      const args = { channel, timestamp, name: PROGRESS_REACTION };
      if (add) await client.reactions.add(args);
      else await client.reactions.remove(args);
    } catch (error) {
      // A missing reaction is cosmetic (no reactions:write scope, message deleted): never a reason
      // to withhold the answer.
      log.debug({ error: describe(error), add }, 'could not change the progress reaction');
    }
  }

  interface Question {
    client: SlackClient;
    channel: string;
    /** The user's message: where the progress reaction goes. */
    messageTs: string;
    /** Where the reply goes; undefined for the top level of a DM. */
    replyThreadTs: string | undefined;
    /** Whose previous answer a follow-up builds on. */
    memoryKey: string;
    question: string;
    /** Who asked (for the rate limit and private notices); undefined if Slack did not say. */
    user: string | undefined;
    kind: 'mention' | 'dm';
  }

  /** Tells the asker something that is not an answer: privately in a channel, in the DM otherwise. */
  async function noticeInConversation(q: Question, text: string, { log: qlog }: QuestionContext): Promise<void> {
    try {
      if (q.kind === 'mention' && q.user !== undefined) {
        const notice = renderNotice(text);
        await q.client.chat.postEphemeral({
          channel: q.channel,
          user: q.user,
          ...(q.replyThreadTs === undefined ? {} : { thread_ts: q.replyThreadTs }),
          text: notice.text,
          blocks: notice.blocks,
        });
      } else {
        await post(q.client, q.channel, q.replyThreadTs, [renderNotice(text)]);
      }
    } catch (error) {
      qlog.error({ error: describe(error), channel: q.channel }, 'failed to post a notice');
    }
  }

  /** Answers a question typed in a conversation, showing progress and reporting failure in words. */
  function answerInConversation(q: Question): Promise<void> {
    const meta = { kind: q.kind, user: q.user ?? 'unknown', channel: q.channel, text: q.question };
    return desk.handle(meta, (ctx) => answerNow(q, ctx), (text, ctx) => noticeInConversation(q, text, ctx));
  }

  async function answerNow(q: Question, { log: qlog }: QuestionContext): Promise<QuestionStatus> {
    await react(q.client, true, q.channel, q.messageTs);
    try {
      let messages: SlackMessage[];
      let status: QuestionStatus = 'help';
      if (q.question === '') {
        messages = [renderNotice(HELP_TEXT)];
      } else {
        const previous = threads.get(q.memoryKey);
        const answer = engine.answer(q.question, previous === undefined ? undefined : { previous });
        threads.set(q.memoryKey, { question: answer.question, frame: answer.frame });
        qlog.debug({ channel: q.channel, followUp: previous !== undefined, citations: answer.citations.length }, 'answered');
        messages = renderAnswer(answer);
        status = answer.status;
      }
      await post(q.client, q.channel, q.replyThreadTs, messages);
      return status;
    } catch (error) {
      qlog.error({ error: describe(error), channel: q.channel }, 'failed to answer');
      try {
        await post(q.client, q.channel, q.replyThreadTs, [renderFailure()]);
      } catch (postError) {
        qlog.error({ error: describe(postError), channel: q.channel }, 'failed to report a failure');
      }
      return 'failed';
    } finally {
      await react(q.client, false, q.channel, q.messageTs);
    }
  }

  /** True the first time a message is seen: one message can arrive as both an app_mention and a
   * message event, with different event IDs. */
  const firstSight = (channel: string, ts: string) => seen.addIfNew(`message:${channel}:${ts}`, true);

  app.event('app_mention', async ({ event, body, context, client }) => {
    const parsed = AppMentionEvent.safeParse(event);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'ignored a malformed app_mention');
      return;
    }
    const mention = parsed.data;
    // Other bots (and our own posts, which Bolt's ignoreSelf also drops) never get an answer:
    // two bots answering each other would loop.
    if (mention.bot_id !== undefined || mention.subtype !== undefined) return;
    if (!firstSight(mention.channel, mention.ts)) return;
    const team = EventEnvelope.safeParse(body).data?.team_id ?? '';
    const threadTs = mention.thread_ts ?? mention.ts;
    const text = mention.text ?? '';
    const botUserId = context.botUserId;
    const question = slackTextToPlain(
      botUserId === undefined ? text.replace(/^\s*<@[^>]+>/, '') : text,
      botUserId,
    );
    await answerInConversation({
      client,
      channel: mention.channel,
      messageTs: mention.ts,
      replyThreadTs: threadTs,
      memoryKey: `${team}:${mention.channel}:${threadTs}`,
      question,
      user: mention.user,
      kind: 'mention',
    });
  });

  app.event('message', async ({ event, body, context, client }) => {
    const parsed = MessageEvent.safeParse(event);
    if (!parsed.success) return;
    const message = parsed.data;
    // Only direct messages are questions without a mention; edits, joins and bot posts have a
    // subtype or a bot_id and are not questions at all.
    // channel_type is always sent by Slack; a DM's channel ID starts with D if it is not.
    const isDirect = message.channel_type === undefined ? message.channel.startsWith('D') : message.channel_type === 'im';
    if (!isDirect) return;
    if (message.subtype !== undefined || message.bot_id !== undefined) return;
    if (message.user !== undefined && message.user === context.botUserId) return;
    if (!firstSight(message.channel, message.ts)) return;
    const team = EventEnvelope.safeParse(body).data?.team_id ?? '';
    await answerInConversation({
      client,
      channel: message.channel,
      messageTs: message.ts,
      replyThreadTs: message.thread_ts,
      memoryKey: `${team}:${message.channel}:${message.thread_ts ?? 'dm'}`,
      question: slackTextToPlain(message.text ?? '', context.botUserId),
      user: message.user,
      kind: 'dm',
    });
  });

  /** Sends messages through the response_url, within Slack's five uses: past that, the rest is
   * replaced by a note (keeping the share button, which ends the last message). */
  async function respondAll(respond: RespondFn, messages: SlackMessage[], responseType: 'ephemeral' | 'in_channel') {
    let fitting = messages;
    if (messages.length > RESPONSE_URL_USES_MAX) {
      const note = renderNotice('That is too long to show here in full. Ask me by @mention or direct message to get all of it.');
      const shareBlock = messages.at(-1)?.blocks.filter((block) => block.type === 'actions') ?? [];
      fitting = [...messages.slice(0, RESPONSE_URL_USES_MAX - 1), { ...note, blocks: [...note.blocks, ...shareBlock] }];
    }
    for (const message of fitting) {
      await respond({ response_type: responseType, replace_original: false, text: message.text, blocks: message.blocks });
    }
  }

  /** The share button's value, or undefined when the question is too long to carry in one. Its `<`,
   * `>` and `&` are written as JSON escapes, so a mention the user typed ("<!channel>") is never in
   * the message as such, and the question still reads back exactly when the button is clicked. */
  function shareValue(value: ShareValue): string | undefined {
    const encoded = JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return encoded.length <= BUTTON_VALUE_MAX ? encoded : undefined;
  }

  function answerFor(value: ShareValue): Answer {
    return value.k === 'force' ? engine.forceCard(value.q) : engine.answer(value.q);
  }

  type Deliver = (messages: SlackMessage[]) => Promise<void>;

  /** Replies only the user sees: through the command's response_url (which works even in channels
   * the bot is not in), or with chat.postEphemeral if a delivery came without one. */
  function privately(client: SlackClient, respond: RespondFn, command: SlashCommand): Deliver {
    if (command.response_url !== undefined) return (messages) => respondAll(respond, messages, 'ephemeral');
    return async (messages) => {
      for (const message of messages) {
        await client.chat.postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          text: message.text,
          blocks: message.blocks,
        });
      }
    };
  }

  /** `/force` and `/ask`: answered privately, with a share button when there is something to share. */
  async function handleCommand(kind: ShareValue['k'], body: unknown, client: SlackClient, respond: RespondFn): Promise<void> {
    const parsed = SlashCommand.safeParse(body);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'ignored a malformed slash command');
      return;
    }
    const command = parsed.data;
    const deliver = privately(client, respond, command);
    const query = slackTextToPlain(command.text);
    const meta = { kind: 'command', user: command.user_id, channel: command.channel_id, text: query };
    const notify = (text: string, { log: qlog }: QuestionContext) =>
      deliver([renderNotice(text)]).catch((error: unknown) => qlog.error({ error: describe(error) }, 'failed to post a notice'));
    await desk.handle(meta, async ({ log: qlog }) => {
      try {
        let messages: SlackMessage[];
        let status: QuestionStatus = 'help';
        if (query === '') {
          messages = [kind === 'force' ? renderForceUsage(engine.forcesWithData().map((f) => f.name)) : renderAskUsage()];
        } else {
          const answer = answerFor({ k: kind, q: query });
          qlog.debug({ command: command.command, citations: answer.citations.length }, 'answered');
          const share = answer.status === 'answered' ? shareValue({ k: kind, q: query }) : undefined;
          messages = renderAnswer(answer, share === undefined ? {} : { shareValue: share });
          status = answer.status;
        }
        await deliver(messages);
        return status;
      } catch (error) {
        qlog.error({ error: describe(error), command: command.command }, 'failed to answer');
        await deliver([renderFailure()]).catch((deliverError: unknown) => {
          qlog.error({ error: describe(deliverError) }, 'failed to report a failure');
        });
        return 'failed';
      }
    }, notify);
  }

  // Acknowledge at once (Slack allows three seconds), then answer through the response_url.
  app.command(FORCE_COMMAND, async ({ ack, body, client, respond }) => {
    await ack();
    await handleCommand('force', body, client, respond);
  });
  app.command(ASK_COMMAND, async ({ ack, body, client, respond }) => {
    await ack();
    await handleCommand('ask', body, client, respond);
  });

  app.action(SHARE_ACTION_ID, async ({ ack, body, client, respond }) => {
    await ack();
    const click = ShareClick.safeParse(body);
    if (!click.success) {
      log.warn({ issues: click.error.issues.map((i) => i.path.join('.')) }, 'ignored a malformed share click');
      return;
    }
    const raw = click.data.actions.find((a) => a.action_id === SHARE_ACTION_ID)?.value ?? '';
    let value: ShareValue;
    try {
      value = ShareValue.parse(JSON.parse(raw));
    } catch {
      log.warn('ignored a share click with an unreadable value');
      return;
    }
    const canRespond = click.data.response_url !== undefined;
    const channel = click.data.channel?.id ?? click.data.container?.channel_id;
    const meta = { kind: 'share', user: click.data.user.id, channel: channel ?? 'unknown', text: value.q };
    const notify = async (text: string, { log: qlog }: QuestionContext) => {
      if (!canRespond) return;
      await respondAll(respond, [renderNotice(text)], 'ephemeral').catch((error: unknown) => qlog.error({ error: describe(error) }, 'failed to post a notice'));
    };
    await desk.handle(meta, async ({ log: qlog }): Promise<QuestionStatus> => {
      try {
        if (channel === undefined) throw new Error('the click named no channel');
        // Answered again rather than carried: Slack does not send an ephemeral message's content
        // back with the click, and the engine is deterministic over its bundled data.
        const answer = answerFor(value);
        const messages = renderAnswer(answer, { sharedBy: click.data.user.id });
        qlog.debug({ channel, kind: value.k }, 'sharing in channel');
        try {
          await post(client, channel, undefined, messages);
        } catch (error) {
          if (!canRespond) throw error;
          // The bot may not be a member of the channel (or it is a DM between people): the
          // response_url can still post there on the user's behalf.
          qlog.info({ error: describe(error), channel }, 'chat.postMessage refused; sharing through response_url');
          await respondAll(respond, messages, 'in_channel');
          return answer.status;
        }
        if (canRespond) {
          await respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the channel.' });
        }
        return answer.status;
      } catch (error) {
        qlog.error({ error: describe(error), channel }, 'failed to share');
        if (canRespond) {
          await respondAll(respond, [renderFailure()], 'ephemeral').catch((respondError: unknown) => {
            qlog.error({ error: describe(respondError) }, 'failed to report a failure');
          });
        }
        return 'failed';
      }
    }, notify);
  });

  app.error(async (error) => {
    log.error({ error: describe(error) }, 'unhandled error in a Slack handler');
  });

  return { app, desk };
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
  const { app, desk } = createSlackApp(deps);
  try {
    await app.init();
  } catch (error) {
    const reason = scrubSecrets(slackErrorCode(error), secretsOf(config));
    throw new SlackStartError(
      `Slack: auth.test failed (${reason}); check SLACK_BOT_TOKEN` +
        (config.apiUrl === undefined ? '' : ` and SLACK_API_URL (${config.apiUrl})`),
      { cause: error },
    );
  }

  const describe = (error: unknown) => scrubSecrets(slackErrorCode(error), secretsOf(config));
  // Receiving stops first (the HTTP server stops accepting, the websocket closes, so Slack holds
  // new events for redelivery), then the answers already accepted are finished and posted: the
  // Web API client is independent of the receiver.
  const stop = async ({ graceMs = DEFAULT_STOP_GRACE_MS }: { graceMs?: number } = {}) => {
    desk.startDraining();
    await app.stop().catch((error: unknown) => log.warn({ error: describe(error) }, 'error while closing the Slack receiver'));
    const unfinished = await desk.drain(graceMs);
    log.info({ unfinished }, 'Slack adapter stopped');
  };
  const inFlight = () => desk.inFlight;

  if (config.mode === 'socket') {
    await app.start();
    log.info({ mode: 'socket', apiUrl: config.apiUrl }, 'Slack adapter connected over Socket Mode');
    return { port: null, stop, inFlight };
  }

  const server: unknown = await app.start(config.port);
  const address = server instanceof Server ? server.address() : null;
  const port = address !== null && typeof address === 'object' ? (address satisfies AddressInfo).port : config.port;
  log.info({ mode: 'http', port, path: '/slack/events', apiUrl: config.apiUrl }, 'Slack adapter listening');
  return { port, stop, inFlight };
}
