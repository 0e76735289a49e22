/**
 * Keeping an answer for its feedback controls never holds the answer: `offer` gives the id at once
 * and the write to the state (a round trip with REDIS_URL) goes on beside the post; once it is in,
 * a click finds the answer, and a shutdown's drain waits for it.
 */
import { describe, expect, it } from 'vitest';
import { AnswerFeedback } from '../../../adapters/shared/feedback/answer-feedback.ts';
import { InProcessState } from '../../../adapters/shared/state/in-process.ts';
import { createLogger, loadEngine, type FeedbackRecorder } from '../../../src/index.ts';

const log = createLogger({ level: 'silent' });
const KEEP_MS = 1_500;

/** The process's state, taking {@link KEEP_MS} over each write of a kept value, as a slow Redis would. */
class SlowKeepState extends InProcessState {
  keptAt = 0;
  override async keep(key: string, json: string, ttlMs: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, KEEP_MS));
    await super.keep(key, json, ttlMs);
    this.keptAt = performance.now();
  }
}

/** A recorder an answered question never reaches: offering it records nothing. */
const unused = (): never => {
  throw new Error('not expected to record anything');
};
const recorder: FeedbackRecorder = { rate: unused, reportFigure: unused, recordDeclined: unused, summary: unused, close: async () => {} };

describe('offering feedback controls', () => {
  it('gives the id without waiting for the answer to be kept; the answer is found once it is, and drain waits for it', async () => {
    const state = new SlowKeepState();
    const feedback = new AnswerFeedback({ recorder, recordQuestions: false }, state, log);
    const answer = loadEngine({ logger: log }).answer('How many misconduct allegations were made against Hampshire police in 2021-22?');
    const started = performance.now();
    const id = await feedback.offer(answer, { platform: 'slack', conversation: 'channel' }, 'slack:C1:1.2');
    expect(performance.now() - started).toBeLessThan(KEEP_MS / 2);
    expect(id).toBe('slack:C1:1.2');
    await feedback.drain(5_000);
    expect(state.keptAt).toBeGreaterThan(0);
    expect((await feedback.find(id ?? ''))?.id).toBe(id);
  });
});
