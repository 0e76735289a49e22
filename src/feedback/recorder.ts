/**
 * What the adapters call to record use: a 👍/👎, a "wrong figure" report, a declined or unclear
 * answer. It opens the store on the first record (so answering never pays for it), keeps a
 * question's words only when RECORD_QUESTIONS is on, and is the one place that policy lives.
 */
import type { Logger } from '../log.ts';
import type { FeedbackConfig, StoreLocation } from './config.ts';
import { embeddedDatabase } from './embedded-database.ts';
import { migrate } from './migrations.ts';
import { postgresDatabase } from './postgres-database.ts';
import type { PostedAnswer, Rating } from './records.ts';
import { sqlFeedbackStore, type FeedbackStore, type StoredSummary } from './store.ts';

/** Records feedback and declined answers. Each method rejects with a `FeedbackStoreError`
 * (`code: 'FEEDBACK_STORE'`) when the store cannot be written or read. */
export interface FeedbackRecorder {
  /** Records a 👍 or 👎 by `person` (the platform's user id) on a posted answer; a second rating
   * by the same person on the same answer replaces the first. */
  rate(answer: PostedAnswer, person: string, rating: Rating): Promise<void>;
  /** Records a "Report a wrong figure" note by `person` on a posted answer; a second report by the
   * same person on the same answer replaces the first. */
  reportFigure(answer: PostedAnswer, person: string, note: string): Promise<void>;
  /** Records the answer when it was declined (`no_data`) or `unclear`; resolves false, writing
   * nothing, for an answered one. */
  recordDeclined(answer: PostedAnswer): Promise<boolean>;
  /** Everything recorded at or after `since`, for `forcewatch report`. */
  summary(since?: Date): Promise<StoredSummary>;
  /** Closes the store, if it was opened, once pending records are written. */
  close(): Promise<void>;
}

/** Opens the store at `location`; nothing is loaded or connected until its first use. */
export function openFeedbackStore(location: StoreLocation): FeedbackStore {
  const db = location.kind === 'postgres' ? postgresDatabase(location.url, migrate) : embeddedDatabase(location.stateDir, migrate);
  return sqlFeedbackStore(db);
}

/** A recorder for the configured store. */
export function createFeedbackRecorder(config: FeedbackConfig, logger?: Logger): FeedbackRecorder {
  const store = openFeedbackStore(config.store);
  const log = logger?.child({ component: 'feedback' });
  const split = ({ question, ...answer }: PostedAnswer) => ({ answer, question: config.recordQuestions ? question : null });
  return {
    async rate(posted, person, rating) {
      await store.saveFeedback({ kind: 'rating', ...split(posted), person, rating });
      log?.debug({ answerId: posted.id, rating }, 'rating recorded');
    },
    async reportFigure(posted, person, note) {
      await store.saveFeedback({ kind: 'report', ...split(posted), person, note });
      log?.debug({ answerId: posted.id }, 'wrong-figure report recorded');
    },
    async recordDeclined(posted) {
      if (posted.status === 'answered') return false;
      await store.saveDeclined(split(posted));
      log?.debug({ answerId: posted.id, reason: posted.reason ?? posted.status }, 'declined answer recorded');
      return true;
    },
    summary: (since) => store.summary(since),
    close: () => store.close(),
  };
}
