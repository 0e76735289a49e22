/**
 * Choosing among metrics the question's words fit equally well ("allegations" fits allegations
 * logged and allegations handled under the formal process) by the figures held: the one held for
 * the period asked, or, when the question asks for the latest, the one held most recently. "Last
 * year" then means the latest year held for the measure that answers.
 */
import { periodMatches, type PeriodAsk } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { Observation } from './figure-store.ts';

/** A sort key: higher fits better. */
export function periodFit(ctx: AnswerContext, metricId: string, forces: readonly string[], asks: readonly PeriodAsk[]): number {
  const held: Observation[] = (forces.length > 0 ? forces : ctx.store.forcesFor(metricId)).flatMap((f) => ctx.store.of(f, metricId));
  const explicit = asks.filter((a) => a.kind !== 'latest' && a.kind !== 'previous');
  const answersAsked = explicit.length > 0 && held.some((o) => explicit.some((a) => periodMatches(o.period, a)));
  // Only "latest" on its own asks for recency: "the year before the latest" is read in the series
  // the wording names first, and with no period asked that first-named measure stands.
  const latestOnly = asks.some((a) => a.kind === 'latest') && !asks.some((a) => a.kind === 'previous');
  const superseded = ctx.measures.get(ctx.metricById.get(metricId)?.measure ?? '')?.supersededBy !== undefined;
  const latest = latestOnly && !superseded ? Math.max(1, ...held.map((o) => months(o.period.end ?? publishedOf(ctx, o)))) : 0;
  return (answersAsked ? 1_000_000 : 0) + latest;
}

/** When a figure's year is not stated ("the latest year the article reports"), its source's date
 * bounds it: only to order measures, never said as the figure's year. */
function publishedOf(ctx: AnswerContext, o: Observation): string | undefined {
  return o.figures.map((f) => ctx.documents.get(f.source)?.published).find((d): d is string => typeof d === 'string');
}

/** Months since year 0 of an ISO date ("2022-03-31", "2023"), or 0 when there is none. */
function months(date: string | undefined): number {
  if (date === undefined) return 0;
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7) || 12);
}
