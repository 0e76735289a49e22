/**
 * A measure's breakdowns in order for one place: "the three biggest allegation categories for GMP",
 * "which kind of discrimination had the most allegations finalised", "the most common reason for
 * dismissal on the barred list". Every value is cited; the order is our ranking.
 */
import type { Answer } from '../model/answer.ts';
import { isKindOfAllegation, type Metric, type Outcome } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatValue, ordinalWord } from '../text/numbers.ts';
import { NATIONAL } from '../understand/forces.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { belowList, inPeriod, joinNames } from './holdings.ts';
import { readingFor } from './metric-choice.ts';
import { asksShare } from './frame-reading.ts';
import { meetsThreshold, thresholdWords } from '../understand/shape.ts';

/** Breakdowns listed when the question does not say how many. */
const LISTED = 5;

/** The breakdown metrics of `measure` to put in order: a named category's subcategories; for what
 * came of it, every breakdown other than what was complained about and who (officers, staff); else
 * its categories where it has them, else every breakdown other than who. */
function breakdownMetrics(
  ctx: AnswerContext,
  measure: string,
  within: string | undefined,
  outcomes: boolean,
  place: string,
  subcategories: boolean,
  unit: Metric['unit'],
): Metric[] {
  const parts = ctx.metrics.filter((m) => m.measure === measure && m.outcome !== undefined && m.unit === unit);
  const dimension = (m: Metric) => ctx.outcomes.get(m.outcome as string)?.dimension;
  if (within !== undefined) return parts.filter((m) => ctx.outcomes.get(m.outcome as string)?.within === within);
  const others = parts.filter((m) => dimension(m) !== 'role' && dimension(m) !== 'category');
  if (outcomes || subcategories) return others;
  // Categories where the place has enough of them to rank (Table 18 holds two categories beside
  // thirty-odd subcategories: ranking the two would hide the rest).
  const categories = parts.filter((m) => dimension(m) === 'category' && ctx.store.of(place, m.id).length > 0);
  return categories.length >= MIN_CATEGORIES ? categories : others;
}

/** "Among subcategories with at least 50 allegations": whether the count a share is of (the whole
 * the measure is part of, for the same kind and period) passes the filter; true with no filter. */
function wholeMeets(ctx: AnswerContext, place: string, measure: string, share: Observation, filter: QueryFrame['ranking']['filter']): boolean {
  if (filter === undefined) return true;
  const whole = ctx.measures.get(measure)?.partOf;
  const count = ctx.metrics.find((m) => m.measure === whole && m.outcome === share.metric.outcome && m.unit === 'count');
  const held = count ? ctx.store.at(place, count.id, share.period.id) : undefined;
  return held !== undefined && meetsThreshold(filter, held.value);
}

/** The fewest categories held for a place that are ranked as categories rather than by subcategory. */
const MIN_CATEGORIES = 3;

/** "Which kind of discrimination": the category the question names whose subcategories are ranked. */
export function categoryNamed(ctx: AnswerContext, frame: QueryFrame): Outcome | undefined {
  return frame.measure.breakdowns.map((b) => ctx.outcomes.get(b.id)).find((o) => o !== undefined && [...ctx.outcomes.values()].some((x) => x.within === o.id));
}

/** The answer, or undefined when no measure the words fit has breakdowns held for the place. */
export function rankBreakdowns(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const place = frame.scope.kind === 'forces' ? (frame.scope.forces[0] as string) : NATIONAL;
  const category = categoryNamed(ctx, frame)?.id;
  // The measures the words fit, best first (the previous answer's where they name none).
  const reading = readingFor(ctx, frame);
  // Then every measure its words touch: "complaint allegations" against a force in 2024/25 are ranked
  // by the categories of the allegations logged that year.
  const named = reading.fits.length > 0 ? reading.fits.map((f) => f.id) : reading.carried ? [reading.carried.measure] : [];
  // What was complained about, where the measures the words name have no categories here, is what
  // another measure of their family is broken down by (allegations finalised, where those logged are
  // held only by force) — never another family's categories (the barred list's reasons).
  // The best fit's family comes first.
  const families = [...new Set(named.map((id) => ctx.measures.get(id)?.family))];
  // A category named ("which kinds of discrimination") wants the measures holding its subcategories.
  const ranksBy = (outcome: string | undefined) =>
    category === undefined ? ctx.outcomes.get(outcome ?? '')?.dimension === 'category' : ctx.outcomes.get(outcome ?? '')?.within === category;
  const categorised =
    frame.ranking.over === 'breakdowns'
      ? [...ctx.measures.values()]
          .filter((m) => named.length === 0 || families.includes(m.family))
          .filter((m) => ctx.metrics.some((x) => x.measure === m.id && ranksBy(x.outcome)))
          .sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family))
          .map((m) => m.id)
      : [];
  const measures = [...new Set([...named, ...reading.touched, ...categorised])];
  const found = measures.flatMap((measure) => {
    // One figure per breakdown and period: where sources differ, that breakdown is left out of the order.
    const bySubcategory = frame.keywords.some((w) => w === 'subcategory' || w === 'subcategories');
    const metricsOf = (unit: Metric['unit']) => breakdownMetrics(ctx, measure, category, frame.ranking.over === 'outcomes', place, bySubcategory, unit);
    // "The highest share investigated" ranks the published shares, where the table gives them; so does
    // a year whose breakdown is published only as shares ("the national split by category in 2023/24").
    const rowsOf = (unit: Metric['unit']) => {
      const shares = unit === 'percent';
      const all = metricsOf(unit)
        .flatMap((m) => ctx.store.of(place, m.id))
        .filter((o) => !shares || wholeMeets(ctx, place, measure, o, frame.ranking.filter));
      const series = all.filter((o) => all.filter((x) => x.metric.id === o.metric.id && x.period.id === o.period.id).length === 1);
      const periods = [...new Set(series.map((o) => o.period.id))];
      const asked = frame.periods.asks.filter((a) => a.kind !== 'latest');
      const period = periods
        .filter((id) => asked.length === 0 || asked.some((a) => series.some((o) => o.period.id === id && periodMatches(o.period, a))))
        .at(-1);
      const left = frame.measure.excluded ?? [];
      const rows = series.filter((o) => o.period.id === period && !left.includes(o.metric.outcome as string)).sort((a, b) => b.value - a.value);
      return period !== undefined && rows.length >= 2 ? rows : undefined;
    };
    const rows = asksShare(frame) ? (rowsOf('percent') ?? rowsOf('count')) : (rowsOf('count') ?? rowsOf('percent'));
    return rows ? [{ measure, rows }] : [];
  });
  // "The most common complaints" are what was complained about: a measure's categories before its outcomes.
  const isCategory = (o: Observation) => isKindOfAllegation(ctx.outcomes.get(o.metric.outcome as string)) || category !== undefined;
  // Where no measure is named outright ("the most common complaints"), the newest breakdown answers.
  const loose = reading.fits.every((f) => f.loose) && frame.periods.asks.length === 0;
  const newest = (f: (typeof found)[number]) => (f.rows[0] as Observation).period.end ?? '';
  const candidates = loose ? [...found].sort((a, b) => newest(b).localeCompare(newest(a))) : found;
  const best = (frame.ranking.over === 'outcomes' ? undefined : candidates.find((f) => f.rows.every(isCategory))) ?? candidates[0];
  if (!best) return undefined;
  const bar = frame.ranking.threshold;
  if (frame.intent === 'count' && bar) return counted(ctx, draft, place, best.measure, best.rows, bar);
  return ranked(ctx, draft, frame, place, best.measure, best.rows, frame.ranking.limit ?? LISTED);
}

/** "How many subcategories had more than 5,000 …?": the breakdowns past the bar, counted and named. */
function counted(
  ctx: AnswerContext,
  draft: AnswerDraft,
  place: string,
  measure: string,
  rows: readonly Observation[],
  bar: NonNullable<QueryFrame['ranking']['threshold']>,
): Answer {
  const first = rows[0] as Observation;
  const past = rows.filter((o) => meetsThreshold(bar, o.value));
  const bound = formatValue(bar.value, first.metric.unit);
  // The user's own number, echoed.
  draft.allow(bound);
  // Each count is ours, the kinds counted its working.
  for (const [label, kinds] of [
    ['kinds past the bar', past],
    ['kinds held', rows],
  ] as const)
    draft.computed(
      {
        force: place,
        forceName: draft.forceName(place),
        periodId: first.period.id,
        period: first.period.label,
        metric: 'kind-count',
        metricLabel: label,
        unit: 'count',
      },
      kinds.length,
      'count',
      [],
      `${kinds.length}: ${kinds.map((o) => breakdownLabel(ctx, o)).join(', ')}`,
    );
  const list = past.map((o) => {
    const s = draft.stated(o);
    return `• ${breakdownLabel(ctx, o)}: ${s.shown} ${s.marks}`;
  });
  const what = ctx.measures.get(measure)?.label ?? measure;
  draft.allow(what);
  const text = `${draft.forceName(place)}, ${what} ${inPeriod(first.period)}: ${past.length} of the ${rows.length} kinds we hold had ${thresholdWords(bar)} ${bound} (our count)${past.length > 0 ? `:\n${list.join('\n')}` : '.'}`;
  return draft.answered('ranking', text, { type: 'ranking', forces: [place], periods: [first.period.id], measure });
}

/** A breakdown's own name ("use of force"), else its metric's label. */
function breakdownLabel(ctx: AnswerContext, o: Observation): string {
  return ctx.outcomes.get(o.metric.outcome as string)?.label ?? o.metric.label;
}

function ranked(
  ctx: AnswerContext,
  draft: AnswerDraft,
  frame: QueryFrame,
  place: string,
  measure: string,
  rows: readonly Observation[],
  count: number,
): Answer {
  const lowest = frame.ranking.direction === 'lowest';
  const ordered = lowest ? [...rows].reverse() : rows;
  const position = frame.ranking.position;
  const shown = ordered.slice(0, Math.max(count, position ?? 0));
  const first = shown[0] as Observation;
  const placed = position === undefined ? undefined : ordered[position - 1];
  const label = (o: Observation) => breakdownLabel(ctx, o);
  const list = shown.map((o) => {
    const s = draft.stated(o);
    return `• ${label(o)}: ${s.shown} ${s.marks}`;
  });
  const what = ctx.measures.get(measure)?.label ?? measure;
  draft.allow(what);
  const left = (frame.measure.excluded ?? []).map((id) => ctx.outcomes.get(id)?.label ?? id);
  const leftOut = left.length > 0 ? belowList(`Left out as asked: ${joinNames(left)}.`) : '';
  // Shares are ranked as shares: "the highest share was …", never "the most were …".
  const most = first.metric.unit === 'percent' ? (lowest ? 'lowest share' : 'highest share') : lowest ? 'fewest' : 'most';
  const were = first.metric.unit === 'percent' ? 'was' : 'were';
  const lead =
    placed && position !== undefined
      ? `the ${ordinalWord(position)} ${most} ${were} ${label(placed)}, after ${joinNames(ordered.slice(0, position - 1).map(label))}`
      : `the ${most} ${were} ${label(first)}`;
  const text = `${draft.forceName(place)}, ${what} ${inPeriod(first.period)}: ${lead}. By ${most} (our ranking; ${draft.provenance(first)}):\n${list.join('\n')}${leftOut}`;
  return draft.answered('ranking', text, { type: 'ranking', forces: [place], periods: [first.period.id], measure });
}
