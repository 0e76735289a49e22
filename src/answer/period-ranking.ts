/**
 * One place's periods in order: "which year had the most complaint investigations", "in which year
 * were the fewest complaints recorded formally". The periods held for the measure asked (within the
 * years named, where any are) are ranked by its figure; every value is cited, the order is ours.
 */
import type { Answer } from '../model/answer.ts';
import type { Period } from '../model/data.ts';
import type { PeriodAsk, QueryFrame } from '../model/frame.ts';
import { NATIONAL } from '../understand/forces.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { byPeriod, type Observation } from './figure-store.ts';
import { forcesOf } from './frame-reading.ts';
import { chooseMetric } from './metric-choice.ts';

/** The first and last calendar year a period touches. */
function yearsOf(p: Period): [number, number] | undefined {
  return p.start && p.end ? [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))] : undefined;
}

/** The years the asks span ("between 2020/21 and 2024/25", "from 2018 to 2023"), or undefined for every period held. */
function spanOf(asks: readonly PeriodAsk[]): [number, number] | undefined {
  const bounds = asks.flatMap((a): number[] => {
    if (a.kind === 'range') return [a.from, a.to];
    if (a.kind === 'year') return [a.year];
    if (a.kind === 'financial-year') return a.id.split('-').slice(0, 1).map(Number);
    return [];
  });
  if (bounds.length < 2) return undefined;
  const last = asks.at(-1);
  // A financial year named last runs into the next calendar year.
  const end = Math.max(...bounds) + (last?.kind === 'financial-year' ? 1 : 0);
  return [Math.min(...bounds), end];
}

/** The periods of `place`'s figure ranked (declined where fewer than two are held), or undefined when no
 * one place or measure is asked. */
export function rankPeriods(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const forces = forcesOf(frame);
  const place = forces.length === 1 ? forces[0] : forces.length === 0 ? NATIONAL : undefined;
  if (place === undefined) return undefined;
  const { metric } = chooseMetric(ctx, frame, [place]);
  if (!metric) return undefined;
  const span = spanOf(frame.periods.asks);
  const inSpan = (p: Period) => {
    const years = yearsOf(p);
    return span === undefined || (years !== undefined && years[0] >= span[0] && years[1] <= span[1]);
  };
  // Periods whose sources differ have no one value to put in order; they are left out.
  const rows = byPeriod(ctx.store.of(place, metric.id))
    .filter((g) => g.observations.length === 1 && inSpan(g.period))
    .map((g) => g.observations[0] as Observation);
  if (rows.length < 2) {
    // A ranking of forces would answer another question: say what is held instead.
    const held = rows.map((o) => {
      const s = draft.stated(o);
      return `${s.shown} ${s.marks} in ${o.period.label}`;
    });
    const only = held.length > 0 ? `only one period: ${held.join('')}` : 'no single figure for any period';
    return draft.noData(
      'period_not_held',
      `We hold ${metric.label} for ${draft.forceName(place)} for ${only}${span ? ` between ${span[0]} and ${span[1]}` : ''}, so there are no years to put in order.`,
      { type: 'ranking', forces: [place], periods: rows.map((o) => o.period.id), measure: metric.measure },
      'ranking',
    );
  }
  const lowest = frame.ranking.direction === 'lowest';
  const ordered = [...rows].sort((a, b) => (lowest ? a.value - b.value : b.value - a.value));
  const first = ordered[0] as Observation;
  const list = ordered.map((o) => {
    const s = draft.stated(o);
    return `• ${o.period.label}: ${s.shown} ${s.marks}`;
  });
  const most = metric.unit === 'percent' ? (lowest ? 'lowest' : 'highest') : lowest ? 'fewest' : 'most';
  const were = metric.unit === 'percent' ? 'was' : 'were';
  const top = draft.stated(first);
  const text = `${draft.forceName(place)}, ${metric.label}: the ${most} ${were} in ${first.period.label} (${top.shown} ${top.marks}). By ${most} (our ranking; ${draft.provenance(first)}):\n${list.join('\n')}`;
  return draft.answered('ranking', text, { type: 'ranking', forces: [place], periods: ordered.map((o) => o.period.id), measure: metric.measure });
}
