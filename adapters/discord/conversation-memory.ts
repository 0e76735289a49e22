/**
 * What the bot remembers between messages: for each message it posted, the exchange it answered,
 * so a reply to that message is a follow-up in context. Held by the state port: in Redis (when
 * REDIS_URL is set) a reply keeps its context across a restart and on another replica.
 */
import type { PreviousExchange } from '../shared/state/exchange.ts';
import { CONVERSATION_TTL_MS, type StatePort } from '../shared/state/port.ts';

export type { PreviousExchange };

/** Bot message id → the exchange it answered. */
export class ConversationMemory {
  constructor(readonly state: StatePort) {}

  /** Remembers the exchange for every message an answer was posted as (a long answer is several). */
  remember(messageIds: readonly string[], exchange: PreviousExchange): Promise<void> {
    return this.state.remember(messageIds.map(key), exchange, CONVERSATION_TTL_MS);
  }

  /** The exchange a bot message answered, if it is still remembered. */
  recall(messageId: string): Promise<PreviousExchange | undefined> {
    return this.state.recall(key(messageId));
  }
}

const key = (messageId: string) => `discord:message:${messageId}`;
