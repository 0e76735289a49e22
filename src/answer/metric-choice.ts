/**
 * Choosing the metric a figure question is answered with: the measures and breakdowns its words fit
 * (read against the catalogue's relations: a published rate per 1,000 of a count, the count of cases
 * whose time a measure takes, the breakdowns of the previous answer's measure), then, among equally
 * good fits, the figures held for the forces and period asked.
 */
import { isKindOfAllegation, type Measure, type Metric, type Outcome, type Period } from '../model/data.ts';
import type { Fit, MeasureReading, QueryFrame } from '../model/frame.ts';
import { rankMetrics, type MetricChoice } from '../understand/metrics.ts';
import { STOPWORDS, stem, words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import { asksPerHead, asksShare, forcesOf } from './frame-reading.ts';
import { ASKED_PERIOD_HELD, periodFit } from './period-fit.ts';
import { NATIONAL } from '../understand/forces.ts';
import { type PeriodAsk, periodMatches } from '../understand/periods.ts';
import { documentsNamed, seriesStatedIn } from './named-documents.ts';
import { expandPhrase } from '../understand/phrases.ts';
import { memoisedPer } from '../text/memo.ts';

/** Intents that relate figures to one another. */
const RELATING: ReadonlySet<QueryFrame['intent']> = new Set(['compare', 'change', 'trend']);

/** Of the measures counting `outcome` for the places asked (England and Wales when none is), among
 * `among` if given, the one whose own words the question shares most, if exactly one does; a whole
 * before its parts ("finalised under Schedule 3" before those of them investigated). */
function categoryHolder(ctx: AnswerContext, frame: QueryFrame, outcome: string, among?: readonly string[]): string | undefined {
  const forces = forcesOf(frame);
  const places = forces.length > 0 ? forces : [NATIONAL];
  const holders = [...new Set(ctx.metrics.filter((m) => m.outcome === outcome && places.some((f) => ctx.store.holds(f, m.id))).map((m) => m.measure))].filter(
    (id) => (among === undefined || among.includes(id)) && ctx.measures.get(id)?.partOf === undefined,
  );
  const asked = new Set(frame.keywords.map(stem));
  const shared = (id: string) => [...measureStems(ctx).own(id)].filter((w) => asked.has(w)).length;
  const scored = holders.map((id) => ({ id, n: shared(id) })).sort((a, b) => b.n - a.n);
  const [best, next] = scored;
  return best !== undefined && best.n > 0 && (next === undefined || next.n < best.n) ? best.id : undefined;
}

/** The stems of each measure's own words (label and phrases), all of them (`own`) and less those so
 * common among the measures (in a quarter or more: "complaints", "allegations", "officers") that they
 * name none apart (`distinct`); worked out once per catalogue. */
interface MeasureStems {
  own: (id: string) => ReadonlySet<string>;
  distinct: (id: string) => ReadonlySet<string>;
}
const stemsByCatalogue = new WeakMap<AnswerContext['measures'], MeasureStems>();

function measureStems(ctx: AnswerContext): MeasureStems {
  const known = stemsByCatalogue.get(ctx.measures);
  if (known) return known;
  const own = new Map(
    [...ctx.measures.values()].map((m) => [m.id, new Set([m.label, ...m.terms].flatMap((t) => words(t).map(stem)).filter((w) => !STOPWORDS.has(w)))]),
  );
  const spread = new Map<string, number>();
  for (const stems of own.values()) for (const w of stems) spread.set(w, (spread.get(w) ?? 0) + 1);
  const common = (w: string) => (spread.get(w) ?? 0) * 4 >= own.size;
  const distinct = new Map([...own].map(([m, stems]) => [m, new Set([...stems].filter((w) => !common(w)))]));
  const none = new Set<string>();
  const made: MeasureStems = { own: (id) => own.get(id) ?? none, distinct: (id) => distinct.get(id) ?? none };
  stemsByCatalogue.set(ctx.measures, made);
  return made;
}

/** Whether the question's words name `asked` apart from `other`: a word of the question in the
 * phrases of the one and not of the other ("finalised under Schedule 3" is not "logged"), so `other`
 * would answer a different measure than the one asked. The breakdown's own words name neither
 * ("abuse of position" is a kind of allegation, and a phrase of the inspectorate's measure). */
function namesApart(ctx: AnswerContext, frame: QueryFrame, asked: string, other: string, breakdown: Outcome): boolean {
  const own = measureStems(ctx).distinct(asked);
  const theirs = measureStems(ctx).distinct(other);
  const kind = new Set(breakdown.terms.flatMap((t) => words(t).map(stem)));
  return frame.keywords.some((w) => {
    const s = stem(w);
    return own.has(s) && !theirs.has(s) && !kind.has(s);
  });
}

/** The period asked when none is: the newest held. */
const NEWEST: PeriodAsk = { kind: 'latest', label: 'the latest year' };

/** How far a published rate per 1,000 of a measure asked "per 1,000" comes before the count. */
const PUBLISHED_RATE_FIRST = 0.5;

/**
 * The frame's reading of what is counted, with the catalogue's relations applied:
 * - "per 1,000 employees" of a count the source publishes a rate of is that published rate;
 * - "and how many cases was that?" after a time taken is the count of those cases, and "how long
 *   did they take?" after a count is its time taken;
 * - a breakdown the previous answer's measure has ("how many were dismissed?" after officers with a
 *   case to answer) is of that measure, unless the words name another measure more fully;
 * - a measure of the old complaints system and the one that superseded it fit each other's words, the
 *   period asked deciding ("allegations recorded" in 2024/25, "allegations per 1,000" in 2013-14).
 */
/** Words asking how many things there were, not a figure's value again. */
const COUNTING: ReadonlySet<string> = new Set(['many', 'number', 'cases', 'complaints', 'allegations']);

export function readingFor(ctx: AnswerContext, frame: QueryFrame): MeasureReading {
  const reading = frame.measure;
  const carried = reading.carried;
  let fits: Fit[] = reading.fits;
  // "Race specifically, not all discrimination": a kind named by words of its own beside the wider
  // kind it belongs to is the one asked; the wider only says which family it is of (unless a share of
  // the wider is asked: "what share of discriminatory behaviour allegations were about race?").
  const apart = new Set(asksShare(frame) ? [] : (reading.apart ?? []));
  const narrowerNamed = (id: string) => apart.has(id) && reading.breakdowns.some((o) => apart.has(o.id) && ctx.outcomes.get(o.id)?.within === id);
  let breakdowns = reading.breakdowns.filter((b) => !narrowerNamed(b.id));
  if (fits.length === 0 && carried !== undefined && frame.context !== undefined) {
    const measure = ctx.measures.get(carried.measure);
    // "…and how many cases was that?" after the days counts the cases; "and the national figure?" asks
    // the days again.
    const counting = frame.quantity && frame.keywords.some((w) => COUNTING.has(w));
    if (measure?.timeOf !== undefined && !reading.duration && counting) fits = [{ id: measure.timeOf, score: 1 }];
    else if (reading.duration && !measure?.duration)
      fits = [...ctx.measures.values()].filter((m) => m.timeOf === carried.measure).map((m) => ({ id: m.id, score: 1 }));
  }
  if (carried !== undefined && frame.context !== undefined) {
    const named = [...reading.breakdowns, ...reading.inside];
    const ofCarried = named.find((b) => ctx.metrics.some((m) => m.measure === carried.measure && m.outcome === b.id));
    const fuller = fits.some((f) => !f.loose && f.score > (ofCarried?.score ?? Infinity));
    if (ofCarried && !fuller) fits = [{ id: carried.measure, score: ofCarried.score + 1 }];
    // "…and how many of them were officers?": the part of the measure in context that the role names.
    const role = reading.breakdowns.map((b) => ctx.outcomes.get(b.id)).find((o) => o?.dimension === 'role');
    if (role && fits.every((f) => f.loose)) {
      const part = [...ctx.measures.values()].find((m) => m.partOf === carried.measure && role.terms.some((t) => m.terms.some((mt) => mt.startsWith(t))));
      if (part) fits = [{ id: part.id, score: 1 }];
    }
    // "…and how long did they take?" after a count: of the times its words fit as well, those of the
    // cases just counted.
    const top = Math.max(...fits.map((f) => f.score));
    const timeOfCarried = fits.filter((f) => f.score === top && ctx.measures.get(f.id)?.timeOf === carried.measure);
    if (reading.duration && timeOfCarried.length > 0) fits = timeOfCarried;
    // "Allegations finalised outside Schedule 3 …, and how long did they take?": words of time that pick
    // no measure of their own (several fit alike) time the count just given, where it has a time.
    if (reading.duration && timeOfCarried.length === 0 && fits.filter((f) => f.score === top).length >= 2) {
      const own = [...ctx.measures.values()].filter((m) => m.timeOf === carried.measure);
      if (own.length === 1) fits = [{ id: (own[0] as Measure).id, score: top }];
    }
  }
  // "Cases with a case to answer that involved a death or serious injury": an outcome that none of the
  // measures the words fit has, and only one other measure of the same publications does.
  // The family a question names ("in the BBC's analysis") leads, else the best fit's.
  const family = reading.family ?? (fits[0] && ctx.measures.get(fits[0].id)?.family);
  const top = fits.find((f) => ctx.measures.get(f.id)?.family === family) ?? fits[0];
  // "Appeals to the IOPC upheld": another measure's outcome, said of this one, is one of its own.
  const own = top ? ctx.measures.get(top.id)?.outcomeWords : undefined;
  if (own) breakdowns = breakdowns.map((b) => (own[b.id] === undefined ? b : { ...b, id: own[b.id] as string }));
  for (const b of breakdowns) {
    const outcome = ctx.outcomes.get(b.id);
    if (!top || !outcome || outcome.generic) continue;
    const counts = (id: string) => ctx.metrics.some((m) => m.measure === id && m.outcome === b.id);
    if (counts(top.id)) continue;
    // Where a weaker fit counts it ("cases" beside "case to answer"), that fit comes up level with the best.
    const counting = fits.filter((f) => counts(f.id));
    // Another measure stands in only where it holds the kind for a year asked: "discriminatory behaviour
    // allegations finalised under Schedule 3 in 2024/25" is never answered with those logged in 2023/24.
    const asked = frame.periods.asks.filter((a) => a.kind !== 'latest' && a.kind !== 'previous');
    const holdsAsked = (measure: string) =>
      asked.length === 0 ||
      ctx.metrics.some((m) => m.measure === measure && m.outcome === b.id && periodFit(ctx, m.id, forcesOf(frame), asked) >= ASKED_PERIOD_HELD);
    const holders = [...new Set(ctx.metrics.filter((m) => m.outcome === b.id).map((m) => m.measure))].filter(
      (id) => ctx.measures.get(id)?.family === family && holdsAsked(id),
    );
    if (counting.length > 0) fits = fits.map((f) => (counts(f.id) && f.score < top.score ? { ...f, score: top.score } : f));
    else if (holders.length === 1 && !namesApart(ctx, frame, top.id, holders[0] as string, outcome))
      fits = [...fits, { id: holders[0] as string, score: top.score }];
    else if (isKindOfAllegation(ctx.outcomes.get(b.id)) && (holders.length > 1 || !reading.family)) {
      // "Sex discrimination complaints finalised": several measures of the publications count the
      // category; "GMP use of police vehicles complaints allegations": none of theirs does. The one that
      // holds it for the place asked and shares most words with the question answers (its label says which).
      const other = categoryHolder(ctx, frame, b.id, holders.length > 1 ? holders : undefined);
      if (other !== undefined && holdsAsked(other) && !namesApart(ctx, frame, top.id, other, outcome)) fits = [...fits, { id: other, score: top.score }];
    }
  }
  // "For how many Met officers with a case to answer was misconduct proven at a force panel?": the
  // measure whose phrase took "proven" is held for England and Wales only; a weaker fit of its family
  // that counts the finding for the force asked answers, the finding named outright.
  const places = forcesOf(frame).filter((f) => f !== NATIONAL);
  const best = fits[0];
  const heldFor = (measure: string, outcome?: string) =>
    ctx.metrics.some((m) => m.measure === measure && (outcome === undefined || m.outcome === outcome) && places.some((f) => ctx.store.holds(f, m.id)));
  if (best && places.length > 0 && !heldFor(best.id)) {
    const family = ctx.measures.get(best.id)?.family;
    for (const b of reading.inside) {
      const holder = fits.find((f) => f !== best && ctx.measures.get(f.id)?.family === family && heldFor(f.id, b.id));
      if (!holder) continue;
      fits = [{ ...holder, score: best.score }, ...fits.filter((f) => f !== holder)];
      breakdowns = [...breakdowns, b];
      break;
    }
  }
  // "Police staff with an IOPC case to answer": the words "case to answer" fit the officers' measure,
  // and the role named picks its sibling for staff (or the part of a whole the role names).
  // Only one role named: "officers versus staff" names both, each part its own.
  const roles = reading.breakdowns.map((b) => ctx.outcomes.get(b.id)).filter((o) => o?.dimension === 'role');
  const [role] = roles;
  // "Officers vs staff with a case to answer": both parts asked, each answered as named.
  if (role && roles.length === 1 && !frame.bothParts) fits = fits.map((f) => ({ ...f, id: ofRole(ctx, f.id, role) ?? f.id }));
  // "Allegations logged per 1,000 staff" for a force with no published rate: the count, rated by us;
  // the published rate first wherever it is held.
  const counts = fits.flatMap((f) => {
    const of = ctx.measures.get(f.id)?.rateOf;
    return of !== undefined && !fits.some((g) => g.id === of) ? [{ id: of, score: f.score }] : [];
  });
  if (counts.length > 0 && asksPerHead(frame))
    fits = [...fits.map((f) => (ctx.measures.get(f.id)?.rateOf !== undefined ? { ...f, preferred: true } : f)), ...counts];
  if (asksPerHead(frame)) {
    const counted = fits.length > 0 ? fits : carried !== undefined ? [{ id: carried.measure, score: 1 }] : [];
    // A published rate comes first only where it answers the period asked: "per officer in 2024/25"
    // is our rate of 2024/25's count, not the rate published for 2016-17.
    const asks = frame.periods.asks.filter((a) => a.kind !== 'latest' && a.kind !== 'held');
    const forces = forcesOf(frame);
    const answers = (measure: string) =>
      asks.length === 0 || ctx.metrics.some((m) => m.measure === measure && periodFit(ctx, m.id, forces, asks) >= ASKED_PERIOD_HELD);
    const rates = counted.flatMap((f) =>
      [...ctx.measures.values()].filter((m) => m.rateOf === f.id && answers(m.id)).map((m) => ({ ...f, id: m.id, score: f.score + PUBLISHED_RATE_FIRST })),
    );
    if (rates.length > 0) fits = [...rates, ...counted];
  }
  // "Allegations recorded" is the old system's word for what is now logged: where only measures of
  // the old system fit, the measures that superseded them fit as well, and the figures held for the
  // period asked decide.
  const successors = fits.flatMap((f) => {
    const next = ctx.measures.get(f.id)?.supersededBy;
    return next !== undefined && !fits.some((g) => g.id === next) ? [{ ...f, id: next }] : [];
  });
  // (Loose words beside them, "allegations recorded on complaints", name no current measure.)
  const named = fits.filter((f) => !f.loose);
  if (successors.length > 0 && named.length > 0 && named.every((f) => ctx.measures.get(f.id)?.supersededBy !== undefined))
    fits = [...fits, ...successors.filter((f) => named.some((n) => ctx.measures.get(n.id)?.supersededBy === f.id))];
  // And the other way: "allegations per 1,000 employees in 2013-14" is the old system's series, the one held then.
  const predecessors = fits.flatMap((f) =>
    [...ctx.measures.values()].filter((m) => m.supersededBy === f.id && !fits.some((g) => g.id === m.id)).map((m) => ({ ...f, id: m.id })),
  );
  if (predecessors.length > 0) fits = [...fits, ...predecessors];
  // "Of officers sent to a hearing, how many had gross misconduct proven?": the hearings' findings
  // are a measure of their own, following the hearing breakdown of the measure named further. It
  // fits as well as that measure and breakdown together, when the question names one of its findings.
  const breakdown = new Map(reading.breakdowns.map((b) => [b.id, b.score]));
  const further = fits.flatMap((f) =>
    [...ctx.measures.values()].flatMap((m) => {
      const via = m.refines?.measure === f.id ? breakdown.get(m.refines.outcome) : undefined;
      // Only a measure refining this fit is asked whether it counts a finding named: asked of every
      // measure, that walk of every metric was most of a figure answer's time.
      if (via === undefined || fits.some((g) => g.id === m.id)) return [];
      const finding = reading.breakdowns.some((b) => b.id !== m.refines?.outcome && ctx.metrics.some((x) => x.measure === m.id && x.outcome === b.id));
      return finding ? [{ ...f, id: m.id, score: f.score + via }] : [];
    }),
  );
  if (further.length > 0) fits = [...fits, ...further];
  fits = wholesOfParts(ctx, frame, fits);
  return fits === reading.fits && breakdowns === reading.breakdowns ? reading : { ...reading, fits, breakdowns };
}

/**
 * A whole whose parts add up, asked for: "informal and Schedule 3 combined" (two parts, each named
 * by words of its own, asked as a total) is the whole; and a whole named ("reviews of both kinds")
 * fits its parts as well, so that where the whole itself is not held their sum answers.
 */
function wholesOfParts(ctx: AnswerContext, frame: QueryFrame, fits: Fit[]): Fit[] {
  const score = (id: string) => fits.find((f) => f.id === id && !f.loose)?.score ?? 0;
  const partsOf = (whole: string) => [...ctx.measures.values()].filter((m) => m.partOf === whole);
  const wholes = [...ctx.measures.values()].filter((m) => m.partsAddUp === true);
  const top = Math.max(0, ...fits.map((f) => f.score));
  // Each part named beyond the words the whole shares with it, by a phrase of its own: "Schedule 3
  // complaint cases … the Welsh forces combined" sums forces, not "Schedule 3" and the cases outside it.
  const combined = frame.total
    ? wholes.find((w) => {
        const parts = partsOf(w.id);
        return parts.filter((p) => score(p.id) > score(w.id) && namedApart(p, parts, frame.keywords)).length >= 2;
      })
    : undefined;
  const asked = combined ? [{ id: combined.id, score: top + 1 }, ...fits.filter((f) => f.id !== combined.id)] : fits;
  const [best, ...rest] = asked;
  const whole = best === undefined || best.loose ? undefined : wholes.find((w) => w.id === best.id);
  if (best === undefined || whole === undefined) return asked;
  // In the order the question's words fit them; the whole itself first among equals where held.
  const at = (id: string) => {
    const i = rest.findIndex((f) => f.id === id);
    return i < 0 ? rest.length : i;
  };
  const parts = partsOf(whole.id)
    .filter((p) => !asked.some((f) => f.id === p.id && f.score === best.score))
    .sort((a, b) => at(a.id) - at(b.id));
  if (parts.length === 0) return asked;
  return [{ ...best, preferred: true }, ...parts.map((p) => ({ id: p.id, score: best.score })), ...rest.filter((f) => !parts.some((p) => p.id === f.id))];
}

/** Whether the question's content words hold a phrase of `part` that none of its sibling parts
 * has ("informal", "Schedule 3"), not only words they share ("complaint cases finalised"). */
function namedApart(part: Measure, parts: readonly Measure[], keywords: readonly string[]): boolean {
  const asked = new Set(keywords);
  const shared = new Set(parts.filter((p) => p !== part).flatMap((p) => spellingsOf(p, 'spellings').map((s) => s.text)));
  return spellingsOf(part, 'spellings').some((s) => !shared.has(s.text) && s.words.length > 0 && s.words.every((w) => asked.has(w)));
}

/** Every spelling of a measure's phrases with its content words, worked out once per measure: the
 * catalogue's alternatives expand to thousands of spellings, and answers ask for them often. */
const spellingsOf = memoisedPer((m: Measure, _: 'spellings') =>
  m.terms.flatMap(expandPhrase).map((text) => ({ text, words: words(text).filter((w) => !STOPWORDS.has(w)) })),
);

/** The measure beside `measure` (a sibling part of its whole, or a part of it) whose phrases begin
 * with the role's words, when `measure`'s own phrases never name the role. */
function ofRole(ctx: AnswerContext, measure: string, role: Outcome): string | undefined {
  const names = (m: Measure) => m.terms.some((t) => role.terms.some((r) => t === r || t.startsWith(`${r} `)));
  const own = ctx.measures.get(measure);
  if (!own || names(own)) return undefined;
  const whole = own.partOf;
  return [...ctx.measures.values()].find((m) => m.id !== measure && ((whole !== undefined && m.partOf === whole) || m.partOf === measure) && names(m))?.id;
}

/** Picks the metric to answer: the best-matching tier, then one the forces hold. */
export function chooseMetric(
  ctx: AnswerContext,
  frame: QueryFrame,
  forces: string[],
): { choices: MetricChoice[]; metric?: Metric; alsoFits: string[]; otherFamily?: Metric } {
  // "How many officers are currently suspended?": people named, and nothing counted of them, is no
  // measure; any figure that happens to count officers would answer another question.
  const { fits, breakdowns, carried } = frame.measure;
  const onlyWho = breakdowns.length > 0 && breakdowns.every((b) => ctx.outcomes.get(b.id)?.dimension === 'role');
  if (fits.length === 0 && carried === undefined && onlyWho && frame.measure.family === undefined) return { choices: [], alsoFits: [] };
  const found = chooseAnyMetric(ctx, frame, forces);
  const renamed = found.metric && countedAs(ctx, frame, forces, found.metric);
  const chosen = renamed ? { ...found, metric: renamed, alsoFits: [] } : found;
  // "According to the Home Office figures…": a figure of another family of publications answers
  // another question, so none is chosen; the answer says which family holds it.
  const family = frame.measure.family;
  const metric = chosen.metric;
  // A news report's measure counting a publisher's own (its countsAs) is of that publisher's family.
  const measure = metric === undefined ? undefined : ctx.measures.get(metric.measure);
  const familyOf = measure?.countsAs !== undefined ? ctx.measures.get(measure.countsAs)?.family : measure?.family;
  if (family !== undefined && metric !== undefined && familyOf !== family && !publisherNamed(ctx, frame, metric))
    return { choices: chosen.choices, alsoFits: [], otherFamily: metric };
  return chosen;
}

/** "Home Office complaint allegations in the year to March 2025": the years asked, where the measure
 * chosen holds none of them, held by a news report's measure that counts the same thing under a
 * looser name (its figures' notes say so). */
function countedAs(ctx: AnswerContext, frame: QueryFrame, forces: string[], metric: Metric): Metric | undefined {
  const asks = frame.periods.asks.filter((a) => a.kind !== 'latest' && a.kind !== 'previous');
  if (asks.length === 0 || periodFit(ctx, metric.id, forces, asks) >= ASKED_PERIOD_HELD) return undefined;
  return ctx.metrics.find(
    (m) =>
      ctx.measures.get(m.measure)?.countsAs === metric.measure &&
      m.outcome === metric.outcome &&
      m.unit === metric.unit &&
      periodFit(ctx, m.id, forces, asks) >= ASKED_PERIOD_HELD,
  );
}

/** The question names a publisher of the metric's figures ("according to the BBC" of a BBC News
 * report's figure), whatever family of publications the name also stands for. */
function publisherNamed(ctx: AnswerContext, frame: QueryFrame, metric: Metric): boolean {
  const asked = new Set(frame.keywords);
  const publishers = new Set(
    ctx.store
      .forcesFor(metric.id)
      .flatMap((f) => ctx.store.of(f, metric.id))
      .flatMap((o) => o.figures.map((figure) => ctx.documents.get(figure.source)?.publisher ?? '')),
  );
  return [...publishers].some((p) => {
    // "BBC News" is named by "the BBC".
    const ws = words(p).filter((w) => !STOPWORDS.has(w) && w !== 'news');
    return ws.length > 0 && ws.every((w) => asked.has(w));
  });
}

/**
 * The metrics the question's words fit that a paper it names reports for the places asked
 * ("according to the Petersfield Post"), best first: the paper's own figure answers, not another's.
 */
export function paperMetrics(ctx: AnswerContext, frame: QueryFrame, forces: string[]): MetricChoice[] {
  const papers = documentsNamed(ctx, frame);
  if (papers.size === 0) return [];
  // The answer asks before composing the figures, and the metric choice asks again of the same frame.
  const key = forces.join(' ');
  if (lastPaperMetrics?.ctx === ctx && lastPaperMetrics.frame === frame && lastPaperMetrics.key === key) return lastPaperMetrics.found;
  const found = reportedBy(ctx, frame, forces, papers);
  lastPaperMetrics = { ctx, frame, key, found };
  return found;
}

/** The last question's paper metrics: one slot, as only consecutive calls share a frame. */
let lastPaperMetrics: { ctx: AnswerContext; frame: QueryFrame; key: string; found: MetricChoice[] } | undefined;

function reportedBy(ctx: AnswerContext, frame: QueryFrame, forces: string[], papers: ReadonlySet<string>): MetricChoice[] {
  const reading = readingFor(ctx, frame);
  const places = forces.length > 0 ? forces : [NATIONAL];
  const stated = seriesStatedIn(ctx, papers);
  const reports = (c: MetricChoice) => places.some((f) => stated.has(`${f}|${c.metric.id}`));
  // A kind of allegation asked is answered only by the paper's figure of that kind, never its total.
  const kinds = new Set(frame.measure.breakdowns.filter((b) => ctx.outcomes.get(b.id)?.dimension !== 'role').map((b) => b.id));
  const ofKind = (c: MetricChoice) => kinds.size === 0 || (c.metric.outcome !== undefined && kinds.has(c.metric.outcome));
  return rankMetrics(ctx.metrics, reading, { share: asksShare(frame), familyOf: (m) => ctx.measures.get(m)?.family }).filter(
    (c) => c.score > 0 && ofKind(c) && reports(c),
  );
}

/** The numbers a question quotes ("'nearly 97,100'"), thousands rejoined; years are not figures. */
function quotedFigures(frame: QueryFrame): Set<number> {
  const found = new Set<number>();
  for (const q of frame.quoted ?? []) {
    // Quoted words reach the frame folded: "97,100" as "97 100".
    for (const m of q.matchAll(/\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?/g)) {
      const value = Number(m[0].replace(/[ ,]/g, ''));
      if (!/^(19|20)\d{2}$/.test(m[0])) found.add(value);
    }
  }
  return found;
}

/** Whether a held period runs from the first year of a range asked to its last ("April 2013 to March 2022" for "2013 to 2022"). */
function spansRange(p: Period, ask: PeriodAsk): boolean {
  return ask.kind === 'range' && p.start?.slice(0, 4) === String(ask.from) && p.end?.slice(0, 4) === String(ask.to);
}

function chooseAnyMetric(ctx: AnswerContext, frame: QueryFrame, forces: string[]): { choices: MetricChoice[]; metric?: Metric; alsoFits: string[] } {
  const reading = readingFor(ctx, frame);
  const defaultMeasure = [...ctx.measures.values()].find((m) => m.default)?.id;
  const options: Parameters<typeof rankMetrics>[2] = { share: asksShare(frame), familyOf: (m) => ctx.measures.get(m)?.family };
  if (defaultMeasure !== undefined) options.defaultMeasure = defaultMeasure;
  const fromPaper = paperMetrics(ctx, frame, forces);
  const ranked = fromPaper.length > 0 ? fromPaper : rankMetrics(ctx.metrics, reading, options);
  // "Complaints were 'nearly 97,100' last year - what was it the year before?": a figure the question
  // quotes names the series it belongs to.
  const quoted = quotedFigures(frame);
  const quotedFor = forces.length > 0 ? forces : [NATIONAL];
  const stating =
    quoted.size === 0 ? [] : ranked.filter((c) => c.score > 0 && quotedFor.some((f) => ctx.store.of(f, c.metric.id).some((o) => quoted.has(o.value))));
  // "Where does Kent's 3,566 come from?": a quoted figure naming no measure is found wherever it is held.
  const anyStating =
    stating.length === 0 && quoted.size > 0 && reading.fits.length === 0
      ? ctx.metrics
          .filter((m) => quotedFor.some((f) => ctx.store.of(f, m.id).some((o) => quoted.has(o.value))))
          .map((metric) => ({ metric, score: 1, unitFits: true }))
      : [];
  const choices = stating.length > 0 ? stating : anyStating.length > 0 ? anyStating : ranked;
  // A published cell we could not read counts as held: the answer is to say so, not to fall to another measure.
  const unreadable = (c: MetricChoice) => ctx.unreadable.some((u) => u.metric === c.metric.id && forces.includes(u.force));
  const held = (c: MetricChoice) =>
    forces.length === 0 ? ctx.store.forcesFor(c.metric.id).length > 0 : forces.some((f) => ctx.store.holds(f, c.metric.id)) || unreadable(c);
  // With no force named, a national figure answers before any one force's.
  const national = (c: MetricChoice) => forces.length === 0 && ctx.store.forcesFor(c.metric.id).some((f) => ctx.forces.get(f)?.kind === 'area');
  const places = forces.length > 0 ? forces : [NATIONAL];
  const official = (c: MetricChoice) => places.some((f) => ctx.store.of(f, c.metric.id).some((o) => o.sourceTypes.some((t) => t.startsWith('official'))));
  /** The best choice held, level by level; loose words may fall to a level below, a named measure never. */
  const pickFrom = (ranked: MetricChoice[], loose: Set<string>): { metric: Metric; alsoFits: string[] } | 'stop' | undefined => {
    for (const level of new Set(ranked.map((c) => c.score))) {
      const atLevel = ranked.filter((c) => c.score === level);
      // Among equally good fits, the figures held decide: for the period asked, else the latest.
      // Words that only loosely fit several measures ("police complaints") name none first, so with
      // no period asked the newest figures answer, not the measure the catalogue happens to list first.
      // Of those, the figures held for every place asked come first, and official statistics before
      // a news report's figures.
      // A comparison, change or trend keeps the catalogue's order: a comparison would set a whole's parts
      // side by side one by one, and a change is best told between neighbouring years of one series.
      const allLoose = atLevel.every((c) => loose.has(c.metric.measure));
      const looseLevel = !RELATING.has(frame.intent) && frame.periods.asks.length === 0 && allLoose;
      // "Latest year against the year before" in loose words: the series with the newest figures.
      const newestAsked = allLoose && frame.periods.asks.some((a) => a.kind === 'latest');
      const asks = looseLevel || newestAsked ? [NEWEST] : frame.periods.asks;
      const fit = new Map(atLevel.map((c) => [c, periodFit(ctx, c.metric.id, forces, asks)]));
      const bestFit = Math.max(...fit.values());
      const newest = atLevel.filter((c) => fit.get(c) === bestFit);
      // The years asked held first ("up or down in 2024/25 compared with 2023/24" needs both), then
      // the places asked, then official statistics.
      // "Misconduct allegations, 2013 to 2022": a figure for the whole range asked before one year inside it.
      const yearsHeld = (c: MetricChoice) =>
        frame.periods.asks.filter((a) => places.some((f) => ctx.store.of(f, c.metric.id).some((o) => periodMatches(o.period, a)))).length +
        frame.periods.asks.filter((a) => places.some((f) => ctx.store.of(f, c.metric.id).some((o) => spansRange(o.period, a)))).length;
      const order = (c: MetricChoice) => yearsHeld(c) * 4 + (places.every((f) => ctx.store.holds(f, c.metric.id)) ? 2 : 0) + (official(c) ? 1 : 0);
      // "By how much did complaints go up between 2023/24 and 2024/25?": between the years asked too,
      // official statistics before a news report's rounded figures.
      const namedYears =
        frame.periods.asks.length > 0 && frame.periods.asks.every((a) => a.kind === 'financial-year' || a.kind === 'year' || a.kind === 'range');
      // Years no measure holds ("complaints in 2025-26") leave the catalogue's order, for the decline to name.
      const yearsDecide = allLoose && namedYears && newest.some((c) => yearsHeld(c) > 0);
      // Each candidate's order read once: it walks the store's figures.
      const ranks = looseLevel || newestAsked || yearsDecide ? new Map(newest.map((c) => [c, order(c)])) : undefined;
      const tier = ranks ? [...newest].sort((a, b) => (ranks.get(b) ?? 0) - (ranks.get(a) ?? 0)) : newest;
      const pick = tier.find((c) => c.unitFits && national(c)) ?? tier.find((c) => c.unitFits && held(c)) ?? tier.find(held);
      // The parts of a whole picked are no other measure the words fit: the whole holds them.
      const other = (m: string) => m !== pick?.metric.measure && ctx.measures.get(m)?.partOf !== pick?.metric.measure;
      if (pick) return { metric: pick.metric, alsoFits: [...new Set(atLevel.map((c) => c.metric.measure))].filter(other) };
      if (!atLevel.every((c) => loose.has(c.metric.measure))) return 'stop';
    }
    return undefined;
  };
  const loose = new Set(reading.fits.filter((f) => f.loose).map((f) => f.id));
  // "How long did forces take to finalise complaints handled formally in 2022/23?": where the best
  // fits hold no figure for the year asked, a measure the words also name outright that does hold it
  // answers (the answer says which measure it is).
  const named = choices.filter((c) => !loose.has(c.metric.measure) && c.score > 0);
  const best = named[0];
  // Never a total for a breakdown asked, nor another measure for a published cell we could not read.
  const forYear = named.filter(
    (c) => c.metric.outcome === best?.metric.outcome && held(c) && periodFit(ctx, c.metric.id, forces, frame.periods.asks) >= ASKED_PERIOD_HELD,
  );
  // Only where the best fits are several measures the words fit alike ("how long … to finalise"): a
  // measure named on its own ("days to contact a complainant") is never replaced.
  const level = new Set(named.filter((c) => c.score === best?.score).map((c) => c.metric.measure));
  if (best && level.size > 1 && !unreadable(best) && forYear.length > 0 && !forYear.some((c) => c.score === best.score)) {
    const fallback = pickFrom(forYear, loose);
    if (fallback !== undefined && fallback !== 'stop') return { choices, ...fallback };
  }
  // "Officers referred to misconduct meetings in the year to March 2024": only a breakdown named, and
  // the default measure does not hold the year asked; a measure holding that breakdown for it answers.
  const explicit = frame.periods.asks.some((a) => a.kind !== 'latest' && a.kind !== 'previous' && a.kind !== 'held');
  const [first] = choices;
  if (
    reading.fits.length === 0 &&
    explicit &&
    first?.metric.outcome !== undefined &&
    periodFit(ctx, first.metric.id, forces, frame.periods.asks) < ASKED_PERIOD_HELD
  ) {
    const inYear = choices.filter(
      (c) => c.metric.outcome === first.metric.outcome && held(c) && periodFit(ctx, c.metric.id, forces, frame.periods.asks) >= ASKED_PERIOD_HELD,
    );
    const fallback = inYear.length > 0 ? pickFrom(inYear, loose) : undefined;
    if (fallback !== undefined && fallback !== 'stop') return { choices, ...fallback };
  }
  // "How many abuse of position allegations were finalised under Schedule 3?": no figure of the
  // measures named best outright answers it (no total, no kind named), and a measure named less well
  // never answers in their place.
  const bestNamed = Math.max(0, ...reading.fits.filter((f) => !f.loose).map((f) => f.score));
  const answersBest = (c: MetricChoice) => reading.fits.some((f) => f.id === c.metric.measure && f.score >= bestNamed);
  if (bestNamed > 0 && !choices.some(answersBest)) return { choices: [], alsoFits: [] };
  const picked = pickFrom(choices, loose);
  if (picked !== undefined && picked !== 'stop') return { choices, ...picked };
  // A loose phrase naming one measure ("complaints made" is complaints logged) never falls to another.
  const oneWord = reading.fits.every((f) => !f.loose || (f.words ?? 1) === 1);
  if (picked === 'stop' || loose.size === 0 || !oneWord) return { choices, alsoFits: [] };
  // Loose words only, and none of the measures their phrases took is held: every measure those
  // words fit anywhere ("complaints" inside "complaints made") is tried.
  const touched = reading.touched;
  const wider = rankMetrics(ctx.metrics, { ...reading, fits: touched.map((id) => ({ id, score: 1, loose: true })) }, options);
  const fallback = pickFrom(wider, new Set(touched));
  return fallback !== undefined && fallback !== 'stop' ? { choices, ...fallback } : { choices, alsoFits: [] };
}
