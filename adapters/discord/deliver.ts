/**
 * Posting an answer wherever it goes (an interaction reply, a channel reply): render it, send each
 * message through the caller's `send`, and fall back to plain text if Discord rejects the embeds.
 * Also the words the bot says when something fails, and `answerThrough`, which asks the engine,
 * posts, remembers the answer for follow-ups and tells the user of a failure the same way for a
 * message and a command.
 */
import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageMentionOptions,
} from 'discord.js';
import { type Answer, type ConversationKind, FAILURE_TEXT, type Logger, type Surface } from '../../src/index.ts';
import type { QuestionStatus } from '../shared/answer-desk.ts';
import type { AnswerFeedback } from '../shared/feedback/answer-feedback.ts';
import { chartOfAnswer, csvOfAnswer } from '../shared/chart-of-answer.ts';
import { sendAnswerFiles } from './answer-files.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import { feedbackRow } from './feedback/controls.ts';
import { moreRow } from './more-card.ts';
import { renderEmbeds, renderPlainMessages } from './render-embeds.ts';
import { logFailure } from './safe-log.ts';

/**
 * Set on every message the bot sends: nothing a user types (`@everyone`, `@here`, a role, a user)
 * can make the bot ping anyone, and replies do not ping the person replied to.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const satisfies MessageMentionOptions;

/** One message the bot posts: embeds, or plain content for the text fallback and notices, and
 * files attached to it (a chart, a CSV), each with its name and the description Discord shows as
 * an image's alt text. */
export interface OutgoingMessage {
  embeds?: APIEmbed[];
  content?: string;
  /** The feedback buttons, on an answer's last message. */
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  files?: { attachment: Buffer; name: string; description?: string }[];
}

/** Sends one message and reports the id Discord gave it. */
export type SendMessage = (message: OutgoingMessage) => Promise<{ id: string }>;

export const FOLLOW_UP_HINT = 'Reply to this message to ask a follow-up.';

/**
 * Sends an answer to a deferred interaction: the first message edits the deferred reply ("thinking…"),
 * later ones follow it, ephemeral like it when `ephemeral`.
 */
export function interactionSender(interaction: ChatInputCommandInteraction | ButtonInteraction, ephemeral: boolean): SendMessage {
  let first = true;
  return async (message) => {
    if (first) {
      first = false;
      return interaction.editReply({ ...message, allowedMentions: NO_PINGS });
    }
    return interaction.followUp({ ...message, allowedMentions: NO_PINGS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  };
}

/** Defers an interaction's reply (privately when `ephemeral`) before the engine runs: the engine is
 * synchronous, and the defer must be on the wire within Discord's three seconds. False, logged,
 * when it could not be. */
export async function deferred(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ephemeral: boolean,
  log: Logger,
  secrets: readonly string[],
): Promise<boolean> {
  try {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    return true;
  } catch (error) {
    logFailure(log, secrets, error, 'could not defer the reply; the interaction has probably expired');
    return false;
  }
}

/** Where an answer's feedback controls point: the answer's id, where it is posted, and who keeps it. */
export interface FeedbackOffer {
  feedback: AnswerFeedback;
  surface: Surface;
  id: string;
}

/**
 * The feedback target of an answer to the Discord message or interaction `discordId`, or undefined
 * when this process records no feedback. The answer's id derives from it, so a command taken up
 * again by another process is still one answer.
 */
export function feedbackOffer(feedback: AnswerFeedback | undefined, conversation: ConversationKind, discordId: string): FeedbackOffer | undefined {
  return feedback === undefined ? undefined : { feedback, surface: { platform: 'discord', conversation }, id: `discord:${discordId}` };
}

/**
 * Renders and sends an answer, in order, and returns the ids of the messages posted; the last
 * carries the "Every figure" button of a force card's summary, and the feedback buttons when
 * `feedbackId` is given. If Discord refuses the first embed
 * message as malformed, the whole answer goes as plain text instead: a rendering bug should cost
 * the formatting, not the answer.
 */
export async function deliverAnswer(answer: Answer, send: SendMessage, options: { footer?: string; feedbackId?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  let sent = 0;
  const post = async (message: OutgoingMessage) => {
    const { id } = await send(message);
    sent += 1;
    // A compatible server that answers without a message object still delivered the message.
    if (typeof id === 'string') ids.push(id);
  };
  const messages = renderEmbeds(answer, options.footer === undefined ? {} : { footer: options.footer });
  const controls = [...moreRow(answer), ...(options.feedbackId === undefined ? [] : feedbackRow(options.feedbackId))];
  const last = (i: number, count: number) => (i === count - 1 && controls.length > 0 ? { components: controls } : {});
  try {
    for (const [i, { embeds }] of messages.entries()) await post({ embeds, ...last(i, messages.length) });
  } catch (error) {
    if (sent > 0 || !isMalformedBody(error)) throw error;
    const plain = renderPlainMessages(answer);
    for (const [i, content] of plain.entries()) await post({ content, ...last(i, plain.length) });
  }
  return ids;
}

function isMalformedBody(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InvalidFormBodyOrContentType;
}

/** Tells the user the answer failed; if even that cannot be posted, logs why. Never throws. */
async function reportFailure(send: SendMessage, log: Logger, secrets: readonly string[]): Promise<'failed'> {
  await send({ content: FAILURE_TEXT }).catch((e: unknown) => logFailure(log, secrets, e, 'could not report the failure'));
  return 'failed';
}

/**
 * Asks the engine (`ask`) and posts its answer through `send`. With `memory`, the answer offers a
 * follow-up and its messages are remembered, so a reply to any of them continues the conversation.
 * With `offer`, it carries 👍 / 👎 and "Report a wrong figure" (and is recorded if declined).
 * A failure of either step is logged and told to the user; any part already posted stays.
 */
export async function answerThrough(
  send: SendMessage,
  ask: () => Answer,
  log: Logger,
  secrets: readonly string[],
  memory: ConversationMemory | undefined,
  offer?: FeedbackOffer,
): Promise<QuestionStatus> {
  let answer: Answer;
  try {
    answer = ask();
  } catch (error) {
    logFailure(log, secrets, error, 'engine failed');
    return reportFailure(send, log, secrets);
  }
  try {
    const feedbackId = await offer?.feedback.offer(answer, offer.surface, offer.id);
    const ids = await deliverAnswer(answer, send, { ...(memory ? { footer: FOLLOW_UP_HINT } : {}), ...(feedbackId === undefined ? {} : { feedbackId }) });
    const filesId = await sendAnswerFiles(send, chartOfAnswer(answer), csvOfAnswer(answer), log, secrets);
    if (filesId !== undefined) ids.push(filesId);
    await memory?.remember(ids, { question: answer.question, ...(answer.frame ? { frame: answer.frame } : {}) });
    log.debug({ citations: answer.citations.length, messages: ids.length }, 'answered');
    return answer.status;
  } catch (error) {
    logFailure(log, secrets, error, 'could not post the answer');
    return reportFailure(send, log, secrets);
  }
}
