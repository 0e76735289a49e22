/**
 * "Compared with the average force": one force's figure against the mean of every territorial
 * force's figure for the same measure and period, the mean being our calculation with the forces'
 * figures cited. Forces differ in size, so a count's comparison says so.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Metric, Period } from '../model/data.ts';
import type { PeriodAsk, QueryFrame } from '../model/frame.ts';
import { formatNumber, formatValue, round1 } from '../text/numbers.ts';
import { capitalise } from '../text/words.ts';
import { NATIONAL } from '../understand/forces.ts';
import { periodMatches, periodOrder } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { inPeriod } from './holdings.ts';
import { forcesWithFigure } from './rankings.ts';

/** The fewest forces a mean is taken over: fewer is no "average force". */
const FEWEST = 10;

/** What the average is asked over: the periods, and whether British Transport Police counts ("all 44 forces"). */
type AverageAsked = Pick<QueryFrame, 'periods' | 'withSpecial'>;

/** Whether a force is one the average is taken over. */
function averaged(ctx: AnswerContext, force: string, withSpecial: boolean): boolean {
  const kind = ctx.forces.get(force)?.kind;
  return kind === 'territorial' || (withSpecial && kind === 'special');
}

/** One figure for each territorial force (and British Transport Police, where asked) holding `metric`
 * in the period (sources agreeing). */
function forcesIn(ctx: AnswerContext, metric: Metric, periodId: string, withSpecial: boolean): Observation[] {
  return ctx.store.forcesFor(metric.id).flatMap((f) => {
    if (!averaged(ctx, f, withSpecial)) return [];
    const held = ctx.store.of(f, metric.id).filter((o) => o.period.id === periodId);
    return held.length === 1 ? held : [];
  });
}

/** The mean over the forces holding `metric` in `period`, our calculation with the forces' figures and
 * their sum cited; undefined when too few forces hold it. */
function meanOverForces(
  ctx: AnswerContext,
  draft: AnswerDraft,
  metric: Metric,
  period: Period,
  withSpecial: boolean,
): { mean: number; index: number; forces: number; working: string } | undefined {
  const rows = forcesIn(ctx, metric, period.id, withSpecial);
  if (rows.length < FEWEST) return undefined;
  const stated = rows.map((o) => draft.stated(o));
  const sum = rows.reduce((t, o) => t + o.value, 0);
  const mean = round1(sum / rows.length);
  const base = { periodId: period.id, period: period.label, metric: metric.id, unit: metric.unit };
  forcesWithFigure(draft, rows, period);
  const total = draft.computed(
    { ...base, force: 'all-forces', forceName: `${rows.length} forces`, metricLabel: `total ${metric.label}` },
    sum,
    'sum',
    stated.map((s) => s.index),
    `the sum of ${rows.length} forces' figures`,
  );
  const working = `${formatNumber(sum)} ÷ ${rows.length} = ${formatNumber(mean)}`;
  const index = draft.computed(
    { ...base, force: 'average-force', forceName: 'the average force', metricLabel: `${metric.label}, mean over forces` },
    mean,
    'ratio',
    [total],
    working,
  );
  return { mean, index, forces: rows.length, working };
}

/** The latest period asked (or held) of a series. */
function periodOf(series: readonly Observation[], asks: readonly PeriodAsk[]): Observation | undefined {
  return series.filter((o) => asks.length === 0 || asks.some((a) => a.kind === 'latest' || periodMatches(o.period, a))).at(-1);
}

/** The force's figure against the average force's, or undefined when too few forces hold the period. */
export function compareWithAverage(
  ctx: AnswerContext,
  draft: AnswerDraft,
  force: string,
  metric: Metric,
  asked: AverageAsked,
  frame: Frame,
  lead = '',
): Answer | undefined {
  const mine = periodOf(ctx.store.of(force, metric.id), asked.periods.asks);
  if (!mine) return undefined;
  const average = meanOverForces(ctx, draft, metric, mine.period, asked.withSpecial === true);
  if (!average) return undefined;
  const { mean, working } = average;
  const m = draft.stated(mine);
  const diff = round1(mine.value - mean);
  draft.computed(
    {
      periodId: mine.period.id,
      period: mine.period.label,
      metric: metric.id,
      unit: metric.unit,
      force: `${force}-vs-average`,
      forceName: `${draft.forceName(force)} vs the average force`,
      metricLabel: `difference in ${metric.label}`,
    },
    Math.abs(diff),
    'difference',
    [m.index, average.index],
    `${formatNumber(mine.value)} − ${formatNumber(mean)}`,
  );
  const against = diff === 0 ? 'the same as' : diff > 0 ? 'above' : 'below';
  draft.allow(mine.period.label);
  const size = metric.aggregation === 'count' ? ' Forces differ in size, so a count above or below the average says little on its own.' : '';
  draft.allow(metric.label);
  const text = `${lead}${capitalise(inPeriod(mine.period))}, ${draft.forceName(force)} was ${against} the average force on ${metric.label}: ${m.shown} ${m.marks}, against ${formatValue(mean, metric.unit)} (our calculation: the mean of the ${average.forces} forces' figures in the same table, ${working}; a difference of ${formatNumber(Math.abs(diff))}).${size}`;
  return draft.answered('comparison', text, { ...frame, periods: [mine.period.id] });
}

/**
 * "The mean of the forces' average days, not the national figure": the average force itself, asked of
 * every force. England and Wales's own average or rate, where held, stands beside it: weighted by
 * cases, so the two differ. Undefined when too few forces hold the period.
 */
export function averageForce(ctx: AnswerContext, draft: AnswerDraft, metric: Metric, asked: AverageAsked, frame: Frame): Answer | undefined {
  const withSpecial = asked.withSpecial === true;
  const latest = periodOf(
    ctx.store
      .forcesFor(metric.id)
      .flatMap((f) => (averaged(ctx, f, withSpecial) ? ctx.store.of(f, metric.id) : []))
      .sort((a, b) => periodOrder(a.period) - periodOrder(b.period)),
    asked.periods.asks,
  );
  if (!latest) return undefined;
  const average = meanOverForces(ctx, draft, metric, latest.period, withSpecial);
  if (!average) return undefined;
  draft.allow(latest.period.label);
  draft.allow(metric.label);
  // A national count is a total, not a force's: only an average's or a rate's stands beside the mean.
  const national = metric.aggregation === 'count' ? [] : ctx.store.of(NATIONAL, metric.id).filter((o) => o.period.id === latest.period.id);
  const whole = national.length === 1 ? draft.stated(national[0] as Observation) : undefined;
  const weighted = metric.aggregation === 'average' ? ", weighted by each force's cases" : '';
  const beside = whole ? ` England and Wales's own figure is ${whole.shown} ${whole.marks}${weighted}.` : '';
  const text = `${capitalise(inPeriod(latest.period))}, the mean over the ${average.forces} ${withSpecial ? 'forces (British Transport Police with the territorial forces)' : 'territorial forces'} of ${metric.label} was ${formatValue(average.mean, metric.unit)} (our calculation: the sum of their figures divided by ${average.forces}, ${average.working}).${beside}`;
  return draft.answered('lookup', text, { ...frame, periods: [latest.period.id] });
}
