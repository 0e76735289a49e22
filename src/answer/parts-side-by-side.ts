/**
 * Two parts of one whole asked side by side (cases finalised formally and informally; allegations of
 * a kind investigated and not), for one force and period: the published whole beside them, or, where
 * asked, their sum or the gap between them, as our calculation.
 */
import { verdict } from './claimed.ts';
import { multipleOf } from './totals.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatNumber, round1 } from '../text/numbers.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';

/** The first figure each part stated, from `starts` (where each part's facts begin), when both are
 * of one force and period. */
function partFacts(draft: AnswerDraft, starts: readonly number[]): [number, number] | undefined {
  if (starts.length !== 2) return undefined;
  const [ia, ib] = starts.map((from) => draft.facts.findIndex((f, i) => i >= from && f.computed === undefined));
  const a = ia === undefined ? undefined : draft.facts[ia];
  const b = ib === undefined ? undefined : draft.facts[ib];
  if (ia === undefined || ib === undefined || !a || !b || ia === ib || a.force !== b.force || a.periodId !== b.periodId || a.unit !== b.unit) return undefined;
  return [ia, ib];
}

/** "Yes, that's right. " where a claim that the part named first is the larger ("more under Schedule 3
 * than outside it") holds for the two parts' figures, "No, that's not right. " where it does not; ""
 * where no such claim was made or the parts are not of one place, period and unit. */
export function partsClaimVerdict(asked: QueryFrame, draft: AnswerDraft, starts: readonly number[]): string {
  const claim = typeof asked.checksClaim === 'string' ? asked.checksClaim : undefined;
  const pair = claim ? partFacts(draft, starts) : undefined;
  const [a, b] = pair ? [draft.facts[pair[0]], draft.facts[pair[1]]] : [];
  if (!a || !b) return '';
  if (claim === 'same') return verdict(a.value === b.value);
  if (a.value === b.value) return '';
  return verdict((claim === 'more') === a.value > b.value);
}

/** "… outside Schedule 3 is 1.4 times … under Schedule 3 (our calculation: …)" where "how many times
 * more" asks it of two parts of one place and period; else undefined. */
export function partsMultiple(asked: QueryFrame, draft: AnswerDraft, starts: readonly number[]): string | undefined {
  const pair = asked.ratio ? partFacts(draft, starts) : undefined;
  return pair ? multipleOf(draft, pair[0], pair[1]) : undefined;
}

/** "In all: 81,776 complaint cases finalised [1]": the published whole two parts asked side by side
 * split (cases finalised formally and informally), where it is held for their force and period. */
export function wholeBeside(ctx: AnswerContext, draft: AnswerDraft, starts: readonly number[]): string | undefined {
  const pair = partFacts(draft, starts);
  const a = pair ? draft.facts[pair[0]] : undefined;
  const b = pair ? draft.facts[pair[1]] : undefined;
  // A part's whole: the measure it is part of, of the same kind (detention in custody finalised, split
  // into investigated and not); or, for a role's breakdown (police staff referred), its measure's total.
  const whole = (id: string | undefined) => {
    const metric = ctx.metricById.get(id ?? '');
    const measure = ctx.measures.get(metric?.measure ?? '');
    if (!metric || !measure) return undefined;
    if (measure.partOf !== undefined) return { measure: measure.partOf, outcome: metric.outcome };
    return ctx.outcomes.get(metric.outcome ?? '')?.dimension === 'role' ? { measure: measure.id, outcome: undefined } : undefined;
  };
  const [wa, wb] = [whole(a?.metric), whole(b?.metric)];
  if (!a || !b || wa === undefined || wa.measure !== wb?.measure || wa.outcome !== wb.outcome) return undefined;
  const { measure, outcome } = wa;
  const metric = ctx.metrics.find((m) => m.measure === measure && m.outcome === outcome && m.unit === a.unit);
  const held = metric ? ctx.store.of(a.force, metric.id).filter((o) => o.period.id === a.periodId) : [];
  if (!metric || held.length !== 1) return undefined;
  const s = draft.stated(held[0] as Observation);
  return `In all: ${s.shown} ${metric.label} ${s.marks}.`;
}

/** Two stated facts added up, our calculation, under `label`: the sum's fact and its working. */
function addedUp(
  draft: AnswerDraft,
  ia: number,
  ib: number,
  label: string,
  unit = draft.facts[ia]?.unit,
): { index: number; value: number; working: string } | undefined {
  const a = draft.facts[ia];
  const b = draft.facts[ib];
  if (!a || !b || unit === undefined) return undefined;
  const value = a.value + b.value;
  const working = `${formatNumber(a.value)} + ${formatNumber(b.value)} = ${formatNumber(value)}`;
  const base = { force: a.force, forceName: a.forceName, periodId: a.periodId, period: a.period, unit };
  const index = draft.computed({ ...base, metric: `${a.metric}-plus-${b.metric}`, metricLabel: label }, value, 'sum', [ia, ib], working);
  return { index, value, working };
}

/**
 * "Altogether", "combined": two parts of one whole (cases outside and under Schedule 3) added up, for
 * the same force and period; "the gap between": two figures of one unit (days with and without
 * suspension) taken one from the other. `starts` is where each part's facts begin.
 */
export function partsCombined(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, starts: readonly number[]): string | undefined {
  const pair = asked.total || asked.difference ? partFacts(draft, starts) : undefined;
  if (!pair) return undefined;
  const [ia, ib] = pair;
  const a = draft.facts[ia];
  const b = draft.facts[ib];
  if (!a || !b) return undefined;
  const ma = ctx.metricById.get(a.metric);
  const mb = ctx.metricById.get(b.metric);
  const whole = ma && ctx.measures.get(ma.measure)?.partOf;
  const summable =
    asked.total && whole !== undefined && whole === (mb && ctx.measures.get(mb.measure)?.partOf) && ma?.aggregation === 'count' && mb?.aggregation === 'count';
  if (summable) {
    const sum = addedUp(draft, ia, ib, ctx.measures.get(whole)?.label ?? `${a.metricLabel} and ${b.metricLabel}`);
    return sum && `Together: ${sum.working} (our calculation).`;
  }
  if (!asked.difference) return undefined;
  const value = Math.abs(a.value - b.value);
  const [hi, lo] = a.value >= b.value ? [a, b] : [b, a];
  const working = `${formatNumber(hi.value)} − ${formatNumber(lo.value)} = ${formatNumber(round1(value))}`;
  draft.computed(
    {
      force: a.force,
      forceName: a.forceName,
      periodId: a.periodId,
      period: a.period,
      metric: `${a.metric}-vs-${b.metric}`,
      metricLabel: `difference between ${a.metricLabel} and ${b.metricLabel}`,
      unit: a.unit,
    },
    value,
    'difference',
    [ia, ib],
    working,
  );
  return `Difference: ${working} (our calculation).`;
}

/** The outcome's count and the count it is a share of, stated among the facts from `from` to `to`. */
function shareInputs(ctx: AnswerContext, draft: AnswerDraft, outcome: string, from: number, to: number): { part: number; whole: number } | undefined {
  const stated = draft.facts.map((f, i) => ({ f, i, m: ctx.metricById.get(f.metric) })).filter(({ f, i }) => i >= from && i < to && f.computed === undefined);
  const part = stated.find(({ m }) => m?.outcome === outcome && m.aggregation === 'count');
  const whole = part && stated.find(({ m }) => m?.measure === part.m?.measure && m !== undefined && m.outcome === undefined && m.aggregation === 'count');
  return part && whole ? { part: part.i, whole: whole.i } : undefined;
}

/**
 * "Both kinds of review together: what share found the outcome not reasonable?": the two parts'
 * counts of the outcome over their counts, added up (our calculation), where each part gave its own
 * share with the counts it is of. `starts` is where each part's facts begin.
 */
export function sharesCombined(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, starts: readonly number[]): string | undefined {
  const outcome = asked.measure.breakdowns[0]?.id;
  if (!asked.total || outcome === undefined || starts.length !== 2) return undefined;
  const [a, b] = [0, 1].map((k) => shareInputs(ctx, draft, outcome, starts[k] as number, starts[k + 1] ?? draft.facts.length));
  if (!a || !b) return undefined;
  const [pa, pb, wa, wb] = [a.part, b.part, a.whole, b.whole].map((i) => draft.facts[i]);
  if (!pa || !pb || !wa || !wb || pa.force !== pb.force || pa.periodId !== pb.periodId) return undefined;
  const [ma, mb] = [pa, pb].map((f) => ctx.measures.get(ctx.metricById.get(f.metric)?.measure ?? '')?.partOf);
  if (ma === undefined || ma !== mb) return undefined;
  const wholeLabel = ctx.measures.get(ma)?.label ?? `${wa.metricLabel} and ${wb.metricLabel}`;
  const outcomeLabel = ctx.outcomes.get(outcome)?.label ?? outcome;
  if (wa.value + wb.value === 0) return undefined;
  const parts = addedUp(draft, a.part, b.part, `${wholeLabel}: ${outcomeLabel}`, 'count');
  const wholes = addedUp(draft, a.whole, b.whole, wholeLabel, 'count');
  if (!parts || !wholes) return undefined;
  const share = round1((parts.value / wholes.value) * 100);
  const working = `${formatNumber(parts.value)} ÷ ${formatNumber(wholes.value)} = ${formatNumber(share)}%`;
  draft.computed(
    {
      force: pa.force,
      forceName: pa.forceName,
      periodId: pa.periodId,
      period: pa.period,
      unit: 'percent',
      metric: `${pa.metric}-plus-${pb.metric}-share`,
      metricLabel: `share of ${wholeLabel} ${outcomeLabel}`,
    },
    share,
    'share',
    [parts.index, wholes.index],
    working,
  );
  draft.allow(wholeLabel);
  draft.allow(outcomeLabel);
  return `Together: ${formatNumber(parts.value)} of ${formatNumber(wholes.value)} ${wholeLabel}, ${formatNumber(share)}% (our calculation: ${parts.working}; ${wholes.working}; ${working}).`;
}
