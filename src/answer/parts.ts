/**
 * The parts of a whole beside it: a measure marked `partOf` another in the catalogue (allegations
 * investigated, of all allegations finalised under Schedule 3; officers, of officers and staff) is
 * given with the whole it splits, for the same force, outcome and period.
 */
import type { Metric, Period } from '../model/data.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { type Sum, sumOf } from './totals.ts';

/** The count metrics that split `whole` (same outcome, a measure that is part of its measure). */
export function partMetrics(ctx: AnswerContext, whole: Metric): Metric[] {
  return ctx.metrics.filter((m) => m.unit === 'count' && m.outcome === whole.outcome && ctx.measures.get(m.measure)?.partOf === whole.measure);
}

/** " Of these: 1,468 allegations not investigated (72%) [1]; 558 allegations investigated (28%) [1]." or "". */
export function partsOf(ctx: AnswerContext, draft: AnswerDraft, force: string, whole: Metric, periods: string[]): string {
  const parts = partMetrics(ctx, whole).flatMap((m) =>
    ctx.store
      .of(force, m.id)
      .filter((o) => periods.includes(o.period.id))
      .map((o) => {
        const s = draft.stated(o);
        const short = ctx.measures.get(m.measure)?.short ?? m.label;
        draft.allow(short);
        // The part's share of the whole, where the source states it.
        const share = ctx.metrics.find((x) => x.unit === 'percent' && x.measure === m.measure && x.outcome === m.outcome);
        const stated = share ? ctx.store.of(force, share.id).find((x) => x.period.id === o.period.id) : undefined;
        const pct = stated ? ` (${draft.stated(stated).shown})` : '';
        return `${s.shown} ${short}${pct} ${s.marks}`;
      }),
  );
  return parts.length > 0 ? ` Of these: ${parts.join('; ')}.${partsDiffer(ctx, draft, force, whole, periods)}` : '';
}

/** " These add up to 15 (our calculation: 11 + 4 = 15), not 8: …" where the parts, from another file
 * of the source, do not add up to the whole stated (the BBC's force pages and its funnel file). */
function partsDiffer(ctx: AnswerContext, draft: AnswerDraft, force: string, whole: Metric, periods: string[]): string {
  if (periods.length !== 1) return '';
  const stated = ctx.store.of(force, whole.id).filter((o) => o.period.id === periods[0]);
  const [one] = stated;
  if (!one || stated.length !== 1) return '';
  const rows = partsHeld(ctx, force, whole, one.period);
  if (!rows || rows.reduce((t, o) => t + o.value, 0) === one.value) return '';
  const sum = sumOf(draft, rows, { force, forceName: draft.forceName(force), period: one.period });
  const total = draft.stated(one);
  return ` These add up to ${sum.shown} (our calculation: ${sum.arithmetic}), not the ${total.shown} stated for the whole: the figures come from different files of the source, which differ.`;
}

/** The parts of `whole` that add up to it: those counted in its unit. */
export function summedParts(ctx: AnswerContext, whole: Metric): Metric[] {
  return partMetrics(ctx, whole).filter((m) => m.unit === whole.unit);
}

/** The figure of each part of `whole` held for `force` in `period`, or undefined unless there are
 * two parts or more and each is held there with one figure. */
export function partsHeld(ctx: AnswerContext, force: string, whole: Metric, period: Period): Observation[] | undefined {
  const parts = summedParts(ctx, whole);
  const rows = parts.flatMap((m) => {
    const held = ctx.store.of(force, m.id).filter((o) => o.period.id === period.id);
    return held.length === 1 ? held : [];
  });
  return parts.length >= 2 && rows.length === parts.length ? rows : undefined;
}

/** The sum of the parts of `whole` (cases finalised under and outside Schedule 3) held for `force`
 * in `period`, each part cited and named, as our calculation; or undefined unless every part is
 * held there with one figure and the catalogue says the parts add up to it. */
export function wholeFromParts(ctx: AnswerContext, draft: AnswerDraft, force: string, whole: Metric, period: Period): Sum | undefined {
  if (ctx.measures.get(whole.measure)?.partsAddUp !== true || whole.outcome !== undefined) return undefined;
  const rows = partsHeld(ctx, force, whole, period);
  if (!rows) return undefined;
  const partName = (o: Observation) => {
    const short = ctx.measures.get(o.metric.measure)?.short ?? o.metric.label;
    draft.allow(short);
    return short;
  };
  return sumOf(draft, rows, { force, forceName: draft.forceName(force), period, whole, partName });
}

/** Whether the question's words fit every part of the whole `metric`'s measure splits alike
 * ("IOPC reviews" fits those of complaints investigated and not investigated). */
export function fitsEveryPart(ctx: AnswerContext, metric: Metric, alsoFits: readonly string[]): boolean {
  const whole = ctx.measures.get(metric.measure)?.partOf;
  if (whole === undefined || ctx.measures.get(whole)?.partsAddUp !== true) return false;
  return [...ctx.measures.values()].filter((m) => m.partOf === whole).every((p) => p.id === metric.measure || alsoFits.includes(p.id));
}

/** The whole a question asked for when its words fit every part of it alike ("complaint cases
 * finalised" fits those under and outside Schedule 3): the answer is their sum. */
export function askedWhole(ctx: AnswerContext, metric: Metric, alsoFits: readonly string[]): Metric | undefined {
  if (metric.outcome !== undefined || !fitsEveryPart(ctx, metric, alsoFits)) return undefined;
  const whole = ctx.measures.get(metric.measure)?.partOf;
  return ctx.metrics.find((m) => m.measure === whole && m.outcome === undefined && m.unit === metric.unit);
}
