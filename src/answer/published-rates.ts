/**
 * Rates the source publishes itself (the BBC Shared Data Unit's officers and staff with an IOPC case
 * to answer per 1,000 workforce). Where one exists for what a question counts, answers and rankings
 * per 1,000 workforce give the published rate, cited with its count and workforce, rather than a rate
 * of our own, and say so where the published rate counts more than the question's figure does.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { belowList, inPeriod } from './holdings.ts';
import { asksPerHead } from './frame-reading.ts';

/** A published rate and what it is worked from. */
interface Published {
  rate: Metric;
  /** The count the rate is of. */
  count: Metric;
}

/** The published rate of a count metric's measure, or of the measure it is part of (officers, of
 * officers and staff), found through the catalogue: the measure's metric whose aggregation is `rate`. */
export function publishedRate(ctx: AnswerContext, metric: Metric): Published | undefined {
  if (metric.aggregation !== 'count' || metric.outcome !== undefined) return undefined;
  for (const measure of [metric.measure, ctx.measures.get(metric.measure)?.partOf]) {
    const rate = ctx.metrics.find((m) => m.measure === measure && m.aggregation === 'rate');
    const count = ctx.metrics.find((m) => m.measure === measure && m.aggregation === 'count' && m.outcome === undefined);
    if (rate && count) return { rate, count };
  }
  return undefined;
}

/** "2.7 per 1,000 workforce [1] (published: 7 [2] of a workforce of 2,623 [3])" for one force. */
function stateRate(ctx: AnswerContext, draft: AnswerDraft, p: Published, rate: Observation): string {
  const s = draft.stated(rate);
  const count = ctx.store.at(rate.force, p.count.id, rate.period.id);
  // The workforce the rate was worked from: of the rate's own period, else from the source of the rate or its count.
  const workforces = ctx.metrics.filter((m) => m.aggregation === 'denominator').flatMap((m) => ctx.store.of(rate.force, m.id));
  const sources = new Set([...rate.figures, ...(count?.figures ?? [])].map((f) => f.source));
  const workforce = workforces.find((o) => o.period.id === rate.period.id) ?? workforces.find((o) => o.figures.some((f) => sources.has(f.source)));
  draft.allow('1,000');
  const inputs = [
    count && `${draft.stated(count).shown} ${draft.stated(count).marks}`,
    workforce && `a workforce of ${draft.stated(workforce).shown} ${draft.stated(workforce).marks}`,
  ].filter(Boolean);
  return `${s.shown} per 1,000 workforce ${s.marks}${inputs.length > 0 ? ` (${inputs.join(' of ')})` : ''}`;
}

/** Said when the question's figure is only part of what the published rate counts. */
function differs(draft: AnswerDraft, asked: Metric, p: Published): string {
  if (asked.id === p.count.id) return '';
  draft.allow(asked.label);
  draft.allow(p.count.label);
  return ` The published rate counts ${p.count.label}, not only ${asked.label}; we give it rather than a rate of our own, which would count fewer people.`;
}

/** A lookup per 1,000 workforce answered with the published rate, or undefined when none is held. */
export function answerPublishedRate(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, force: string, metric: Metric, note = ''): Answer | undefined {
  const p = asksPerHead(frame) ? publishedRate(ctx, metric) : undefined;
  // A period asked that the published rate does not cover is answered (or declined) by the count's own periods.
  const asks = frame.periods.asks.filter((a) => a.kind !== 'latest' && a.kind !== 'held');
  const rate = p
    ? ctx.store
        .of(force, p.rate.id)
        .filter((o) => asks.length === 0 || asks.some((a) => periodMatches(o.period, a)))
        .at(-1)
    : undefined;
  if (!p || !rate) return undefined;
  draft.allow(p.rate.label);
  const text = `${draft.forceName(force)}: ${stateRate(ctx, draft, p, rate)} ${inPeriod(rate.period)}: ${p.rate.label}, the published rate.${differs(draft, metric, p)}${note}`;
  return draft.answered('lookup', text, { type: 'lookup', forces: [force], periods: [rate.period.id], measure: p.rate.measure });
}

/** A ranking per 1,000 workforce by the published rate, or undefined when too few forces have one. */
export function rankByPublishedRate(
  ctx: AnswerContext,
  draft: AnswerDraft,
  metric: Metric,
  ascending: boolean,
  count: number,
  frame: Frame,
  inScope: (force: string) => boolean,
  /** Which forces the ranking covers, and which lack a published rate. */
  coverage: (rated: Observation[]) => string,
): Answer | undefined {
  const p = publishedRate(ctx, metric);
  const rows = p
    ? ctx.store
        .forcesFor(p.rate.id)
        .filter(inScope)
        .flatMap((f) => ctx.store.of(f, p.rate.id).slice(-1))
    : [];
  if (!p || rows.length < 2) return undefined;
  const sorted = [...rows].sort((a, b) => (ascending ? a.value - b.value : b.value - a.value));
  // Forces level with the last one listed are listed too: a cut inside a tie would pick among equals.
  const last = sorted[Math.min(count, sorted.length) - 1] as Observation;
  const shown = sorted.filter((o, i) => i < count || o.value === last.value);
  const list = shown.map((o) => `• ${draft.forceName(o.force)}: ${stateRate(ctx, draft, p, o)}`);
  const top = shown[0] as Observation;
  draft.allow(p.rate.label);
  const text = `${draft.forceName(top.force)} had the ${ascending ? 'lowest' : 'highest'} ${p.rate.label} ${inPeriod(top.period)}. Ranked ${ascending ? 'lowest' : 'highest'} first, by the published rate (${draft.provenance(top)}):\n${list.join('\n')}${belowList(differs(draft, metric, p) + coverage(rows))}`;
  return draft.answered('ranking', text, { ...frame, measure: p.rate.measure });
}
