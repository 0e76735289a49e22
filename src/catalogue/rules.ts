/**
 * The arithmetic a statistician allows on the catalogue's metrics. Every composer that adds, rates,
 * ranks or compares figures asks here, and the answer comes from the metric's `aggregation` in the
 * catalogue, never from its id.
 */
import type { Aggregation, Metric } from '../model/data.ts';

type Rated = Pick<Metric, 'aggregation'>;

/** What each kind of figure is called when a composer explains why it will not add them. */
const KIND_NAMES: Record<Aggregation, string> = {
  count: 'a count',
  average: 'an average',
  share: 'a percentage',
  rate: 'a rate',
  denominator: 'a size (the denominator of rates)',
};

/** Whether figures of `metric` may be added across forces: counts only. An average, a share or a
 * rate summed over forces is a number that means nothing ("1,227%"). */
export function canSum(metric: Rated): boolean {
  return metric.aggregation === 'count';
}

/** Whether a rate per 1,000 workforce of `metric` means anything: counts of events or people only,
 * never an average, a share, a published rate or the workforce itself. */
export function canRatePerHead(metric: Rated): boolean {
  return metric.aggregation === 'count';
}

/**
 * Whether figures can be ranked against each other: all of one metric and one period, for at least
 * two forces, none of them counted twice.
 */
export function canRank(rows: ReadonlyArray<{ force: string; metric: Pick<Metric, 'id'>; period: { id: string } }>): boolean {
  const first = rows[0];
  if (first === undefined) return false;
  const forces = new Set(rows.map((r) => r.force));
  return forces.size >= 2 && forces.size === rows.length && rows.every((r) => r.metric.id === first.metric.id && r.period.id === first.period.id);
}

/** Whether two metrics' figures may be compared or subtracted: the same measure, outcome and kind. */
export function canCompare(
  a: Pick<Metric, 'measure' | 'outcome' | 'aggregation' | 'unit'>,
  b: Pick<Metric, 'measure' | 'outcome' | 'aggregation' | 'unit'>,
): boolean {
  return a.measure === b.measure && a.outcome === b.outcome && a.aggregation === b.aggregation && a.unit === b.unit;
}

/** "an average", "a percentage": how answers name a metric's kind when they refuse arithmetic on it. */
export function kindName(metric: Rated): string {
  return KIND_NAMES[metric.aggregation];
}
