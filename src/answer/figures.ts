/**
 * Answers from the figures table: lookups, shares, comparisons between forces, and change or trend
 * over periods. Stated figures are cited; anything we compute carries its working and is labelled
 * as our calculation.
 */
import { answerMeasureRatio } from './measure-ratio.ts';
import type { Answer, Frame, QuestionType } from '../model/answer.ts';
import { isKindOfAllegation, type Measure, type Metric, type Outcome, type Period } from '../model/data.ts';
import { memoisedPer } from '../text/memo.ts';
import { formatNumber, formatValue, round1 } from '../text/numbers.ts';
import { capitalise, stems, words } from '../text/words.ts';
import type { Fit, QueryFrame } from '../model/frame.ts';
import type { MetricChoice } from '../understand/metrics.ts';
import { chooseMetric, readingFor } from './metric-choice.ts';
import { periodMatches, type PeriodAsk } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { byPeriod, type Observation, type PeriodGroup } from './figure-store.ts';
import { stateGroup } from './period-groups.ts';
import { labelNames, otherBreakdownsNamed } from './breakdowns-named.ts';
import { nearestPeriods } from './period-fit.ts';
import { kindShareOfCategory, kindsSummed } from './kinds-summed.ts';
import { changeClaimed, claimedElsewhere, riseOrFallClaimed, verdict } from './claimed.ts';
import { partsClaimVerdict, partsCombined, partsMultiple, sharesCombined, wholeBeside } from './parts-side-by-side.ts';
import { closestHeld, inPeriod, joinNames, whatWeHold, widerBreakdownHeld } from './holdings.ts';
import { fallback, sentences } from './passages.ts';
import { documentsNamed } from './named-documents.ts';
import { readText } from './reading.ts';
import { NATIONAL } from '../understand/forces.ts';
import { type OurRate, ratePer1000, workforceOf } from './rankings.ts';
import { declineUnreadable } from './unreadable.ts';
import { askedWhole, fitsEveryPart, partMetrics, partsOf, summedParts, wholeFromParts } from './parts.ts';
import { averageForce, compareWithAverage } from './average-force.ts';
import { answerPublishedRate, publishedRate } from './published-rates.ts';
import { canRatePerHead, canSum } from '../catalogue/rules.ts';
import { asksPerHead, asksShare, isLoose, namedOutright, typeOf } from './frame-reading.ts';
import { differenceOf, summedOf, totalOverForces, totalOverYears, yearsAddedUp } from './totals.ts';
import { answerRanking } from './rankings.ts';
import { shareFor, statedShareBeside, statedShareMetric, statedShareOf, totalMetric } from './shares.ts';
import { shareChangeText } from './share-change.ts';

/** A figure question's resolved target. */
interface Target {
  forces: string[];
  metric: Metric;
  /** Other measures the question's words fit equally well, which the answer did not use. */
  alsoFits: string[];
}

/** Says which measure answered when the question's words fit several ("complaints"). */
function measureNote(ctx: AnswerContext, draft: AnswerDraft, target: Target): string {
  // The old system's series that the answer's measure carries on from is no other reading of the words.
  const alsoFits = target.alsoFits.filter((m) => ctx.measures.get(m)?.supersededBy !== target.metric.measure);
  if (alsoFits.length === 0) return '';
  const others = alsoFits.map((m) => {
    const label = ctx.measures.get(m)?.label ?? m;
    draft.allow(label);
    return label;
  });
  // Whether the other measures are held for these forces decides what the reader can do next.
  const held = alsoFits.some((m) => ctx.metrics.some((x) => x.measure === m && target.forces.some((f) => ctx.store.holds(f, x.id))));
  const which = others.length === 1 ? 'a different measure' : 'different measures';
  const next = held ? `${which} we also hold: ask for ${others.length === 1 ? 'it' : 'one'} by name` : `${which} that we don't hold here`;
  return ` The question's wording also fits ${joinNames(others, 'or')}, ${next}; this answer is ${target.metric.label}.`;
}

function frameOf(type: QuestionType, asked: QueryFrame, target: Target, periods: string[]): Frame {
  const frame: Frame = { type, forces: target.forces, periods, measure: target.metric.measure };
  if (target.metric.outcome !== undefined) frame.outcome = target.metric.outcome;
  if (asksShare(asked)) frame.share = true;
  return frame;
}

/** The asks a series must answer: a follow-up's default period (`held`) only where the series holds
 * it; "2023 to 2024" (read as a financial year) of a series held by calendar year, its two years. */
function firmAsks(groups: PeriodGroup[], asks: readonly PeriodAsk[]): PeriodAsk[] {
  const holds = (a: PeriodAsk) => groups.some((g) => periodMatches(g.period, a));
  const calendar = (a: PeriodAsk) => groups.some((g) => g.period.kind === 'calendar-years' && periodMatches(g.period, a));
  return asks
    .filter((a) => a.kind !== 'held' || holds(a))
    .flatMap((a) => {
      if (a.kind !== 'financial-year' || holds(a)) return [a];
      const start = Number(a.id.slice(0, 4));
      const years: PeriodAsk[] = [start, start + 1].map((year) => ({ kind: 'year', year, label: String(year) }));
      return years.every(calendar) ? years : [a];
    });
}

/** Resolves relative and explicit period asks against one series. */
function selectPeriods(groups: PeriodGroup[], asks: PeriodAsk[], previousPeriod?: string): { matched: PeriodGroup[]; unmatched: PeriodAsk[] } {
  const matched: PeriodGroup[] = [];
  const unmatched: PeriodAsk[] = [];
  const latest = groups.length - 1;
  for (const ask of asks) {
    let found: PeriodGroup[] = [];
    if (ask.kind === 'latest') found = groups.slice(latest);
    else if (ask.kind === 'previous') {
      // "2022/23 - up or down on the previous year?": the year before the one the question names.
      const named = matched.at(-1)?.period.id ?? previousPeriod;
      const anchor = named !== undefined ? groups.findIndex((g) => g.period.id === named) : -1;
      const from = anchor >= 0 ? anchor : latest;
      found = from > 0 ? [groups[from - 1] as PeriodGroup] : [];
    } else found = groups.filter((g) => periodMatches(g.period, ask));
    if (found.length === 0) unmatched.push(ask);
    for (const g of found) if (!matched.includes(g)) matched.push(g);
  }
  return { matched, unmatched };
}

/** Each period asked on its own ("in 2024, and in total from 2020 to 2024"): the groups of each, a
 * range's only where its years may be added up; none when any is not held. */
function periodsEach(groups: PeriodGroup[], asks: PeriodAsk[], previousPeriod?: string): PeriodGroup[][] {
  const each = asks.map((ask) => selectPeriods(groups, [ask], previousPeriod).matched);
  return each.every((g) => g.length === 1 || (g.length > 1 && successiveYears(g))) ? each : [];
}

/** Periods the forces all hold, newest first. */
function commonPeriods(seriesByForce: PeriodGroup[][]): string[] {
  const [first, ...rest] = seriesByForce;
  if (!first) return [];
  return first
    .map((g) => g.period.id)
    .filter((id) => rest.every((s) => s.some((g) => g.period.id === id)))
    .reverse();
}

/** An outcome the question names that no figure of the measure counts ("how many were upheld?",
 * "sexual assault allegations that led to no further action"): answering with the measure's total
 * instead would pass one number off as another. */
function unheldOutcome(ctx: AnswerContext, frame: QueryFrame, metric: Metric, forces: readonly string[]): Outcome | undefined {
  const { measure } = metric;
  // "Of the 386 staff referred…, how many were dismissed?", "deaths in police custody": the kind the
  // metric counts (a role, a subcategory) leaves a result or kind named beside it still asked. Kinds
  // of allegation listed side by side are each answered in their own right, and a kind sharing words
  // with the one counted is that one.
  const counted = metric.outcome === undefined ? undefined : ctx.outcomes.get(metric.outcome);
  const own = (id: string) => {
    if (counted === undefined) return false;
    const other = ctx.outcomes.get(id);
    return id === counted.id || (isKindOfAllegation(counted) && isKindOfAllegation(other)) || (other?.terms ?? []).some((t) => counted.terms.includes(t));
  };
  // Words the measure's own name or definition shares with an outcome ("special procedures", "dismissed
  // after misconduct hearings") describe the measure.
  const described = ctx.measures.get(measure);
  const measureTerms = new Set(described?.terms ?? []);
  const about = ` ${words(`${described?.label ?? ''} ${described?.definition ?? ''}`).join(' ')} `;
  const describes = (term: string) => measureTerms.has(term) || about.includes(` ${words(term).join(' ')} `);
  // Read as the metric choice reads them: "appeals upheld" is the reviews' own outcome.
  for (const { id } of readingFor(ctx, frame).breakdowns) {
    const outcome = ctx.outcomes.get(id);
    // "Valid complaint cases finalised": an outcome the measure's own label names describes it.
    if (!outcome || outcome.generic || own(id) || outcome.terms.some(describes) || describes(outcome.label)) continue;
    // "Wiltshire abuse of position allegations": the category is counted, but not for the force asked
    // (its row of the table is missing), so the force's total never stands in for it.
    const heldFor = (metric: string) =>
      forces.length === 0
        ? ctx.store.forcesFor(metric).length > 0
        : forces.some((f) => ctx.store.holds(f, metric) || ctx.unreadable.some((u) => u.metric === metric && u.force === f));
    if (!ctx.metrics.some((m) => m.outcome === id && m.measure === measure && heldFor(m.id))) return outcome;
  }
  return undefined;
}

/**
 * A figure asked of one family of publications ("according to the BBC") that only another holds:
 * the sentence of the sources that answers it, if one does ("'Delivery of duties and service'
 * accounted for 40%…" in the paper the question names), else a decline naming who holds it.
 */
function notInFamily(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: string[], other: Metric): Answer {
  const family = frame.measure.family as string;
  // The paper the question names ("the Home Office figures the Petersfield Post reported") holds the
  // sentence; so do words quoted from a source. Otherwise any sentence on the force would do, so none.
  const named = documentsNamed(ctx, frame);
  const read =
    named.size > 0
      ? readText(ctx, frame, draft, [], named)
      : (frame.quoted ?? []).length > 0
        ? (readText(ctx, frame, draft, forces) ?? (forces.length > 0 ? readText(ctx, frame, draft) : undefined))
        : undefined;
  if (read) return read;
  const label = ctx.measures.get(other.measure)?.label ?? other.label;
  const theirs = ctx.measures.get(other.measure)?.family ?? 'another source';
  draft.allow(label);
  return draft.noData(
    'metric_not_held',
    `None of the ${family} figures we hold is ${other.label}. We hold ${label} from the ${theirs}: ask for it without naming the ${family}.`,
    { type: typeOf(frame), forces, periods: [] },
    typeOf(frame),
  );
}

function noMetric(ctx: AnswerContext, frameAsked: QueryFrame, draft: AnswerDraft, forces: string[], choices: MetricChoice[], unheld?: Outcome): Answer {
  const unreadable = unheld === undefined ? declineUnreadable(ctx, frameAsked, draft, forces, choices) : undefined;
  if (unreadable) return unreadable;
  const asked = choices[0]?.metric;
  // No figure of the measure named outright answers it ("abuse of position allegations finalised
  // under Schedule 3"): that measure, and the kind named, are what we lack.
  const named = asked ? undefined : frameAsked.measure.fits.find((f) => !f.loose && f.score > 0);
  const askedLabel = asked ? (ctx.measures.get(asked.measure)?.label ?? asked.label) : named ? (ctx.measures.get(named.id)?.label ?? 'that') : 'that';
  const outcomeId = unheld?.id ?? asked?.outcome ?? (named ? frameAsked.measure.breakdowns[0]?.id : undefined);
  const outcome = outcomeId === undefined ? undefined : (ctx.outcomes.get(outcomeId)?.label ?? outcomeId);
  // "How many police officers are there?" names a breakdown and no measure: what was asked is the
  // breakdown itself, never the first measure that happens to have it.
  const alone = frameAsked.measure.fits.length === 0 && frameAsked.measure.carried === undefined ? frameAsked.measure.breakdowns[0] : undefined;
  // Words beyond it ("the shoe size of officers") ask something else again: "that".
  const what =
    alone === undefined
      ? outcome !== undefined
        ? `${askedLabel} (${outcome})`
        : askedLabel
      : frameAsked.unaccounted.length > 0
        ? 'that'
        : `a count of ${ctx.outcomes.get(alone.id)?.label ?? alone.id}${unheld !== undefined && unheld.id !== alone.id ? ` (${unheld.label})` : ''}`;
  // A measure's name ("… under Schedule 3") is a name, not a figure.
  draft.allow(what);
  const type = typeOf(frameAsked);
  const frame: Frame = { type, forces, periods: [] };
  if (forces.length === 0) {
    // "Of the 386 staff referred, how many were dismissed?": the measure is held for England and Wales,
    // so what we hold of it there is what to show.
    const nationally = asked !== undefined && ctx.store.holds(NATIONAL, asked.id);
    const held = nationally
      ? closestHeld(
          ctx,
          draft,
          NATIONAL,
          asked.measure,
          frameAsked.measure.inside.map((b) => b.id),
        )
      : whatWeHold(ctx);
    return draft.noData('metric_not_held', `We don't hold figures for ${what}. ${held}`, frame, type);
  }
  const holding = forces.filter((f) => ctx.store.holds(f));
  const empty = forces.filter((f) => !ctx.store.holds(f)).map((f) => `We hold no figures for ${draft.forceName(f)}.`);
  // What we hold is named for the first force only: for several it would say much the same again.
  const first = holding[0];
  // The wider breakdown held is what to ask next; the force card has the rest.
  const nearer = (force: string) => {
    const wider = outcomeId === undefined ? undefined : widerBreakdownHeld(ctx, draft, force, outcomeId);
    if (wider !== undefined) draft.more(force);
    return wider;
  };
  const lacking =
    first === undefined
      ? []
      : [
          `We don't hold ${what} for ${joinNames(
            holding.map((f) => draft.forceName(f)),
            'or',
          )}. ${
            nearer(first) ??
            closestHeld(
              ctx,
              draft,
              first,
              asked?.measure,
              frameAsked.measure.inside.map((b) => b.id),
            )
          }`,
        ];
  const reason = holding.length === 0 ? 'force_not_held' : 'metric_not_held';
  const tail = reason === 'force_not_held' ? ` ${whatWeHold(ctx)}` : '';
  return draft.noData(reason, [...lacking, ...empty].join(' ') + tail, frame, type);
}

/**
 * The question as if it named only one part of the measures it names side by side. A breakdown
 * stays with the part that counts it: "hearings and dismissals" never asks for hearings by
 * dismissal. A role named ("officers vs staff") stays only where the part counts it: a part that is
 * itself one role's measure is answered as it is, never turned into the other role's.
 */
function restrictTo(ctx: AnswerContext, frame: QueryFrame, part: Fit[], parts: Fit[][]): QueryFrame {
  const loose = new Set(frame.measure.fits.filter((f) => f.loose).map((f) => f.id));
  // "Average days to finalise complaints outside Schedule 3, and under Schedule 3 …": where a part's
  // words fit its cases and their time alike, the time asked is the one meant.
  const top = Math.max(...part.map((f) => f.score));
  const times = part.filter((f) => f.score === top && ctx.measures.get(f.id)?.duration);
  const asked = frame.measure.duration && times.length > 0 ? times : part;
  const fits = asked.map((f) => (loose.has(f.id) ? { ...f, loose: true } : f));
  const counted = (outcome: string, by: Fit[]) => ctx.metrics.some((m) => m.outcome === outcome && by.some((f) => f.id === m.measure));
  // Another part's own words: "dismissals" names the officers dismissed, not hearings that ended so.
  const others = parts
    .filter((p) => p !== part)
    .map((p) => ({ fits: p, stems: new Set(p.flatMap((f) => ctx.measures.get(f.id)?.terms ?? []).flatMap((t) => stems(t))) }));
  const named = (outcome: string, own: ReadonlySet<string>) => (ctx.outcomes.get(outcome)?.terms ?? []).some((t) => stems(t).every((w) => own.has(w)));
  const anotherPart = (outcome: string) => others.some((p) => counted(outcome, p.fits) || named(outcome, p.stems));
  const breakdowns = frame.measure.breakdowns.filter((b) => counted(b.id, part) || (ctx.outcomes.get(b.id)?.dimension !== 'role' && !anotherPart(b.id)));
  const { bothParts: _, ...one } = frame;
  // Words of another part fit no other reading of this one ("…allegations, and how many formal complaints").
  const touched = frame.measure.touched.filter((id) => part.some((f) => f.id === id));
  // "Complaints logged and complaints per 1,000 employees": the rate is the other part's, not this count's.
  const isRate = (p: Fit[]) => p.some((f) => ctx.measures.get(f.id)?.rateOf !== undefined);
  const rateElsewhere = !isRate(part) && parts.some((p) => p !== part && isRate(p));
  return {
    ...one,
    ...(rateElsewhere && asksPerHead(frame) ? { normalisation: 'count' as const } : {}),
    measure: { ...frame.measure, fits, breakdowns, touched, together: [] },
  };
}

/** Two parts of one whole (cases outside and under Schedule 3), or two times of the same cases (with
 * and without suspension): answered side by side, and added or taken one from the other if asked. */
function siblings(a: Measure, b: Measure): boolean {
  return (a.partOf !== undefined && a.partOf === b.partOf) || (a.timeOf !== undefined && a.timeOf === b.timeOf);
}

/**
 * The measures beside the one answered when both parts are asked for ("with and without
 * suspension", "outside and under Schedule 3", "officers versus staff"): the other parts of its
 * whole, or the other times taken for the same cases, that the forces asked about hold.
 */
function partsAskedFor(ctx: AnswerContext, frame: QueryFrame, metric: Metric, forces: string[]): string[] {
  const measure = ctx.measures.get(metric.measure);
  if (!frame.bothParts || !measure) return [];
  const wholeOfTimed = (m: Measure) => (m.timeOf === undefined ? undefined : ctx.measures.get(m.timeOf)?.partOf);
  // The times of the other parts' cases ("average days outside, and under Schedule 3") where the words
  // fit them nearly as well as the best: named, not merely shared words ("average days").
  const top = Math.max(0, ...frame.measure.fits.map((f) => f.score));
  const timeOfOtherPart = (m: Measure) =>
    wholeOfTimed(measure) !== undefined && wholeOfTimed(m) === wholeOfTimed(measure) && frame.measure.fits.some((f) => f.id === m.id && f.score >= top - 2);
  const sibling = (m: Measure) => m.id !== measure.id && (siblings(measure, m) || timeOfOtherPart(m));
  const places = forces.length > 0 ? forces : [NATIONAL];
  const held = (m: Measure, outcome: string | undefined) =>
    ctx.metrics.some((x) => x.measure === m.id && x.outcome === outcome && places.some((f) => ctx.store.holds(f, x.id)));
  const siblingsHeld = [...ctx.measures.values()].filter((m) => sibling(m) && held(m, metric.outcome)).map((m) => m.id);
  if (siblingsHeld.length > 0) return siblingsHeld;
  // "Officers versus staff referred": the staff are a breakdown of the whole, the officers a part
  // of it counted on its own.
  const role = metric.outcome === undefined ? undefined : ctx.outcomes.get(metric.outcome);
  if (role?.dimension !== 'role') return [];
  return [...ctx.measures.values()].filter((m) => m.partOf === measure.id && held(m, undefined)).map((m) => m.id);
}

/** Different measures named together are answered one by one, and never added or compared. */
function answerEachMeasure(
  ctx: AnswerContext,
  asked: QueryFrame,
  draft: AnswerDraft,
  forces: string[],
  parts: Fit[][],
  sideBySide = false,
  intro = `${parts.length === 2 ? 'Both' : 'Each of the'} parts, as asked:`,
): Answer {
  const firstFacts: number[] = [];
  const answers = parts.map((part) => {
    firstFacts.push(draft.facts.length);
    return draft.section(() => answerFigures(ctx, restrictTo(ctx, asked, part, parts), draft, forces));
  });
  const labels = answers.map((a, i) => {
    const id = a.frame?.measure ?? parts[i]?.[0]?.id ?? '';
    return ctx.measures.get(id)?.label ?? id;
  });
  for (const l of labels) draft.allow(l);
  // Parts asked for side by side need no warning that they are different measures.
  const opening = sideBySide
    ? intro
    : `${capitalise(joinNames(labels))} are different measures, so each is answered on its own and they are never added together or compared:`;
  // Parts of one place only: over several forces each part is its own total already.
  const together =
    sideBySide && forces.length <= 1
      ? (partsMultiple(asked, draft, firstFacts) ??
        sharesCombined(ctx, asked, draft, firstFacts) ??
        partsCombined(ctx, asked, draft, firstFacts) ??
        wholeBeside(ctx, draft, firstFacts))
      : undefined;
  const text = `${partsClaimVerdict(asked, draft, firstFacts)}${opening}\n${answers.map((p) => `• ${p.text}`).join('\n')}${together ? `\n${together}` : ''}`;
  const type = typeOf(asked);
  const frame = { type, forces, periods: [] };
  const answered = answers.some((p) => p.status === 'answered');
  return answered
    ? draft.answered(type, text, frame)
    : draft.noData(answers.find((a) => a.status === 'no_data')?.reason ?? 'metric_not_held', text, frame, type);
}

/** Two measures of different families the words fit equally, both held here: one question back,
 * naming both, rather than a figure for the one the question may not mean. */
function nearTie(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: readonly string[]): Answer | undefined {
  const pair = frame.measure.nearTie;
  const held = (measure: string) =>
    ctx.metrics.some(
      (m) => m.measure === measure && (forces.length === 0 ? ctx.store.forcesFor(m.id).length > 0 : forces.some((f) => ctx.store.holds(f, m.id))),
    );
  if (!pair?.every(held)) return undefined;
  const labels = pair.map((m) => ctx.measures.get(m)?.label ?? m);
  for (const l of labels) draft.allow(l);
  const type = typeOf(frame);
  return draft.unclear(
    `Which do you mean: ${joinNames(labels, 'or')}? They count different things, so I won't pick one for you.`,
    { type, forces: [...forces], periods: [] },
    type,
  );
}

/**
 * "How many IOPC reviews did the Met have completed?": the one other measure of the same family the
 * words name as fully (reviews of complaints not investigated, and of investigations), unrelated to
 * the one chosen and held for the same forces and period, so both are answered, each on its own.
 */
function twinOf(ctx: AnswerContext, frame: QueryFrame, metric: Metric, alsoFits: readonly string[], forces: readonly string[]): string | undefined {
  const [twin] = alsoFits;
  if (alsoFits.length !== 1 || twin === undefined || frame.measure.duration || frame.measure.together.length > 0) return undefined;
  const named = (id: string) => frame.measure.fits.some((f) => f.id === id && !f.loose && !f.preferred);
  const measure = ctx.measures.get(metric.measure);
  const other = ctx.measures.get(twin);
  if (!measure || !other || !named(metric.measure) || !named(twin) || measure.family !== other.family) return undefined;
  if (
    [measure.partOf, measure.supersededBy, measure.rateOf, measure.timeOf].includes(twin) ||
    [other.partOf, other.supersededBy, other.rateOf, other.timeOf].includes(measure.id)
  )
    return undefined;
  if (measure.partOf !== undefined && measure.partOf === other.partOf) return undefined;
  const twinMetric = ctx.metrics.find((m) => m.measure === twin && m.outcome === metric.outcome && m.unit === metric.unit);
  if (!twinMetric) return undefined;
  const periods = (id: string, f: string) => new Set(ctx.store.of(f, id).map((o) => o.period.id));
  const places = forces.length > 0 ? forces : ctx.store.forcesFor(metric.id).filter((f) => ctx.forces.get(f)?.kind === 'area');
  const shared = places.length > 0 && places.every((f) => [...periods(metric.id, f)].some((p) => periods(twinMetric.id, f).has(p)));
  return shared ? twin : undefined;
}

/** Answers a figure question (lookup, share, comparison, change, trend) for the given forces. */
export function answerFigures(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: string[]): Answer {
  const { together } = frame.measure;
  if (together.length >= 2) {
    const [a, b] = together.map((part) => ctx.measures.get(part[0]?.id ?? ''));
    // "Finalised and investigated numbers", "cases finalised, and at what average days": a whole and
    // its part, or a count and the time its cases took, are side by side too.
    const related = a !== undefined && b !== undefined && (siblings(a, b) || [a.partOf, a.timeOf].includes(b.id) || [b.partOf, b.timeOf].includes(a.id));
    return answerEachMeasure(ctx, frame, draft, forces, together, together.length === 2 && related);
  }
  const perMeasure = answerMeasureRatio(ctx, frame, draft, forces);
  if (perMeasure) return perMeasure;
  const tie = nearTie(ctx, frame, draft, forces);
  if (tie) return tie;
  const { choices, metric, alsoFits, otherFamily } = chooseMetric(ctx, frame, forces);
  if (otherFamily) return notInFamily(ctx, frame, draft, forces, otherFamily);
  if (!metric) return kindsSummed(ctx, frame, draft) ?? noMetric(ctx, frame, draft, forces, choices);
  const twin = twinOf(ctx, frame, metric, alsoFits, forces);
  if (twin) return answerEachMeasure(ctx, frame, draft, forces, [[{ id: metric.measure, score: 1 }], [{ id: twin, score: 1 }]]);
  // "Kent vs Essex complaint cases finalised": a whole its words fit every part of alike is compared,
  // or followed over time, part by part, as a lookup gives their sum with its parts; an outcome of
  // such a whole ("how did the IOPC's reviews of Kent turn out") is given for each part, as the
  // parts' outcomes are published apart.
  const wholeRelated =
    ((frame.intent === 'compare' || frame.intent === 'change') && askedWhole(ctx, metric, alsoFits) !== undefined) ||
    ((frame.intent === 'lookup' || frame.intent === 'share') && metric.outcome !== undefined && fitsEveryPart(ctx, metric, alsoFits));
  // "How many more reviews of investigations than of complaints not investigated?": both parts of the
  // whole, and their difference (two times of the same cases are told apart by differenceOfTwins).
  const own = ctx.measures.get(metric.measure);
  const siblingNamed =
    frame.difference === true &&
    own !== undefined &&
    frame.measure.fits.some((f) => {
      const other = ctx.measures.get(f.id);
      return !f.loose && other !== undefined && other.id !== own.id && own.partOf !== undefined && other.partOf === own.partOf;
    });
  const others = partsAskedFor(ctx, wholeRelated || siblingNamed ? { ...frame, bothParts: true } : frame, metric, forces);
  if (others.length > 0)
    return answerEachMeasure(
      ctx,
      frame,
      draft,
      forces,
      [metric.measure, ...others].map((id) => [{ id, score: 1 }]),
      true,
      ...(wholeRelated && !frame.bothParts ? ['The published figures count these in two parts, each given:'] : []),
    );
  // "Is Thames Valley worse than average on IOPC reviews?": judged by the outcome the measure's table
  // is read for (reviews finding the outcome not reasonable), not by how many reviews a force had.
  const verdict = ctx.measures.get(metric.measure)?.verdict;
  if (
    verdict !== undefined &&
    metric.outcome === undefined &&
    frame.comparison.target !== undefined &&
    frame.intent === 'compare' &&
    frame.normalisation !== 'per-1000'
  )
    return answerFigures(ctx, { ...frame, measure: { ...frame.measure, breakdowns: [{ id: verdict, score: 1 }] } }, draft, forces);
  const unheld = unheldOutcome(ctx, frame, metric, forces);
  if (unheld !== undefined) return noMetric(ctx, frame, draft, forces, choices, unheld);
  const comparing = frame.intent === 'compare';
  let targetForces = forces.filter((f) => ctx.store.holds(f, metric.id) || forces.length === 1);
  let onlyFor = '';
  // "England and Wales minus the Met": the other forces' figures added up, beside the published total less the Met's.
  if (frame.scope.kind === 'every-force' && frame.scope.except.length > 0 && frame.total) {
    const summed = answerRanking(ctx, { ...frame, intent: 'rank' }, draft);
    if (summed) return summed;
  }
  // "The mean of every force's average days, not the national figure", "the average per force": the
  // average force is what is asked.
  if (forces.length === 0 && frame.comparison.target === 'average' && frame.scope.kind === 'every-force' && frame.scope.except.length === 0) {
    const average = averageForce(ctx, draft, metric, frame, frameOf('lookup', frame, { forces: [], metric, alsoFits }, []));
    if (average) return average;
  }
  if (forces.length === 0) {
    const holders = ctx.store.forcesFor(metric.id);
    if (holders.length === 1 || comparing) targetForces = holders;
    if (holders.length === 1 && !holders.includes(NATIONAL))
      onlyFor = ` The question names no force: this figure is held for ${draft.forceName(holders[0] as string)} only.`;
    // A question that names no force, about a figure held for England and Wales, is a national question.
    else if (holders.includes(NATIONAL)) targetForces = [NATIONAL];
    else {
      // Words beyond a loosely named measure may point at a passage that answers it ("…about delivery of duties").
      const passage = isLoose(frame, metric.measure) ? fallback(ctx, frame, draft, 0.8) : undefined;
      if (passage) return passage;
      const type = typeOf(frame);
      const answerFrame = { type, forces: [], periods: [], measure: metric.measure, ...(metric.outcome ? { outcome: metric.outcome } : {}) };
      const names = holders.map((f) => draft.forceName(f));
      // A count of forces is our own, its working the forces counted.
      if (holders.length > 8)
        draft.computed(
          {
            force: 'all-forces',
            forceName: 'forces counted',
            periodId: 'held',
            period: 'any period held',
            metric: 'force-count',
            metricLabel: `forces we hold ${metric.label} for`,
            unit: 'count',
          },
          holders.length,
          'count',
          [],
          `${holders.length}: ${names.join(', ')}`,
        );
      const where = holders.length <= 8 ? joinNames(names, 'and') : `${formatNumber(holders.length)} forces`;
      // "Across all forces": no England and Wales figure is held, and one is not made from some forces' figures.
      if (frame.scope.kind === 'every-force')
        return draft.noData(
          'metric_not_held',
          `We hold no England and Wales figure for ${metric.label}, only figures for ${where}. Ask which force had the most, or name a force.`,
          answerFrame,
          type,
        );
      // "What % of allegations were 'delivery of duties and service' last year?", of no place: a
      // source's sentence stating it for England and Wales answers before asking which force.
      const stated = frame.scope.kind === 'unnamed' ? statedNationally(ctx, frame, draft) : undefined;
      if (stated) return stated;
      return draft.unclear(`Which force do you mean? We hold ${metric.label} for ${where}, but no England and Wales figure.`, answerFrame, type);
    }
  }
  const missing = forces.filter((f) => !targetForces.includes(f));
  const target: Target = { forces: targetForces, metric, alsoFits };
  // Several forces asked one thing ("the Welsh forces", "Kent, Essex and Surrey"): a region's count is
  // its total, each force's figure in the working; anything else is each force in order, never two of them.
  const group = frame.scope.kind === 'region' || targetForces.length >= 3;
  const asOne = group && frame.comparison.target === undefined && (frame.intent === 'lookup' || frame.intent === 'compare' || frame.intent === 'share');
  const regionTotal = asOne && frame.scope.kind === 'region' && frame.intent === 'lookup' && canSum(metric) && !asksShare(frame) && !asksPerHead(frame);
  // "Each of the Welsh forces against the England and Wales figure": the region's forces in order,
  // England and Wales's own figure beside them.
  if (frame.scope.kind === 'region' && frame.comparison.target !== undefined && !frame.total) {
    const ranked = answerRanking(ctx, { ...frame, intent: 'rank' }, draft);
    if (ranked) return ranked;
  }
  if (asOne && !frame.total && !regionTotal) {
    const ranked = answerRanking(ctx, { ...frame, intent: 'rank' }, draft);
    if (ranked) return ranked;
  }
  // "Kent and Essex added together", "combined": a total over the forces named, never a comparison.
  if ((frame.total || regionTotal) && targetForces.length >= 2) {
    const shareMetric = asksShare(frame) ? statedShareMetric(ctx, metric) : undefined;
    const summed =
      shareMetric ?? (asksShare(frame) ? { label: `shares of ${metric.label}`, aggregation: 'share' as const } : summedOf(metric, asksPerHead(frame)));
    const series = targetForces.map((f) => ({ force: f, rows: ctx.store.of(f, metric.id) }));
    return totalOverForces(draft, summed, series, frameOf(typeOf(frame), frame, target, []));
  }
  // "Compared with the average force": the mean over forces, our calculation, not England and Wales's total.
  const one = targetForces.filter((f) => f !== NATIONAL);
  // "Worse than average on reviews found not reasonable": an outcome's published share against England
  // and Wales's, rather than counts of forces of different sizes.
  const outcomeShare = metric.unit === 'count' && metric.outcome !== undefined ? statedShareMetric(ctx, metric) : undefined;
  if (frame.comparison.target === 'average' && frame.normalisation === 'count' && outcomeShare && ctx.store.holds(NATIONAL, outcomeShare.id))
    return answerFigures(ctx, { ...frame, normalisation: 'share', comparison: { target: 'national' } }, draft, forces);
  // An average's national figure (days to finalise) is the national average already: the mean of
  // forces' averages would weigh a small force like a large one.
  // "The average of all 44 forces" asks the mean over the forces, whatever England and Wales's own is.
  const nationalAverage = metric.aggregation === 'average' && ctx.store.holds(NATIONAL, metric.id) && frame.withSpecial !== true;
  // Asked against England and Wales where we hold no national figure: the average force stands in, and says so.
  const noNational = frame.comparison.target === 'national' && frame.normalisation === 'count' && !ctx.store.holds(NATIONAL, metric.id);
  if ((frame.comparison.target === 'average' && !nationalAverage) || noNational) {
    const lead = noNational ? `We hold no England and Wales figure for ${metric.label}, so here is the average force instead. ` : '';
    const average =
      one.length === 1
        ? compareWithAverage(ctx, draft, one[0] as string, metric, frame, frameOf('comparison', frame, { ...target, forces: one }, []), lead)
        : undefined;
    if (average) return average;
  }
  if (comparing && targetForces.length >= 2) return compare(ctx, frame, draft, target, missing);
  // A comparison only one of the named forces can answer: say so, never just drop the other.
  if (comparing && missing.length > 0) draft.allow(metric.label);
  const notCompared =
    comparing && missing.length > 0
      ? ` We don't hold ${metric.label} for ${joinNames(missing.map((f) => draft.forceName(f)))}, so the forces can't be compared on it.`
      : '';
  const force = targetForces[0] as string;
  if (!ctx.store.holds(force, metric.id)) return noMetric(ctx, frame, draft, [force], choices);
  if (frame.intent === 'change' || frame.intent === 'trend') return change(ctx, frame, draft, target, frame.intent);
  // "Case to answer rate": a rate the source publishes answers before any share of ours.
  const published = answerPublishedRate(ctx, frame, draft, force, metric, notCompared);
  if (published) return uncompared(published, notCompared);
  if (frame.intent === 'share' || (asksShare(frame) && metric.unit === 'count'))
    return sayingUncompared(draft, notCompared, () => sharesOfEachKind(ctx, frame, draft, forces) ?? share(ctx, frame, draft, target));
  return uncompared(lookup(ctx, frame, draft, target, notCompared + onlyFor), notCompared);
}

/** A comparison we hold one side of is declined, with that side shown: "Lincolnshire compared with
 * Nottinghamshire?" is not answered by Nottinghamshire's figure alone. */
function uncompared(answer: Answer, notCompared: string): Answer {
  if (notCompared === '' || answer.status !== 'answered') return answer;
  const { status: _answered, ...shown } = answer;
  return { ...shown, status: 'no_data', reason: 'metric_not_held' };
}

/** The answer `compose` gives, with the side of a comparison we lack said after it ("We don't hold …
 * for Bedfordshire Police, so the forces can't be compared on it."), and so declined. */
function sayingUncompared(draft: AnswerDraft, notCompared: string, compose: () => Answer): Answer {
  if (notCompared === '') return compose();
  const inner = draft.section(compose);
  if (inner.status !== 'answered') return inner;
  return draft.noData('metric_not_held', inner.text + notCompared, inner.frame, inner.type);
}

function periodNotHeld(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, target: Target, unmatched: PeriodAsk[]): Answer {
  const force = target.forces[0] as string;
  // A cell of the year asked that is published but could not be read is said to be so, before other years.
  const unreadable = declineUnreadable(ctx, asked, draft, [force], [{ metric: target.metric, score: 1, unitFits: true }]);
  if (unreadable) return unreadable;
  for (const ask of unmatched) draft.allow(ask.label);
  const groups = byPeriod(ctx.store.of(force, target.metric.id));
  const nearest = nearestPeriods(groups, unmatched);
  const held = nearest.map((g) => stateGroup(g, draft, false)).join('; ');
  const periods = joinNames(unmatched.map((a) => a.label));
  const type = typeOf(asked);
  const others = groups.length > nearest.length ? ', the nearest' : '';
  if (groups.length > nearest.length) draft.more(force);
  return draft.noData(
    'period_not_held',
    `We don't hold ${target.metric.label} for ${draft.forceName(force)} for ${periods}. We hold it for other periods${others}: ${held}.`,
    frameOf(type, asked, target, []),
    type,
  );
}

function lookup(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target, note = ''): Answer {
  const force = target.forces[0] as string;
  const groups = byPeriod(ctx.store.of(force, target.metric.id));
  const asks = firmAsks(groups, frame.periods.asks);
  const { matched, unmatched } = selectPeriods(groups, asks, frame.periods.anchor);
  if (asks.length > 0 && matched.length === 0) return periodNotHeld(ctx, frame, draft, target, unmatched);
  const chosen = matched.length > 0 ? matched : groups.slice(-1);
  const period = (chosen[0] as PeriodGroup).period;
  const apart = frame.difference && chosen.length === 1 ? differenceOfTwins(ctx, draft, target, chosen[0] as PeriodGroup) : undefined;
  if (apart) return draft.answered('lookup', `${draft.forceName(force)}: ${apart}${note}`, frameOf('lookup', frame, target, [period.id]));
  // "Per 1,000 workforce" of a count no source publishes a rate for: ours, from the workforce held.
  const only = chosen.length === 1 ? (chosen[0] as PeriodGroup).observations : [];
  if (asksPerHead(frame) && canRatePerHead(target.metric) && only.length === 1) return perWorkforce(ctx, frame, draft, target, only[0] as Observation, note);
  const whole = chosen.length === 1 ? askedWhole(ctx, target.metric, target.alsoFits) : undefined;
  const sum = whole ? wholeFromParts(ctx, draft, force, whole, period) : undefined;
  if (whole && sum) {
    draft.allow(period.label);
    // "What were the outcomes of Kent's IOPC reviews?": each part's outcomes, published apart.
    const outcomes = frame.breakdown
      ? summedParts(ctx, whole)
          .map((p) => [ctx.measures.get(p.measure)?.short ?? p.label, outcomesOf(ctx, draft, force, p, chosen)] as const)
          .filter(([, o]) => o !== '')
          .map(([short, o]) => {
            draft.allow(short);
            return `\n• ${short}:${o}`;
          })
          .join('')
      : '';
    return draft.answered(
      'lookup',
      `${draft.forceName(force)}: ${sum.shown} ${whole.label} ${inPeriod(period)} (${sum.working}).${outcomes}${note}`,
      frameOf('lookup', frame, { ...target, metric: whole }, [period.id]),
    );
  }
  // "In 2024, and in total from 2020 to 2024": each period asked, a range of years added up.
  const each = asks.length > 1 && asks.some((a) => a.kind === 'range') && canSum(target.metric) ? periodsEach(groups, asks, frame.periods.anchor) : [];
  if (each.length > 0) {
    const lines = each.map((g) =>
      g.length > 1
        ? yearsAddedUp(
            draft,
            force,
            g.map((x) => x.observations[0] as Observation),
          )
        : stateGroup(g[0] as PeriodGroup, draft),
    );
    const ids = [...new Set(each.flat().map((g) => g.period.id))];
    return draft.answered('lookup', `${draft.forceName(force)}: ${lines.join('; ')}.${note}`, frameOf('lookup', frame, target, ids));
  }
  // "In total from 2020 to 2024", "how many between 2020 and 2023": the years asked, added up.
  const overYears = (frame.total || asks.some((a) => a.kind === 'range')) && canSum(target.metric) && successiveYears(chosen);
  if (overYears)
    return totalOverYears(
      draft,
      force,
      chosen.map((g) => g.observations[0] as Observation),
      frameOf(
        'lookup',
        frame,
        target,
        chosen.map((g) => g.period.id),
      ),
    );
  // Each group's figure is stated before its share, so the facts (and citations) run in reading order.
  const groupLines = chosen.map((g) => ({ line: stateGroup(g, draft), beside: statedShareBeside(ctx, draft, force, target.metric, g.period.id) }));
  const besides = groupLines.map((x) => x.beside);
  const lines = groupLines.map((x) => x.line + x.beside.text);
  let text = `${draft.forceName(force)}: ${lines.join('; ')}.`;
  const others = asks.length === 0 ? groups.filter((g) => !chosen.includes(g)).reverse() : [];
  if (others.length > 0) text += ` Earlier: ${others.map((g) => stateGroup(g, draft, false)).join('; ')}.`;
  if (unmatched.length > 0) {
    for (const ask of unmatched) draft.allow(ask.label);
    text += ` We don't hold ${joinNames(unmatched.map((a) => a.label))}.`;
  }
  const outcomesShown = ctx.measures.get(target.metric.measure)?.outcomesShown === true;
  if (target.metric.outcome === undefined && (frame.breakdown || outcomesShown)) text += outcomesOf(ctx, draft, force, target.metric, chosen);
  const part = ctx.measures.get(target.metric.measure)?.partOf !== undefined;
  const wholeGiven = besides.every((b) => b.withWhole);
  // "Barred list: how many staff and specials?": a measure whose label names a role (regular officers)
  // counts that role, no whole of the others.
  const role = ctx.outcomes.get(target.metric.outcome ?? '');
  const roleCount = role?.dimension === 'role' && [...ctx.outcomes.values()].some((o) => o.dimension === 'role' && labelNames(ctx, target.metric.measure, o));
  if ((target.metric.outcome !== undefined || part) && frame.alsoTotal && !wholeGiven && !roleCount) text += totalsOf(ctx, draft, force, target.metric, chosen);
  // Its parts only when asked for ("what were they?", "and how many were investigated?"): a figure not asked
  // for beside the one asked is a figure to mistake for the answer.
  // "Officers and staff with a case to answer": a whole named by the roles it is split into, read as a
  // breakdown or inside the whole's own phrase (two roles' words among the question's).
  const asked = new Set(frame.keywords);
  const rolesInWords = [...ctx.outcomes.values()].filter((o) => o.dimension === 'role' && o.terms.some((t) => asked.has(t))).length;
  const rolesNamed = frame.measure.breakdowns.some((b) => ctx.outcomes.get(b.id)?.dimension === 'role') || rolesInWords >= 2;
  const partsAsked =
    frame.breakdown ||
    frame.alsoTotal ||
    frame.bothParts === true ||
    rolesNamed ||
    partMetrics(ctx, target.metric).some((m) => namedOutright(frame, m.measure));
  if (partsAsked)
    text += partsOf(
      ctx,
      draft,
      force,
      target.metric,
      chosen.map((g) => g.period.id),
    );
  text += otherBreakdownsNamed(ctx, frame, draft, force, target.metric, chosen);
  const sameYear = sameYearElsewhere(ctx, frame, draft, force, target, chosen);
  const parts = otherParts(ctx, draft, force, target, chosen);
  const stated = [...sameYear.measures, ...parts.measures];
  text += parts.text + sameYear.text + measureNote(ctx, draft, { ...target, alsoFits: target.alsoFits.filter((m) => !stated.includes(m)) });
  text += claimedElsewhere(
    ctx,
    frame,
    draft,
    force,
    target.metric,
    chosen.map((g) => g.period.id),
  );
  return draft.answered(
    'lookup',
    text + note,
    frameOf(
      'lookup',
      frame,
      target,
      chosen.map((g) => g.period.id),
    ),
  );
}

/** "How many more days when suspension is included?": the figure beside the other measure the words
 * fit equally, for the same force and period and in the same unit, and how far apart they are. */
function differenceOfTwins(ctx: AnswerContext, draft: AnswerDraft, target: Target, group: PeriodGroup): string | undefined {
  const [mine] = group.observations;
  if (!mine || group.observations.length > 1) return undefined;
  const twin = target.alsoFits
    .flatMap((m) =>
      ctx.metrics.filter(
        (x) => x.measure === m && x.outcome === target.metric.outcome && x.unit === target.metric.unit && x.aggregation === target.metric.aggregation,
      ),
    )
    .map((x) => ctx.store.of(mine.force, x.id).filter((o) => o.period.id === group.period.id))
    .find((held) => held.length === 1)?.[0];
  if (!twin) return undefined;
  const apart = differenceOf(draft, mine, twin);
  draft.allow(group.period.label);
  return `${apart.x.shown} ${mine.metric.label} ${apart.x.marks} against ${apart.y.shown} ${twin.metric.label} ${apart.y.marks} ${inPeriod(group.period)}: a difference of ${formatNumber(apart.value)} (our calculation: ${apart.working}).`;
}

/** One force's count per 1,000 workforce, our calculation; or, with no workforce held, the count and why no rate. */
function perWorkforce(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target, obs: Observation, note: string): Answer {
  const force = obs.force;
  const s = draft.stated(obs);
  const rate = ratePer1000(ctx, draft, obs, s.index);
  const answerFrame = frameOf('lookup', frame, target, [obs.period.id]);
  draft.allow(obs.period.label);
  if (!rate) {
    draft.allow('1,000');
    return draft.noData(
      'metric_not_held',
      `We hold no workforce figure for ${draft.forceName(force)}, so we can't give ${obs.metric.label} per 1,000 workforce. The count: ${s.shown} ${inPeriod(obs.period)} ${s.marks}.`,
      answerFrame,
      'lookup',
    );
  }
  // A workforce of another period gives no exact rate for the period asked: declined, with the
  // approximate rate shown as what we hold.
  if (workforceOf(ctx, force, obs.period.id)?.period.id !== obs.period.id)
    return draft.noData(
      'period_not_held',
      `We hold no workforce figure for ${draft.forceName(force)} ${inPeriod(obs.period)}, so we can't give an exact rate for it. Worked from the only workforce figure we hold, the ${s.shown} ${obs.metric.label} ${inPeriod(obs.period)} ${s.marks} would be about ${formatNumber(rate.value)} per 1,000 workforce (our calculation: ${rate.working}).${note}`,
      answerFrame,
      'lookup',
    );
  return draft.answered(
    'lookup',
    `${draft.forceName(force)}: ${formatNumber(rate.value)} ${obs.metric.label} per 1,000 workforce ${inPeriod(obs.period)} (our calculation: ${rate.working}), from ${s.shown} ${s.marks}.${note}`,
    answerFrame,
  );
}

/** Two or more whole years of one kind, one after another, each with one figure: they may be added up. */
function successiveYears(groups: readonly PeriodGroup[]): boolean {
  const kind = groups[0]?.period.kind;
  if (groups.length < 2 || (kind !== 'financial-year' && kind !== 'calendar-years')) return false;
  return groups.every((g, i) => {
    const before = groups[i - 1];
    const { start, end } = g.period;
    return (
      g.observations.length === 1 &&
      g.period.kind === kind &&
      start !== undefined &&
      end !== undefined &&
      (before === undefined || (before.period.end ?? '') < start)
    );
  });
}

/** Another measure's total for a force, in the periods an answer gives, in the same unit as its figure. */
function samePeriods(ctx: AnswerContext, force: string, measure: string, like: Metric, chosen: PeriodGroup[]): PeriodGroup[] {
  const total = ctx.metrics.find((m) => m.measure === measure && m.outcome === undefined && m.unit === like.unit);
  const periods = new Set(chosen.map((g) => g.period.id));
  return total ? byPeriod(ctx.store.of(force, total.id)).filter((g) => periods.has(g.period.id)) : [];
}

/**
 * A measure asked as a whole that the data holds in parts ("complaint cases finalised" are held as
 * finalised outside and under Schedule 3): the other parts the words fit, for the same periods, so the
 * answer gives the whole question's parts rather than one of them.
 */
function otherParts(ctx: AnswerContext, draft: AnswerDraft, force: string, target: Target, chosen: PeriodGroup[]): { text: string; measures: string[] } {
  const whole = ctx.measures.get(target.metric.measure)?.partOf;
  const measures = whole === undefined || target.metric.outcome !== undefined ? [] : target.alsoFits.filter((m) => ctx.measures.get(m)?.partOf === whole);
  const lines = measures.flatMap((m) => samePeriods(ctx, force, m, target.metric, chosen).map((g) => stateGroup(g, draft)));
  if (lines.length === 0 || whole === undefined) return { text: '', measures: [] };
  const label = ctx.measures.get(whole)?.short ?? 'the whole';
  draft.allow(label);
  // The whole is answered by its parts: no note that the words "also fit" it.
  return { text: ` The other part of ${label}: ${lines.join('; ')}.`, measures: [...measures, whole] };
}

/**
 * Other measures the question's words fit that hold a figure for the same force and period ("139
 * complaints" in the Home Office series beside "1,322 complaints logged" in the IOPC's): stated, as
 * the different measures they are, so a reader sees both rather than one chosen silently.
 */
function sameYearElsewhere(
  ctx: AnswerContext,
  frame: QueryFrame,
  draft: AnswerDraft,
  force: string,
  target: Target,
  chosen: PeriodGroup[],
): { text: string; measures: string[] } {
  const measures: string[] = [];
  // Only where the answer's own measure was chosen from loose words: a measure named outright is the one asked.
  if (!isLoose(frame, target.metric.measure)) return { text: '', measures };
  const parts: string[] = [];
  // "The Home Office number for…": another publisher's measure is no other reading of the words.
  const family = frame.measure.family;
  for (const measure of frame.measure.touched) {
    if (measure === target.metric.measure || target.metric.outcome !== undefined) continue;
    if (family !== undefined && ctx.measures.get(measure)?.family !== family) continue;
    // One part of a whole ("cases finalised outside Schedule 3") is no other reading of words a whole
    // answers ("complaints made"): only a part answered is set beside another part.
    if (ctx.measures.get(measure)?.partOf !== undefined && ctx.measures.get(target.metric.measure)?.partOf === undefined) continue;
    const groups = samePeriods(ctx, force, measure, target.metric, chosen);
    if (groups.length === 0) continue;
    measures.push(measure);
    parts.push(...groups.map((g) => stateGroup(g, draft)));
  }
  const text =
    parts.length === 0
      ? ''
      : ` The question's words also fit a different measure held for the same year: ${parts.join('; ')}. The two count different things, so neither replaces the other.`;
  return { text, measures };
}

/** The measure's total for the periods an outcome was given for, when the question asks for both. */
function totalsOf(ctx: AnswerContext, draft: AnswerDraft, force: string, metric: Metric, chosen: PeriodGroup[]): string {
  const total = totalMetric(ctx, metric);
  if (!total) return '';
  const held = byPeriod(ctx.store.of(force, total.id)).filter((g) => chosen.some((c) => c.period.id === g.period.id));
  return held.length > 0 ? ` In all: ${held.map((g) => stateGroup(g, draft)).join('; ')}.` : '';
}

/** Each outcome held for a total's measure and periods: " Outcomes: 1,867 needing no action [1]; …" */
function outcomesOf(ctx: AnswerContext, draft: AnswerDraft, force: string, total: Metric, periods: PeriodGroup[]): string {
  const ids = new Set(periods.map((g) => g.period.id));
  const ofMeasure = ctx.metrics.filter((m) => m.measure === total.measure && m.outcome !== undefined);
  const parts = ofMeasure
    .filter((m) => m.unit === 'count')
    .flatMap((m) => ctx.store.of(force, m.id).filter((o) => ids.has(o.period.id)))
    .map((o) => {
      const s = draft.stated(o);
      // The share the source publishes beside the count ("20 (45%)"), for the same year.
      const percent = ofMeasure.find((m) => m.unit === 'percent' && m.outcome === o.metric.outcome);
      const published = percent && ctx.store.of(force, percent.id).find((p) => p.period.id === o.period.id);
      const share = published ? draft.stated(published) : undefined;
      return `${s.shown}${share ? ` (${share.shown} ${share.marks})` : ''} ${ctx.outcomes.get(o.metric.outcome ?? '')?.label ?? o.metric.label} ${s.marks}`;
    });
  if (parts.length === 1) return ` Of these, ${parts[0]}.`;
  return parts.length > 0 ? ` Outcomes (a case can appear under more than one, so they need not add up to the total): ${parts.join('; ')}.` : '';
}

/** The sentence of a figure's quote giving a percentage beside one of `asked` (stems): a share the
 * source states only in words ("55% of complainants were men", "50% of these were race"). */
function shareSentence(obs: Observation, asked: readonly string[]): string | undefined {
  const named = new Set(stems(obs.metric.label));
  const wanted = asked.filter((w) => !named.has(w));
  return sentences(obs.figures[0]?.quote ?? '').find((x) => /\d\s*(?:%|per cent)/.test(x) && stems(x).some((w) => wanted.includes(w)));
}

/** The count asked about, with the sentence of its source that gives the share asked for in words. */
function shareInWords(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target): Answer | undefined {
  const force = target.forces[0] as string;
  const groups = byPeriod(ctx.store.of(force, target.metric.id));
  const asks = firmAsks(groups, frame.periods.asks);
  const { matched, unmatched } = selectPeriods(groups, asks, frame.periods.anchor);
  // "… in 2024/25 were men?" of a share said only for 2020/21: another year's words answer another question.
  if (asks.length > 0 && matched.length === 0) return periodNotHeld(ctx, frame, draft, target, unmatched);
  const obs = (matched.length > 0 ? matched : groups.slice(-1))[0]?.observations[0];
  const sentence =
    obs &&
    shareSentence(
      obs,
      frame.keywords.flatMap((w) => stems(w)),
    );
  if (!obs || !sentence) return undefined;
  const s = draft.stated(obs);
  // The words the figure could not use are in the sentence quoted.
  draft.leaveOut([]);
  return draft.answered(
    'share',
    `${draft.forceName(force)}: ${s.shown} ${obs.metric.label} ${inPeriod(obs.period)} ${s.marks}. The share is given only in the source's words: “${sentence}” ${s.marks}`,
    frameOf('share', frame, target, [obs.period.id]),
  );
}

/** "What share of discriminatory behaviour allegations were about race?" where race is held for no
 * such period: the source's words giving that share, if the figure's quote has them. */
function narrowerInWords(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, force: string, metric: Metric, periodId: string): string | undefined {
  const narrower = frame.measure.breakdowns.filter((b) => b.id !== metric.outcome && ctx.outcomes.get(b.id)?.generic !== true);
  if (narrower.length === 0) return undefined;
  const obs = ctx.store.at(force, metric.id, periodId);
  const asked = narrower.flatMap((b) => stems(ctx.outcomes.get(b.id)?.label ?? ''));
  const sentence = obs && shareSentence(obs, asked);
  const figure = obs?.figures[0];
  if (!sentence || !figure) return undefined;
  return `Of these, the source gives the share only in words: “${sentence}” [${draft.cite(figure.source, figure.quote, figure.table)}]`;
}

/** "Is race discrimination more likely to be investigated than disability discrimination?": each
 * kind of allegation named by words of its own gets its share, one after the other. */
function sharesOfEachKind(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: string[]): Answer | undefined {
  const kinds = (frame.measure.apart ?? []).filter((id) => isKindOfAllegation(ctx.outcomes.get(id)));
  if (kinds.length < 2) return undefined;
  const answers = kinds.map((id) => {
    const breakdowns = frame.measure.breakdowns.filter((b) => b.id === id);
    const { apart: _, ...measure } = frame.measure;
    return draft.section(() => answerFigures(ctx, { ...frame, measure: { ...measure, breakdowns } }, draft, forces));
  });
  const [first] = answers;
  if (!first?.frame || answers.some((a) => a.status !== 'answered')) return undefined;
  return draft.answered(typeOf(frame), answers.map((a) => a.text).join('\n'), first.frame);
}

function share(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target): Answer {
  const force = target.forces[0] as string;
  const { metric } = target;
  const ofCategory = kindShareOfCategory(ctx, frame, draft);
  if (ofCategory) return ofCategory;
  if (metric.outcome === undefined && totalMetric(ctx, metric)?.id === metric.id) {
    const outcomes = [
      ...new Set(ctx.metrics.filter((m) => m.measure === metric.measure && m.outcome).map((m) => ctx.outcomes.get(m.outcome ?? '')?.label ?? '')),
    ];
    // A measure held only as a count, with no breakdown and no total it is part of: no share to give,
    // unless the source says it in words beside the count ("55% of complainants were men").
    const inWords = outcomes.length === 0 ? shareInWords(ctx, frame, draft, target) : undefined;
    if (inWords) return inWords;
    if (outcomes.length === 0)
      return draft.noData(
        'metric_not_held',
        `We hold ${metric.label} only as a count, not as a share of anything, so we can't give a percentage. ${closestHeld(ctx, draft, force, metric.measure)}`,
        frameOf('share', frame, target, []),
        'share',
      );
    return draft.unclear(`A share of ${metric.label} with which outcome: ${joinNames(outcomes, 'or')}?`, frameOf('share', frame, target, []), 'share');
  }
  const groups = byPeriod(ctx.store.of(force, metric.id));
  const asks = firmAsks(groups, frame.periods.asks);
  const { matched, unmatched } = selectPeriods(groups, asks, frame.periods.anchor);
  if (asks.length > 0 && matched.length === 0) return periodNotHeld(ctx, frame, draft, target, unmatched);
  const chosen = matched.length > 0 ? matched : groups.slice(-1);
  const parts: string[] = [];
  for (const g of chosen) {
    const s = shareFor(ctx, draft, force, metric, g.period.id, 'both');
    if (s) parts.push(`${s.text} ${inPeriod(g.period)}`);
  }
  if (parts.length === 0) return lookup(ctx, frame, draft, target);
  const narrower = narrowerInWords(ctx, frame, draft, force, metric, (chosen[0] as (typeof chosen)[number]).period.id);
  const label =
    metric.unit === 'percent'
      ? metric.label
      : `share of ${ctx.measures.get(metric.measure)?.short ?? metric.measure} ${ctx.outcomes.get(metric.outcome ?? '')?.label ?? ''}`.trim();
  return draft.answered(
    'share',
    `${draft.forceName(force)}, ${label}: ${parts.join('; ')}.${narrower ? `\n${narrower}` : ''}`,
    frameOf(
      'share',
      frame,
      target,
      chosen.map((g) => g.period.id),
    ),
  );
}

function compare(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target, missing: string[]): Answer {
  // "Per 1,000 staff, Kent or Essex?": the rate the source publishes for every force compared comes
  // before one we would work out (from a count that may be only a part of what the rate counts).
  const published = asksPerHead(frame) ? publishedRate(ctx, target.metric) : undefined;
  if (published && published.rate.id !== target.metric.id && target.forces.every((f) => ctx.store.holds(f, published.rate.id)))
    return compare(ctx, frame, draft, { ...target, metric: published.rate }, missing);
  const { metric } = target;
  // A force's count beside England and Wales's says nothing: the share of each does.
  const againstNational = target.forces.some((f) => ctx.forces.get(f)?.kind === 'area');
  // "What share of England and Wales's cases were the Met's?": a whole measure against the national
  // total is the force's part of it, not a share within each.
  const partOfNational = againstNational && !frame.ownWhole && metric.outcome === undefined && canSum(metric) && statedShareMetric(ctx, metric) === undefined;
  const asShare =
    (asksShare(frame) && !partOfNational) || (againstNational && metric.outcome !== undefined && canSum(metric) && totalMetric(ctx, metric) !== undefined);
  const series = target.forces.map((f) => byPeriod(ctx.store.of(f, metric.id)));
  const asks = firmAsks(series.flat(), frame.periods.asks);
  let periodId: string | undefined;
  if (asks.length > 0) {
    const sel = series.map((s) => selectPeriods(s, asks).matched[0]?.period.id);
    periodId = sel.find((id) => id !== undefined);
    if (periodId === undefined) {
      for (const ask of asks) draft.allow(ask.label);
      const held = target.forces.map(
        (f, i) =>
          `${draft.forceName(f)}: ${nearestPeriods(series[i] ?? [], asks)
            .map((g) => stateGroup(g, draft, false))
            .join('; ')}`,
      );
      return draft.noData(
        'period_not_held',
        `We don't hold ${metric.label} for ${joinNames(asks.map((a) => a.label))}. What we hold: ${held.join('. ')}.`,
        frameOf('comparison', frame, target, []),
        'comparison',
      );
    }
  } else periodId = commonPeriods(series)[0];

  const rows: Array<
    { force: string; value: number; text: string; fact: number; period: Period; obs?: Observation } | { force: string; none: true; conflict?: true }
  > = [];
  const conflicts: string[] = [];
  for (const [i, f] of target.forces.entries()) {
    const group = (series[i] ?? []).find((g) => g.period.id === periodId) ?? (periodId === undefined ? (series[i] ?? []).at(-1) : undefined);
    // Two or three shares side by side are given with the counts they are of, so each can be checked.
    const share = group && asShare ? shareFor(ctx, draft, f, metric, group.period.id, target.forces.length <= 3 ? 'both' : 'none') : undefined;
    if (!group || (asShare && !share)) rows.push({ force: f, none: true });
    else if (share) rows.push({ force: f, value: share.value, text: share.text, fact: share.fact, period: group.period });
    else if (group.observations.length > 1) {
      // Sources disagree for this force and period: no one value to compare, so both are shown.
      conflicts.push(`${draft.forceName(f)} is left out of the comparison: ${stateGroup(group, draft, false)}.`);
      rows.push({ force: f, none: true, conflict: true });
    } else {
      const obs = group.observations[0] as Observation;
      const s = draft.stated(obs);
      rows.push({ force: f, value: obs.value, text: `${s.shown} ${s.marks}`, fact: s.index, period: group.period, obs });
    }
  }
  const have = rows.filter((r): r is Extract<typeof r, { value: number }> => !('none' in r)).sort((a, b) => b.value - a.value);
  const lacking = [...missing, ...rows.filter((r) => 'none' in r && !('conflict' in r)).map((r) => r.force)];
  const disputed = conflicts.length > 0 ? ` ${conflicts.join(' ')}` : '';
  const label = asShare && metric.unit !== 'percent' ? `share of ${metric.label}` : metric.label;
  if (have.length < 2) {
    if (have.length === 1) {
      const only = have[0] as (typeof have)[number];
      const without =
        lacking.length > 0 ? ` We hold no comparable figure for ${joinNames(lacking.map((f) => draft.forceName(f)))}, so we cannot compare them.` : '';
      const text = `${draft.forceName(only.force)}: ${only.text} ${label} ${inPeriod(only.period)}.${without}${disputed}`;
      return draft.noData('metric_not_held', text, frameOf('comparison', frame, target, [only.period.id]), 'comparison');
    }
    return noMetric(ctx, frame, draft, target.forces, [{ metric, score: 1, unitFits: true }]);
  }
  const samePeriod = have.every((r) => r.period.id === (have[0] as (typeof have)[number]).period.id);
  const [hi, lo] = have as [(typeof have)[number], (typeof have)[number]];
  // A force's count against England and Wales's total (which includes it) shows its part of the
  // whole, never "more" or "fewer": forces differ in size.
  const whole = have.find((r) => ctx.forces.get(r.force)?.kind === 'area');
  const part = have.find((r) => r !== whole);
  if (!asShare && whole && part && samePeriod && canSum(metric) && have.length === 2 && whole.value > 0) {
    const pct = round1((part.value / whole.value) * 100);
    const partWorking = `${formatNumber(part.value)} ÷ ${formatNumber(whole.value)} = ${formatNumber(pct)}%`;
    draft.computed(
      {
        force: part.force,
        forceName: draft.forceName(part.force),
        periodId: part.period.id,
        period: part.period.label,
        metric: `${metric.id}-share-of-national`,
        metricLabel: `share of England and Wales's ${metric.label}`,
        unit: 'percent',
      },
      pct,
      'share',
      [part.fact, whole.fact],
      partWorking,
    );
    draft.allow(part.period.label);
    const text = `${capitalise(inPeriod(part.period))}, ${draft.forceName(part.force)} had ${part.text} ${label}, ${formatNumber(pct)}% of England and Wales's ${whole.text} (our calculation: ${partWorking}). A count alone cannot say whether a force is above or below the national picture, as forces differ in size; ask for a rate or a share to compare them.${disputed}`;
    return draft.answered('comparison', text, frameOf('comparison', frame, { ...target, forces: have.map((r) => r.force) }, [part.period.id]));
  }
  const unit = asShare ? 'percent' : metric.unit;
  const diff = round1(hi.value - lo.value);
  const working = `${formatValue(hi.value, unit)} − ${formatValue(lo.value, unit)} = ${unit === 'percent' ? `${formatNumber(diff)} percentage points` : formatNumber(diff)}`;
  // The two forces' figures, as the facts worked from them (a difference, a ratio) name them.
  const between = {
    force: `${hi.force}-vs-${lo.force}`,
    forceName: `${draft.forceName(hi.force)} vs ${draft.forceName(lo.force)}`,
    periodId: hi.period.id,
    period: hi.period.label,
    metric: metric.id,
  };
  draft.computed({ ...between, metricLabel: `difference in ${label}`, unit: metric.unit }, diff, 'difference', [hi.fact, lo.fact], working);
  const when = samePeriod ? `${inPeriod(hi.period)}, ` : '';
  // "Which saw fewer…?" is answered the way it was asked: the lower one first; a comparison asking
  // neither way ("how does Cambridgeshire compare with Essex?") is said of the force named first.
  // A claim says which way it is asked ("more … than the Met", whatever else it says is smaller).
  const claimed = typeof frame.checksClaim === 'string' ? frame.checksClaim : undefined;
  const lower =
    claimed === 'more' || claimed === 'fewer'
      ? claimed === 'fewer'
      : frame.ranking.direction === 'lowest' || (frame.ranking.direction === undefined && have.length === 2 && lo.force === target.forces[0]);
  const first = lower ? lo : hi;
  const ordered = lower ? [lo, hi] : [hi, lo];
  const more = asShare
    ? lower
      ? 'the lower'
      : 'the higher'
    : metric.aggregation === 'average' || metric.aggregation === 'rate'
      ? lower
        ? 'a lower'
        : 'a higher'
      : lower
        ? 'fewer'
        : 'more';
  // "Was Kent above or below the England and Wales figure?": said of the force, against the whole.
  const subject = whole && have.length === 2 ? have.find((r) => r !== whole) : undefined;
  const Then = when ? capitalise(when) : '';
  // Days taken: more days is slower, said in words ("was Gloucestershire faster or slower?").
  const timed = ctx.measures.get(metric.measure)?.duration === true;
  const pace = (higher: boolean) => (timed ? ` (${higher ? 'slower' : 'quicker'})` : '');
  // "Is it true South Wales logged more … than the Met?": the force named first, claimed the higher
  // (or the lower), is or is not.
  const claim = have.length === 2 && !whole && (diff !== 0 || claimed === 'same') ? claimed : undefined;
  const claimedSide = claim === 'more' ? hi : lo;
  let text =
    (claim === 'same' ? verdict(diff === 0) : claim ? verdict(claimedSide.force === target.forces[0]) : '') +
    (diff === 0
      ? `${Then}${joinNames(have.map((r) => draft.forceName(r.force)))} had the same ${label}: ${hi.text}.`
      : subject && whole
        ? `${Then}${draft.forceName(subject.force)} had a ${subject.value > whole.value ? 'higher' : 'lower'} ${label} than England and Wales${pace(subject.value > whole.value)}: ${draft.forceName(subject.force)} ${subject.text}, against England and Wales ${whole.text}. Difference: ${working} (our calculation).`
        : `${Then}${draft.forceName(first.force)} had ${more} ${label}${pace(!lower)}: ${ordered.map((r) => `${draft.forceName(r.force)} ${r.text}`).join(', against ')}. Difference: ${working} (our calculation).`);
  // "How many times the national average?": the larger as a multiple of the smaller.
  if (frame.ratio && diff !== 0 && lo.value > 0) {
    const times = round1(hi.value / lo.value);
    const ratioWorking = `${formatValue(hi.value, unit)} ÷ ${formatValue(lo.value, unit)} = ${formatNumber(times)}`;
    draft.computed({ ...between, metricLabel: `ratio of ${label}`, unit: 'count' }, times, 'ratio', [hi.fact, lo.fact], ratioWorking);
    text += ` ${draft.forceName(hi.force)}'s figure is ${formatNumber(times)} times ${draft.forceName(lo.force)}'s (our calculation: ${ratioWorking}).`;
  }
  if (!samePeriod)
    draft.note(
      `These figures are for different periods (${have.map((r) => `${draft.shortName(r.force)}: ${r.period.label}`).join('; ')}), so compare them with care.`,
    );
  for (const r of have) draft.allow(r.period.label);
  // An outcome's count beside the share its table states for each force ("reviews found not
  // reasonable": 16 of Thames Valley's, 35%) says more about size than a rate per head of workforce.
  const shares = asksPerHead(frame) || asShare ? [] : have.flatMap((r) => statedShareOf(ctx, r.force, metric, r.period.id) ?? []);
  if (shares.length > 0 && shares.length === have.length) {
    const whole = totalMetric(ctx, metric)?.label ?? 'the total';
    draft.allow(whole);
    const stated = shares.map((o) => {
      const st = draft.stated(o);
      return `${draft.forceName(o.force)} ${st.shown} ${st.marks}`;
    });
    text += `
As shares of all ${whole}, as the table states them: ${stated.join(', against ')}.`;
  }
  // Forces differ in size: a rate per 1,000 workforce is offered wherever both inputs are held, and
  // leads the answer when the question asked for one ("per 1,000 workforce, did X or Y…").
  const rates = canRatePerHead(metric) && shares.length === 0 ? have.map((r) => (r.obs ? ratePer1000(ctx, draft, r.obs, r.fact) : undefined)) : [];
  if (rates.length > 0 && rates.every((r) => r !== undefined)) {
    const rated = have.map((r, i) => ({ force: r.force, rate: rates[i] as OurRate }));
    const byRate = [...rated].sort((a, b) => (lower ? a.rate.value - b.rate.value : b.rate.value - a.rate.value));
    const [top, ...rest] = byRate as [(typeof byRate)[number], ...typeof byRate];
    const against = rest.map((r) => `${r.rate.shown} for ${draft.forceName(r.force)}`).join(' and ');
    const working = `Our calculation: ${byRate.map((r) => `${draft.forceName(r.force)} ${r.rate.working}`).join('; ')}.`;
    if (asksPerHead(frame))
      text = `Allowing for size${when ? `, ${when.trim().replace(/,$/, '')}` : ''}, ${draft.forceName(top.force)} had the ${lower ? 'lower' : 'higher'} rate of ${label}: ${top.rate.shown}, against ${against}. ${working}\nIn numbers: ${text}`;
    else text += `\nAllowing for size: ${draft.forceName(top.force)} ${top.rate.shown}, against ${against}. ${working}`;
  }
  if (lacking.length > 0) text += ` We hold no comparable figure for ${joinNames(lacking.map((f) => draft.forceName(f)))}.`;
  text += disputed;
  return draft.answered('comparison', text, frameOf('comparison', frame, { ...target, forces: have.map((r) => r.force) }, [hi.period.id]));
}

function change(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, target: Target, type: 'change' | 'trend'): Answer {
  const force = target.forces[0] as string;
  const { metric } = target;
  const all = byPeriod(ctx.store.of(force, metric.id));
  // A period whose sources disagree has no one value to measure a change from: it is shown, not used.
  const groups = all.filter((g) => g.observations.length === 1);
  const disputed = all.filter((g) => g.observations.length > 1);
  const { since, anchor } = frame.periods;
  const asks = firmAsks(groups, frame.periods.asks);
  // "IOPC reports with a case to answer since 2018": one period held, and it starts then: that figure
  // answers, with no change claimed.
  const [only] = groups;
  const sinceAsk = frame.periods.asks[0];
  if (groups.length === 1 && only && since && sinceAsk?.kind === 'year' && Number((only.period.start ?? '').slice(0, 4)) >= sinceAsk.year) {
    draft.allow(sinceAsk.label);
    return draft.answered(
      'lookup',
      `${draft.forceName(force)}: ${stateGroup(only, draft)}. This is the one period we hold it for, so no change since ${sinceAsk.label} can be worked out.`,
      frameOf('lookup', frame, target, [only.period.id]),
    );
  }
  // "…1,019 allegations, an increase of 37% on the previous year": one year held, its change stated.
  const [single] = groups;
  const saidOnly = groups.length === 1 && single?.observations.length === 1 ? statedChange(single.observations[0] as Observation) : undefined;
  if (single && saidOnly !== undefined) {
    draft.allow(saidOnly.shown);
    // "Did they go up in 2023/24?": the source's own word on which way, said as the source's.
    const claim = riseOrFallClaimed(frame);
    const judged = claim ? `${saidOnly.rise === (claim === 'rise') ? 'Yes' : 'No'}, by its source's account. ` : '';
    return draft.answered(
      type,
      `${judged}${draft.forceName(force)}: ${stateGroup(single, draft)}. Its source states the change on the year before as ${saidOnly.rise ? 'a rise' : 'a fall'} of ${saidOnly.shown} ${draft.stated(single.observations[0] as Observation).marks}; we hold no figure for the year before to check it.`,
      frameOf(type, frame, target, [single.period.id]),
    );
  }
  if (groups.length < 2) {
    const held = groups.map((g) => stateGroup(g, draft, false));
    const differ = disputed.map((g) => stateGroup(g, draft, false));
    const what = groups.length === 0 ? 'no period with a single value' : 'only one period with a single value';
    const text = `We can't say how ${metric.label} changed for ${draft.forceName(force)}: we hold ${what}${held.length > 0 ? `, ${held.join('; ')}` : ''}.${differ.length > 0 ? ` We hold ${joinNames(differ)}, and compute no change from either.` : ''}`;
    return draft.noData(
      'period_not_held',
      text,
      frameOf(
        type,
        frame,
        target,
        groups.map((g) => g.period.id),
      ),
      type,
    );
  }
  const conflicts = disputed.map((g) => ` ${capitalise(stateGroup(g, draft))}, and compute no change from either.`).join('');
  let from: PeriodGroup | undefined;
  let to: PeriodGroup | undefined;
  const { matched, unmatched } = selectPeriods(groups, asks, anchor);
  // "…2022/23, and the change on 2021/22", where 2021/22's sources differ: the change from each.
  const differing = unmatched.length === 1 && matched.length === 1 && !since ? selectPeriods(disputed, unmatched, anchor).matched : [];
  if (differing.length === 1) return changeFromDisputed(draft, frame, target, type, all, matched[0] as PeriodGroup, differing[0] as PeriodGroup);
  if (asks.length > 0 && unmatched.length > 0 && matched.length < (since ? 1 : asks.length)) return periodNotHeld(ctx, frame, draft, target, unmatched);
  const sorted = [...matched].sort((a, b) => groups.indexOf(a) - groups.indexOf(b));
  if (type === 'trend' || (since && sorted.length <= 1)) {
    from = sorted[0] ?? groups[0];
    to = groups.at(-1);
    // "Has it gone up since, going by the 2024/25 table?": the year named is the latest held, the
    // change asked is into it, from the year held before.
    if (from === to && since && from !== undefined) from = groups[groups.indexOf(from) - 1];
  } else if (sorted.length >= 2) {
    from = sorted[0];
    to = sorted.at(-1);
  } else if (sorted.length === 1) {
    to = sorted[0] as PeriodGroup;
    from = groups[groups.indexOf(to) - 1];
    // "Did they fall in 2022/23?" is on the year just before, even where its sources differ: the change
    // from each of its figures, never from an older year held once.
    const end = (g: PeriodGroup | undefined) => g?.period.end ?? '';
    const between = disputed.filter((g) => end(g) > end(from) && end(g) < end(to)).at(-1);
    if (between) return changeFromDisputed(draft, frame, target, type, all, to, between);
    if (!from) {
      from = to;
      to = groups[groups.indexOf(sorted[0] as PeriodGroup) + 1];
    }
  } else {
    to = groups.at(-1);
    from = groups.at(-2);
  }
  if (!from || !to || from === to) {
    const held = nearestPeriods(groups, frame.periods.asks)
      .map((g) => stateGroup(g, draft, false))
      .join('; ');
    return draft.noData(
      'period_not_held',
      `We can't compare those periods of ${metric.label} for ${draft.forceName(force)}. We hold: ${held}.`,
      frameOf(type, frame, target, []),
      type,
    );
  }
  // "Was the share … lower in 2024/25 than in 2022/23?": the shares' change, not the counts'.
  const shares = asksShare(frame) && metric.unit === 'count' ? shareChangeText(ctx, frame, draft, force, metric, from, to) : undefined;
  if (shares) return draft.answered(type, shares, frameOf(type, frame, target, [to.period.id, from.period.id]));
  const a = from.observations[0] as Observation;
  const b = to.observations[0] as Observation;
  const sa = draft.stated(a);
  const sb = draft.stated(b);
  const diff = b.value - a.value;
  const unit = metric.unit;
  const diffWorking = changeWorking(a.value, b.value, unit);
  const base = {
    force,
    forceName: draft.forceName(force),
    periodId: `${a.period.id}..${b.period.id}`,
    period: `${a.period.label} to ${b.period.label}`,
    metric: metric.id,
    unit,
  };
  draft.computed({ ...base, metricLabel: `change in ${metric.label}` }, diff, 'difference', [sa.index, sb.index], diffWorking);
  const direction = diff > 0 ? 'rose' : diff < 0 ? 'fell' : 'did not change';
  // "Did complaints fall …?": answered yes or no before the figures.
  const claim = changeClaimed(frame);
  const borneOut = claim === 'double' ? b.value >= 2 * a.value : claim === 'halve' ? 2 * b.value <= a.value : diff !== 0 && diff > 0 === (claim === 'rise');
  let text = `${claim ? verdict(borneOut) : ''}${capitalise(metric.label)} for ${draft.forceName(force)} ${direction} from ${sa.shown} ${inPeriod(a.period)} ${sa.marks} to ${sb.shown} ${inPeriod(b.period)} ${sb.marks}`;
  if (diff !== 0 && unit === 'count' && a.value !== 0) {
    const pct = round1((diff / a.value) * 100);
    const pctWorking = `${diff < 0 ? '−' : ''}${formatNumber(Math.abs(diff))} ÷ ${formatNumber(a.value)} = ${pct < 0 ? '−' : ''}${formatNumber(Math.abs(pct))}%`;
    draft.computed({ ...base, metricLabel: `percentage change in ${metric.label}`, unit: 'percent' }, pct, 'percent_change', [sa.index, sb.index], pctWorking);
    // "Has it doubled?": a rise of 100% or more said in words as well.
    const factor = b.value >= 3 * a.value ? 3 : b.value >= 2 * a.value ? 2 : undefined;
    const times = factor && a.value > 0 ? ` (${b.value > factor * a.value ? 'more than ' : ''}${factor === 3 ? 'tripled' : 'doubled'})` : '';
    text += `: ${diff > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(diff))}, or ${formatNumber(Math.abs(pct))}%${times}. Our calculation: ${diffWorking}; ${pctWorking}.`;
    const said = statedChange(b, pct)?.shown;
    if (said !== undefined) {
      draft.allow(said);
      text += ` The source puts it at ${said} ${sb.marks}.`;
    }
  } else if (diff !== 0) text += `. Our calculation: ${diffWorking}.`;
  else text += '.';
  const between = groups.slice(groups.indexOf(from) + 1, groups.indexOf(to));
  if (between.length > 0) text += ` In between: ${between.map((g) => stateGroup(g, draft, false)).join('; ')}.`;
  if (a.qualifier || b.qualifier) text += ' The source gives these figures as approximate, so the change is approximate too.';
  if (from.period.kind === 'unstated' || to.period.kind === 'unstated') text += ' The source does not say which year its latest figures cover.';
  text += conflicts;
  return draft.answered(type, text, frameOf(type, frame, target, [to.period.id, from.period.id]));
}

/** "86,160 − 87,786 = −1,626": the later figure less the earlier, signed. */
function changeWorking(earlier: number, later: number, unit: Metric['unit']): string {
  const diff = later - earlier;
  return `${formatValue(later, unit)} − ${formatValue(earlier, unit)} = ${diff < 0 ? '−' : ''}${formatValue(Math.abs(diff), unit)}`;
}

/** A change between a period held once and one whose sources differ, worked from each of the
 * latter's figures; its direction said where both agree. */
function changeFromDisputed(
  draft: AnswerDraft,
  frame: QueryFrame,
  target: Target,
  type: 'change' | 'trend',
  all: PeriodGroup[],
  single: PeriodGroup,
  differing: PeriodGroup,
): Answer {
  const force = target.forces[0] as string;
  const { metric } = target;
  const singleFirst = all.indexOf(single) < all.indexOf(differing);
  const one = single.observations[0] as Observation;
  const s = draft.stated(one);
  const changes = differing.observations.map((o) => {
    const other = draft.stated(o);
    const [a, b] = singleFirst ? [one, o] : [o, one];
    const diff = b.value - a.value;
    const working = changeWorking(a.value, b.value, metric.unit);
    const [ia, ib] = singleFirst ? [s.index, other.index] : [other.index, s.index];
    draft.computed(
      {
        force,
        forceName: draft.forceName(force),
        periodId: `${a.period.id}..${b.period.id}`,
        period: `${a.period.label} to ${b.period.label}`,
        metric: metric.id,
        metricLabel: `change in ${metric.label}`,
        unit: metric.unit,
      },
      diff,
      'difference',
      [ia, ib],
      working,
    );
    return { diff, working, shown: `${other.shown} ${other.marks}` };
  });
  const signs = new Set(changes.map((c) => Math.sign(c.diff)));
  const [later, earlier] = singleFirst ? [differing.period, single.period] : [single.period, differing.period];
  // "Did they fall …?": a verdict only where every source's figure gives the same direction.
  const claim = riseOrFallClaimed(frame);
  const diff = signs.size === 1 ? (changes[0]?.diff ?? 0) : 0;
  const judged = claim && diff !== 0 ? verdict(diff > 0 === (claim === 'rise')) : '';
  const direction =
    signs.size === 1
      ? (changes[0]?.diff ?? 0) > 0
        ? 'rose'
        : (changes[0]?.diff ?? 0) < 0
          ? 'fell'
          : 'did not change'
      : 'rose or fell, depending on the source';
  draft.allow(later.label);
  draft.allow(earlier.label);
  const text =
    `${judged}${capitalise(metric.label)} for ${draft.forceName(force)} ${direction} from ${earlier.label} to ${later.label}: ` +
    `${s.shown} ${s.marks} ${inPeriod(single.period)}, against ${changes.map((c) => c.shown).join(' or ')} ${inPeriod(differing.period)}, whose sources differ. ` +
    `Our calculation, from each: ${changes.map((c) => c.working).join('; ')}.`;
  return draft.answered(type, text, frameOf(type, frame, target, [single.period.id, differing.period.id]));
}

/** The changes each observation's sources state, read once per observation: a national figure may
 * have thousands of sources, and every change answered from it would read them all again. */
const statedChanges = memoisedPer((later: Observation, _: 'changes'): StatedChange[] =>
  later.figures.flatMap((f) => {
    const after = /(\d+(?:\.\d+)?)\s?(%|per cent)\s+(rise|increase|fall|drop|decrease|reduction)/i.exec(f.quote);
    const before = after ? null : /(up|down|rise of|increase of|fall of|drop of|decrease of)\s+(\d+(?:\.\d+)?)\s?(%|per cent)/i.exec(f.quote);
    const [pct, unit, word] = after ? [after[1], after[2], after[3]] : before ? [before[2], before[3], before[1]] : [];
    if (pct === undefined || word === undefined) return [];
    const rise = /^(up|rise|increase)/i.test(word);
    return [{ pct: Number(pct), shown: `${pct}${unit === '%' ? '%' : ' per cent'}`, rise }];
  }),
);

/** A change a source states: its size in percent, as written, and whether it was a rise. */
interface StatedChange {
  pct: number;
  shown: string;
  rise: boolean;
}

/** The change as the later figure's own sentence states it ("a 33% rise … from 1,802 … to 2,402"),
 * where it agrees with ours to the nearest point: the figure a reader will see quoted elsewhere. */
function statedChange(later: Observation, pct?: number): StatedChange | undefined {
  return statedChanges(later, 'changes').find((s) => pct === undefined || Math.abs(s.pct - Math.abs(pct)) < 1);
}

/** A sentence stating a number of the breakdown the question names ("'Delivery of duties and service'
 * accounted for 40%…"), read only from documents naming that breakdown in full. */
function statedNationally(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const named = frame.measure.breakdowns[0];
  const label = named === undefined ? undefined : ctx.outcomes.get(named.id)?.label;
  // A measure named outright ("finalised under Schedule 3") is what a sentence would have to count.
  if (label === undefined || frame.measure.fits.some((f) => !f.loose)) return undefined;
  const documents = new Set(ctx.passages.find(label, DOCUMENTS_NAMING, { allWords: true }).map((h) => h.passage.docId));
  return documents.size > 0 ? readText(ctx, frame, draft, [], documents, true, true) : undefined;
}

/** Passages read to find the documents naming a breakdown. */
const DOCUMENTS_NAMING = 30;
