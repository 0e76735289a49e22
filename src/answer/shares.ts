/**
 * Shares of a whole: the share a source states for a measure and outcome, or ours, worked from the
 * part and the total it belongs to, for one force and period.
 */
import type { Metric } from '../model/data.ts';
import { formatNumber, round1 } from '../text/numbers.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { wholeFromParts } from './parts.ts';

/** The share metric stated for the same measure and outcome, if one exists. */
export function statedShareMetric(ctx: AnswerContext, metric: Metric): Metric | undefined {
  if (metric.unit === 'percent') return metric;
  return ctx.metrics.find((m) => m.unit === 'percent' && m.measure === metric.measure && m.outcome === metric.outcome);
}

/** The total a metric is a part of: for a measure that is part of another ("complaints recorded
 * formally" of "complaints logged", race allegations investigated of race allegations finalised), that
 * measure's count of the same breakdown; otherwise its own measure's total. */
export function totalMetric(ctx: AnswerContext, metric: Metric): Metric | undefined {
  // Race allegations investigated are a share of race allegations finalised: the whole of the same breakdown.
  const whole = ctx.measures.get(metric.measure)?.partOf;
  const count = (measure: string | undefined, outcome: string | undefined) =>
    ctx.metrics.find((m) => m.unit === 'count' && m.measure === measure && m.outcome === outcome);
  return count(whole, metric.outcome) ?? count(metric.measure, undefined);
}

/** The share for one force and period: stated when a source states it, otherwise computed with working.
 * A stated share is given with the counts it is of (`both`), the whole alone (`whole`), or bare. */
export function shareFor(
  ctx: AnswerContext,
  draft: AnswerDraft,
  force: string,
  metric: Metric,
  periodId: string,
  withCounts: 'none' | 'whole' | 'both' = 'none',
): { text: string; value: number; fact: number } | undefined {
  const stated = statedShareMetric(ctx, metric);
  const statedObs = stated ? ctx.store.at(force, stated.id, periodId) : undefined;
  if (statedObs) {
    const s = draft.stated(statedObs);
    // The counts the share is of, where held for the same period: "89% (1,758 of 1,972 …)" for one
    // force's share, so a claim like "nine in ten" can be checked against both; none beside others'.
    const total = totalMetric(ctx, metric);
    const whole = total && total.id !== metric.id ? ctx.store.at(force, total.id, periodId) : undefined;
    const count =
      metric.unit === 'count' ? metric : ctx.metrics.find((m) => m.unit === 'count' && m.measure === metric.measure && m.outcome === metric.outcome);
    const part = count ? ctx.store.at(force, count.id, periodId) : undefined;
    const w = whole && withCounts !== 'none' ? draft.stated(whole) : undefined;
    const p = part && w && withCounts === 'both' ? draft.stated(part) : undefined;
    // "15,763 (89%) resulting in no further action": a share the source takes of a narrower whole
    // than the one we hold (89% of 17,653, not of 18,454) is never set beside ours as if of it.
    const ofAnother = part && whole && whole.value > 0 && !sameShare((part.value / whole.value) * 100, statedObs.value);
    const ours = ofAnother && count ? computedShare(ctx, draft, force, count, periodId) : undefined;
    if (ours) return { ...ours, text: `${ours.text.replace(/\)$/, '')}; the source's ${s.shown} ${s.marks} is of a narrower whole it does not give)` };
    const of = p && w ? ` (${p.shown} ${p.marks} of ${w.shown} ${total?.label} ${w.marks})` : w ? ` of ${w.shown} ${total?.label} ${w.marks}` : '';
    return { text: `${s.shown} ${s.marks}${of}`, value: statedObs.value, fact: s.index };
  }
  return computedShare(ctx, draft, force, metric, periodId);
}

/** Whether our share rounds to the one stated (to a whole percent, or to the decimals stated). */
function sameShare(ours: number, stated: number): boolean {
  return Number.isInteger(stated) ? Math.round(ours) === stated : Math.abs(ours - stated) < 0.1;
}

/** Our share of `metric`'s count in its whole (held, or summed from its parts), with the working. */
function computedShare(
  ctx: AnswerContext,
  draft: AnswerDraft,
  force: string,
  metric: Metric,
  periodId: string,
): { text: string; value: number; fact: number } | undefined {
  const total = totalMetric(ctx, metric);
  if (!total || total.id === metric.id) return undefined;
  const part = ctx.store.at(force, metric.id, periodId);
  if (!part) return undefined;
  const p = draft.stated(part);
  // The whole as held, or as the sum of its parts where only they are ("cases finalised, however handled").
  const held = ctx.store.at(force, total.id, periodId);
  const heldStated = held ? draft.stated(held) : undefined;
  const summed = held ? undefined : wholeFromParts(ctx, draft, force, total, part.period);
  const w =
    heldStated && held
      ? { value: held.value, index: heldStated.index, marks: heldStated.marks, how: '' }
      : summed
        ? { value: summed.value, index: summed.fact, marks: '', how: `, the whole being ${summed.working.replace(/^our calculation: /, '')}` }
        : undefined;
  if (!w || w.value === 0) return undefined;
  const value = round1((part.value / w.value) * 100);
  const working = `${formatNumber(part.value)} ÷ ${formatNumber(w.value)} = ${formatNumber(value)}%`;
  const fact = draft.computed(
    {
      force,
      forceName: draft.forceName(force),
      periodId,
      period: part.period.label,
      metric: `${metric.id}-share`,
      metricLabel: `share of ${total.label} ${ctx.outcomes.get(metric.outcome ?? '')?.label ?? ''}`.trim(),
      unit: 'percent',
    },
    value,
    'share',
    [p.index, w.index],
    working,
  );
  const of = `${formatNumber(w.value)}${w.marks ? ` ${w.marks}` : ''}${w.how}`;
  return {
    text: `${formatNumber(value)}% (our calculation: ${part.value === 1 ? 'one' : formatNumber(part.value)} ${p.marks} of ${of}; ${working})`,
    value,
    fact,
  };
}

/** The share of an outcome's count that its table states for `force` in the period, held once; else undefined. */
export function statedShareOf(ctx: AnswerContext, force: string, metric: Metric, periodId: string): Observation | undefined {
  if (metric.outcome === undefined || metric.unit !== 'count') return undefined;
  const share = statedShareMetric(ctx, metric);
  const held = share ? ctx.store.of(force, share.id).filter((o) => o.period.id === periodId) : [];
  return held.length === 1 ? held[0] : undefined;
}

/** Wholes below this are given beside a share of them. */
const SMALL_WHOLE = 100;

/** "; that is 63% [1] of all 8 [1] IOPC reviews completed…, as the source states it" beside an
 * outcome's count, where the same table states the outcome's share for that force and period; else
 * "". `withWhole` says the whole's count was given. A share stated is the same finding put another
 * way, never a figure of another measure. */
export function statedShareBeside(
  ctx: AnswerContext,
  draft: AnswerDraft,
  force: string,
  metric: Metric,
  periodId: string,
): { text: string; withWhole: boolean } {
  const only = statedShareOf(ctx, force, metric, periodId);
  if (!only) return { text: '', withWhole: false };
  const s = draft.stated(only);
  // The whole by its short name: the sentence has just named the measure in full. A kind's whole is
  // that kind's ("26% of all allegations … about sexual orientation"), never every allegation.
  const total = totalMetric(ctx, metric);
  const whole = total ? (total.outcome !== undefined ? total.label : (ctx.measures.get(total.measure)?.short ?? total.label)) : undefined;
  if (whole !== undefined) draft.allow(whole);
  // The count the share is of, where held for the period and small: a share of a handful reads
  // differently ("63% of 8"), while a large whole beside a part could be taken for the answer.
  const held = total ? ctx.store.at(force, total.id, periodId) : undefined;
  const w = held && held.value < SMALL_WHOLE ? draft.stated(held) : undefined;
  const of = w ? `${w.shown} ${w.marks} ` : '';
  return { text: `; that is ${s.shown} ${s.marks} of all ${of}${whole ?? 'of them'}, as the source states it`, withWhole: w !== undefined };
}
