/**
 * Per-key pauses for the Slack Web API. Slack's rate limits are per method (and, for posting, per
 * channel), but the Web API client's own answer to a 429 pauses its whole queue: one channel's
 * Retry-After would hold every other channel's answer. Here a 429 pauses only the key it covers.
 */
import { BoundedMap } from '../shared/bounded-map.ts';

/** Keys remembered: far more than the channels a bot posts to within any Retry-After. */
export const RATE_GATE_KEYS_MAX = 10_000;

export class RateGate {
  /** Key → when it may be called again (ms since the epoch). */
  readonly #until = new BoundedMap<string, number>(RATE_GATE_KEYS_MAX);

  /** The ms until `key` may be called (0: now). */
  waitFor(key: string): number {
    const until = this.#until.get(key);
    return until === undefined ? 0 : Math.max(0, until - Date.now());
  }

  /** Resolves once `key` may be called. */
  async pass(key: string): Promise<void> {
    const wait = this.waitFor(key);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Holds `key` for `ms`, as a 429's Retry-After asked. */
  pause(key: string, ms: number): void {
    this.#until.set(key, Math.max(this.#until.get(key) ?? 0, Date.now() + ms));
  }
}
