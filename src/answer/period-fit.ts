/**
 * Choosing among metrics the question's words fit equally well ("allegations" fits allegations
 * logged and allegations handled under the formal process) by the figures held: the one held for
 * the period asked, or, when the question asks for the latest, the one held most recently. "Last
 * year" then means the latest year held for the measure that answers.
 */
import type { Period } from '../model/data.ts';
import { NATIONAL } from '../understand/forces.ts';
import { periodMatches, periodOrder, type PeriodAsk } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { Observation } from './figure-store.ts';

/** The part of a fit that says the metric holds a period asked. */
export const ASKED_PERIOD_HELD = 1_000_000;

/** A sort key: higher fits better; at least ASKED_PERIOD_HELD when a period asked is held. */
export function periodFit(ctx: AnswerContext, metricId: string, forces: readonly string[], asks: readonly PeriodAsk[]): number {
  // With no force named, a figure held for England and Wales answers: only its periods count then,
  // never those some one force happens to hold.
  const holders = ctx.store.forcesFor(metricId);
  const places = forces.length > 0 ? forces : holders.includes(NATIONAL) ? [NATIONAL] : holders;
  const held: Observation[] = places.flatMap((f) => ctx.store.of(f, metricId));
  const explicit = asks.filter((a) => a.kind !== 'latest' && a.kind !== 'previous');
  const answersAsked = explicit.length > 0 && held.some((o) => explicit.some((a) => periodMatches(o.period, a)));
  // Only "latest" on its own asks for recency: "the year before the latest" is read in the series
  // the wording names first, and with no period asked that first-named measure stands.
  const latestOnly = asks.some((a) => a.kind === 'latest') && !asks.some((a) => a.kind === 'previous');
  const superseded = ctx.measures.get(ctx.metricById.get(metricId)?.measure ?? '')?.supersededBy !== undefined;
  const latest = latestOnly && !superseded ? Math.max(1, ...held.map((o) => months(o.period.end ?? publishedOf(ctx, o)))) : 0;
  return (answersAsked ? ASKED_PERIOD_HELD : 0) + latest;
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

/** Where an asked period falls in time, in months, as `periodOrder` counts them; undefined for a
 * relative one. */
function askedOrder(ask: PeriodAsk): number | undefined {
  switch (ask.kind) {
    case 'financial-year':
    case 'held': {
      const start = Number(ask.id.slice(0, 4));
      return Number.isFinite(start) ? (start + 1) * 12 + 3 : undefined;
    }
    case 'year':
      return ask.year * 12 + 12;
    case 'range':
      return ask.to * 12 + 12;
    default:
      return undefined;
  }
}

/** How many held periods a decline names. */
const NEAREST = 3;

/** The held periods nearest the ones asked (the newest when none can be placed), at most three, in time order. */
export function nearestPeriods<T extends { period: Period }>(held: readonly T[], asks: readonly PeriodAsk[]): T[] {
  const orders = asks.map(askedOrder).filter((o): o is number => o !== undefined);
  const distance = (g: T) => (orders.length === 0 ? -periodOrder(g.period) : Math.min(...orders.map((o) => Math.abs(periodOrder(g.period) - o))));
  const chosen = new Set([...held].sort((a, b) => distance(a) - distance(b)).slice(0, NEAREST));
  return held.filter((g) => chosen.has(g));
}
