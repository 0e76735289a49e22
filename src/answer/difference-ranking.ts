/**
 * "Which force had the biggest gap between its Schedule 3 days with and without suspension?": forces
 * put in order by the difference between two measures of the same unit held for each, every
 * difference our calculation with both figures cited.
 */
import type { Answer } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatNumber, round1 } from '../text/numbers.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { inPeriod, joinNames } from './holdings.ts';
import { countOf } from './rankings.ts';
import { differenceOf } from './totals.ts';
import { periodMatches } from '../understand/periods.ts';

/** Places listed when the question does not say how many. */
const LISTED = 5;

/** The two total metrics of the two measures named side by side, when they can be set against each other. */
function twoMeasures(ctx: AnswerContext, frame: QueryFrame): [Metric, Metric] | undefined {
  const parts =
    frame.measure.together.length > 0 ? frame.measure.together.map((part) => part[0]?.id) : frame.bothParts || frame.outnumber ? twins(ctx, frame) : [];
  if (parts.length !== 2) return undefined;
  const metrics = parts.map((id) => ctx.metrics.find((m) => m.measure === id && m.outcome === undefined));
  const [a, b] = metrics;
  return a && b && a.unit === b.unit && a.aggregation === b.aggregation ? [a, b] : undefined;
}

/** "Including and excluding suspension": the best fit and the one measure beside it timing the same
 * cases, or the same whole's other part; "more under Schedule 3 than outside it" names the other part
 * by a word alone, so the catalogue's one other part of the whole stands for it. */
function twins(ctx: AnswerContext, frame: QueryFrame): string[] {
  // The larger asked comes first, whichever the words fit best.
  const larger = frame.outnumber?.measure;
  const fits = larger === undefined ? frame.measure.fits : [...frame.measure.fits].sort((a, b) => Number(b.id === larger) - Number(a.id === larger));
  const [first, ...rest] = fits.map((f) => ctx.measures.get(f.id));
  if (!first) return [];
  const twin = rest.find(
    (m) => m !== undefined && ((m.timeOf !== undefined && m.timeOf === first.timeOf) || (m.partOf !== undefined && m.partOf === first.partOf)),
  );
  if (twin) return [first.id, twin.id];
  const others = frame.outnumber && first.partOf !== undefined ? [...ctx.measures.values()].filter((m) => m.partOf === first.partOf && m.id !== first.id) : [];
  const [other] = others;
  return others.length === 1 && other ? [first.id, other.id] : [];
}

/** The ranking, or undefined when the question is no ranking by a gap between two measures held for several forces. */
export function rankByDifference(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const asked = frame.outnumber ? frame.intent === 'rank' || frame.intent === 'count' : frame.intent === 'rank' && frame.difference;
  const pair = asked ? twoMeasures(ctx, frame) : undefined;
  if (!pair) return undefined;
  const [a, b] = pair;
  const excluded = frame.scope.kind === 'every-force' ? frame.scope.except : [];
  const rows = ctx.store.forcesFor(a.id).flatMap((force) => {
    if (ctx.forces.get(force)?.kind === 'area' || excluded.includes(force)) return [];
    const one = ctx.store.of(force, a.id);
    return one.flatMap((x) => {
      const other = ctx.store.of(force, b.id).filter((y) => y.period.id === x.period.id);
      return other.length === 1 && one.filter((o) => o.period.id === x.period.id).length === 1 ? [{ x, y: other[0] as Observation }] : [];
    });
  });
  // The period asked, else the one held for most forces.
  const asks = frame.periods.asks.filter((x) => x.kind !== 'latest');
  const periods = [...new Set(rows.filter((r) => asks.length === 0 || asks.some((x) => periodMatches(r.x.period, x))).map((r) => r.x.period.id))];
  const period = periods.sort((p, q) => rows.filter((r) => r.x.period.id === q).length - rows.filter((r) => r.x.period.id === p).length)[0];
  const held = rows.filter((r) => r.x.period.id === period);
  if (held.length < 2) return undefined;
  if (frame.outnumber) return outnumbering(ctx, draft, a, b, held);
  const gap = (r: (typeof held)[number]) => round1(Math.abs(r.x.value - r.y.value));
  const lowest = frame.ranking.direction === 'lowest';
  const sorted = [...held].sort((p, q) => (lowest ? gap(p) - gap(q) : gap(q) - gap(p)));
  const shown = sorted.slice(0, frame.ranking.limit ?? LISTED);
  const lines = shown.map((r) => {
    const apart = differenceOf(draft, r.x, r.y);
    return `• ${draft.forceName(r.x.force)}: ${formatNumber(apart.value)} (${apart.x.shown} ${apart.x.marks} against ${apart.y.shown} ${apart.y.marks})`;
  });
  const first = shown[0] as (typeof held)[number];
  const level = sorted.filter((r) => gap(r) === gap(first)).map((r) => draft.forceName(r.x.force));
  for (const label of [a.label, b.label]) draft.allow(label);
  const text = `${joinNames(level)} had the ${lowest ? 'smallest' : 'largest'} gap between ${a.label} and ${b.label} ${inPeriod(first.x.period)}. Ranked by the gap, ${lowest ? 'smallest' : 'largest'} first; each gap is our calculation, the first figure against the second (${draft.provenance(first.x)}):\n${lines.join('\n')}`;
  return draft.answered('ranking', text, { type: 'ranking', forces: [], periods: [first.x.period.id], measure: a.measure });
}

/** "How many forces finalised more cases under Schedule 3 than outside it?": the forces whose first
 * figure is the larger, counted among those holding both, each with both figures cited. */
function outnumbering(ctx: AnswerContext, draft: AnswerDraft, a: Metric, b: Metric, held: ReadonlyArray<{ x: Observation; y: Observation }>): Answer {
  const more = held.filter((r) => r.x.value > r.y.value).sort((p, q) => q.x.value - q.y.value - (p.x.value - p.y.value));
  const period = (held[0] as { x: Observation }).x.period;
  countOf(
    draft,
    held.length,
    'forces with both figures',
    period,
    held.map((r) => draft.forceName(r.x.force)),
  );
  countOf(
    draft,
    more.length,
    `forces with more ${a.label} than ${b.label}`,
    period,
    more.map((r) => draft.forceName(r.x.force)),
  );
  // The catalogue's short names keep the headline readable; the figures' own labels follow in the list's source.
  const [first, second] = [a, b].map((m) => ctx.measures.get(m.measure)?.short ?? m.label) as [string, string];
  for (const label of [first, second]) draft.allow(label);
  const lines = more.map((r) => {
    const [x, y] = [draft.stated(r.x), draft.stated(r.y)];
    return `• ${draft.forceName(r.x.force)}: ${x.shown} ${x.marks} against ${y.shown} ${y.marks}`;
  });
  const counted = `${more.length === 0 ? 'None' : more.length} of the ${held.length} forces we hold both figures for had more ${first} than ${second} ${inPeriod(period)} (our count)`;
  const source = `Figures: ${draft.provenance((more[0] ?? held[0])?.x as Observation)}.`;
  const text = more.length === 0 ? `${counted}.\n${source}` : `${counted}:\n${lines.join('\n')}\n${source}`;
  return draft.answered('ranking', text, { type: 'ranking', forces: [], periods: [period.id], measure: a.measure });
}
