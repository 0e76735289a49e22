/**
 * The chat adapters' side of feedback. Each answer posted to Slack or Discord is described
 * (`postedAnswer`) and kept in the state port under its id, and that id is all its 👍 / 👎 and
 * "Report a wrong figure" controls carry (a Discord custom_id holds 100 characters). A click finds
 * the answer again there, on whichever replica takes it and after a restart when REDIS_URL is set,
 * and hands it to the recorder. A declined or unclear answer is recorded as it is posted.
 *
 * Recording never stands in the way of answering: declined answers are written in the background,
 * a click whose record fails is logged and answered with an apology, and nothing here rejects.
 */
import { PostedAnswer, postedAnswer, type Answer, type FeedbackRecorder, type Logger, type Rating, type Surface } from '../../../src/index.ts';
import { parseJsonOrUndefined } from '../json.ts';
import { CONVERSATION_TTL_MS, type StatePort } from '../state/port.ts';

/** How long after it is posted an answer can be rated or reported: as long as a conversation's
 * follow-ups are remembered, a week. */
export const ANSWER_KEPT_MS = CONVERSATION_TTL_MS;

/** What an adapter needs to offer feedback controls: the recorder (shared by every platform in the
 * process) and whether the deployment records questions' words. */
export interface FeedbackSetup {
  recorder: FeedbackRecorder;
  /** RECORD_QUESTIONS. Off, a kept answer holds no words either: a click never needs them. */
  recordQuestions: boolean;
}

/** What became of a rating or report, for the words the person is shown. */
export type FeedbackOutcome = 'saved' | 'unknown_answer' | 'failed';

const keyOf = (id: string) => `answer:${id}`;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One platform's feedback: keeps its answers, records its clicks, and waits for them on stop. */
export class AnswerFeedback {
  readonly #setup: FeedbackSetup;
  readonly #state: StatePort;
  readonly #log: Logger;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(setup: FeedbackSetup, state: StatePort, log: Logger) {
    this.#setup = setup;
    this.#state = state;
    this.#log = log.child({ component: 'feedback' });
  }

  /**
   * Keeps `answer`, as posted on `surface`, for its controls, and records it (in the background)
   * when it was declined or unclear. Call it before the answer is posted: a click can only follow.
   *
   * @param id - The answer's id: one derived from what is being answered (the question's message)
   *   keeps a redelivered question from being recorded twice; a new UUID when absent.
   * @returns The id the controls carry, or undefined (post the answer without them) when it could
   *   not be described.
   */
  async offer(answer: Answer, surface: Surface, id?: string): Promise<string | undefined> {
    let posted: PostedAnswer;
    try {
      posted = postedAnswer(answer, surface, id);
    } catch (error) {
      this.#log.error({ error: describe(error) }, 'could not describe an answer for feedback; posting it without controls');
      return undefined;
    }
    const kept = this.#setup.recordQuestions ? posted : { ...posted, question: '' };
    // Sent now, before the answer is posted, but not waited for: a click can only come once
    // someone has read the answer, long after the write, and the answer does not wait a round
    // trip to Redis for it. drain() waits for it at shutdown.
    void this.track(
      this.#state
        .keep(keyOf(posted.id), JSON.stringify(kept), ANSWER_KEPT_MS)
        .catch((error: unknown) => this.#log.warn({ error: describe(error), answerId: posted.id }, 'could not keep an answer for its feedback controls')),
    );
    if (posted.status !== 'answered') {
      void this.track(
        this.#setup.recorder
          .recordDeclined(posted)
          .catch((error: unknown) => this.#log.warn({ error: describe(error), answerId: posted.id }, 'could not record a declined answer')),
      );
    }
    return posted.id;
  }

  /** The answer kept under `id`; undefined when it has lapsed, was never kept, or does not parse
   * (written by another version, say). */
  async find(id: string): Promise<PostedAnswer | undefined> {
    const json = await this.#state.kept(keyOf(id));
    if (json === undefined) return undefined;
    const parsed = PostedAnswer.safeParse(parseJsonOrUndefined(json));
    if (!parsed.success) this.#log.warn({ answerId: id }, 'a kept answer did not parse; treated as unknown');
    return parsed.success ? parsed.data : undefined;
  }

  /** Records `person`'s 👍 or 👎 on the answer `id`; a second one by them replaces the first. */
  rate(id: string, person: string, rating: Rating): Promise<FeedbackOutcome> {
    return this.#record(id, 'rating', (answer) => this.#setup.recorder.rate(answer, person, rating));
  }

  /** Records `person`'s wrong-figure report (their note) on the answer `id`; again replaces it. */
  report(id: string, person: string, note: string): Promise<FeedbackOutcome> {
    return this.#record(id, 'report', (answer) => this.#setup.recorder.reportFigure(answer, person, note));
  }

  /** Resolves once the records in hand are written (or have failed), or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#pending]), deadline]);
    clearTimeout(timer);
  }

  /** Counts `work` (a click's handling, from the record to the reply) as in hand until it settles,
   * so {@link drain} waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work)).catch(() => undefined);
    return work;
  }

  async #record(id: string, what: 'rating' | 'report', write: (answer: PostedAnswer) => Promise<void>): Promise<FeedbackOutcome> {
    const answer = await this.find(id);
    if (answer === undefined) {
      this.#log.info({ answerId: id, what }, 'feedback on an answer no longer kept');
      return 'unknown_answer';
    }
    try {
      await write(answer);
      return 'saved';
    } catch (error) {
      this.#log.error({ error: describe(error), answerId: id, what }, 'could not record feedback');
      return 'failed';
    }
  }
}
