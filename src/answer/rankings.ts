/**
 * Rankings and totals over forces for one measure and period ("which force had the most complaint
 * cases finalised in 2024/25?", "top five by average days to finalise"), and rates per 1,000
 * workforce. Every rank and sum is our calculation from cited figures.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import { formatNumber, formatValue, round1 } from '../text/numbers.ts';
import { rankMetrics } from '../understand/metrics.ts';
import { periodMatches } from '../understand/periods.ts';
import type { ParsedQuestion } from '../understand/question.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { canRank, canRatePerHead, canSum, kindName } from '../catalogue/rules.ts';
import { inPeriod } from './holdings.ts';
import { rankByPublishedRate } from './published-rates.ts';

const COUNT_WORDS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };
/** How many places a ranking lists when the question does not say. */
const DEFAULT_PLACES = 5;
const ASCENDING = /\b(lowest|least|fewest|smallest|shortest|fastest|quickest|bottom)\b/i;
/** "Highest rate per 1,000 officers", "relative to their size": rank by rate per 1,000 workforce. */
const PER_SIZE = /\b(?:per (?:1,?000|thousand|head|officer|capita)|(?:highest|lowest) rates?|relative to (?:their |its )?size|for (?:their|its) size|size[- ]adjusted)\b/i;
const TOTAL = /\b(total|in total|altogether|combined|sum|all forces|across (?:all )?(?:the )?forces)\b/i;

/** The latest workforce figure held for a force, if any: the catalogue's denominator. */
function workforceOf(ctx: AnswerContext, force: string): Observation | undefined {
  return ctx.metrics
    .filter((m) => m.aggregation === 'denominator')
    .flatMap((m) => ctx.store.of(force, m.id))
    .at(-1);
}

/** Rate per 1,000 workforce for one force's figure, as our calculation with both inputs cited. */
export function ratePer1000(ctx: AnswerContext, draft: AnswerDraft, obs: Observation, factIndex: number): string | undefined {
  const workforce = workforceOf(ctx, obs.force);
  if (!workforce || workforce.value === 0 || !canRatePerHead(obs.metric)) return undefined;
  const w = draft.stated(workforce);
  const rate = round1((obs.value / workforce.value) * 1000);
  const working = `${formatNumber(obs.value)} ÷ ${formatNumber(workforce.value)} × 1,000 = ${formatNumber(rate)}`;
  draft.allow('1,000');
  draft.computed(
    { force: obs.force, forceName: draft.forceName(obs.force), periodId: obs.period.id, period: obs.period.label, metric: `${obs.metric.id}-per-1000`, metricLabel: `${obs.metric.label} per 1,000 workforce`, unit: 'count' },
    rate,
    'ratio',
    [factIndex, w.index],
    working,
  );
  return `${formatNumber(rate)} per 1,000 workforce (our calculation: ${working}; workforce ${w.marks}, ${workforce.period.label})`;
}

function places(text: string): number {
  const m = /\b(?:top|bottom)\s+(\d+|three|five|ten|twenty)\b/i.exec(text);
  if (!m) return DEFAULT_PLACES;
  const raw = (m[1] ?? '').toLowerCase();
  return COUNT_WORDS[raw] ?? Math.min(Number(raw), 50);
}

/** The metric a ranking is about: the best-matching one held by several forces. */
function rankedMetric(ctx: AnswerContext, parsed: ParsedQuestion): Metric | undefined {
  const defaultMeasure = [...ctx.measures.values()].find((m) => m.default)?.id;
  const options: Parameters<typeof rankMetrics>[2] = { share: parsed.share };
  if (defaultMeasure !== undefined) options.defaultMeasure = defaultMeasure;
  const territorial = (id: string) => ctx.forces.get(id)?.kind !== 'area';
  const choices = rankMetrics(ctx.metrics, parsed.metrics, options).filter((c) => ctx.store.forcesFor(c.metric.id).filter(territorial).length >= 2);
  return choices[0]?.metric;
}

export function answerRanking(ctx: AnswerContext, parsed: ParsedQuestion, draft: AnswerDraft): Answer | undefined {
  const metric = rankedMetric(ctx, parsed);
  if (!metric) return undefined;
  const forces = ctx.store.forcesFor(metric.id).filter((f) => ctx.forces.get(f)?.kind !== 'area');
  const byPeriod = new Map<string, Observation[]>();
  const disputed = new Map<string, Observation[]>();
  for (const f of forces) {
    const series = ctx.store.of(f, metric.id);
    for (const obs of series) {
      // A force whose sources conflict for a period is left out of that period's ranking, and said to be.
      const into = series.filter((o) => o.period.id === obs.period.id).length > 1 ? disputed : byPeriod;
      into.set(obs.period.id, [...(into.get(obs.period.id) ?? []), obs]);
    }
  }
  const asks = parsed.periods.asks;
  const candidates = [...byPeriod.values()].filter((rows) => asks.length === 0 || asks.some((a) => (a.kind === 'latest' ? true : periodMatches((rows[0] as Observation).period, a))));
  const rows = candidates.sort((a, b) => b.length - a.length || ((b[0]?.period.end ?? '') > (a[0]?.period.end ?? '') ? 1 : -1))[0];
  if (!rows || !canRank(rows)) {
    for (const a of asks) draft.allow(a.label);
    return draft.noData('period_not_held', `We don't hold ${metric.label} for several forces${asks.length > 0 ? ` for ${asks.map((a) => a.label).join(' or ')}` : ''}, so we can't rank them.`, { type: 'ranking', forces: [], periods: [], measure: metric.measure }, 'ranking');
  }
  const period = (rows[0] as Observation).period;
  const frame = { type: 'ranking' as const, forces: [], periods: [period.id], measure: metric.measure, ...(metric.outcome ? { outcome: metric.outcome } : {}) };
  const national = ctx.store.of('england-and-wales', metric.id).find((o) => o.period.id === period.id);
  const left = disputed.get(period.id) ?? [];
  const leftOut = left.length === 0 ? '' : ` Left out because their sources differ: ${[...new Set(left.map((o) => o.force))].map((f) => `${draft.forceName(f)} (${left.filter((o) => o.force === f).map((o) => {
    const s = draft.stated(o);
    return `${s.shown} ${s.marks}`;
  }).join(' or ')})`).join('; ')}.`;

  if (TOTAL.test(parsed.text) && !/\b(most|highest|lowest|least|fewest|top|rank)/i.test(parsed.text)) {
    if (!canSum(metric)) return noSum(draft, metric, period, national, frame);
    const stated = rows.map((o) => draft.stated(o));
    const sum = rows.reduce((t, o) => t + o.value, 0);
    draft.computed({ force: 'all-forces', forceName: 'all forces listed', periodId: period.id, period: period.label, metric: metric.id, metricLabel: `total ${metric.label}`, unit: metric.unit }, sum, 'sum', stated.map((s) => s.index), `sum of every force's figure in the table`);
    let text = `${metric.label} ${inPeriod(period)}, all forces we hold it for: ${formatValue(sum, metric.unit)} (our calculation: the sum of every force's figure ${stated.map((s) => s.marks).join('')}).`;
    if (national) {
      const n = draft.stated(national);
      text += ` The published England and Wales total is ${n.shown} ${n.marks}${national.value === sum ? ', which matches' : ', which differs from our sum; the published total is the one to use'}.`;
    }
    return draft.answered('ranking', text.charAt(0).toUpperCase() + text.slice(1) + leftOut, frame);
  }

  const ascending = ASCENDING.test(parsed.text);
  if (PER_SIZE.test(parsed.text) && canRatePerHead(metric)) return rankByPublishedRate(ctx, draft, metric, ascending, places(parsed.text), frame) ?? rankPerWorkforce(ctx, draft, rows, ascending, places(parsed.text), frame, leftOut);
  const sorted = [...rows].sort((a, b) => (ascending ? a.value - b.value : b.value - a.value));
  const top = sorted.slice(0, places(parsed.text));
  const list = top.map((o) => {
    const s = draft.stated(o);
    return `• ${draft.forceName(o.force)}: ${s.shown} ${s.marks}`;
  });
  const first = top[0] as Observation;
  const lead = `${draft.forceName(first.force)} had the ${ascending ? 'lowest' : 'highest'} ${metric.label} ${inPeriod(period)}`;
  const source = draft.provenance(first);
  const text = `${lead}. Ranked ${ascending ? 'lowest' : 'highest'} first (our ranking of every force we hold it for; ${source}):\n${list.join('\n')}${leftOut}`;
  return draft.answered('ranking', text, frame);
}

/** A total asked of figures that may not be added (an average, a share, a rate): says why, and gives
 * the published England and Wales figure where we hold one. */
function noSum(draft: AnswerDraft, metric: Metric, period: Observation['period'], national: Observation | undefined, frame: Frame): Answer {
  // The metric's name ('… Schedule 3') is a name, not a figure, capitalised or not.
  draft.allow(capitalise(metric.label));
  let text = `${capitalise(metric.label)} is ${kindName(metric)}, so adding it up across forces gives a number that means nothing; we don't.`;
  if (national) {
    const n = draft.stated(national);
    text += ` The published England and Wales figure ${inPeriod(period)} is ${n.shown} ${n.marks}.`;
  } else text += ' Ask for a ranking of forces by it instead, or for one force.';
  return draft.noData('metric_not_held', text, frame, 'ranking');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A ranking by rate per 1,000 workforce, of the forces whose workforce we hold; the others are named. */
function rankPerWorkforce(ctx: AnswerContext, draft: AnswerDraft, rows: Observation[], ascending: boolean, count: number, frame: Frame, leftOut: string): Answer {
  const rated = rows.flatMap((o) => {
    const workforce = workforceOf(ctx, o.force);
    return workforce && workforce.value > 0 ? [{ o, rate: o.value / workforce.value }] : [];
  });
  const first = rated[0]?.o;
  if (rated.length < 2 || !first) {
    draft.allow('1,000');
    return draft.noData('metric_not_held', `We hold a workforce figure for too few of the forces to rank ${first?.metric.label ?? 'them'} per 1,000 workforce.`, frame, 'ranking');
  }
  const sorted = rated.sort((a, b) => (ascending ? a.rate - b.rate : b.rate - a.rate)).slice(0, count);
  const list = sorted.map(({ o }) => {
    const s = draft.stated(o);
    return `• ${draft.forceName(o.force)}: ${ratePer1000(ctx, draft, o, s.index) ?? ''}, from ${s.shown} ${s.marks}`;
  });
  const top = (sorted[0] as { o: Observation }).o;
  const unrated = rows.filter((o) => !rated.some((r) => r.o === o)).map((o) => draft.forceName(o.force));
  const without = unrated.length === 0 ? '' : ` Not ranked, as we hold no workforce figure for them: ${unrated.join(', ')}.`;
  const text = `${draft.forceName(top.force)} had the ${ascending ? 'lowest' : 'highest'} ${top.metric.label} per 1,000 workforce ${inPeriod(top.period)}. Ranked ${ascending ? 'lowest' : 'highest'} first (our ranking and rates; ${draft.provenance(top)}):\n${list.join('\n')}${without}${leftOut}`;
  return draft.answered('ranking', text, frame);
}
