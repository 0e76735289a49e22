/**
 * End to end: declined and unclear answers from `forcewatch ask` and the terminal chat, ratings
 * and a wrong-figure report given through the recorder the Slack and Discord adapters call, and
 * `forcewatch report` reading them back, from the embedded store and from PostgreSQL.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedbackRecorder, type FeedbackReport, type PostedAnswer } from '../../src/index.ts';
import { ask } from '../feedback/support/answers.ts';
import { createTestSchema, type TestSchema } from '../feedback/support/postgres.ts';
import { forcewatch } from './support/run-cli.ts';

const HAMPSHIRE = 'How many allegations did Hampshire face in 2021-22?';

describe('forcewatch report on the embedded store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forcewatch-report-'));
  const env = { FORCEWATCH_STATE_DIR: join(dir, 'state') };
  let report: FeedbackReport;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    expect(forcewatch(['ask', 'What is the capital of France?'], { env }).code).toBe(0);
    const chat = forcewatch([], { env: { ...env, RECORD_QUESTIONS: 'true' }, input: `${HAMPSHIRE}\nwhat about Yorkshire?\n` });
    expect(chat.code, chat.err).toBe(0);
    const recorder = createFeedbackRecorder({ store: { kind: 'embedded', stateDir: env.FORCEWATCH_STATE_DIR }, recordQuestions: false });
    const answer = ask(HAMPSHIRE);
    await recorder.rate(answer, 'U1', 'up');
    await recorder.rate(answer, 'U1', 'down');
    await recorder.reportFigure(answer, 'U1', 'The Home Office table says 1,983');
    const gone: PostedAnswer = { ...answer, id: 'answer-from-old-data', figures: [{ id: 'hampshire/complaint-allegations/1999-00', value: 12 }] };
    await recorder.reportFigure(gone, 'U2', 'No such year');
    await recorder.close();
    const r = forcewatch(['report', '--json'], { env });
    expect(r.code, r.err).toBe(0);
    report = JSON.parse(r.out) as FeedbackReport;
  }, 120_000);

  it('prints { ratings, reports, declined }, a changed 👍 to 👎 counted once', () => {
    expect(Object.keys(report)).toEqual(['ratings', 'reports', 'declined']);
    expect(report.ratings).toEqual([{ type: 'lookup', platform: 'slack', conversation: 'channel', up: 0, down: 1 }]);
  });

  it('shows each reported figure with its note and the value held now, or that it is no longer held', () => {
    expect(report.reports.map((r) => [r.figure, r.label, r.shown, r.current, r.notes.map((n) => n.note)])).toEqual([
      ['hampshire/complaint-allegations/1999-00', null, [12], [], ['No such year']],
      [
        'hampshire/complaint-allegations/2021-22',
        expect.stringMatching(/^Hampshire.*: .*allegations.*, 2021-22$/),
        [1938],
        [1938],
        ['The Home Office table says 1,983'],
      ],
    ]);
  });

  it('lists declined and unclear questions from ask and the chat, words only where RECORD_QUESTIONS was on, answered ones left out', () => {
    expect(report.declined.byReason).toEqual([
      { reason: 'off_topic', count: 1, questions: [] },
      { reason: 'unclear', count: 1, questions: ['what about Yorkshire?'] },
    ]);
    expect(report.declined.byMeasureAndForce).toEqual([{ measure: null, force: null, count: 2 }]);
  });

  it('reads as text for a person, and --since leaves out what came before', () => {
    const text = forcewatch(['report'], { env }).out;
    expect(text).toMatch(/^Forcewatch feedback report: everything recorded/);
    expect(text).toMatch(/lookup\s+slack channel\s+👍\s+0\s+👎\s+1/);
    expect(text).toContain('shown 1,938; held now 1,938');
    expect(text).toContain('shown 12; no longer held');
    expect(text).toContain('“what about Yorkshire?”');
    const later = JSON.parse(forcewatch(['report', '--json', '--since', '2999-01-01'], { env }).out) as FeedbackReport;
    expect(later).toEqual({ ratings: [], reports: [], declined: { byReason: [], byMeasureAndForce: [] } });
  });

  it('reports nothing, creating nothing, where nothing was ever recorded', () => {
    const empty = join(dir, 'empty-state');
    const r = forcewatch(['report'], { env: { FORCEWATCH_STATE_DIR: empty } });
    expect(r.code).toBe(0);
    expect(r.out.match(/none recorded/g)).toHaveLength(3);
    expect(existsSync(empty)).toBe(false);
  });
});

describe('forcewatch report on PostgreSQL (DATABASE_URL)', () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
  });
  afterAll(() => schema?.drop());

  it('records a declined question from forcewatch ask and reports it by reason, measure and force', () => {
    const env = { DATABASE_URL: schema.url, FORCEWATCH_STATE_DIR: '/nonexistent/never-used' };
    expect(forcewatch(['ask', 'How many complaints about noise did Kent get?'], { env }).code).toBe(0);
    const report = JSON.parse(forcewatch(['report', '--json'], { env }).out) as FeedbackReport;
    expect(report.declined).toEqual({
      byReason: [{ reason: 'metric_not_held', count: 1, questions: [] }],
      byMeasureAndForce: [{ measure: null, force: 'kent', count: 1 }],
    });
  }, 60_000);
});
