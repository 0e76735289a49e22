/**
 * One measure per another for the same place and period: "allegations per complaint logged in
 * 2023/24", "how many allegations per complaint case did Kent have?". Neither source publishes the
 * ratio; it is our calculation from two cited figures, and declined where no period holds both.
 */
import type { Answer } from '../model/answer.ts';
import type { Fit, PeriodAsk, QueryFrame } from '../model/frame.ts';
import type { Metric } from '../model/data.ts';
import { formatNumber, round1 } from '../text/numbers.ts';
import { NATIONAL } from '../understand/forces.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { inPeriod, joinNames } from './holdings.ts';

/** Two figures of one place and period, the first to be divided by the second. */
interface Pair {
  of: Observation;
  per: Observation;
  score: number;
}

/** The counts a measure's own figures are (no breakdown). A word fitting loosely never means one
 * part of a whole ("complaint cases" are not those finalised outside Schedule 3 alone). */
function countsOf(ctx: AnswerContext, fit: Fit): Metric[] {
  if (fit.loose && ctx.measures.get(fit.id)?.partOf !== undefined) return [];
  return ctx.metrics.filter((m) => m.measure === fit.id && m.outcome === undefined && m.unit === 'count');
}

/** The place's one figure of `metric` for each period its sources agree on. */
function agreed(ctx: AnswerContext, place: string, metric: Metric): Observation[] {
  const series = ctx.store.of(place, metric.id);
  return series.filter((o) => series.filter((x) => x.period.id === o.period.id).length === 1);
}

/** Both figures stated by one source (a release giving complaints and the allegations in them). */
function sameSource(a: Observation, b: Observation): boolean {
  return a.figures.some((x) => b.figures.some((y) => x.source === y.source));
}

/** The best pair for `place`: the measures the words fit best, of one family where they can be, in
 * the period asked or else the latest both hold. */
function bestPair(ctx: AnswerContext, asks: readonly PeriodAsk[], ratio: NonNullable<QueryFrame['ratioOf']>, place: string): Pair | undefined {
  const family = (o: Observation) => ctx.measures.get(o.metric.measure)?.family;
  const pairs: Pair[] = [];
  for (const a of ratio.of)
    for (const b of ratio.per) {
      if (a.id === b.id) continue;
      for (const ma of countsOf(ctx, a))
        for (const mb of countsOf(ctx, b)) {
          const divisors = agreed(ctx, place, mb);
          for (const of of agreed(ctx, place, ma)) {
            const per = divisors.find((o) => o.period.id === of.period.id);
            if (!per || per.value === 0 || (asks.length > 0 && !asks.some((ask) => periodMatches(of.period, ask)))) continue;
            pairs.push({ of, per, score: a.score + b.score + (family(of) === family(per) ? 1 : 0) + (sameSource(of, per) ? 0.5 : 0) });
          }
        }
    }
  const end = (p: Pair) => p.of.period.end ?? '';
  return pairs.sort((x, y) => y.score - x.score || end(y).localeCompare(end(x)))[0];
}

/** The answer, or undefined when the question divides no measure by another. */
export function answerMeasureRatio(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: readonly string[]): Answer | undefined {
  const ratio = frame.ratioOf;
  if (!ratio) return undefined;
  const places = forces.length > 0 ? forces : [NATIONAL];
  const label = (fits: readonly Fit[]) => ctx.measures.get(fits[0]?.id ?? '')?.label ?? fits[0]?.id ?? '';
  const lines: string[] = [];
  const missing: string[] = [];
  let periodId: string | undefined;
  // "2022/23 versus 2023/24": each year asked has its own ratio.
  const asked = frame.periods.asks.filter((a) => a.kind !== 'latest');
  const each = asked.length >= 2 ? asked.map((a) => [a]) : [asked];
  for (const place of places)
    for (const asks of each) {
      const pair = bestPair(ctx, asks, ratio, place);
      if (!pair) {
        if (!missing.includes(draft.forceName(place))) missing.push(draft.forceName(place));
        continue;
      }
      const a = draft.stated(pair.of);
      const b = draft.stated(pair.per);
      const value = round1(pair.of.value / pair.per.value);
      const working = `${formatNumber(pair.of.value)} ÷ ${formatNumber(pair.per.value)} = ${formatNumber(value)}`;
      draft.computed(
        {
          force: place,
          forceName: draft.forceName(place),
          periodId: pair.of.period.id,
          period: pair.of.period.label,
          metric: `${pair.of.metric.id}-per-${pair.per.metric.id}`,
          metricLabel: `${pair.of.metric.label} per ${pair.per.metric.label}`,
          unit: 'count',
        },
        value,
        'ratio',
        [a.index, b.index],
        working,
      );
      periodId ??= pair.of.period.id;
      lines.push(
        `${draft.forceName(place)}: ${a.shown} ${pair.of.metric.label} ${a.marks} against ${b.shown} ${pair.per.metric.label} ${b.marks} ${inPeriod(pair.of.period)}, so ${formatNumber(value)} for every one (our calculation: ${working}; no source publishes this ratio).`,
      );
    }
  const frameOut = { type: 'lookup' as const, forces: [...places], periods: periodId ? [periodId] : [] };
  const none = `We hold no ${label(ratio.of)} and ${label(ratio.per)} for ${joinNames(missing)} for the same period${frame.periods.asks.length > 0 ? ' asked' : ''}, so we can't give one per the other.`;
  if (lines.length === 0) return draft.noData('metric_not_held', none, frameOut, 'lookup');
  return draft.answered('lookup', `${lines.join('\n')}${missing.length > 0 ? `\n${none}` : ''}`, frameOut);
}
