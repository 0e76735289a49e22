/**
 * The state port held in this process (the default): bounded maps, so a flood of distinct events,
 * users or channels cannot grow memory without limit. A restart forgets it, and another process
 * does not see it; set REDIS_URL for that (redis.ts).
 */
import { BoundedMap } from '../bounded-map.ts';
import type { PreviousExchange } from './exchange.ts';
import type { StatePort, WindowHit } from './port.ts';

/** Claims remembered: far more than the events one process sees within a claim's lifetime. */
export const CLAIMS_MAX = 10_000;
/** Conversations whose previous exchange is remembered; older ones become fresh questions. */
export const CONVERSATIONS_MAX = 2_000;
/** Rate-limit keys remembered: far more than the users or channels active in one window. */
export const WINDOW_KEYS_MAX = 20_000;
/** Values kept by key (posted answers awaiting a 👍 / 👎); past this the oldest can no longer be rated. */
export const KEPT_MAX = 5_000;

/** Sizes and clock of an {@link InProcessState}; tests shrink the sizes and drive the clock. */
export interface InProcessOptions {
  claims?: number;
  conversations?: number;
  windowKeys?: number;
  kept?: number;
  now?: () => number;
}

export class InProcessState implements StatePort {
  readonly kind = 'in-process' as const;
  /** Key → when the claim lapses. */
  readonly #claims: BoundedMap<string, number>;
  readonly #conversations: BoundedMap<string, { exchange: PreviousExchange; until: number }>;
  /** Key → the times of recent hits, oldest first. */
  readonly #hits: BoundedMap<string, number[]>;
  readonly #kept: BoundedMap<string, { json: string; until: number }>;
  readonly #now: () => number;

  constructor(options: InProcessOptions = {}) {
    this.#claims = new BoundedMap(options.claims ?? CLAIMS_MAX);
    this.#conversations = new BoundedMap(options.conversations ?? CONVERSATIONS_MAX);
    this.#hits = new BoundedMap(options.windowKeys ?? WINDOW_KEYS_MAX);
    this.#kept = new BoundedMap(options.kept ?? KEPT_MAX);
    this.#now = options.now ?? Date.now;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    const until = this.#claims.get(key);
    if (until !== undefined && until > now) return false;
    this.#claims.set(key, now + ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    this.#claims.delete(key);
  }

  async remember(keys: readonly string[], exchange: PreviousExchange, ttlMs: number): Promise<void> {
    const until = this.#now() + ttlMs;
    for (const key of keys) this.#conversations.set(key, { exchange, until });
  }

  async recall(key: string): Promise<PreviousExchange | undefined> {
    const held = this.#conversations.get(key);
    return held !== undefined && held.until > this.#now() ? held.exchange : undefined;
  }

  async keep(key: string, json: string, ttlMs: number): Promise<void> {
    this.#kept.set(key, { json, until: this.#now() + ttlMs });
  }

  async kept(key: string): Promise<string | undefined> {
    const held = this.#kept.get(key);
    return held !== undefined && held.until > this.#now() ? held.json : undefined;
  }

  async takeWindows(hits: readonly WindowHit[]): Promise<number[]> {
    const now = this.#now();
    const recent = hits.map(({ key, limit }) => (this.#hits.get(key) ?? []).filter((t) => t > now - limit.windowMs));
    const waits = hits.map(({ limit }, i) => {
      const times = recent[i] ?? [];
      if (limit.max <= 0 || times.length < limit.max) return 0;
      // The oldest hit in the window is the next to leave it.
      return Math.max(1, (times[times.length - limit.max] ?? now) + limit.windowMs - now);
    });
    if (waits.every((wait) => wait === 0)) {
      hits.forEach(({ key, limit }, i) => {
        if (limit.max > 0) this.#hits.set(key, [...(recent[i] ?? []), now]);
      });
    }
    return waits;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
