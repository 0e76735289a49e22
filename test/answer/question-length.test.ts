/**
 * The question-length cap (MAX_QUESTION_LENGTH, documented in the README): a question over it gets
 * a friendly request to shorten it, quickly, whatever it holds; one at the cap is read as usual.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine, MAX_QUESTION_LENGTH } from '../../src/index.ts';

const engine = loadEngine();

describe('the question-length cap', () => {
  it('asks politely for a shorter question past the cap, even at 40,000 characters', () => {
    for (const length of [MAX_QUESTION_LENGTH + 1, 40_000]) {
      const started = performance.now();
      const answer = engine.answer(`How many allegations in Hampshire? ${'x'.repeat(length)}`);
      expect(performance.now() - started).toBeLessThan(250);
      expect(answer.status).toBe('no_data');
      expect(answer.text).toBe('That question is too long for me: please keep it under a thousand characters.');
      expect(answer.citations).toEqual([]);
    }
  });

  it('reads a question right at the cap as usual', () => {
    const question = 'How many misconduct allegations were made against Hampshire police in 2021-22?';
    const atCap = `${`${question} ${'please '.repeat(200)}`.slice(0, MAX_QUESTION_LENGTH - 1)}?`;
    expect(atCap).toHaveLength(MAX_QUESTION_LENGTH);
    expect(engine.answer(atCap).text).not.toContain('too long');
    expect(engine.answer(question).text).toContain('1,938');
  });
});
