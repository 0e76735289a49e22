/**
 * The hourglass reaction on a question whose answer is slow to come: cosmetic, so best-effort.
 * It goes on only once an answer has taken {@link PROGRESS_DELAY_MS}: most are posted within tens of
 * milliseconds, where adding and removing it was two Web API calls of three per answer for a flash
 * nobody sees. Neither adding nor removing it is ever awaited before the answer is posted; at most
 * {@link REACTIONS_IN_FLIGHT_MAX} reaction calls run at once and, past that or while Slack has
 * rate limited reactions, a question simply gets none (a hanging reactions call once held every
 * answer for the client's whole timeout, and a reactions limit held a burst's answers for minutes).
 */
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Logger } from '../../src/index.ts';
import type { RateGate } from './rate-gate.ts';

/** Shown on the question while the answer is being prepared. */
export const PROGRESS_REACTION = 'hourglass_flowing_sand';
/** How long an answer may take before the hourglass goes on its question. */
export const PROGRESS_DELAY_MS = 1_000;
/** Reaction calls running at once, past which new questions get no hourglass. */
export const REACTIONS_IN_FLIGHT_MAX = 8;

const GATE_KEY = 'reactions';
const RateLimited = z.object({ retryAfter: z.number() });
/** The hourglass is on already: put there by a worker that stopped before taking it off. */
const AlreadyReacted = z.object({ data: z.object({ error: z.literal('already_reacted') }) });

/** The hourglass on one question; `done()` takes it off (after it is on, if it ever got there). */
export interface Progress {
  done(): void;
}

export class ProgressReactions {
  #inFlight = 0;

  constructor(
    readonly client: WebClient,
    readonly gate: RateGate,
    readonly log: Logger,
    readonly describe: (error: unknown) => string,
  ) {}

  /**
   * Puts the hourglass on the message `timestamp` in `channel` after `delayMs` (unless `done()`
   * came first, or reactions are busy). A delay of 0 puts it on at once: work taken up again after
   * another worker stopped partway, which may have left its hourglass on for this one to take off.
   */
  start(channel: string, timestamp: string, delayMs = PROGRESS_DELAY_MS): Progress {
    const args = { channel, timestamp, name: PROGRESS_REACTION };
    let added: Promise<boolean> | undefined;
    const add = () => {
      added = this.#run('add', () => this.client.reactions.add(args));
    };
    const timer = delayMs > 0 ? setTimeout(add, delayMs).unref() : undefined;
    if (timer === undefined) add();
    return {
      done: () => {
        clearTimeout(timer);
        void added?.then((ok) => (ok ? this.#run('remove', () => this.client.reactions.remove(args)) : false));
      },
    };
  }

  /** Runs one reaction call if there is room; resolves whether it succeeded. Never rejects. */
  async #run(what: 'add' | 'remove', call: () => Promise<unknown>): Promise<boolean> {
    if (this.#inFlight >= REACTIONS_IN_FLIGHT_MAX || this.gate.waitFor(GATE_KEY) > 0) {
      this.log.debug({ what }, 'progress reaction dropped: reactions are busy or rate limited');
      return false;
    }
    this.#inFlight += 1;
    try {
      await call();
      return true;
    } catch (error) {
      if (AlreadyReacted.safeParse(error).success) return true;
      const limited = RateLimited.safeParse(error);
      if (limited.success) this.gate.pause(GATE_KEY, limited.data.retryAfter * 1000);
      // A missing reaction is cosmetic (no reactions:write scope, message deleted): never a reason
      // to withhold the answer.
      this.log.debug({ error: this.describe(error), what }, 'could not change the progress reaction');
      return false;
    } finally {
      this.#inFlight -= 1;
    }
  }
}
