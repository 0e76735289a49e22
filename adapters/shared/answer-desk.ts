/**
 * Where every question from either platform passes on its way to the engine: it gets a request id,
 * is checked against the rate limits, is counted while in flight (so a shutdown can wait for it),
 * and ends in one log line with the platform, the latency and the answer status. The question's
 * text is logged only when LOG_MESSAGE_TEXT is on: it may come from a DM or a private channel.
 * Work that can follow an answer (its chart) runs {@link AnswerDesk.later}, once no question waits.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../src/index.ts';
import { RateLimiter, rateLimitedText } from './rate-limit.ts';
import type { AdapterSettings } from './settings.ts';
import { InProcessState } from './state/in-process.ts';
import type { StatePort } from './state/port.ts';

export type Platform = 'slack' | 'discord';

/** How a question ended, as logged: the engine's status, or what happened instead. */
export type QuestionStatus = 'answered' | 'no_data' | 'unclear' | 'help' | 'failed' | 'rate_limited' | 'shutting_down';

/** One question, as the adapter received it. */
export interface QuestionMeta {
  /** What brought it: 'mention', 'dm', 'command', 'share', … */
  kind: string;
  user: string;
  channel: string;
  /** The question as typed; logged only when LOG_MESSAGE_TEXT is on. */
  text: string;
}

/** What the adapter's work gets: a logger carrying the request id. */
export interface QuestionContext {
  requestId: string;
  log: Logger;
}

/** How many questions an {@link AnswerDesk} works on at once. */
export interface Concurrency {
  /** At most this many at once. */
  max: number;
  /**
   * While a burst is arriving (questions are waiting their turn and another one arrived within the
   * last `quietMs`), only this many (at least 1, so answers always progress): the receiver, which
   * must acknowledge every new request promptly, gets the CPU that more answers would take, and
   * the answers catch up at `max` once the burst is over.
   */
  duringBurst: number;
  /** How long without a new question ends a burst. */
  quietMs: number;
}

/**
 * Slack questions worked on at once. Each answer's work is mostly Web API calls; with no cap, a
 * burst of hundreds keeps the event loop so busy that new requests wait seconds for their
 * acknowledgement (Slack allows three). Capped, a burst queues here, and Bolt, which acknowledges
 * before the work starts, keeps acknowledging. 16 hides the Web API's round trips at a normal pace;
 * during a burst only 2, because each answer running then takes CPU from the acknowledgements (in
 * the benchmark's flood of 200 connections, answers took a third of the adapter's CPU at 16, and
 * the ack rate rose by half with 2). A desk with a cap also starts at most one question per turn of
 * the event loop (see {@link AnswerDesk}).
 */
export const SLACK_CONCURRENCY: Concurrency = {
  max: 16,
  duringBurst: 2,
  // A burst is then over 20 events a second, more than Slack delivers to one workspace's app for
  // long (30,000 an hour), so the floor of 2 is never a steady state.
  quietMs: 50,
};

const UNLIMITED: Concurrency = { max: Number.POSITIVE_INFINITY, duringBurst: Number.POSITIVE_INFINITY, quietMs: 0 };

/** Jobs run {@link AnswerDesk.later} at once, at most. */
export const LATER_AT_ONCE = 2;

/** Told to the user when a question arrives after shutdown has begun. */
export const SHUTTING_DOWN_TEXT = 'I am restarting just now. Please ask again in a minute.';

/**
 * Runs each question's handling with limits, in-flight tracking and one summary log line.
 * Never throws: a failure of the adapter's own work is logged and counted as `failed`.
 */
export class AnswerDesk {
  readonly #log: Logger;
  readonly #limiter: RateLimiter | undefined;
  readonly #logText: boolean;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #concurrency: Concurrency;
  #busy = 0;
  readonly #waiting: Array<() => void> = [];
  /** performance.now() when the latest question asked for its turn. */
  #lastArrival = Number.NEGATIVE_INFINITY;
  /** Set while waiting questions are held back by a burst: lets them in when it is over. */
  #burstOver: NodeJS.Timeout | undefined;
  /** Set when a question was let in during this turn of the event loop (capped desks only). */
  #nextTurn: NodeJS.Immediate | undefined;
  /** Work that follows answers, waiting for no question to be waiting. */
  readonly #later: Array<() => void> = [];
  #laterRunning = 0;
  #draining = false;

  /**
   * @param concurrency how many questions are worked on at once; the rest wait their turn, in
   *   order (see {@link SLACK_CONCURRENCY}). No cap by default: only an adapter that acknowledges
   *   before its work starts may queue the work (a Discord command's defer is part of its work).
   */
  constructor(
    platform: Platform,
    log: Logger,
    settings: Pick<AdapterSettings, 'limits' | 'logMessageText'>,
    concurrency: Concurrency = UNLIMITED,
    /** Where the rate-limit windows are held; the process by default. */
    state: StatePort = new InProcessState(),
  ) {
    if (!(concurrency.duringBurst >= 1 && concurrency.duringBurst <= concurrency.max)) {
      throw new RangeError(`AnswerDesk: duringBurst must be from 1 to max (got ${concurrency.duringBurst} and ${concurrency.max})`);
    }
    this.#log = log.child({ platform });
    this.#limiter = settings.limits === undefined ? undefined : new RateLimiter(settings.limits, state, platform);
    this.#logText = settings.logMessageText;
    this.#concurrency = concurrency;
  }

  /** Questions allowed to run at once right now. */
  #limit(): number {
    const { max, duringBurst, quietMs } = this.#concurrency;
    const burst = this.#waiting.length > 0 && performance.now() - this.#lastArrival < quietMs;
    return burst ? duringBurst : max;
  }

  /** Whether questions are let in one per turn of the event loop: a capped desk's are. Each starts
   * with a few milliseconds of synchronous work (the engine); letting in all that fit at once (16
   * when a burst ends) held every acknowledgement behind all of them, 0.5–0.9 s in the benchmark. */
  get #paced(): boolean {
    return Number.isFinite(this.#concurrency.max);
  }

  /** Resolves when the question may start. Not an async function: a waiting question holds one
   * promise and its resolver here, no more (see {@link handle}). */
  #turn(): Promise<void> | undefined {
    this.#lastArrival = performance.now();
    // First come, first served: a newcomer never overtakes a question already waiting.
    if (this.#waiting.length === 0 && this.#busy < this.#limit() && this.#nextTurn === undefined) {
      this.#letIn();
      return undefined;
    }
    return new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      this.#admit();
    });
  }

  #letIn(): void {
    this.#busy++;
    if (this.#paced) {
      this.#nextTurn = setImmediate(() => {
        this.#nextTurn = undefined;
        this.#admit();
      });
    }
  }

  #done(): void {
    this.#busy--;
    this.#admit();
  }

  /** Lets waiting questions in, up to the current limit (one this turn, if paced); if a burst
   * holds some back, looks again when it would be over (an answer finishing looks again sooner).
   * With none waiting, work that follows answers may start. */
  #admit(): void {
    while (this.#waiting.length > 0 && this.#busy < this.#limit() && this.#nextTurn === undefined) {
      this.#letIn();
      this.#waiting.shift()?.();
    }
    if (this.#waiting.length === 0) this.#startLater();
    if (this.#waiting.length > 0 && this.#busy < this.#concurrency.max && this.#burstOver === undefined && this.#nextTurn === undefined) {
      const wait = Math.max(1, this.#lastArrival + this.#concurrency.quietMs - performance.now());
      this.#burstOver = setTimeout(() => {
        this.#burstOver = undefined;
        this.#admit();
      }, wait).unref();
    }
  }

  /** Starts work that follows answers while no question is waiting, up to {@link LATER_AT_ONCE}. */
  #startLater(): void {
    while (this.#later.length > 0 && this.#laterRunning < LATER_AT_ONCE && this.#waiting.length === 0) {
      this.#laterRunning++;
      this.#later.shift()?.();
    }
  }

  /**
   * Runs `job` (work that follows an answer already given, such as its chart) once no question is
   * waiting for its turn: questions come first, so a burst of charted answers gets every answer
   * out before the charts, which take tens of milliseconds of CPU each. Counted in flight, so a
   * shutdown waits for it. Resolves when the job has run; never rejects (a failure is logged).
   */
  later(job: () => Promise<void>, log: Logger = this.#log): Promise<void> {
    const task = new Promise<void>((resolve) => {
      this.#later.push(resolve);
      this.#startLater();
    })
      .then(job)
      .catch((error: unknown) => log.error({ error: error instanceof Error ? error.message : String(error) }, 'work after an answer failed'))
      .finally(() => {
        this.#laterRunning--;
        this.#startLater();
      });
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
    return task;
  }

  /** Questions being answered right now, and work following answers. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Handles one question. `work` answers it and returns the status; `notify` tells the user
   * something in words (rate limited, shutting down) without going through the engine.
   */
  handle(
    meta: QuestionMeta,
    work: (ctx: QuestionContext) => Promise<QuestionStatus>,
    notify: (text: string, ctx: QuestionContext) => Promise<void>,
  ): Promise<void> {
    const task = this.#run(meta, work, notify, performance.now());
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
    return task;
  }

  /**
   * One question from arrival to its log line. Its request id and context are made once it leaves
   * the queue: under a burst thousands of questions wait at once, and what each holds meanwhile is
   * copied by every young-generation collection until it is promoted (about 2.9 KB a question when
   * everything was made on arrival, in closures, promises and the id).
   */
  async #run(
    meta: QuestionMeta,
    work: (ctx: QuestionContext) => Promise<QuestionStatus>,
    notify: (text: string, ctx: QuestionContext) => Promise<void>,
    started: number,
  ): Promise<void> {
    let ctx: QuestionContext | undefined;
    const context = () => (ctx ??= this.#context());
    let status: QuestionStatus;
    try {
      if (this.#draining) {
        await notify(SHUTTING_DOWN_TEXT, context());
        status = 'shutting_down';
      } else {
        const decision = (await this.#limiter?.check(meta.user, meta.channel)) ?? { allowed: true };
        if (!decision.allowed) {
          if (decision.notify) await notify(rateLimitedText(decision), context());
          status = 'rate_limited';
        } else {
          await this.#turn();
          try {
            status = await work(context());
          } finally {
            this.#done();
          }
        }
      }
    } catch (error) {
      context().log.error({ error: error instanceof Error ? error.message : String(error) }, 'question handling failed');
      status = 'failed';
    }
    this.#log.info(
      {
        requestId: context().requestId,
        kind: meta.kind,
        status,
        latencyMs: Math.round(performance.now() - started),
        questionLength: meta.text.length,
        ...(this.#logText ? { question: meta.text } : {}),
      },
      'question handled',
    );
  }

  /** A question's request id, and a logger carrying it. The child logger is made when something
   * logs through it: most questions log only their summary line (through the parent, with the id). */
  #context(): QuestionContext {
    const requestId = randomUUID();
    const parent = this.#log;
    let child: Logger | undefined;
    return {
      requestId,
      get log(): Logger {
        child ??= parent.child({ requestId });
        return child;
      },
    };
  }

  /** Stops taking new questions: each one from now on gets {@link SHUTTING_DOWN_TEXT}. */
  startDraining(): void {
    this.#draining = true;
  }

  /** Resolves when every question in flight has finished, or after `timeoutMs`, whichever is first.
   * @returns how many were still unfinished when it gave up. */
  async drain(timeoutMs: number): Promise<number> {
    this.startDraining();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    // Loop: a question accepted just before draining may still be adding follow-on work.
    while (this.#inFlight.size > 0) {
      const finished = await Promise.race([Promise.allSettled([...this.#inFlight]).then(() => true), deadline.then(() => false)]);
      if (!finished) break;
    }
    clearTimeout(timer);
    return this.#inFlight.size;
  }
}
