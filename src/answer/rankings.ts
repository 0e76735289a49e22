/**
 * Rankings and totals over forces for one measure and period ("which force had the most complaint
 * cases finalised in 2024/25?", "top five by average days to finalise"), and rates per 1,000
 * workforce. Every rank and sum is our calculation from cited figures.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { Metric } from '../model/data.ts';
import { formatNumber, formatValue, ordinal, ordinalWord, round1 } from '../text/numbers.ts';
import { stems } from '../text/words.ts';
import { rankMetrics } from '../understand/metrics.ts';
import { periodMatches } from '../understand/periods.ts';
import type { PeriodAsk, QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { canRank, canRatePerHead, canSum } from '../catalogue/rules.ts';
import { belowList, inPeriod, joinNames } from './holdings.ts';
import { NATIONAL } from '../understand/forces.ts';
import { publishedRate, rankByPublishedRate } from './published-rates.ts';
import { asksPerHead, asksShare } from './frame-reading.ts';
import { refuseSum, summedOf } from './totals.ts';
import { readingFor } from './metric-choice.ts';
import { meetsThreshold, thresholdWords } from '../understand/shape.ts';
import { shareFor, totalMetric } from './shares.ts';
import { askedWhole } from './parts.ts';
import { pickedBy } from './ranking-filter.ts';
import { partsNamed, type WholeRow, wholeLines, wholeRows } from './whole-ranking.ts';
import { totalOfForces } from './force-totals.ts';
import { declineKindRanking, kindNotRanked } from './unranked-kind.ts';
import { verdict } from './claimed.ts';

/** How many places a ranking lists when the question does not say. */
const DEFAULT_PLACES = 5;

/** The workforce figure to rate a force's figure by: the catalogue's denominator for the same period
 * where one is held (the one the report itself gives), otherwise the latest. */
export function workforceOf(ctx: AnswerContext, force: string, periodId?: string): Observation | undefined {
  const held = ctx.metrics.filter((m) => m.aggregation === 'denominator').flatMap((m) => ctx.store.of(force, m.id));
  return held.find((o) => o.period.id === periodId) ?? held.at(-1);
}

/** A rate of ours: as shown ("8 per 1,000 workforce"), its working with the workforce cited, and with both. */
export interface OurRate {
  shown: string;
  working: string;
  text: string;
  value: number;
}

/** Rate per 1,000 workforce for one force's figure, as our calculation with both inputs cited. */
export function ratePer1000(ctx: AnswerContext, draft: AnswerDraft, obs: Observation, factIndex: number): OurRate | undefined {
  const workforce = workforceOf(ctx, obs.force, obs.period.id);
  if (!workforce || workforce.value === 0 || !canRatePerHead(obs.metric)) return undefined;
  const w = draft.stated(workforce);
  const rate = round1((obs.value / workforce.value) * 1000);
  const working = `${formatNumber(obs.value)} ÷ ${formatNumber(workforce.value)} × 1,000 = ${formatNumber(rate)}`;
  draft.allow('1,000');
  draft.computed(
    {
      force: obs.force,
      forceName: draft.forceName(obs.force),
      periodId: obs.period.id,
      period: obs.period.label,
      metric: `${obs.metric.id}-per-1000`,
      metricLabel: `${obs.metric.label} per 1,000 workforce`,
      unit: 'count',
    },
    rate,
    'ratio',
    [factIndex, w.index],
    working,
  );
  const shown = `${formatNumber(rate)} per 1,000 workforce`;
  const full = `${working}; workforce ${w.marks}, ${workforce.period.label}`;
  return { shown, working: full, text: `${shown} (our calculation: ${full})`, value: rate };
}

/** The metrics a ranking can be about: the best-matching tier, each held by several forces. */
function rankableMetrics(ctx: AnswerContext, frame: QueryFrame): Metric[] {
  const defaultMeasure = [...ctx.measures.values()].find((m) => m.default)?.id;
  // "Which force had the most?" after a question about one measure ranks that measure (the frame carries it).
  const options: Parameters<typeof rankMetrics>[2] = { share: asksShare(frame), familyOf: (m) => ctx.measures.get(m)?.family };
  if (defaultMeasure !== undefined) options.defaultMeasure = defaultMeasure;
  const territorial = (id: string) => ctx.forces.get(id)?.kind !== 'area';
  const choices = rankMetrics(ctx.metrics, readingFor(ctx, frame), options).filter((c) => ctx.store.forcesFor(c.metric.id).filter(territorial).length >= 2);
  const top = choices.filter((c) => c.score === choices[0]?.score);
  // A share asked for is ranked (or refused a sum) as a share, not as the count beside it.
  const fitting = top.filter((c) => c.unitFits);
  return (fitting.length > 0 ? fitting : top).map((c) => c.metric);
}

/** One metric's figures for the forces in scope, by period: rows whose sources agree, and disputed ones. */
interface Table {
  metric: Metric;
  rows: Observation[];
  disputed: Map<string, Observation[]>;
}

/** Orders sets of rows to rank, best first: for "latest" or "last year" the newest period, then the
 * most forces; otherwise the most forces, then the newest. */
function betterRows(asks: readonly PeriodAsk[]): (a: Observation[], b: Observation[]) => number {
  const latest = asks.some((x) => x.kind === 'latest');
  const end = (rows: Observation[]) => rows[0]?.period.end ?? '';
  const newer = (a: Observation[], b: Observation[]) => (end(b) > end(a) ? 1 : end(b) < end(a) ? -1 : 0);
  return (a, b) => (latest ? newer(a, b) || b.length - a.length : b.length - a.length || newer(a, b));
}

/**
 * The figures to rank for `metric`: of the periods held for at least two forces in scope (and
 * matching the period asked), the latest for "latest" or "last year", otherwise the best covered.
 */
function tableFor(ctx: AnswerContext, metric: Metric, inScope: (force: string) => boolean, asks: readonly PeriodAsk[]): Table | undefined {
  const byPeriod = new Map<string, Observation[]>();
  const disputed = new Map<string, Observation[]>();
  for (const f of ctx.store.forcesFor(metric.id).filter(inScope)) {
    const series = ctx.store.of(f, metric.id);
    for (const obs of series) {
      // A force whose sources conflict for a period is left out of that period's ranking, and said to be.
      const into = series.filter((o) => o.period.id === obs.period.id).length > 1 ? disputed : byPeriod;
      into.set(obs.period.id, [...(into.get(obs.period.id) ?? []), obs]);
    }
  }
  const candidates = [...byPeriod.values()]
    .filter((rows) => canRank(rows) && (asks.length === 0 || asks.some((a) => a.kind === 'latest' || periodMatches((rows[0] as Observation).period, a))))
    .sort(betterRows(asks));
  const rows = candidates[0];
  return rows ? { metric, rows, disputed } : undefined;
}

/** The forces a ranking is over: those named, a region's ("the Welsh forces"), or every force, less any left out. */
function rankedForces(frame: QueryFrame): { within?: Set<string>; excluded: string[] } {
  const { scope } = frame;
  if (scope.kind === 'region') return { within: new Set(scope.forces), excluded: scope.except };
  // "Was Lancashire the slowest force?": every force, the one named placed among them.
  if (scope.kind === 'forces' && scope.forces.filter((f) => f !== NATIONAL).length === 1) return { excluded: [] };
  if (scope.kind === 'forces') return { within: new Set(scope.forces), excluded: [] };
  return { excluded: scope.kind === 'every-force' ? scope.except : [] };
}

export function answerRanking(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  // "How many forces had a rate above 2 per 1,000?": a threshold per head is on the published rate.
  const perHeadCount = asksPerHead(frame) && (frame.intent === 'count' || frame.ranking.threshold !== undefined);
  const metrics = rankableMetrics(ctx, frame).map((m) => (perHeadCount ? (publishedRate(ctx, m)?.rate ?? m) : m));
  const best = metrics[0];
  if (!best) return undefined;
  // "Which force had the most racism allegations?": never the forces' totals in its place.
  const unranked = kindNotRanked(ctx, frame, metrics);
  if (unranked) return declineKindRanking(ctx, draft, unranked);
  const { ranking } = frame;
  const { within, excluded } = rankedForces(frame);
  const inScope = (f: string) => ctx.forces.get(f)?.kind !== 'area' && !excluded.includes(f) && (within === undefined || within.has(f));
  // A follow-up's default period stands only where some table holds it.
  const asked = frame.periods.asks;
  const asks = asked.every((a) => a.kind === 'held') && !metrics.some((m) => tableFor(ctx, m, inScope, asked)) ? [] : asked;
  // Of the metrics the wording fits equally, the one whose table answers best, by the same order as
  // the periods within one table.
  const tablesOf = (list: readonly Metric[]) => list.map((m) => tableFor(ctx, m, inScope, asks)).filter((t): t is Table => t !== undefined);
  const named = tablesOf(metrics);
  // "Which Welsh force logged the fewest complaint allegations in 2024/25?": where the measure named is
  // held for too few of the forces that year, one its loose word ("allegations") also fits is ranked, saying so.
  // A sum is never another measure's: "the Yorkshire forces combined" asks for that count.
  const tables =
    named.length > 0 || frame.total
      ? named
      : tablesOf(
          frame.measure.touched.flatMap((id) =>
            ctx.metrics.filter((m) => m.measure === id && m.measure !== best.measure && m.outcome === best.outcome && m.unit === best.unit),
          ),
        );
  // Of those, the one whose label holds the question's last word of what is counted ("complaint
  // allegations" counts allegations), then the most of its words ("… logged").
  const questionStems = frame.keywords.map((w) => stems(w));
  const shared = (t: Table) => {
    const label = new Set(stems(t.metric.label));
    const at = questionStems.map((ws, i) => (ws.some((w) => label.has(w)) ? i : -1));
    return named.length > 0 ? 0 : Math.max(...at) * 100 + at.filter((i) => i >= 0).length;
  };
  const better = betterRows(asks);
  const table = tables.sort((a, b) => shared(b) - shared(a) || better(a.rows, b.rows))[0];
  if (!table) {
    for (const a of asks) draft.allow(a.label);
    return draft.noData(
      'period_not_held',
      `We don't hold ${best.label} for several forces${asks.length > 0 ? ` for ${asks.map((a) => a.label).join(' or ')}` : ''}, so we can't ${frame.total ? 'add them up' : 'rank them'}.`,
      { type: 'ranking', forces: [], periods: [], measure: best.measure },
      'ranking',
    );
  }
  const { metric, disputed } = table;
  const picked = pickedBy(ctx, draft, frame.ranking.filter, metric, table.rows);
  if (picked.rows.length === 0)
    return draft.noData(
      'metric_not_held',
      `No force we hold ${metric.label} for meets that: ${picked.note}`,
      { type: 'ranking', forces: [], periods: [], measure: metric.measure },
      'ranking',
    );
  const rows = picked.rows;
  const period = (rows[0] as Observation).period;
  const answerFrame = {
    type: 'ranking' as const,
    forces: [],
    periods: [period.id],
    measure: metric.measure,
    ...(metric.outcome ? { outcome: metric.outcome } : {}),
  };
  const national = ctx.store.at(NATIONAL, metric.id, period.id);
  const left = disputed.get(period.id) ?? [];
  const leftOut =
    left.length === 0
      ? ''
      : ` Left out because their sources differ: ${[...new Set(left.map((o) => o.force))]
          .map(
            (f) =>
              `${draft.forceName(f)} (${left
                .filter((o) => o.force === f)
                .map((o) => {
                  const s = draft.stated(o);
                  return `${s.shown} ${s.marks}`;
                })
                .join(' or ')})`,
          )
          .join('; ')}.`;

  const instead =
    named.length === 0
      ? ` We hold ${best.label} for too few of these forces${asks.length > 0 ? ` for ${asks.map((a) => a.label).join(' or ')}` : ''} to rank them; this ranks ${metric.label}, which the question's words also fit.`
      : '';
  // "…, and how does that compare with England and Wales?": its own figure, beside the ranking.
  // An average's England and Wales figure is the national average already ("the national average days").
  const barAsked = frame.comparison.target === 'national' || (frame.comparison.target === 'average' && metric.aggregation === 'average');
  const bar = barAsked && national && !ranking.pastTarget ? draft.stated(national) : undefined;
  const against = bar ? ` England and Wales's own figure: ${bar.shown} ${bar.marks}.` : '';
  const scope = against + scopeNote(ctx, draft, table.rows, excluded, within) + picked.note + instead;
  // "Which forces had more than 5,000 …?" is answered as "how many forces": the list past the threshold.
  // "How many forces took longer than the England and Wales average?": past its own figure, cited.
  // "How many forces took longer than Kent?": past Kent's own figure, cited, Kent not counted.
  if (ranking.pastTarget) {
    const place = ranking.pastPlace;
    const bar = place === undefined ? national : rows.find((o) => o.force === place);
    const whose = place === undefined ? 'England and Wales' : draft.forceName(place);
    if (!bar) {
      draft.allow(period.label);
      forcesWithFigure(draft, rows, period);
      return draft.noData(
        'metric_not_held',
        `We don't hold ${whose}'s own figure for ${metric.label} ${inPeriod(period)}, so we can't count the forces ${ranking.pastTarget === 'more' ? 'above' : 'below'} it. We hold it for ${rows.length} forces: ask for them ranked.`,
        answerFrame,
        'ranking',
      );
    }
    const s = draft.stated(bar);
    const others = rows.filter((o) => o.force !== place);
    const counted = place === undefined ? 'forces' : 'other forces';
    return countForces(
      draft,
      metric,
      others,
      { op: ranking.pastTarget, value: bar.value },
      answerFrame,
      ` ${whose}'s own figure: ${s.shown} ${s.marks}.${scope}`,
      counted,
    );
  }
  if (frame.intent === 'count' || ranking.threshold) return countForces(draft, metric, rows, ranking.threshold, answerFrame, scope);
  if (frame.total && ranking.direction === undefined) {
    const summed = summedOf(metric, asksPerHead(frame));
    if (!canSum(summed)) return refuseSum(draft, summed, answerFrame, national);
    return totalOfForces(ctx, draft, { metric, rows, within: within !== undefined, excluded, frame: answerFrame, after: scope + leftOut });
  }

  const ascending = ranking.direction === 'lowest';
  // "The third-highest": the list runs to the place asked, no further (those below answer nothing asked).
  const count =
    ranking.limit === undefined && ranking.position !== undefined && !within
      ? ranking.position
      : Math.max(ranking.limit ?? (within ? rows.length : DEFAULT_PLACES), ranking.position ?? 0);
  if (asksPerHead(frame) && canRatePerHead(metric))
    return (
      rankByPublishedRate(ctx, draft, metric, ascending, count, answerFrame, inScope, (rated) => scopeNote(ctx, draft, rated, excluded, within) + leftOut) ??
      rankPerWorkforce(ctx, draft, rows, ascending, count, answerFrame, scope + leftOut)
    );
  // "Which force finalised the most complaint cases?": both parts fit alike, so their sum is ranked.
  const sumOfParts =
    frame.normalisation === 'count'
      ? askedWhole(
          ctx,
          metric,
          metrics.map((m) => m.measure),
        )
      : undefined;
  const wholes = sumOfParts
    ? wholeRows(
        ctx,
        sumOfParts,
        period,
        rows.map((o) => o.force),
      )
    : [];
  if (sumOfParts && wholes.length >= 2) {
    const sortedWholes = [...wholes].sort((a, b) => (ascending ? a.value - b.value : b.value - a.value));
    const head = sortedWholes[0] as WholeRow;
    const level = sortedWholes.filter((w) => w.value === head.value).map((w) => draft.forceName(w.force));
    const lines = wholeLines(ctx, draft, sumOfParts, period, sortedWholes.slice(0, count));
    draft.allow(sumOfParts.label);
    const covered = rows.filter((o) => wholes.some((w) => w.force === o.force));
    const lead = `${joinNames(level)} had the ${ascending ? 'fewest' : 'most'} ${sumOfParts.label} ${inPeriod(period)}`;
    const text = `${endVerdict(frame, sortedWholes)}${lead}. Ranked ${ascending ? 'lowest' : 'highest'} first; each figure is our calculation, ${partsNamed(ctx, draft, sumOfParts)} (${draft.provenance(covered[0] as Observation)}):\n${lines.join('\n')}${belowList(scopeNote(ctx, draft, covered, excluded, within) + leftOut)}`;
    return draft.answered('ranking', text, { ...answerFrame, measure: sumOfParts.measure });
  }
  const whole = asksShare(frame) && metric.unit === 'count' ? totalMetric(ctx, metric) : undefined;
  if (whole && whole.id !== metric.id) return rankByShare(ctx, draft, rows, whole, ascending, count, answerFrame, scope + leftOut);
  const sorted = [...rows].sort((a, b) => (ascending ? a.value - b.value : b.value - a.value));
  const top = sorted.slice(0, count);
  const list = top.map((o) => {
    const s = draft.stated(o);
    return `• ${draft.forceName(o.force)}: ${s.shown} ${s.marks}`;
  });
  const first = top[0] as Observation;
  // Forces level with the first share its place: "Lancashire and Thames Valley had the lowest".
  const level = sorted.filter((o) => o.value === first.value).map((o) => draft.forceName(o.force));
  const end = ascending ? 'lowest' : 'highest';
  const lead =
    placeLead(draft, sorted, ranking.position, end, `${metric.label} ${inPeriod(period)}`) ??
    `${joinNames(level)} had the ${end} ${metric.label} ${inPeriod(period)}${level.length > 1 ? ` (${formatValue(first.value, metric.unit)} each)` : ''}`;
  const source = draft.provenance(first);
  const text = `${endVerdict(frame, sorted)}${lead}. Ranked ${ascending ? 'lowest' : 'highest'} first (our ranking; ${source}):\n${list.join('\n')}${placeOf(draft, frame, sorted, ascending)}${belowList(scope + leftOut)}`;
  return draft.answered('ranking', text, answerFrame);
}

/** "Which force had the second-highest …?": the force at that place and those before it, or undefined
 * when no place was asked or the ranking is shorter. Forces level on a value share a place, so a tie is said. */
function placeLead(draft: AnswerDraft, sorted: readonly Observation[], position: number | undefined, end: string, what: string): string | undefined {
  const row = position === undefined ? undefined : sorted[position - 1];
  if (position === undefined || !row) return undefined;
  const shown = (o: Observation) => {
    const s = draft.stated(o);
    return `${draft.forceName(o.force)} (${s.shown} ${s.marks})`;
  };
  const level = sorted.filter((o) => o.value === row.value);
  const before = sorted.slice(0, position - 1).filter((o) => o.value !== row.value);
  const tie = level.length > 1 ? `, level with ${joinNames(level.filter((o) => o !== row).map(shown))}` : '';
  return `${shown(row)} had the ${ordinalWord(position)}-${end} ${what}${tie}${before.length > 0 ? `, after ${joinNames(before.map(shown))}` : ''}`;
}

/**
 * "Was Lancashire the slowest force?", "… the second-highest, right?": "Yes, that's right. " or "No,
 * that's not right. " when the one force named is claimed to stand at a place, judged on its place
 * with ties shared (forces level with it do not push it down); "" when no such claim was put.
 */
function endVerdict(frame: QueryFrame, sorted: readonly { force: string; value: number }[]): string {
  const named = oneForceNamed(frame);
  const row = named === undefined ? undefined : sorted.find((o) => o.force === named);
  if (frame.checksClaim === undefined || frame.ranking.direction === undefined || !row) return '';
  const place = 1 + sorted.filter((o) => (frame.ranking.direction === 'lowest' ? o.value < row.value : o.value > row.value)).length;
  return verdict(place === (frame.ranking.position ?? 1));
}

/** The one force a ranking question names (England and Wales aside), whose place it asks about. */
function oneForceNamed(frame: QueryFrame): string | undefined {
  const forces = frame.scope.kind === 'forces' ? frame.scope.forces.filter((f) => f !== NATIONAL) : [];
  return forces.length === 1 ? forces[0] : undefined;
}

/** "Was Lancashire the slowest force?": where the one force named stands, when the list leaves it out. */
function placeOf(draft: AnswerDraft, frame: QueryFrame, sorted: readonly Observation[], ascending: boolean): string {
  const named = oneForceNamed(frame);
  const at = sorted.findIndex((o) => o.force === named);
  const row = sorted[at];
  if (named === undefined) return '';
  if (!row) return belowList(`We hold no figure for ${draft.forceName(named)} in this table.`);
  const s = draft.stated(row);
  const place = at + 1;
  draft.computed(
    {
      force: named,
      forceName: draft.forceName(named),
      periodId: row.period.id,
      period: row.period.label,
      metric: 'rank-place',
      metricLabel: 'place in our ranking',
      unit: 'count',
    },
    place,
    'count',
    [s.index],
    `place ${place} of ${sorted.length}, ${ascending ? 'lowest' : 'highest'} first`,
  );
  countOf(
    draft,
    sorted.length,
    'forces ranked',
    row.period,
    sorted.map((o) => draft.forceName(o.force)),
  );
  return belowList(
    `${draft.forceName(named)}: ${s.shown} ${s.marks}, ${ordinal(place)} of ${sorted.length}${place === 1 ? '' : ` (${ascending ? 'lowest' : 'highest'} first)`}.`,
  );
}

/** Which forces a ranking covers: all it holds, a region's, less those left out, and which lack the figure. */
function scopeNote(ctx: AnswerContext, draft: AnswerDraft, rows: Observation[], excluded: string[], region: Set<string> | undefined): string {
  const territorial = [...ctx.forces.values()].filter(
    (f) => f.kind === 'territorial' && !excluded.includes(f.id) && (region === undefined || region.has(f.id)),
  );
  const missing = territorial.filter((f) => !rows.some((o) => o.force === f.id)).map((f) => f.shortName);
  // Forces other than territorial ones (British Transport Police) are ranked but not counted here.
  const covered = rows.filter((o) => territorial.some((f) => f.id === o.force));
  const without = excluded.length > 0 ? ` Left out as asked: ${joinNames(excluded.map((f) => draft.forceName(f)))}.` : '';
  if (missing.length === 0) return without;
  const lacking = missing.length <= 8 ? `: we hold no figure for ${joinNames(missing)}` : '';
  const period = (rows[0] as Observation).period;
  countOf(
    draft,
    covered.length,
    'territorial forces with a figure',
    period,
    covered.map((o) => draft.forceName(o.force)),
  );
  countOf(
    draft,
    territorial.length,
    'territorial forces in scope',
    period,
    territorial.map((f) => f.shortName),
  );
  return `${without} This covers ${covered.length} of ${territorial.length} territorial forces${lacking}.`;
}

/** How many forces a figure is held for, as a computed fact naming them. */
export function forcesWithFigure(draft: AnswerDraft, rows: readonly Observation[], period: Pick<Observation['period'], 'id' | 'label'>): void {
  countOf(
    draft,
    rows.length,
    'forces with a figure',
    period,
    rows.map((o) => draft.forceName(o.force)),
  );
}

/** A count of forces as a computed fact, the forces counted being its working. */
export function countOf(draft: AnswerDraft, value: number, label: string, period: Pick<Observation['period'], 'id' | 'label'>, names: string[]): void {
  draft.computed(
    { force: 'all-forces', forceName: 'forces counted', periodId: period.id, period: period.label, metric: 'force-count', metricLabel: label, unit: 'count' },
    value,
    'count',
    [],
    `${value}: ${names.join(', ')}`,
  );
}

/** "How many forces had more than 1,000…?": the forces past the threshold, counted and named. */
function countForces(
  draft: AnswerDraft,
  metric: Metric,
  rows: Observation[],
  threshold: QueryFrame['ranking']['threshold'],
  frame: Frame,
  scope: string,
  /** What the forces counted are: "other forces" beside the one whose figure is the bar. */
  forcesWord = 'forces',
): Answer {
  const period = (rows[0] as Observation).period;
  draft.allow(period.label);
  forcesWithFigure(draft, rows, period);
  if (!threshold) {
    return draft.answered('ranking', `We hold ${metric.label} ${inPeriod(period)} for ${rows.length} forces.${scope}`, frame);
  }
  const past = rows.filter((o) => meetsThreshold(threshold, o.value)).sort((a, b) => b.value - a.value);
  const bound = formatValue(threshold.value, metric.unit);
  // The user's own number, echoed.
  draft.allow(bound);
  countOf(
    draft,
    past.length,
    'forces past the threshold',
    period,
    past.map((o) => draft.forceName(o.force)),
  );
  // "Which forces had no …": none, not "fewer than 1".
  const none = threshold.op === 'fewer' && threshold.value === 1 && threshold.inclusive !== true;
  const words = none ? 'no' : `${thresholdWords(threshold)} ${bound}`;
  const list = past.map((o) => {
    const s = draft.stated(o);
    return `• ${draft.forceName(o.force)}: ${s.shown} ${s.marks}`;
  });
  const text = `${past.length} of the ${rows.length} ${forcesWord} we hold it for had ${words} ${metric.label} ${inPeriod(period)} (our count)${past.length > 0 ? `:\n${list.join('\n')}${belowList(scope)}` : `.${scope}`}`;
  return draft.answered('ranking', text, frame);
}

/** A ranking by rate per 1,000 workforce, of the forces whose workforce we hold; the others are named. */
function rankPerWorkforce(
  ctx: AnswerContext,
  draft: AnswerDraft,
  rows: Observation[],
  ascending: boolean,
  count: number,
  frame: Frame,
  leftOut: string,
): Answer {
  const rated = rows.flatMap((o) => {
    const workforce = workforceOf(ctx, o.force, o.period.id);
    return workforce && workforce.value > 0 ? [{ o, rate: o.value / workforce.value }] : [];
  });
  const first = rated[0]?.o;
  if (rated.length < 2 || !first) {
    draft.allow('1,000');
    return draft.noData(
      'metric_not_held',
      `We hold a workforce figure for too few of the forces to rank ${first?.metric.label ?? 'them'} per 1,000 workforce.`,
      frame,
      'ranking',
    );
  }
  const sorted = rated.sort((a, b) => (ascending ? a.rate - b.rate : b.rate - a.rate)).slice(0, count);
  const list = sorted.map(({ o }) => {
    const s = draft.stated(o);
    return `• ${draft.forceName(o.force)}: ${ratePer1000(ctx, draft, o, s.index)?.text ?? ''}, from ${s.shown} ${s.marks}`;
  });
  const top = (sorted[0] as { o: Observation }).o;
  const unrated = rows.filter((o) => !rated.some((r) => r.o === o)).map((o) => draft.forceName(o.force));
  const without = unrated.length === 0 ? '' : ` Not ranked, as we hold no workforce figure for them: ${unrated.join(', ')}.`;
  const text = `${draft.forceName(top.force)} had the ${ascending ? 'lowest' : 'highest'} ${top.metric.label} per 1,000 workforce ${inPeriod(top.period)}. Ranked ${ascending ? 'lowest' : 'highest'} first (our ranking and rates; ${draft.provenance(top)}):\n${list.join('\n')}${belowList(without + leftOut)}`;
  return draft.answered('ranking', text, frame);
}

/** "Which force had the highest share of allegations about discrimination?": each force's part of
 * its own total, ranked, with the working; forces without the total for the period are named. */
function rankByShare(
  ctx: AnswerContext,
  draft: AnswerDraft,
  rows: Observation[],
  whole: Metric,
  ascending: boolean,
  count: number,
  frame: Frame,
  scope: string,
): Answer {
  // A whole held only as parts that add up to it (cases finalised under and outside Schedule 3) is their sum.
  const totalOf = (o: Observation) =>
    ctx.store.of(o.force, whole.id).find((w) => w.period.id === o.period.id)?.value ?? wholeRows(ctx, whole, o.period, [o.force])[0]?.value;
  const shares = rows.flatMap((o) => {
    const total = totalOf(o);
    return total !== undefined && total > 0 ? [{ o, share: o.value / total }] : [];
  });
  const first = shares[0]?.o;
  if (shares.length < 2 || !first)
    return draft.noData('metric_not_held', `We hold ${whole.label} for too few of these forces to rank their shares.`, frame, 'ranking');
  const sorted = shares.sort((a, b) => (ascending ? a.share - b.share : b.share - a.share)).slice(0, count);
  const list = sorted.map(({ o }) => `• ${draft.forceName(o.force)}: ${shareFor(ctx, draft, o.force, o.metric, o.period.id)?.text ?? ''}`);
  const top = (sorted[0] as { o: Observation }).o;
  const label = `${top.metric.label} as a share of ${whole.label}`;
  draft.allow(label);
  const text = `${draft.forceName(top.force)} had the ${ascending ? 'lowest' : 'highest'} ${label} ${inPeriod(top.period)}. Ranked ${ascending ? 'lowest' : 'highest'} first (our ranking and shares; ${draft.provenance(top)}):\n${list.join('\n')}${belowList(scope)}`;
  return draft.answered('ranking', text, frame);
}
