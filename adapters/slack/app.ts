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
import { boltLogger, scrubSecrets } from './bolt-logger.ts';
import { BoundedMap } from './bounded-map.ts';
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
}

/** A running Slack adapter. */
export interface SlackHandle {
  /** Stops receiving (closes the HTTP server or the websocket). */
  stop(): Promise<void>;
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
export function createSlackApp({ engine, logger, config }: SlackDeps): App {
  const log = logger.child({ component: 'slack' });
  const secrets = config.mode === 'http' ? [config.botToken, config.signingSecret] : [config.botToken, config.appToken];
  const seen = new BoundedMap<string, true>(SEEN_EVENTS_MAX);
  const threads = new BoundedMap<string, PreviousExchange>(THREADS_MAX);

  const clientOptions: NonNullable<AppOptions['clientOptions']> = {
    // The default retries for about thirty minutes: far too long for someone waiting on an answer,
    // and it would hang start-up when the API base is wrong.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    timeout: 10_000,
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
  }

  /** Answers a question typed in a conversation, showing progress and reporting failure in words. */
  async function answerInConversation(q: Question): Promise<void> {
    await react(q.client, true, q.channel, q.messageTs);
    try {
      let messages: SlackMessage[];
      if (q.question === '') {
        messages = [renderNotice(HELP_TEXT)];
      } else {
        const previous = threads.get(q.memoryKey);
        log.info({ channel: q.channel, followUp: previous !== undefined, question: q.question }, 'answering');
        const answer = engine.answer(q.question, previous === undefined ? undefined : { previous });
        threads.set(q.memoryKey, { question: answer.question, frame: answer.frame });
        log.info({ channel: q.channel, status: answer.status, citations: answer.citations.length }, 'answered');
        messages = renderAnswer(answer);
      }
      await post(q.client, q.channel, q.replyThreadTs, messages);
    } catch (error) {
      log.error({ error: describe(error), channel: q.channel }, 'failed to answer');
      try {
        await post(q.client, q.channel, q.replyThreadTs, [renderFailure()]);
      } catch (postError) {
        log.error({ error: describe(postError), channel: q.channel }, 'failed to report a failure');
      }
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

  /** The share button's value, or undefined when the question is too long to carry in one. */
  function shareValue(value: ShareValue): string | undefined {
    const encoded = JSON.stringify(value);
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
    const deliver = privately(client, respond, parsed.data);
    const query = slackTextToPlain(parsed.data.text);
    try {
      let messages: SlackMessage[];
      if (query === '') {
        messages = [kind === 'force' ? renderForceUsage(engine.forcesWithData().map((f) => f.name)) : renderAskUsage()];
      } else {
        log.info({ command: parsed.data.command, channel: parsed.data.channel_id, question: query }, 'answering');
        const answer = answerFor({ k: kind, q: query });
        log.info({ status: answer.status, citations: answer.citations.length }, 'answered');
        const share = answer.status === 'answered' ? shareValue({ k: kind, q: query }) : undefined;
        messages = renderAnswer(answer, share === undefined ? {} : { shareValue: share });
      }
      await deliver(messages);
    } catch (error) {
      log.error({ error: describe(error), command: parsed.data.command }, 'failed to answer');
      await deliver([renderFailure()]).catch((deliverError: unknown) => {
        log.error({ error: describe(deliverError) }, 'failed to report a failure');
      });
    }
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
    try {
      if (channel === undefined) throw new Error('the click named no channel');
      // Answered again rather than carried: Slack does not send an ephemeral message's content
      // back with the click, and the engine is deterministic over its bundled data.
      const messages = renderAnswer(answerFor(value), { sharedBy: click.data.user.id });
      log.info({ channel, kind: value.k, question: value.q }, 'sharing in channel');
      try {
        await post(client, channel, undefined, messages);
      } catch (error) {
        if (!canRespond) throw error;
        // The bot may not be a member of the channel (or it is a DM between people): the
        // response_url can still post there on the user's behalf.
        log.info({ error: describe(error), channel }, 'chat.postMessage refused; sharing through response_url');
        await respondAll(respond, messages, 'in_channel');
        return;
      }
      if (canRespond) {
        await respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the channel.' });
      }
    } catch (error) {
      log.error({ error: describe(error), channel }, 'failed to share');
      if (canRespond) {
        await respondAll(respond, [renderFailure()], 'ephemeral').catch((respondError: unknown) => {
          log.error({ error: describe(respondError) }, 'failed to report a failure');
        });
      }
    }
  });

  app.error(async (error) => {
    log.error({ error: describe(error) }, 'unhandled error in a Slack handler');
  });

  return app;
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
  const app = createSlackApp(deps);
  try {
    await app.init();
  } catch (error) {
    const secrets = config.mode === 'http' ? [config.botToken, config.signingSecret] : [config.botToken, config.appToken];
    const reason = scrubSecrets(slackErrorCode(error), secrets);
    throw new SlackStartError(
      `Slack: auth.test failed (${reason}); check SLACK_BOT_TOKEN` +
        (config.apiUrl === undefined ? '' : ` and SLACK_API_URL (${config.apiUrl})`),
      { cause: error },
    );
  }

  if (config.mode === 'socket') {
    await app.start();
    log.info({ mode: 'socket', apiUrl: config.apiUrl }, 'Slack adapter connected over Socket Mode');
    return { port: null, stop: () => app.stop().then(() => undefined) };
  }

  const server: unknown = await app.start(config.port);
  const address = server instanceof Server ? server.address() : null;
  const port = address !== null && typeof address === 'object' ? (address satisfies AddressInfo).port : config.port;
  log.info({ mode: 'http', port, path: '/slack/events', apiUrl: config.apiUrl }, 'Slack adapter listening');
  return { port, stop: () => app.stop().then(() => undefined) };
}
