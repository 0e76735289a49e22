/**
 * Everything the Slack adapter sends: answers and notices posted in a conversation, private
 * (ephemeral) replies, replies through a command's or a click's `response_url`, and the progress
 * reaction. The listeners decide what to say; this module is the one place that says it.
 *
 * Posting is not idempotent, so it is retried here rather than by the Web API client: a 429
 * pauses only that method in that channel (rate-gate.ts) and is retried after its Retry-After; a
 * timeout or a 5xx leaves it unknown whether Slack took the post, so each posted part carries an
 * idempotency key in its message metadata, and the thread (or channel) is read for that key
 * before the part is posted again.
 */
import type { RespondFn } from '@slack/bolt';
import { ErrorCode, type WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ChartSpec } from '../../src/chart/index.ts';
import type { Logger } from '../../src/index.ts';
import { answerFiles } from '../shared/answer-files.ts';
import type { AdapterSettings } from '../shared/settings.ts';
import { scrubSecrets } from './bolt-logger.ts';
import { ProgressReactions } from './progress.ts';
import { RateGate } from './rate-gate.ts';
import { renderNotice, type SlackMessage } from './render-blocks.ts';

/** Slack accepts at most five posts to one response_url. */
export const RESPONSE_URL_USES_MAX = 5;
/** The metadata event type every posted part carries, with its idempotency key. */
export const PART_EVENT_TYPE = 'forcewatch_answer_part';
/** How long after a timed-out post the thread is read for it: a post Slack took late needs a moment to show. */
export const LANDED_CHECK_DELAY_MS = 1_000;

const WebApiError = z.object({ data: z.object({ error: z.string() }) });
const RateLimited = z.object({ code: z.literal(ErrorCode.RateLimitedError), retryAfter: z.number() });
/** A call whose outcome is unknown: no answer (timeout, reset), or a 5xx. */
const Unknown = z.object({ code: z.enum([ErrorCode.RequestError, ErrorCode.HTTPError]) });
const Messages = z.object({
  messages: z
    .array(z.object({ metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()) }).optional() }).loose())
    .default([]),
});

/** Slack's own error code ("not_in_channel") when there is one, else the error's message. */
export function slackErrorCode(error: unknown): string {
  const parsed = WebApiError.safeParse(error);
  if (parsed.success) return parsed.data.data.error;
  return error instanceof Error ? error.message : String(error);
}

/** Sends one set of messages somewhere; a later part only after the earlier one is in. */
export type Deliver = (messages: SlackMessage[]) => Promise<void>;

/** Where a set of messages goes in a conversation, and the key that makes posting it idempotent. */
export interface Destination {
  channel: string;
  /** The thread to reply in; undefined for the top level of a conversation. */
  threadTs: string | undefined;
  /** Unique to what is being answered (the question's message, a click): part n is `${key}:${n}`. */
  key: string;
  /** Look for each part where it would have landed before posting it (work taken up again after
   * a worker stopped partway). */
  checkFirst?: boolean;
}

/** The adapter's voice towards Slack, built once per app. */
export class SlackDelivery {
  readonly #gate = new RateGate();
  readonly progress: ProgressReactions;

  constructor(
    /** A client that never retries by itself and rejects on a 429 rather than pausing every call. */
    readonly client: WebClient,
    readonly settings: Pick<AdapterSettings, 'apiRetries' | 'maxRetryAfterMs'>,
    readonly log: Logger,
    readonly secrets: readonly string[],
  ) {
    this.progress = new ProgressReactions(client, this.#gate, log, (error) => this.describe(error));
  }

  /** An error in words fit for a log line: Slack's code, with any secret scrubbed. */
  describe(error: unknown): string {
    return scrubSecrets(slackErrorCode(error), this.secrets);
  }

  /** Posts messages in order at `to`, each part once however the calls fail. */
  async post(to: Destination, messages: SlackMessage[]): Promise<void> {
    for (const [n, message] of messages.entries()) {
      const key = `${to.key}:${n}`;
      if (to.checkFirst === true && (await this.#landedOrUnknown(to, key))) continue;
      await this.#call('chat.postMessage', to.channel, key, to, () =>
        this.client.chat.postMessage({
          channel: to.channel,
          ...(to.threadTs === undefined ? {} : { thread_ts: to.threadTs }),
          text: message.text,
          blocks: message.blocks,
          metadata: { event_type: PART_EVENT_TYPE, event_payload: { key } },
          // Citations are links: unfurling each would bury the answer under previews.
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
    }
  }

  /**
   * Uploads an answer's chart (a PNG, with its alt text) and CSV where the answer went, after it:
   * the answer's text is the fallback, so a chart that cannot be drawn or uploaded is logged and
   * the answer stands without it. An upload whose outcome is unknown is not sent again; files
   * carry no key to look for, so a question taken up again after a worker stopped may show its
   * chart twice, which is better than none.
   */
  async postFiles(to: Destination, chart: ChartSpec | undefined, csv: string | undefined): Promise<void> {
    if (chart === undefined && csv === undefined) return;
    try {
      const files = await answerFiles(chart, csv);
      await this.#call('files.uploadV2', to.channel, undefined, undefined, () =>
        this.client.filesUploadV2({
          channel_id: to.channel,
          ...(to.threadTs === undefined ? {} : { thread_ts: to.threadTs }),
          file_uploads: files.map((f) => ({ file: f.data, filename: f.filename, title: f.title, ...(f.altText === undefined ? {} : { alt_text: f.altText }) })),
        }),
      );
    } catch (error) {
      this.log.warn({ channel: to.channel, error: this.describe(error) }, 'could not send the chart or CSV; the answer stands without it');
    }
  }

  /** Posts messages only `user` sees. An ephemeral message cannot be read back, so one whose
   * outcome is unknown is not sent again. */
  async postEphemeral(channel: string, user: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
    for (const message of messages) {
      await this.#call('chat.postEphemeral', channel, undefined, undefined, () =>
        this.client.chat.postEphemeral({
          channel,
          user,
          ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
          text: message.text,
          blocks: message.blocks,
        }),
      );
    }
  }

  /**
   * One call, retried up to `apiRetries` times: after a 429, once its Retry-After (for this method
   * in this channel only) has passed; after an unknown outcome, only when the part is not found
   * where it would have landed (and never when there is no key to look for).
   */
  async #call(method: string, channel: string, key: string | undefined, to: Destination | undefined, call: () => Promise<unknown>): Promise<void> {
    const gateKey = `${method}:${channel}`;
    for (let attempt = 0; ; attempt += 1) {
      await this.#gate.pass(gateKey);
      try {
        await call();
        return;
      } catch (error) {
        if (attempt >= this.settings.apiRetries) throw error;
        const limited = RateLimited.safeParse(error);
        if (limited.success) {
          const waitMs = limited.data.retryAfter * 1000;
          if (waitMs > this.settings.maxRetryAfterMs) throw error;
          this.log.warn({ method, channel, retryAfterSeconds: limited.data.retryAfter }, 'rate limited: pausing this method in this channel');
          this.#gate.pause(gateKey, waitMs);
          continue;
        }
        if (!Unknown.safeParse(error).success || key === undefined || to === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, LANDED_CHECK_DELAY_MS));
        if (await this.#landed(to, key)) {
          this.log.info({ method, channel }, 'a post whose answer was lost had landed: not posting it again');
          return;
        }
        this.log.warn({ method, channel, error: this.describe(error) }, 'post failed; retrying');
      }
    }
  }

  /** Whether the part keyed `key` is in the thread (or the channel's latest messages). Throws when
   * that cannot be read: then nobody knows, and the part is not risked twice. */
  async #landed(to: Destination, key: string): Promise<boolean> {
    const found =
      to.threadTs === undefined
        ? await this.client.conversations.history({ channel: to.channel, include_all_metadata: true, limit: 50 })
        : await this.client.conversations.replies({ channel: to.channel, ts: to.threadTs, include_all_metadata: true, limit: 200 });
    return Messages.parse(found).messages.some((m) => m.metadata?.event_type === PART_EVENT_TYPE && m.metadata.event_payload.key === key);
  }

  /** Whether the part is already posted; when that cannot be read, false: work taken up again
   * after a crash would rather post a part twice than lose the answer. */
  async #landedOrUnknown(to: Destination, key: string): Promise<boolean> {
    try {
      return await this.#landed(to, key);
    } catch (error) {
      this.log.warn({ channel: to.channel, error: this.describe(error) }, 'could not read the thread back; posting');
      return false;
    }
  }

  /** Sends messages only `user` sees: through the response_url of the command or click when there is
   * one (which works even in channels the bot is not in), else with chat.postEphemeral. */
  privately(respond: RespondFn | undefined, channel: string | undefined, user: string): Deliver {
    return async (messages) => {
      if (respond !== undefined) return this.respondAll(respond, messages, 'ephemeral');
      if (channel === undefined) throw new Error('Slack: nowhere to reply privately (no response_url and no channel)');
      return this.postEphemeral(channel, user, undefined, messages);
    };
  }

  /** Sends messages through a response_url, within Slack's five uses: past that, the rest is
   * replaced by a note (keeping the share button, which ends the last message). */
  async respondAll(respond: RespondFn, messages: SlackMessage[], responseType: 'ephemeral' | 'in_channel'): Promise<void> {
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
}
