/**
 * The chart block of an answer: which answers carry one, that it draws what the answer says, in the
 * answer's order, with the answer's own citation numbers; and the last answer's chart or CSV asked
 * for afterwards.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chartOfAnswer, csvOfAnswer } from '../../adapters/shared/chart-of-answer.ts';
import { loadEngine, type Engine } from '../../src/index.ts';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

const TREND_QUESTION = 'How have complaints logged in England and Wales changed since 2020/21?';

describe('the chart of an answer', () => {
  it('draws a change over time as a line, oldest period first, each point citing what the answer cites', () => {
    const answer = engine.answer(TREND_QUESTION);
    const chart = chartOfAnswer(answer);
    expect(chart).toMatchObject({ kind: 'line', title: 'Complaint cases logged, England and Wales, 2020-21 to 2024-25', unit: 'count' });
    expect(chart?.points.map((p) => p.label)).toEqual(['2020-21', '2021-22', '2022-23', '2023-24', '2024-25']);
    expect(chart?.points.map((p) => p.value)).toEqual([67_732, 75_020, 81_142, 85_458, 94_940]);
    for (const point of chart?.points ?? []) {
      const fact = answer.facts.find((f) => f.period === point.label && f.computed === undefined);
      expect(point.citations).toEqual(fact?.citations);
    }
    // The change over the period is the answer's own calculation, and says so.
    expect(chart?.subtitle).toBe('Up 27,208 (40.2%) from 2020-21 to 2024-25 (our calculation)');
    expect(chart?.axes.value).toEqual({ label: 'Complaint cases logged', unit: 'number' });
    expect(chart?.source).toMatch(/^Sources: .*Independent Office for Police Conduct/);
  });

  it('draws a ranking as bars in the answer order, leaving out a force whose sources differ as the answer does', () => {
    const answer = engine.answer('Which force had the most misconduct allegations in 2021-22?');
    expect(answer.text).toContain('Thames Valley Police (3,757 [6] or 4,585 [7])');
    const chart = chartOfAnswer(answer);
    expect(chart?.kind).toBe('bar');
    expect(chart?.points.map((p) => p.label)).toEqual([
      'Metropolitan Police Service',
      'Essex Police',
      'Greater Manchester Police',
      'West Midlands Police',
      'Northumbria Police',
    ]);
    expect(chart?.axes.category.label).toBe('Police force');
  });

  it('draws a comparison of shares in percent, with the difference marked as ours', () => {
    const chart = chartOfAnswer(engine.answer('Was the no-action rate higher in Hampshire or Hertfordshire?'));
    expect(chart).toMatchObject({ kind: 'bar', unit: 'percent', subtitle: 'Difference: 7 percentage points (our calculation)' });
    expect(chart?.axes.value.unit).toBe('%');
  });

  it('draws nothing for a lookup, a declined question or a force card', () => {
    expect(chartOfAnswer(engine.answer('How many misconduct allegations were made against Hampshire police in 2021-22?'))).toBeUndefined();
    expect(chartOfAnswer(engine.answer('What is the capital of France?'))).toBeUndefined();
    expect(chartOfAnswer(engine.forceCard('Kent'))).toBeUndefined();
  });

  it('gives the last answer as a chart, or its rows as a CSV file, when asked afterwards', () => {
    const trend = engine.answer(TREND_QUESTION);
    const chart = engine.answer('can you show me that as a chart?', { previous: trend });
    expect(chart).toMatchObject({ status: 'answered', type: 'chart' });
    expect(chart.text).toContain('Complaint cases logged, England and Wales, 2020-21 to 2024-25');
    expect(chartOfAnswer(chart)).toEqual(chartOfAnswer(trend));
    expect(csvOfAnswer(chart)).toBeUndefined();
    const csv = engine.answer('can I download it as a CSV?', { previous: trend });
    expect(chartOfAnswer(csv)).toBeUndefined();
    expect(csvOfAnswer(csv)?.split('\r\n')[1]).toMatch(/^2020-21,67732,/);
  });

  it('says plainly when the last answer has nothing to chart, or there is no last answer', () => {
    const lookup = engine.answer('How many misconduct allegations were made against Hampshire police in 2021-22?');
    expect(engine.answer('show me a chart', { previous: lookup })).toMatchObject({ status: 'no_data', reason: 'not_available' });
    expect(engine.answer('show me a chart')).toMatchObject({ status: 'no_data', reason: 'empty' });
  });
});
