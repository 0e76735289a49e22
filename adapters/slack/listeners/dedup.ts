/**
 * De-duplication of Events API deliveries. Slack retries an event whose acknowledgement was slow
 * (X-Slack-Retry-Num), perhaps to another replica, and Bolt does not de-duplicate: the first
 * delivery of an event_id claims it in the state port, later ones are acknowledged and dropped.
 * One message can also arrive as both an app_mention and a message event, with different event
 * IDs: {@link dispatchOnce} claims the message itself. A delivery that could not be handed on (the
 * queue unreachable) releases its claims and fails, so Slack, told of the failure, delivers it again.
 */
import type { App } from '@slack/bolt';
import { CLAIM_TTL_MS } from '../../shared/state/port.ts';
import { EventEnvelope } from '../payloads.ts';
import type { ConversationQuestion } from './conversation.ts';
import type { ListenerDeps } from './deps.ts';

export function register(app: App, { state, log }: ListenerDeps): void {
  app.use(async ({ body, context, next }) => {
    const envelope = EventEnvelope.safeParse(body);
    if (!envelope.success) return next();
    const key = `slack:event:${envelope.data.event_id}`;
    if (!(await state.claim(key, CLAIM_TTL_MS))) {
      log.info({ eventId: envelope.data.event_id, retryNum: context.retryNum, retryReason: context.retryReason }, 'skipped an event already handled');
      return;
    }
    try {
      await next();
    } catch (error) {
      await state.release(key);
      throw error;
    }
  });
}

/** Hands `question` on the first time its message is seen by any replica; does nothing after. */
export async function dispatchOnce({ state, dispatch }: Pick<ListenerDeps, 'state' | 'dispatch'>, question: ConversationQuestion): Promise<void> {
  const key = messageKey(question);
  if (!(await state.claim(key, CLAIM_TTL_MS))) return;
  try {
    await dispatch(question);
  } catch (error) {
    await state.release(key);
    throw error;
  }
}

const messageKey = (q: ConversationQuestion) => `slack:message:${q.channel}:${q.messageTs}`;
