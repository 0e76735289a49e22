/**
 * What the bot remembers between messages: for each message it posted, the exchange it answered,
 * so a reply to that message is a follow-up in context. Bounded, because it grows with traffic.
 */
import type { Conversation } from '../../src/index.ts';
import { BoundedMap } from '../shared/bounded-map.ts';

/** The previous exchange, as the engine takes it back. */
export type PreviousExchange = NonNullable<Conversation['previous']>;

/** Enough for a busy server's recent answers; older ones fall back to being fresh questions. */
export const DEFAULT_MEMORY_SIZE = 2000;

/** Bot message id → the exchange it answered, forgetting the oldest past `maxSize`. */
export class ConversationMemory {
  readonly #byMessageId: BoundedMap<string, PreviousExchange>;

  constructor(readonly maxSize: number = DEFAULT_MEMORY_SIZE) {
    this.#byMessageId = new BoundedMap(maxSize);
  }

  get size(): number {
    return this.#byMessageId.size;
  }

  /** Remembers the exchange for every message an answer was posted as (a long answer is several). */
  remember(messageIds: readonly string[], exchange: PreviousExchange): void {
    for (const id of messageIds) this.#byMessageId.set(id, exchange);
  }

  /** The exchange a bot message answered, if it is still remembered. */
  recall(messageId: string): PreviousExchange | undefined {
    return this.#byMessageId.get(messageId);
  }
}
