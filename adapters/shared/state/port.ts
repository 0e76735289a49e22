/**
 * The state port: what the chat adapters remember between one delivery and the next. Held in the
 * process by default; in Redis when `REDIS_URL` is set, so that several replicas behind one Slack
 * app or one Discord bot, and a process restarted to deploy, share it: an event handled by one is
 * not handled again by another, a follow-up reaching another keeps its context, and a rate limit
 * counts every replica's questions.
 */
import type { PreviousExchange } from './exchange.ts';

/** One limit: at most `max` hits in any `windowMs`. `max: 0` switches it off. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** A window to check (and record a hit in) under `key`. */
export interface WindowHit {
  key: string;
  limit: WindowLimit;
}

/** Which implementation holds the state: named in logs and health reports. */
export type StateKind = 'in-process' | 'redis';

/** What the adapters remember. Every method is atomic across every process sharing the state. */
export interface StatePort {
  readonly kind: StateKind;
  /**
   * Records `key` for `ttlMs` if it is not held already: true the first time (go ahead), false
   * while it is held (someone already took it). De-duplication of events, commands and clicks.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forgets a claim, so the work it guarded may be taken again (after a failure to store it). */
  release(key: string): Promise<void>;
  /** Remembers `exchange` under each key (every message an answer was posted as) for `ttlMs`. */
  remember(keys: readonly string[], exchange: PreviousExchange, ttlMs: number): Promise<void>;
  /** The exchange remembered under `key`, if any. */
  recall(key: string): Promise<PreviousExchange | undefined>;
  /**
   * Keeps `json` under `key` for `ttlMs`, for a later delivery that carries only the key (a click
   * on an answer's 👍 / 👎 carries the answer's id). What comes back may have been written by
   * another process or version: the caller parses it.
   */
  keep(key: string, json: string, ttlMs: number): Promise<void>;
  /** The JSON kept under `key`, if it has not lapsed. */
  kept(key: string): Promise<string | undefined>;
  /**
   * Sliding windows checked together: when each has room, records one hit in every one and
   * returns zeros; otherwise records nothing and returns, per window, the ms until it has room.
   */
  takeWindows(hits: readonly WindowHit[]): Promise<number[]>;
  /** Whether the state can be reached now (always true in the process). */
  ping(): Promise<boolean>;
  /** Lets go of connections; the state stays where it is held. */
  close(): Promise<void>;
}

/** How long an event, command or click is remembered as handled: past Slack's last retry (about
 * five minutes after the first delivery) and past the five minutes a signed request stays valid. */
export const CLAIM_TTL_MS = 60 * 60 * 1000;

/** How long a conversation's previous exchange stays available for a follow-up. */
export const CONVERSATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
