/**
 * Totals over forces ("all forces together", "Kent and Essex added together") and over years
 * ("in total from 2020 to 2024"): counts are added with the working shown; an average, a share or a
 * rate is never added, and the answer says why.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Aggregation, Metric, Period } from '../model/data.ts';
import { canSum, kindName } from '../catalogue/rules.ts';
import { formatNumber, formatValue, round1 } from '../text/numbers.ts';
import { capitalise } from '../text/words.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { inPeriod, joinNames } from './holdings.ts';

/** What is to be added: a metric, or rates per 1,000 of our own (which have no metric of their own). */
export interface Summed {
  label: string;
  aggregation: Aggregation;
}

/** The thing a total was asked of: the metric itself, or its rates per head when those were asked. */
export function summedOf(metric: Metric, perHead: boolean): Summed {
  return perHead && metric.aggregation === 'count' ? { label: `rates of ${metric.label} per 1,000 workforce`, aggregation: 'rate' } : metric;
}

/** A total asked of figures that may not be added (an average, a share, a rate): says why, and gives
 * the published England and Wales figure where we hold one. */
export function refuseSum(draft: AnswerDraft, summed: Summed, frame: Frame, national?: Observation): Answer {
  // The metric's name ('… Schedule 3') is a name, not a figure, capitalised or not.
  draft.allow(capitalise(summed.label));
  let text = `${capitalise(summed.label)} ${summed.aggregation === 'rate' && summed.label.startsWith('rates') ? 'are rates' : `is ${kindName(summed)}`}, so adding ${summed.label.startsWith('rates') ? 'them' : 'it'} up across forces gives a number that means nothing; we don't.`;
  if (national) {
    const n = draft.stated(national);
    text += ` The published England and Wales figure ${inPeriod(national.period)} is ${n.shown} ${n.marks}.`;
  } else text += ' Ask for a ranking of forces by it instead, or for one force.';
  return draft.noData('metric_not_held', text, frame, frame.type);
}

/** What a sum is: one force's or several forces' total of a metric, or (`whole`) the metric its
 * parts add up to, each part then named (`partName`). */
export interface SumOf {
  force: string;
  forceName: string;
  period: Period;
  whole?: Pick<Metric, 'id' | 'label' | 'unit'>;
  partName?: (o: Observation) => string;
}

/** A sum as shown ("3,336"), its working ("our calculation: 1,927 … [1] and 1,409 … [1]; 1,927 + 1,409 = 3,336"),
 * its arithmetic alone ("1,927 + 1,409 = 3,336"), value and fact. */
export interface Sum {
  shown: string;
  working: string;
  arithmetic: string;
  value: number;
  fact: number;
}

/** The sum of `rows` (one figure each, of count metrics), each cited, as our calculation. */
export function sumOf(draft: AnswerDraft, rows: readonly Observation[], what: SumOf): Sum {
  const metric = (rows[0] as Observation).metric;
  const total = what.whole ?? { id: metric.id, label: `total ${metric.label}`, unit: metric.unit };
  const stated = rows.map((o) => draft.stated(o));
  const value = rows.reduce((t, o) => t + o.value, 0);
  const working = `${rows.map((o) => formatNumber(o.value)).join(' + ')} = ${formatNumber(value)}`;
  const fact = draft.computed(
    {
      force: what.force,
      forceName: what.forceName,
      periodId: what.period.id,
      period: what.period.label,
      metric: total.id,
      metricLabel: total.label,
      unit: total.unit,
    },
    value,
    'sum',
    stated.map((s) => s.index),
    working,
  );
  const parts = rows.map((o, i) => {
    const s = stated[i] as (typeof stated)[number];
    return what.partName ? `${s.shown} ${what.partName(o)} ${s.marks}` : `${s.shown} ${s.marks}`;
  });
  return { shown: formatValue(value, total.unit), working: `our calculation: ${joinNames(parts)}; ${working}`, arithmetic: working, value, fact };
}

/** How far apart two figures of one force and period are ("179 days against 138"), as our
 * calculation with both cited: the gap, its working, and each figure as stated. */
export function differenceOf(
  draft: AnswerDraft,
  x: Observation,
  y: Observation,
): { value: number; working: string; x: ReturnType<AnswerDraft['stated']>; y: ReturnType<AnswerDraft['stated']> } {
  const [sx, sy] = [draft.stated(x), draft.stated(y)];
  const value = round1(Math.abs(x.value - y.value));
  const working = `${formatNumber(Math.max(x.value, y.value))} − ${formatNumber(Math.min(x.value, y.value))} = ${formatNumber(value)}`;
  draft.computed(
    {
      force: x.force,
      forceName: draft.forceName(x.force),
      periodId: x.period.id,
      period: x.period.label,
      metric: `${x.metric.id}-vs-${y.metric.id}`,
      metricLabel: `difference between ${x.metric.label} and ${y.metric.label}`,
      unit: x.metric.unit,
    },
    value,
    'difference',
    [sx.index, sy.index],
    working,
  );
  return { value, working, x: sx, y: sy };
}

/** "How many times more race allegations than sex?": the larger of two stated figures of one force,
 * period and unit as a multiple of the smaller, our calculation with both cited, said in a sentence;
 * undefined where they differ in any of those or the smaller is nought. */
export function multipleOf(draft: AnswerDraft, ia: number, ib: number): string | undefined {
  const [a, b] = [draft.facts[ia], draft.facts[ib]];
  if (!a || !b || a.force !== b.force || a.periodId !== b.periodId || a.unit !== b.unit || a.unit === 'percent') return undefined;
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  if (lo.value <= 0) return undefined;
  const times = round1(hi.value / lo.value);
  const working = `${formatValue(hi.value, hi.unit)} ÷ ${formatValue(lo.value, lo.unit)} = ${formatNumber(times)}`;
  const inputs = a === hi ? [ia, ib] : [ib, ia];
  const base = { force: a.force, forceName: a.forceName, periodId: a.periodId, period: a.period, unit: 'count' as const };
  draft.computed(
    { ...base, metric: `${hi.metric}-over-${lo.metric}`, metricLabel: `${hi.metricLabel} as a multiple of ${lo.metricLabel}` },
    times,
    'ratio',
    inputs,
    working,
  );
  return `${capitalise(hi.metricLabel)} is ${formatNumber(times)} times ${lo.metricLabel} (our calculation: ${working}).`;
}

/** "Kent and Essex added together": one period all the forces hold, summed; refused unless a count. */
export function totalOverForces(
  draft: AnswerDraft,
  summed: Summed,
  series: ReadonlyArray<{ force: string; rows: readonly Observation[] }>,
  frame: Frame,
): Answer {
  if (summed.aggregation !== 'count' || !canSum(summed)) return refuseSum(draft, summed, frame);
  const periods = (series[0]?.rows ?? []).map((o) => o.period).filter((p) => series.every((s) => s.rows.some((o) => o.period.id === p.id)));
  const period = periods.at(-1);
  if (period === undefined) {
    const names = joinNames(series.map((s) => draft.forceName(s.force)));
    return draft.noData('period_not_held', `We hold no year of ${summed.label} for all of ${names}, so we can't add them up.`, frame, frame.type);
  }
  const rows = series.map((s) => s.rows.find((o) => o.period.id === period.id) as Observation);
  const names = joinNames(series.map((s) => draft.forceName(s.force)));
  const sum = sumOf(draft, rows, { force: series.map((s) => s.force).join('+'), forceName: names, period });
  draft.allow(period.label);
  return draft.answered(frame.type, `${capitalise(summed.label)} ${inPeriod(period)}, ${names} together: ${sum.shown} (${sum.working}).`, {
    ...frame,
    periods: [period.id],
  });
}

/** "In total from 2020 to 2024": a count over the years asked, each year cited, summed. */
export function totalOverYears(draft: AnswerDraft, force: string, rows: readonly Observation[], frame: Frame): Answer {
  return draft.answered(frame.type, `${draft.forceName(force)}: ${yearsAddedUp(draft, force, rows)}.`, frame);
}

/** One force's count over successive years, added up: "403 referrals … from 2020 to 2024 in total (…)". */
export function yearsAddedUp(draft: AnswerDraft, force: string, rows: readonly Observation[]): string {
  const first = rows[0] as Observation;
  const last = rows.at(-1) as Observation;
  const span: Period = { ...first.period, id: `${first.period.id}..${last.period.id}`, label: `${first.period.label} to ${last.period.label}` };
  const sum = sumOf(draft, rows, { force, forceName: draft.forceName(force), period: span });
  for (const o of rows) draft.allow(o.period.label);
  return `${sum.shown} ${first.metric.label} from ${first.period.label} to ${last.period.label} in total (${sum.working})`;
}
