/**
 * Messages the bot answers: an @mention in a server channel, a reply to one of its own answers
 * (a follow-up, answered with the previous exchange as context), and anything in a DM. Everything
 * else is ignored, bots included, so two bots can never talk each other into a loop.
 */
import type { Message } from 'discord.js';
import type { QuestionContext, QuestionStatus } from '../shared/answer-desk.ts';
import { answerThrough, feedbackOffer, NO_PINGS, type OutgoingMessage } from './deliver.ts';
import type { HandlerContext } from './interactions.ts';
import { logFailure } from './safe-log.ts';

/** Discord withholds the text of a reply that does not mention the bot (no Message Content intent). */
export const UNREADABLE_REPLY_TEXT =
  "I couldn't read that reply: Discord only shows me replies that mention me. Reply again with @mention switched on, or mention me.";

/** `<@id>`, or the older `<@!id>` nickname form. */
function mentionPattern(botId: string): RegExp {
  return new RegExp(`<@!?${botId}>`);
}

/** The question in a message, without the bot's mention and any @everyone, @here or role mention:
 * they are addressing, not asking, and would only clutter the answer's title. */
export function questionFrom(content: string, botId: string): string {
  return content
    .replace(new RegExp(`${mentionPattern(botId).source}|<@&\\d+>|@everyone\\b|@here\\b`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Answers the message if it is for the bot; never throws. */
export async function handleMessage(message: Message, botId: string, ctx: HandlerContext): Promise<void> {
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return;

  const inDm = !message.inGuild();
  const referencedId = message.reference?.messageId;
  const previous = referencedId === undefined ? undefined : await ctx.memory.recall(referencedId);
  // `mentions.users`, not `mentions.has()`: the latter is true for @everyone and @here. The mention
  // in the text also counts, for compatible servers that leave the `mentions` array empty.
  const mentioned = message.mentions.users.has(botId) || mentionPattern(botId).test(message.content);
  const repliedToBot = previous !== undefined || message.mentions.repliedUser?.id === botId;
  if (!inDm && !mentioned && !repliedToBot) return;

  const question = questionFrom(message.content, botId);
  // Each part carries a nonce Discord enforces: a part it took but answered too late, sent again by
  // the REST client's retry, comes back as the message it already created instead of a second one.
  let part = 0;
  const reply = (outgoing: OutgoingMessage) => message.reply({ ...outgoing, allowedMentions: NO_PINGS, nonce: `${message.id}-${part++}`, enforceNonce: true });
  const meta = { kind: inDm ? 'dm' : 'mention', user: message.author.id, channel: message.channelId, text: question };
  const notify = (text: string, { log }: QuestionContext) =>
    reply({ content: text })
      .then(() => undefined)
      .catch((error: unknown) => logFailure(log, ctx.secrets, error, 'could not post a notice'));

  await ctx.desk.handle(
    meta,
    async (q): Promise<QuestionStatus> => {
      const log = q.log.child({ message: message.id, channel: message.channelId, dm: inDm });
      if (question === '') {
        // Empty text in a server reply means Discord withheld it; in a DM it was only an attachment,
        // and a mention alone asks what the bot can do: the engine's help says, in Discord's syntax.
        if (!inDm && !mentioned && message.content.trim() === '') {
          await notify(UNREADABLE_REPLY_TEXT, q);
          return 'help';
        }
        await answerThrough(reply, () => ctx.engine.answer(''), log, ctx.secrets, undefined);
        return 'help';
      }

      log.debug({ followUp: previous !== undefined }, 'answering message');
      const ask = () => ctx.engine.answer(question, previous === undefined ? undefined : { previous });
      const offer = feedbackOffer(ctx.feedback, inDm ? 'dm' : message.channel.isThread() ? 'thread' : 'channel', message.id);
      return answerThrough(reply, ask, log, ctx.secrets, ctx.memory, offer);
    },
    notify,
  );
}
