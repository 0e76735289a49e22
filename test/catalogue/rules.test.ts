import { describe, expect, it } from 'vitest';
import { canCompare, canRank, canRatePerHead, canSum, kindName } from '../../src/catalogue/rules.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import type { Metric } from '../../src/model/data.ts';

const metrics = new Map(loadDataset(BUNDLED_DATA_DIR).metrics.map((m) => [m.id, m]));
const metric = (id: string): Metric => {
  const found = metrics.get(id);
  if (!found) throw new Error(`no metric ${id} in the bundled catalogue`);
  return found;
};

describe('canSum', () => {
  it('adds counts of complaint cases across forces', () => {
    expect(canSum(metric('complaint-cases-finalised-outside-schedule-3'))).toBe(true);
  });
  it('never adds average days to finalise', () => {
    expect(canSum(metric('average-days-under-schedule-3'))).toBe(false);
  });
  it('never adds shares', () => {
    expect(canSum(metric('iopc-reviews-investigated-not-reasonable-share'))).toBe(false);
  });
  it('never adds the workforce denominator as if it were events', () => {
    expect(canSum(metric('workforce'))).toBe(false);
  });
});

describe('canRatePerHead', () => {
  it('rates a count of allegations per 1,000 workforce', () => {
    expect(canRatePerHead(metric('allegations-logged'))).toBe(true);
  });
  it('does not rate an average, a share or the workforce itself', () => {
    for (const id of ['average-days-outside-schedule-3', 'complaint-allegations-no-action-share', 'workforce']) expect(canRatePerHead(metric(id))).toBe(false);
  });
});

describe('canRank', () => {
  const m = { id: 'allegations-logged' };
  const period = { id: '2024-25' };
  it('ranks one metric in one period over several forces', () => {
    expect(
      canRank([
        { force: 'kent', metric: m, period },
        { force: 'essex', metric: m, period },
      ]),
    ).toBe(true);
  });
  it('does not rank a single force', () => {
    expect(canRank([{ force: 'kent', metric: m, period }])).toBe(false);
  });
  it('does not rank figures of different periods or metrics against each other', () => {
    expect(
      canRank([
        { force: 'kent', metric: m, period },
        { force: 'essex', metric: m, period: { id: '2023-24' } },
      ]),
    ).toBe(false);
    expect(
      canRank([
        { force: 'kent', metric: m, period },
        { force: 'essex', metric: { id: 'complaint-cases-logged' }, period },
      ]),
    ).toBe(false);
  });
  it('does not rank a force against itself', () => {
    expect(
      canRank([
        { force: 'kent', metric: m, period },
        { force: 'kent', metric: m, period },
      ]),
    ).toBe(false);
  });
});

describe('canCompare', () => {
  it('compares figures of one metric', () => {
    expect(canCompare(metric('allegations-logged'), metric('allegations-logged'))).toBe(true);
  });
  it('never compares allegations logged with allegations handled under the formal process', () => {
    expect(canCompare(metric('allegations-logged'), metric('complaint-allegations'))).toBe(false);
  });
  it('never compares a count with its share', () => {
    expect(canCompare(metric('complaint-allegations-no-action'), metric('complaint-allegations-no-action-share'))).toBe(false);
  });
});

describe('the catalogue', () => {
  it('says what kind of number every metric is', () => {
    expect(kindName(metric('average-days-under-schedule-3'))).toBe('an average');
    // A percentage held as a count would be added and rated per head.
    const percentAsCount = [...metrics.values()].filter((x) => x.unit === 'percent' && canSum(x)).map((x) => x.id);
    expect(percentAsCount).toEqual([]);
  });
});
