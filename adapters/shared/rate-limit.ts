/**
 * Per-user and per-channel rate limits, shared by the Slack and Discord adapters: sliding windows
 * held by the state port, so with REDIS_URL every replica counts against the same window. A
 * refused question gets a polite notice saying when to ask again; notices are themselves limited
 * so a flood cannot turn the bot into a megaphone.
 */
import type { StatePort, WindowLimit } from './state/port.ts';

export type { WindowLimit };

/** The limits an adapter applies to each question. */
export interface RateLimits {
  perUser: WindowLimit;
  perChannel: WindowLimit;
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
  readonly #notices: WindowLimit;

  constructor(
    readonly limits: RateLimits,
    readonly state: StatePort,
    /** Keeps one platform's windows apart from another's in a shared state. */
    readonly scope: string,
  ) {
    // As many notices per window as questions: someone at the limit hears why each time, but a
    // flood past twice the limit goes unanswered rather than being echoed into the channel.
    this.#notices = {
      max: Math.max(limits.perUser.max, limits.perChannel.max, 1),
      windowMs: Math.max(limits.perUser.windowMs, limits.perChannel.windowMs),
    };
  }

  /** Checks (and on success records) one question from `user` in `channel`. */
  async check(user: string, channel: string): Promise<RateDecision> {
    const [userWait = 0, channelWait = 0] = await this.state.takeWindows([
      { key: `${this.scope}:user:${user}`, limit: this.limits.perUser },
      { key: `${this.scope}:channel:${channel}`, limit: this.limits.perChannel },
    ]);
    if (userWait === 0 && channelWait === 0) return { allowed: true };
    const scope = userWait > 0 ? 'user' : 'channel';
    const noticeKey = `${this.scope}:notice:${scope === 'user' ? `user:${user}` : `channel:${channel}`}`;
    const [noticeWait] = await this.state.takeWindows([{ key: noticeKey, limit: this.#notices }]);
    return { allowed: false, scope, retryAfterMs: Math.max(userWait, channelWait), notify: noticeWait === 0 };
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
