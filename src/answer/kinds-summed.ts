/**
 * A category of allegation that a table breaks into kinds without printing its own count (IOPC
 * Table 18's "discriminatory behaviour" is only its ten kinds): where the catalogue says the table
 * lists every kind, the category's count is their sum, each kind cited and the working shown.
 */
import type { Answer } from '../model/answer.ts';
import type { Outcome } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { NATIONAL } from '../understand/forces.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { forcesOf } from './frame-reading.ts';
import { inPeriod } from './holdings.ts';
import { sumOf } from './totals.ts';

/** Each kind's one figure for `force` in `measure` and a period all of them hold (the one asked, or
 * the newest), or undefined unless every kind the table lists is held there. */
function kindsHeld(ctx: AnswerContext, frame: QueryFrame, force: string, measure: string, category: Outcome): Observation[] | undefined {
  const kinds = [...ctx.outcomes.values()].filter((o) => o.within === category.id);
  const series = kinds.map((kind) =>
    ctx.metrics.filter((m) => m.measure === measure && m.outcome === kind.id && m.unit === 'count').flatMap((m) => ctx.store.of(force, m.id)),
  );
  if (series.length === 0 || series.some((rows) => rows.length === 0)) return undefined;
  const first = series[0] as Observation[];
  const asked = frame.periods.asks.filter((a) => a.kind !== 'latest');
  const periods = first
    .map((o) => o.period)
    .filter((p) => series.every((rows) => rows.filter((o) => o.period.id === p.id).length === 1))
    .filter((p) => asked.length === 0 || asked.some((a) => periodMatches(p, a)));
  const period = periods.at(-1);
  return period === undefined ? undefined : series.map((rows) => rows.find((o) => o.period.id === period.id) as Observation);
}

/** "England and Wales: 3,980 allegations finalised under Schedule 3 about discriminatory behaviour
 * in 2024-25 (our calculation: 62 age [1], …; 62 + 717 + … = 3,980)", for a lookup of a category
 * whose measure's table lists its kinds but not its own count; else undefined. */
export function kindsSummed(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  if (frame.intent !== 'lookup' || frame.normalisation !== 'count') return undefined;
  const category = frame.measure.breakdowns.map((b) => ctx.outcomes.get(b.id)).find((o) => o?.dimension === 'category');
  const measure = category && frame.measure.fits.map((f) => f.id).find((id) => category.kindsListed?.includes(id));
  const named = forcesOf(frame);
  const [force] = named.length === 0 ? [NATIONAL] : named;
  if (!category || measure === undefined || force === undefined || named.length > 1) return undefined;
  const rows = kindsHeld(ctx, frame, force, measure, category);
  const label = ctx.measures.get(measure)?.short;
  if (!rows || label === undefined) return undefined;
  const period = (rows[0] as Observation).period;
  const whole = { id: `${measure}-${category.id}`, label: `${label} about ${category.label}`, unit: 'count' as const };
  const partName = (o: Observation) => {
    const kind = ctx.outcomes.get(o.metric.outcome ?? '')?.label ?? o.metric.label;
    draft.allow(kind);
    return kind;
  };
  const sum = sumOf(draft, rows, { force, forceName: draft.forceName(force), period, whole, partName });
  draft.allow(whole.label, 'measure');
  draft.allow(period.label, 'period');
  // The kinds are many: the working follows the figure, not inside its sentence.
  const text =
    `${draft.forceName(force)}: ${sum.shown} ${whole.label} ${inPeriod(period)} (our calculation: the sum of its kinds).\n` +
    `The table gives ${category.label} only kind by kind, listing every kind: ${sum.working.replace(/^our calculation: /, '')}.`;
  return draft.answered('lookup', text, { type: 'lookup', forces: [force], periods: [period.id], measure, outcome: category.id });
}
