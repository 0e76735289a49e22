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
import { formatNumber, round1 } from '../text/numbers.ts';

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

/** The category named, the measure whose table lists its kinds, the place, and each kind's figure;
 * undefined unless all of them are held. Nothing is recorded in the draft until the kinds are summed. */
function categoryKinds(ctx: AnswerContext, frame: QueryFrame, of?: Outcome) {
  const category = of ?? frame.measure.breakdowns.map((b) => ctx.outcomes.get(b.id)).find((o) => o?.dimension === 'category');
  const measure = category && frame.measure.fits.map((f) => f.id).find((id) => category.kindsListed?.includes(id));
  const named = forcesOf(frame);
  const [force] = named.length === 0 ? [NATIONAL] : named;
  if (!category || measure === undefined || force === undefined || named.length > 1) return undefined;
  const rows = kindsHeld(ctx, frame, force, measure, category);
  const label = ctx.measures.get(measure)?.short;
  if (!rows || label === undefined) return undefined;
  const period = (rows[0] as Observation).period;
  const whole = { id: `${measure}-${category.id}`, label: `${label} about ${category.label}`, unit: 'count' as const };
  return { category, measure, force, rows, period, whole };
}

/** The category's count: its kinds summed, each cited, the working shown. */
function summedKinds(ctx: AnswerContext, draft: AnswerDraft, kinds: NonNullable<ReturnType<typeof categoryKinds>>) {
  const { force, rows, period, whole } = kinds;
  const partName = (o: Observation) => {
    const kind = ctx.outcomes.get(o.metric.outcome ?? '')?.label ?? o.metric.label;
    draft.allow(kind);
    return kind;
  };
  const sum = sumOf(draft, rows, { force, forceName: draft.forceName(force), period, whole, partName });
  draft.allow(whole.label, 'measure');
  draft.allow(period.label, 'period');
  return sum;
}

/**
 * "What share of discriminatory behaviour allegations finalised under Schedule 3 were about race?":
 * the kind's count as a share of its category's, the category's being the sum of its kinds; else
 * undefined (no kind of a category so listed named beside it).
 */
export function kindShareOfCategory(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  if (frame.intent !== 'share') return undefined;
  // The category is the one named, else the one the kind named belongs to, where no whole of the
  // measure is held to take a share of ("what share of allegations finalised under Schedule 3 were
  // about race?", of a table printed only in part): said to be of the category.
  const named = frame.measure.breakdowns.map((b) => ctx.outcomes.get(b.id));
  const kind = named.find((o) => o?.within !== undefined);
  const category = named.find((o) => o !== undefined && o.id === kind?.within) ?? (kind?.within === undefined ? undefined : ctx.outcomes.get(kind.within));
  // "… what proportion were investigated?": a share of another breakdown, not of the category.
  if (named.some((o) => o !== undefined && o !== kind && o !== category)) return undefined;
  const kinds = kind && category && categoryKinds(ctx, frame, category);
  const row = kind && kinds?.rows.find((o) => o.metric.outcome === kind.id);
  // "… were investigated?" names a part of the measure: the share asked is of the part's whole.
  if (!kinds || !kind || !row || ctx.measures.get(kinds.measure)?.partOf !== undefined) return undefined;
  const categoryNamed = named.includes(category);
  const measureWhole = ctx.metrics.find((m) => m.measure === kinds.measure && m.outcome === undefined && ctx.store.at(kinds.force, m.id, kinds.period.id));
  if ((!categoryNamed && measureWhole) || kinds.rows.every((o) => o.value === 0)) return undefined;
  const { force, period, whole } = kinds;
  const sum = summedKinds(ctx, draft, kinds);
  const part = draft.stated(row);
  const value = round1((row.value / sum.value) * 100);
  const working = `${formatNumber(row.value)} ÷ ${formatNumber(sum.value)} = ${formatNumber(value)}%`;
  draft.computed(
    {
      force,
      forceName: draft.forceName(force),
      periodId: period.id,
      period: period.label,
      metric: `${row.metric.id}-share`,
      metricLabel: `share of ${whole.label} about ${kind.label}`,
      unit: 'percent',
    },
    value,
    'share',
    [part.index, sum.fact],
    working,
  );
  const instead = categoryNamed
    ? ''
    : `We hold no total of ${ctx.measures.get(kinds.measure)?.short ?? kinds.measure} to take a share of, so this is the share of ${kinds.category.label}, the category ${kind.label} belongs to.\n`;
  const text =
    `${instead}${draft.forceName(force)}: ${formatNumber(value)}% of ${whole.label} ${inPeriod(period)} were about ${kind.label}: ${part.shown} ${part.marks} of ${sum.shown} (our calculation: ${working}).\n` +
    `The table gives ${kinds.category.label} only kind by kind, so its ${sum.shown} is the sum of every kind: ${sum.working.replace(/^our calculation: /, '')}.`;
  return draft.answered('share', text, { type: 'share', forces: [force], periods: [period.id], measure: kinds.measure, outcome: kind.id });
}

/** "England and Wales: 3,980 allegations finalised under Schedule 3 about discriminatory behaviour
 * in 2024-25 (our calculation: 62 age [1], …; 62 + 717 + … = 3,980)", for a lookup of a category
 * whose measure's table lists its kinds but not its own count; else undefined. */
export function kindsSummed(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  if (frame.intent !== 'lookup' || frame.normalisation !== 'count') return undefined;
  const kinds = categoryKinds(ctx, frame);
  if (!kinds) return undefined;
  const { category, measure, force, period, whole } = kinds;
  const sum = summedKinds(ctx, draft, kinds);
  // The kinds are many: the working follows the figure, not inside its sentence.
  const text =
    `${draft.forceName(force)}: ${sum.shown} ${whole.label} ${inPeriod(period)} (our calculation: the sum of its kinds).\n` +
    `The table gives ${category.label} only kind by kind, listing every kind: ${sum.working.replace(/^our calculation: /, '')}.`;
  return draft.answered('lookup', text, { type: 'lookup', forces: [force], periods: [period.id], measure, outcome: category.id });
}
