import { describe, expect, it } from 'vitest';
import { AnswerDraft, GroundingError } from '../../src/answer/draft.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';

const data = loadDataset(BUNDLED_DATA_DIR);
const ctx = { documents: new Map(data.documents.map((d) => [d.id, d])), forces: new Map(data.forces.map((f) => [f.id, f])), numberedNames: [] };
const figure = data.figures.find((f) => f.id === 'hertfordshire-complaint-allegations-2021-22');
if (!figure) throw new Error('fixture figure missing');

describe('the grounding check', () => {
  it('refuses an answer that states a number no quote or calculation proves', () => {
    const draft = new AnswerDraft(ctx, 'q');
    expect(() => draft.answered('lookup', 'Hertfordshire had 1,973 allegations.')).toThrow(GroundingError);
  });

  it('accepts a number its cited quote states, with or without separators', () => {
    const draft = new AnswerDraft(ctx, 'q');
    const n = draft.cite(figure.source, figure.quote);
    expect(draft.answered('lookup', `Hertfordshire had 1,972 allegations [${n}].`).text).toContain('1,972');
  });

  it('accepts a computed figure only with its fact recorded', () => {
    const draft = new AnswerDraft(ctx, 'q');
    const n = draft.cite(figure.source, figure.quote);
    expect(() => draft.answered('share', `1,972 [${n}], half of it 986.`)).toThrow(GroundingError);
    const base = {
      force: 'hertfordshire',
      forceName: 'Hertfordshire Constabulary',
      periodId: '2021-22',
      period: '2021-22',
      metric: 'x',
      metricLabel: 'half',
      unit: 'count' as const,
    };
    const again = new AnswerDraft(ctx, 'q');
    const m = again.cite(figure.source, figure.quote);
    again.computed(base, 986, 'share', [], '1,972 ÷ 2 = 986');
    expect(again.answered('share', `1,972 [${m}], half of it 986 (our calculation).`).facts.at(-1)?.computed?.working).toBe('1,972 ÷ 2 = 986');
  });

  it('treats period names and echoed user text as names, not figures', () => {
    const draft = new AnswerDraft(ctx, 'q');
    draft.allow('2015-16');
    expect(draft.noData('period_not_held', `We don't hold 2015-16 for a force called “${draft.echo('Narnia 9')}”.`).status).toBe('no_data');
  });

  it('numbers citations in the order the text refers to them', () => {
    const draft = new AnswerDraft(ctx, 'q');
    const other = data.figures.find((f) => f.id === 'hampshire-complaint-allegations-2021-22');
    if (!other) throw new Error('fixture figure missing');
    const a = draft.cite(figure.source, figure.quote);
    const b = draft.cite(other.source, other.quote);
    const answer = draft.answered('comparison', `1,938 [${b}] and 1,972 [${a}].`);
    expect(answer.text).toBe('1,938 [1] and 1,972 [2].');
    expect(answer.citations[0]?.sourceId).toBe(other.source);
  });
});
