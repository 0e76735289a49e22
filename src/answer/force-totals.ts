/**
 * A count added up over forces asked as one ("the Welsh forces as a group", "England and Wales minus
 * the Met"): each force's figure cited, the working shown where the forces are few, and set beside
 * the published England and Wales total (less any forces left out) where one is held.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import { formatNumber, formatValue } from '../text/numbers.ts';
import { NATIONAL } from '../understand/forces.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { inPeriod, joinNames } from './holdings.ts';
import { sumOf } from './totals.ts';

/** The most forces whose figures are written out in the working; more are cited only. */
const WRITTEN_OUT = 8;

/** What a total over forces is of, and whom. */
export interface ForceTotal {
  metric: Metric;
  rows: readonly Observation[];
  /** The forces asked as a group ("the Welsh forces"), named in the answer; else every force held. */
  within: boolean;
  /** Forces left out as asked. */
  excluded: readonly string[];
  frame: Frame;
  /** Said after the total: which forces it covers, and any left out. */
  after: string;
}

/** The published England and Wales total beside our sum, or, with forces left out, less theirs. */
function besideNational(ctx: AnswerContext, draft: AnswerDraft, total: ForceTotal, sum: number): string {
  const period = (total.rows[0] as Observation).period;
  const national = ctx.store.at(NATIONAL, total.metric.id, period.id);
  if (!national || total.within) return '';
  const n = draft.stated(national);
  const less = total.excluded.flatMap((f) =>
    ctx.store
      .of(f, total.metric.id)
      .filter((o) => o.period.id === period.id)
      .slice(0, 1),
  );
  if (total.excluded.length === 0 || less.length !== total.excluded.length)
    return ` The published England and Wales total is ${n.shown} ${n.marks}${national.value === sum ? ', which matches' : ', which differs from our sum; the published total is the one to use'}.`;
  const taken = less.map((o) => ({ o, s: draft.stated(o) }));
  const value = national.value - less.reduce((t, o) => t + o.value, 0);
  const working = `${formatNumber(national.value)} − ${less.map((o) => formatNumber(o.value)).join(' − ')} = ${formatNumber(value)}`;
  draft.computed(
    {
      force: 'all-forces',
      forceName: 'England and Wales less the forces left out',
      periodId: period.id,
      period: period.label,
      metric: total.metric.id,
      metricLabel: `total ${total.metric.label}`,
      unit: total.metric.unit,
    },
    value,
    'difference',
    [n.index, ...taken.map((t) => t.s.index)],
    working,
  );
  const names = joinNames(taken.map((t) => `${draft.forceName(t.o.force)}'s ${t.s.shown} ${t.s.marks}`));
  const agree = value === sum ? 'the same' : `the figure to use, as our sum lacks forces we hold no figure for`;
  return ` The published England and Wales total, ${n.shown} ${n.marks}, less ${names}, is ${formatValue(value, total.metric.unit)} (${working}): ${agree}.`;
}

/** The sum over more forces than the working writes out: each figure cited, the sum our calculation. */
function manyForces(draft: AnswerDraft, rows: readonly Observation[], forceName: string): { value: number; working: string } {
  const { metric, period } = rows[0] as Observation;
  const stated = rows.map((o) => draft.stated(o));
  const value = rows.reduce((t, o) => t + o.value, 0);
  draft.computed(
    { force: 'all-forces', forceName, periodId: period.id, period: period.label, metric: metric.id, metricLabel: `total ${metric.label}`, unit: metric.unit },
    value,
    'sum',
    stated.map((s) => s.index),
    `sum of every force's figure in the table`,
  );
  return { value, working: `our calculation: the sum of every force's figure ${stated.map((s) => s.marks).join('')}` };
}

/** The total of a count over the forces asked, with its working. */
export function totalOfForces(ctx: AnswerContext, draft: AnswerDraft, total: ForceTotal): Answer {
  const { metric, rows } = total;
  const period = (rows[0] as Observation).period;
  const forceName = total.within ? joinNames(rows.map((o) => draft.forceName(o.force))) : 'all forces listed';
  const whole = { id: metric.id, label: `total ${metric.label}`, unit: metric.unit };
  const { value: sum, working } =
    rows.length <= WRITTEN_OUT
      ? sumOf(draft, rows, { force: 'all-forces', forceName, period, whole, partName: (o) => draft.shortName(o.force) })
      : manyForces(draft, rows, forceName);
  // "All four Welsh forces together": those forces, named, and no England and Wales total beside them.
  const whose = total.within
    ? `${joinNames(rows.map((o) => draft.forceName(o.force)))} together`
    : total.excluded.length > 0
      ? `all forces we hold it for except ${joinNames(total.excluded.map((f) => draft.forceName(f)))}`
      : 'all forces we hold it for';
  const text = `${metric.label} ${inPeriod(period)}, ${whose}: ${formatValue(sum, metric.unit)} (${working}).${besideNational(ctx, draft, total, sum)}`;
  return draft.answered('ranking', text.charAt(0).toUpperCase() + text.slice(1) + total.after, total.frame);
}
