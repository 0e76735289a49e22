/**
 * Answering a question typed in a conversation (an @mention in a channel, or a direct message):
 * the progress reaction, the thread's previous exchange as context, the answer posted in order,
 * and a failure told in words. Shared by the mention and direct-message listeners, which hand each
 * question on as plain data: to this process's answer desk, or (with REDIS_URL) to the durable
 * work queue, from which any replica's worker answers it.
 */
import { z } from 'zod';
import type { Answer, ConversationKind } from '../../../src/index.ts';
import type { QuestionContext, QuestionStatus } from '../../shared/answer-desk.ts';
import { chartOfAnswer, csvOfAnswer } from '../../shared/chart-of-answer.ts';
import { CONVERSATION_TTL_MS } from '../../shared/state/port.ts';
import type { Destination } from '../delivery.ts';
import { renderAnswer, renderFailure, renderNotice } from '../render-blocks.ts';
import type { ListenerDeps } from './deps.ts';

/** A question typed in a conversation, as a queued job (parsed again when a worker takes it). */
export const ConversationQuestion = z.object({
  channel: z.string(),
  /** The user's message: where the progress reaction goes. */
  messageTs: z.string(),
  /** Where the reply goes; undefined for the top level of a DM. */
  replyThreadTs: z.string().optional(),
  /** Whose previous answer a follow-up builds on. */
  memoryKey: z.string(),
  question: z.string(),
  /** Who asked (for the rate limit and private notices); undefined if Slack did not say. */
  user: z.string().optional(),
  kind: z.enum(['mention', 'dm']),
});
export type ConversationQuestion = z.infer<typeof ConversationQuestion>;

/** How a question is being answered: `recheck` when a worker takes it up again after another
 * stopped partway, so each part is first looked for where it would have landed. */
export interface AnswerOptions {
  recheck?: boolean;
  /** Called once the question has its answer (or notice) posted, before the files that follow it:
   * a queue worker then takes its next question rather than wait for this one's chart. */
  onAnswered?: () => void;
}

/**
 * Answers a question typed in a conversation, showing progress and reporting failure in words.
 * Resolves once the answer and the files that follow it (its chart) are posted: a queue worker
 * acknowledges the job only then, so a replica that stops before the chart leaves it to another.
 */
export async function answerInConversation(q: ConversationQuestion, deps: ListenerDeps, options: AnswerOptions = {}): Promise<void> {
  const meta = { kind: q.kind, user: q.user ?? 'unknown', channel: q.channel, text: q.question };
  let files: Promise<void> | undefined;
  await deps.desk.handle(
    meta,
    async (ctx) => {
      const { status, after } = await answerNow(q, ctx, deps, options);
      // The chart is drawn and uploaded outside the question's turn, once no question waits.
      if (after !== undefined) files = deps.desk.later(after, ctx.log);
      return status;
    },
    (text, ctx) => notice(q, text, ctx, deps),
  );
  options.onAnswered?.();
  await files;
}

/** Tells the asker something that is not an answer: privately in a channel, in the DM otherwise. */
async function notice(q: ConversationQuestion, text: string, { log }: QuestionContext, { delivery }: ListenerDeps): Promise<void> {
  try {
    if (q.kind === 'mention' && q.user !== undefined) {
      await delivery.postEphemeral(q.channel, q.user, q.replyThreadTs, [renderNotice(text)]);
    } else {
      await delivery.post({ ...replyTo(q), key: `${replyTo(q).key}:notice` }, [renderNotice(text)]);
    }
  } catch (error) {
    log.error({ error: delivery.describe(error), channel: q.channel }, 'failed to post a notice');
  }
}

/** Where the answer to `q` goes: its key is the question's own message, so every replica and
 * every retry of it posts under the same keys. */
function replyTo(q: ConversationQuestion, { recheck = false }: AnswerOptions = {}): Destination {
  return { channel: q.channel, threadTs: q.replyThreadTs, key: `${q.channel}:${q.messageTs}`, checkFirst: recheck };
}

/** A mention is answered in a thread: one it started (a channel question) or one it was asked in. */
function conversationOf(q: ConversationQuestion): ConversationKind {
  if (q.kind === 'dm') return 'dm';
  return q.replyThreadTs === q.messageTs ? 'channel' : 'thread';
}

/** How a question ended, and the files to send after its answer, if any. */
interface Answered {
  status: QuestionStatus;
  after?: () => Promise<void>;
}

async function answerNow(
  q: ConversationQuestion,
  ctx: QuestionContext,
  { engine, delivery, state, feedback, log: slackLog }: ListenerDeps,
  options: AnswerOptions,
): Promise<Answered> {
  // Never awaited: the hourglass is cosmetic, and the answer must not wait on it.
  const progress = delivery.progress.start(q.channel, q.messageTs, options.recheck === true ? 0 : undefined);
  let remembered: Promise<void> = Promise.resolve();
  try {
    let answer: Answer;
    if (q.question === '') {
      // The engine's help; the thread's subject stays as it was for the next question.
      answer = engine.answer('');
    } else {
      const memoryKey = `slack:${q.memoryKey}`;
      // A mention that starts a thread has no earlier exchange in it: nothing to look up (with
      // REDIS_URL, a round trip saved on most channel questions).
      const previous = conversationOf(q) === 'channel' ? undefined : await state.recall(memoryKey);
      answer = engine.answer(q.question, previous === undefined ? undefined : { previous });
      // Sent before the answer is posted but not waited for: it is in place long before anyone can
      // read the answer and reply to it, and the answer does not wait a round trip for it.
      remembered = state.remember([memoryKey], { question: answer.question, frame: answer.frame }, CONVERSATION_TTL_MS);
      // Checked first: the question's own logger is made only when something is logged through it.
      if (slackLog.isLevelEnabled('debug'))
        ctx.log.debug({ channel: q.channel, followUp: previous !== undefined, citations: answer.citations.length }, 'answered');
    }
    // Keyed by the question's message, as its posts are: a redelivered question is one answer. Help
    // for an empty mention is no answer to rate, nor a declined question.
    const feedbackId =
      q.question === '' ? undefined : await feedback?.offer(answer, { platform: 'slack', conversation: conversationOf(q) }, `slack:${replyTo(q).key}`);
    const messages = renderAnswer(answer, feedbackId === undefined ? {} : { feedbackId });
    const chart = chartOfAnswer(answer);
    const csv = csvOfAnswer(answer);
    const status: QuestionStatus = answer.type === 'help' ? 'help' : answer.status;
    await delivery.post(replyTo(q, options), messages);
    return chart === undefined && csv === undefined ? { status } : { status, after: () => delivery.postFiles(replyTo(q, options), chart, csv) };
  } catch (error) {
    const { log } = ctx;
    log.error({ error: delivery.describe(error), channel: q.channel }, 'failed to answer');
    try {
      await delivery.post({ ...replyTo(q, options), key: `${replyTo(q).key}:failure` }, [renderFailure()]);
    } catch (postError) {
      log.error({ error: delivery.describe(postError), channel: q.channel }, 'failed to report a failure');
    }
    return { status: 'failed' };
  } finally {
    progress.done();
    await remembered;
  }
}
