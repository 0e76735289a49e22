/**
 * Everything the Slack adapter sends: answers and notices posted in a conversation, private
 * (ephemeral) replies, replies through a command's or a click's `response_url`, and the progress
 * reaction. The listeners decide what to say; this module is the one place that says it, so
 * retries, ordering and Slack's own limits (five uses of a response_url) are handled once.
 */
import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../src/index.ts';
import { scrubSecrets } from './bolt-logger.ts';
import { renderNotice, type SlackMessage } from './render-blocks.ts';

/** Shown on the question while the answer is being prepared. */
export const PROGRESS_REACTION = 'hourglass_flowing_sand';
/** Slack accepts at most five posts to one response_url. */
export const RESPONSE_URL_USES_MAX = 5;

export type SlackClient = App['client'];

const WebApiError = z.object({ data: z.object({ error: z.string() }) });

/** Slack's own error code ("not_in_channel") when there is one, else the error's message. */
export function slackErrorCode(error: unknown): string {
  const parsed = WebApiError.safeParse(error);
  if (parsed.success) return parsed.data.data.error;
  return error instanceof Error ? error.message : String(error);
}

/** Sends one set of messages somewhere; a later part only after the earlier one is in. */
export type Deliver = (messages: SlackMessage[]) => Promise<void>;

/** The adapter's voice towards Slack, built once per app. */
export class SlackDelivery {
  constructor(
    readonly log: Logger,
    readonly secrets: readonly string[],
  ) {}

  /** An error in words fit for a log line: Slack's code, with any secret scrubbed. */
  describe(error: unknown): string {
    return scrubSecrets(slackErrorCode(error), this.secrets);
  }

  /** Posts messages in order in `channel` (in the thread `threadTs` when given). */
  async post(client: SlackClient, channel: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
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

  /** Posts messages only `user` sees, in `channel` (in the thread `threadTs` when given). */
  async postEphemeral(client: SlackClient, channel: string, user: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
    for (const message of messages) {
      await client.chat.postEphemeral({
        channel,
        user,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        text: message.text,
        blocks: message.blocks,
      });
    }
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

  /** Adds or removes the progress reaction; a failure is cosmetic and only logged. */
  async react(client: SlackClient, add: boolean, channel: string, timestamp: string): Promise<void> {
    try {
      const args = { channel, timestamp, name: PROGRESS_REACTION };
      if (add) await client.reactions.add(args);
      else await client.reactions.remove(args);
    } catch (error) {
      // A missing reaction is cosmetic (no reactions:write scope, message deleted): never a reason
      // to withhold the answer.
      this.log.debug({ error: this.describe(error), add }, 'could not change the progress reaction');
    }
  }
}
