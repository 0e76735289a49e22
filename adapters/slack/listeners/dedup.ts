/**
 * De-duplication of the questions typed in conversations. Slack retries an event whose
 * acknowledgement was slow (X-Slack-Retry-Num), perhaps to another replica, Bolt does not
 * de-duplicate, and one message can arrive as both an app_mention and a message event with
 * different event IDs: so the question's message itself (its channel and ts, the same in every
 * delivery of it) is what is taken once, by whichever replica first hands it on. With a work queue
 * the key is checked and the question stored in one round trip (WorkQueue.enqueueOnce); without,
 * it is claimed in the state port. A delivery that could not be handed on (the queue unreachable)
 * fails with {@link QuestionNotStoredError}: answered 500, so Slack delivers it again.
 *
 * Signed commands and clicks are taken once by a hash of their body in http-endpoint.ts.
 */
import type { Context } from '@slack/bolt';
import { EventEnvelope } from '../payloads.ts';
import type { ConversationQuestion } from './conversation.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * A question that could not be handed on (the work queue unreachable): the delivery must fail, not
 * be acknowledged, so that Slack delivers it again. Bolt acknowledges an event before its listeners
 * run and sends that acknowledgement unless the app's error handler throws: app.ts rethrows this
 * one, and Bolt's receiver answers 500.
 */
export class QuestionNotStoredError extends Error {
  readonly code = 'SLACK_NOT_STORED' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QuestionNotStoredError';
  }
}

/** Hands `question` on the first time its message is seen by any replica; logs and drops it after. */
export async function dispatchOnce(
  { dispatch, log }: Pick<ListenerDeps, 'dispatch' | 'log'>,
  question: ConversationQuestion,
  delivery: { body: unknown; context: Context },
): Promise<void> {
  let handedOn: boolean;
  try {
    handedOn = await dispatch(question, messageKey(question));
  } catch (cause) {
    throw new QuestionNotStoredError(`Slack: could not store the question in ${question.channel} (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
  if (handedOn) return;
  const { context } = delivery;
  log.info(
    { eventId: EventEnvelope.safeParse(delivery.body).data?.event_id, retryNum: context.retryNum, retryReason: context.retryReason },
    'skipped an event already handled',
  );
}

/** The key every delivery of one message shares. */
export const messageKey = (q: Pick<ConversationQuestion, 'channel' | 'messageTs'>) => `slack:message:${q.channel}:${q.messageTs}`;
