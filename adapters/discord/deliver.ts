/**
 * Posting an answer wherever it goes (an interaction reply, a channel reply): render it, send each
 * message through the caller's `send`, and fall back to plain text if Discord rejects the embeds.
 * Also the words the bot says when something fails, so every handler says them the same way.
 */
import { DiscordAPIError, RESTJSONErrorCodes, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import type { Answer } from '../../src/index.ts';
import { renderEmbeds, renderPlainMessages } from './render-embeds.ts';

/**
 * Set on every message the bot sends: nothing a user types (`@everyone`, `@here`, a role, a user)
 * can make the bot ping anyone, and replies do not ping the person replied to.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

/** One message the bot posts: embeds, or plain content for the text fallback and notices. */
export interface OutgoingMessage {
  embeds?: APIEmbed[];
  content?: string;
}

/** Sends one message and reports the id Discord gave it. */
export type SendMessage = (message: OutgoingMessage) => Promise<{ id: string }>;

export const FAILURE_TEXT =
  'Sorry, something went wrong while I was answering that. It has been logged; please try again in a moment.';
export const FOLLOW_UP_HINT = 'Reply to this message to ask a follow-up.';

/**
 * Renders and sends an answer, in order, and returns the ids of the messages posted. If Discord
 * refuses the first embed message as malformed, the whole answer goes as plain text instead: a
 * rendering bug should cost the formatting, not the answer.
 */
export async function deliverAnswer(answer: Answer, send: SendMessage, options: { footer?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  let sent = 0;
  const post = async (message: OutgoingMessage) => {
    const { id } = await send(message);
    sent += 1;
    // A compatible server that answers without a message object still delivered the message.
    if (typeof id === 'string') ids.push(id);
  };
  const messages = renderEmbeds(answer, options.footer === undefined ? {} : { footer: options.footer });
  try {
    for (const { embeds } of messages) await post({ embeds });
  } catch (error) {
    if (sent > 0 || !isMalformedBody(error)) throw error;
    for (const content of renderPlainMessages(answer)) await post({ content });
  }
  return ids;
}

function isMalformedBody(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InvalidFormBodyOrContentType;
}
