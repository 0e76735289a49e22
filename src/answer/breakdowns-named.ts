/**
 * Every breakdown a lookup names beyond the one answered first: "how many proven and how many
 * cleared?", "officers, staff and specials", "racism and sexual conduct allegations". A kind of
 * allegation the force's figures do not break out is said to be missing, never dropped in silence.
 */
import { isKindOfAllegation, type Metric, type Outcome } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { byPeriod, type Observation, type PeriodGroup } from './figure-store.ts';
import { differenceOf, multipleOf, sumOf } from './totals.ts';
import { inPeriod, widerBreakdownHeld } from './holdings.ts';
import { stateGroup } from './period-groups.ts';

/** The other breakdowns named, of the same measure and periods, stated after the first. */
export function otherBreakdownsNamed(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, force: string, metric: Metric, chosen: PeriodGroup[]): string {
  if (metric.outcome === undefined) return '';
  const periods = new Set(chosen.map((g) => g.period.id));
  // "Officers, staff and specials added to the barred list": the measure itself counts the officers,
  // its breakdowns the others, so a role it has no breakdown for but names in its label is its total.
  // Only where the question lists roles ("officers, staff and specials"), one of them the metric's.
  const isRole = (id: string | undefined) => id !== undefined && ctx.outcomes.get(id)?.dimension === 'role';
  const listsRoles = isRole(metric.outcome) && frame.measure.breakdowns.filter((b) => isRole(b.id)).length >= 2;
  const ownRole = (id: string) => listsRoles && isRole(id) && labelNames(ctx, metric.measure, ctx.outcomes.get(id));
  // A kind of allegation asked and not held is a different count from the one given.
  const isKind = (id: string | undefined) => isKindOfAllegation(ctx.outcomes.get(id ?? ''));
  // "Religion or belief discrimination": the wider kind named with its own part only says which part.
  const widerOfNamed = (id: string) => frame.measure.breakdowns.some((b) => ctx.outcomes.get(b.id)?.within === id);
  const missed = (id: string) => isKind(metric.outcome) && isKind(id) && frame.measure.apart?.includes(id) === true && !widerOfNamed(id);
  const lines: string[] = [];
  const others: Observation[] = [];
  const missing: string[] = [];
  for (const b of frame.measure.breakdowns) {
    if (b.id === metric.outcome) continue;
    const other =
      ctx.metrics.find((m) => m.measure === metric.measure && m.outcome === b.id && m.unit === metric.unit) ??
      (ownRole(b.id) ? ctx.metrics.find((m) => m.measure === metric.measure && m.outcome === undefined && m.unit === metric.unit) : undefined);
    const groups = other ? byPeriod(ctx.store.of(force, other.id)).filter((g) => periods.has(g.period.id)) : [];
    lines.push(...groups.map((g) => stateGroup(g, draft, true)));
    others.push(...groups.flatMap((g) => (g.observations.length === 1 ? g.observations : [])));
    if (groups.length === 0 && missed(b.id)) missing.push(notBrokenOut(ctx, draft, force, metric, b.id, chosen));
  }
  const between = gapBetween(draft, frame, chosen, others) || timesBetween(draft, frame, chosen, others) || kindsTogether(ctx, draft, frame, chosen, others);
  return (lines.length > 0 ? ` Also asked: ${lines.join('; ')}.${between}` : '') + missing.join('');
}

/** Whether `measure`'s label names the outcome by one of its terms ("regular officers added to the
 * barred list" names officers): a role so named is what the measure counts, not a breakdown of it. */
export function labelNames(ctx: AnswerContext, measure: string, outcome: Outcome | undefined): boolean {
  const label = ` ${words(ctx.measures.get(measure)?.label ?? '').join(' ')} `;
  return (outcome?.terms ?? []).some((t) => label.includes(` ${t} `));
}

/** " Together: 2,026 + 717 = 2,743 (our calculation)." where "put together", "combined" asks it of
 * kinds of allegation, which count apart (an allegation is filed under one kind) and so add up. */
function kindsTogether(ctx: AnswerContext, draft: AnswerDraft, frame: QueryFrame, chosen: PeriodGroup[], others: Observation[]): string {
  const [only] = chosen;
  const [first] = only?.observations ?? [];
  const rows = first ? [first, ...others] : [];
  const kinds = rows.every((o) => isKindOfAllegation(ctx.outcomes.get(o.metric.outcome ?? '')));
  // "Officers, staff and specials together": roles listed, the measure's own count the one its label names.
  const isRole = (o: Observation) => o.metric.outcome === undefined || ctx.outcomes.get(o.metric.outcome)?.dimension === 'role';
  const roles = !kinds && rows.every(isRole) && rows.some((o) => o.metric.outcome !== undefined);
  if (!frame.total || !only || !first || only.observations.length !== 1 || others.length === 0 || !(kinds || roles)) return '';
  const what = ctx.measures.get(first.metric.measure)?.short ?? first.metric.label;
  const whole = { id: `${first.metric.measure}-kinds-together`, label: `${what} of the ${kinds ? 'kinds' : 'roles'} asked, together`, unit: first.metric.unit };
  const sum = sumOf(draft, rows, { force: first.force, forceName: draft.forceName(first.force), period: first.period, whole });
  return ` Together: ${sum.arithmetic} (our calculation).`;
}

/** " Race … is 3.4 times sex … (our calculation: …)." where "how many times more" asks it of two kinds. */
function timesBetween(draft: AnswerDraft, frame: QueryFrame, chosen: PeriodGroup[], others: Observation[]): string {
  const [first] = chosen.length === 1 ? (chosen[0]?.observations ?? []) : [];
  const [other] = others;
  if (!frame.ratio || !first || others.length !== 1 || !other) return '';
  const said = multipleOf(draft, draft.stated(first).index, draft.stated(other).index);
  return said ? ` ${said}` : '';
}

/** " Difference: 1,069 − 468 = 601 (our calculation)." where "how many more" asks it of two kinds, or they are compared. */
function gapBetween(draft: AnswerDraft, frame: QueryFrame, chosen: PeriodGroup[], others: Observation[]): string {
  const [only] = chosen;
  const [first] = only?.observations ?? [];
  const [other] = others;
  // Two kinds compared ("race vs disability: how far apart?") are set apart by their difference too.
  if (!(frame.difference || frame.intent === 'compare') || chosen.length !== 1 || only?.observations.length !== 1 || !first || others.length !== 1 || !other)
    return '';
  return ` Difference: ${differenceOf(draft, first, other).working} (our calculation).`;
}

/** "We hold no allegations logged about race (discriminatory behaviour) for Essex Police in 2024-25", and the wider kind that counts it. */
function notBrokenOut(ctx: AnswerContext, draft: AnswerDraft, force: string, metric: Metric, outcomeId: string, chosen: PeriodGroup[]): string {
  const what = ctx.measures.get(metric.measure)?.short ?? metric.measure;
  const kind = ctx.outcomes.get(outcomeId)?.label ?? outcomeId;
  const when = chosen[0] ? ` ${inPeriod(chosen[0].period)}` : '';
  const wider = widerBreakdownHeld(ctx, draft, force, outcomeId);
  return ` We hold no figure of ${what} about ${kind} for ${draft.forceName(force)}${when}.${wider ? ` ${wider}` : ''}`;
}
