/**
 * Per-user and per-channel rate limits, shared by the Slack and Discord adapters: a sliding window
 * of recent question times per key, on bounded maps so a flood of distinct users or channels
 * cannot grow memory without limit. A refused question gets a polite notice saying when to ask
 * again; notices are themselves limited so a flood cannot turn the bot into a megaphone.
 */
import { BoundedMap } from './bounded-map.ts';

/** One limit: at most `max` questions in any `windowMs`. `max: 0` switches the limit off. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** The limits an adapter applies to each question. */
export interface RateLimits {
  perUser: WindowLimit;
  perChannel: WindowLimit;
}

/** Keys remembered per scope: far more than the users or channels active in one window. */
export const RATE_LIMIT_KEYS_MAX = 20_000;

/** A sliding-window counter per key. */
export class SlidingWindowLimiter {
  readonly #hits: BoundedMap<string, number[]>;

  constructor(
    readonly limit: WindowLimit,
    maxKeys: number = RATE_LIMIT_KEYS_MAX,
    readonly now: () => number = Date.now,
  ) {
    this.#hits = new BoundedMap(maxKeys);
  }

  /** The ms until `key` may go again (0 when it may go now), without recording anything. */
  waitFor(key: string): number {
    if (this.limit.max <= 0) return 0;
    const recent = this.#recent(key);
    if (recent.length < this.limit.max) return 0;
    // The oldest hit in the window is the next to leave it.
    return Math.max(1, (recent[0] ?? 0) + this.limit.windowMs - this.now());
  }

  /** Records one hit for `key`. */
  record(key: string): void {
    if (this.limit.max <= 0) return;
    const recent = this.#recent(key);
    recent.push(this.now());
    this.#hits.set(key, recent);
  }

  /** Records a hit if `key` is within its limit; returns the ms to wait otherwise (0 = allowed). */
  take(key: string): number {
    const wait = this.waitFor(key);
    if (wait === 0) this.record(key);
    return wait;
  }

  #recent(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    return (this.#hits.get(key) ?? []).filter((t) => t > since);
  }
}

/** Whether a question may be answered now, and if not, why and for how long. */
export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      scope: 'user' | 'channel';
      retryAfterMs: number;
      /** False once the notices for this key are themselves over the limit: then stay quiet. */
      notify: boolean;
    };

/** Both limits, checked together: a question counts against both only when both allow it. */
export class RateLimiter {
  readonly #user: SlidingWindowLimiter;
  readonly #channel: SlidingWindowLimiter;
  readonly #notices: SlidingWindowLimiter;

  constructor(readonly limits: RateLimits, now: () => number = Date.now) {
    this.#user = new SlidingWindowLimiter(limits.perUser, RATE_LIMIT_KEYS_MAX, now);
    this.#channel = new SlidingWindowLimiter(limits.perChannel, RATE_LIMIT_KEYS_MAX, now);
    // As many notices per window as questions: someone at the limit hears why each time, but a
    // flood past twice the limit goes unanswered rather than being echoed into the channel.
    const noticeWindow = Math.max(limits.perUser.windowMs, limits.perChannel.windowMs);
    const noticeMax = Math.max(limits.perUser.max, limits.perChannel.max, 1);
    this.#notices = new SlidingWindowLimiter({ max: noticeMax, windowMs: noticeWindow }, RATE_LIMIT_KEYS_MAX, now);
  }

  /** Checks (and on success records) one question from `user` in `channel`. */
  check(user: string, channel: string): RateDecision {
    const userWait = this.#user.waitFor(user);
    const channelWait = this.#channel.waitFor(channel);
    if (userWait === 0 && channelWait === 0) {
      this.#user.record(user);
      this.#channel.record(channel);
      return { allowed: true };
    }
    const scope = userWait > 0 ? 'user' : 'channel';
    const notify = this.#notices.take(scope === 'user' ? `user:${user}` : `channel:${channel}`) === 0;
    return { allowed: false, scope, retryAfterMs: Math.max(userWait, channelWait), notify };
  }
}

/** The polite words for a refused question. */
export function rateLimitedText(decision: Extract<RateDecision, { allowed: false }>): string {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  const wait = seconds === 1 ? 'a second' : `${seconds} seconds`;
  return decision.scope === 'user'
    ? `You're asking questions faster than I can answer them well. Please wait ${wait} and ask again.`
    : `This channel is asking a lot of questions at once. Please wait ${wait} and ask again.`;
}
