/**
 * The recorder the adapters call: question words kept only when RECORD_QUESTIONS is on, declined and
 * unclear answers recorded and answered ones not, the embedded store made only on first use and
 * shared safely by two processes' worth of writers, and a store that cannot be reached named.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackRecorder, FeedbackStoreError, openFeedbackStore, type FeedbackRecorder } from '../../src/index.ts';
import { ask, DISCORD_DM } from './support/answers.ts';
import { createTestSchema, type TestSchema } from './support/postgres.ts';

describe('the feedback recorder on PostgreSQL', () => {
  let schema: TestSchema;
  let withWords: FeedbackRecorder;
  let withoutWords: FeedbackRecorder;

  beforeAll(async () => {
    schema = await createTestSchema();
    withWords = createFeedbackRecorder({ store: { kind: 'postgres', url: schema.url }, recordQuestions: true });
    withoutWords = createFeedbackRecorder({ store: { kind: 'postgres', url: schema.url }, recordQuestions: false });
  });
  afterAll(async () => {
    await withWords?.close();
    await withoutWords?.close();
    await schema?.drop();
  });

  it('keeps the words of a question only when RECORD_QUESTIONS is on', async () => {
    expect(await withoutWords.recordDeclined(ask('How many complaints about noise did Kent get?'))).toBe(true);
    expect(await withWords.recordDeclined(ask('What is the capital of France?'))).toBe(true);
    await withoutWords.reportFigure(ask('How many allegations did Hampshire face in 2021-22?'), 'U1', 'Looks too high');
    await withWords.reportFigure(ask('How many allegations did Hampshire face in 2021-22?', DISCORD_DM), 'D1', 'Too low?');
    const summary = await withWords.summary();
    expect(summary.declined.byReason).toEqual([
      { reason: 'metric_not_held', count: 1, questions: [] },
      { reason: 'off_topic', count: 1, questions: ['What is the capital of France?'] },
    ]);
    expect(summary.reports[0]?.notes.map((n) => [n.note, n.question])).toEqual([
      ['Too low?', 'How many allegations did Hampshire face in 2021-22?'],
      ['Looks too high', null],
    ]);
  });

  it('records a declined or unclear answer, and nothing for one it answered', async () => {
    expect(await withoutWords.recordDeclined(ask('How many allegations did Hampshire face in 2021-22?'))).toBe(false);
    expect(await withoutWords.recordDeclined(ask('what about Yorkshire?'))).toBe(true);
    const reasons = (await withoutWords.summary()).declined.byReason.map((r) => r.reason);
    expect(reasons).toContain('unclear');
    expect(reasons).toHaveLength(3);
  });

  it('refuses an empty report note, writing nothing', async () => {
    await expect(withoutWords.reportFigure(ask('How many allegations did Hampshire face in 2021-22?'), 'U9', '   ')).rejects.toThrow();
    expect((await withoutWords.summary()).reports[0]?.notes).toHaveLength(2);
  });
});

describe('the embedded feedback store', () => {
  const stateDir = join(mkdtempSync(join(tmpdir(), 'forcewatch-recorder-')), 'state');
  afterAll(() => rmSync(join(stateDir, '..'), { recursive: true, force: true }));

  it('is created in FORCEWATCH_STATE_DIR on the first record, not before', async () => {
    const recorder = createFeedbackRecorder({ store: { kind: 'embedded', stateDir }, recordQuestions: false });
    expect(existsSync(stateDir)).toBe(false);
    await recorder.rate(ask('How many allegations did Hampshire face in 2021-22?'), 'U1', 'up');
    expect(existsSync(join(stateDir, 'feedback-db', 'PG_VERSION'))).toBe(true);
    await recorder.close();
  }, 60_000);

  it('keeps every record when two writers share the folder at once', async () => {
    const one = openFeedbackStore({ kind: 'embedded', stateDir });
    const two = openFeedbackStore({ kind: 'embedded', stateDir });
    const declined = [
      'What is the capital of France?',
      'How many complaints about noise did Kent get?',
      'what about Yorkshire?',
      'complaints in Manchester police 2025-26',
    ];
    await Promise.all(
      declined.map((q, i) => {
        const { question: _q, ...answer } = ask(q);
        return (i % 2 === 0 ? one : two).saveDeclined({ answer, question: null });
      }),
    );
    await Promise.all([one.close(), two.close()]);
    const reader = openFeedbackStore({ kind: 'embedded', stateDir });
    const counted = (await reader.summary()).declined.byReason.reduce((n, r) => n + r.count, 0);
    await reader.close();
    expect(counted).toBe(4);
  }, 60_000);
});

describe('a PostgreSQL store that cannot be reached', () => {
  it('fails naming the server, never its password', async () => {
    const recorder = createFeedbackRecorder({ store: { kind: 'postgres', url: 'postgres://bot:s3cret@127.0.0.1:1/feedback' }, recordQuestions: false });
    const failure = recorder.rate(ask('How many allegations did Hampshire face in 2021-22?'), 'U1', 'up');
    await expect(failure).rejects.toBeInstanceOf(FeedbackStoreError);
    await expect(failure).rejects.toThrow(/^Could not use PostgreSQL at 127\.0\.0\.1:1\/feedback: /);
    await expect(failure).rejects.not.toThrow(/s3cret/);
    await recorder.close();
  });
});
