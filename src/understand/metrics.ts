/**
 * Matching a question's words to the metric vocabulary: which measure (complaint allegations,
 * conduct matters…) and which outcome (no action, written warning…) it asks about. Longer phrases win
 * over the words inside them, so "recordable conduct matter" is never read as "conduct matter".
 */
import { isKindOfAllegation, type Measure, type Metric, type Outcome } from '../model/data.ts';
import type { MeasureReading } from '../model/frame.ts';
import { britishSpelling, stem, words } from '../text/words.ts';
import { expandPhrase } from './phrases.ts';

interface Term {
  kind: 'measure' | 'outcome';
  id: string;
  stems: string[];
  /** Words that fit several measures ("allegations") weigh less: a specific measure named beside them wins. */
  weight: number;
}

export interface MetricMention {
  /** Matched measure ids with the number of question words their phrases cover, a little more when a
   * phrase is what a "how many" question counts. */
  measures: Map<string, number>;
  outcomes: Map<string, number>;
  /** Word positions the terms took. */
  spans: Array<[number, number]>;
  /** Where each matched measure's phrases sit in the question. */
  measureSpans: Map<string, Array<[number, number]>>;
  /** Where each matched outcome's phrases sit in the question. */
  outcomeSpans: Map<string, Array<[number, number]>>;
  /** The question's words, folded. */
  words: string[];
  /** Measures matched only by words that fit several (their `broad` words). */
  loose: Set<string>;
  /** For each loose measure, the words of the longest loose phrase it matched ("complaints made": 2). */
  looseWords: Map<string, number>;
  /** Outcomes named only inside another phrase, with their phrase length: they count for a measure
   * the question names that has them. */
  inside: Map<string, number>;
  /** Every measure a word that fits several measures points at, including where a longer phrase took
   * the word ("allegations" inside "misconduct allegations"). */
  touched: Set<string>;
  /** Measures whose phrases fit only where a longer phrase of another took the words ("under Schedule 3"
   * inside "finalised under Schedule 3"), with the words they would cover: the answer's dimension
   * ("how long") may still point at them. */
  shadowed: Map<string, number>;
}

/** How far a measure matched by loose words only falls behind one named outright at the same score. */
const LOOSE_BEHIND = 0.25;

/** How far a measure of the family of publications a question names comes before the others. */
const FAMILY_NAMED = 2;

/** How much more a phrase weighs where it is what a "how many" question counts ("how many IOPC
 * reports found a case to answer" counts the reports, not the officers the longer phrase names). */
const COUNTED_FIRST = 1.01;

/** The weight of a word that fits several measures (a measure's `broad` words). */
const BROAD = 0.5;

/** The shortest words read with a typo: the vocabulary's, and the question's; two letters swapped
 * ("serach") is read in words a letter shorter, as it keeps every letter. (A doubled letter mistyped
 * is respelt before the question is read: src/understand/respell.ts.) */
const TYPO_LENGTH = { known: 7, asked: 6, swapped: 6 };

/** Words outside the vocabulary remembered before the memo starts afresh (users' typing is unbounded). */
const TYPOS_REMEMBERED = 5_000;
/** No stem at all. */
const NONE: ReadonlySet<string> = new Set();

/** Whether `present` holds every one of `stems` (a plain loop: this runs for every term a question's stems file). */
function holdsAll(present: ReadonlySet<string>, stems: readonly string[]): boolean {
  for (const s of stems) if (!present.has(s)) return false;
  return true;
}

/** Whether a question word is the vocabulary's word, allowing a typo in longer words. */
function sameWord(asked: string, known: string): boolean {
  if (asked === known) return true;
  if (known.length >= TYPO_LENGTH.known && asked.length >= TYPO_LENGTH.asked) return oneEditApart(asked, known);
  return known.length >= TYPO_LENGTH.swapped && asked.length === known.length && swappedPair(asked, known);
}

/** Whether `a` is `b` with two neighbouring letters swapped. */
function swappedPair(a: string, b: string): boolean {
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i + 1 < a.length && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && a.slice(i + 2) === b.slice(i + 2);
}

/** Whether `a` and `b` are at most one insertion, deletion or substitution apart, or two neighbouring
 * letters swapped ("finalsied", "outisde": the commonest typo of fast typing), in one pass without
 * allocating: every word of every question meets every vocabulary stem here, and the general edit
 * distance was a quarter of a short answer's time. */
function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) return oneEditApart(b, a);
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length && swappedPair(a, b)) return true;
  // Past the first difference the rest must agree: after one substitution, or one extra letter in `a`.
  const skipB = a.length === b.length ? 1 : 0;
  for (let j = i + 1; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j - 1 + skipB)) return false;
  return true;
}

/** Helper words a question may put inside a phrase: "complaints were recorded" is "complaints recorded",
 * "complaint cases did Kent finalise" is "complaint cases finalised". */
const INSIDE = new Set([
  'were',
  'was',
  'been',
  'being',
  'be',
  'have',
  'has',
  'had',
  'is',
  'are',
  'did',
  'do',
  'does',
  'will',
  'its',
  'their',
  'police',
  'force',
  'constabulary',
  'against',
  // "Handled outside the formal Schedule 3 process", "reviews of that force's complaint investigations".
  'the',
  'formal',
  'that',
  'my',
  'our',
  'your',
  'this',
  // "How many people actually complained?": emphasis, not a word of the phrase.
  'actually',
  'really',
  'ever',
  // "How many formal complaints did they (or it) deal with?"
  'they',
  'it',
]);

/** Where the phrase `stems` ends if it starts at word `i`, or -1. Helper words and a force's name
 * (`named(at)`: "allegations Nottinghamshire police logged") may sit between its words;
 * `fits(at, stem)` says whether the question's word at `at` is the vocabulary's `stem`. */
function matchAt(ws: string[], qs: string[], i: number, stems: string[], fits: (at: number, stem: string) => boolean, named: (at: number) => boolean): number {
  let at = i;
  for (let k = 0; k < stems.length; k++) {
    if (k > 0) while (at < qs.length && (INSIDE.has(ws[at] ?? '') || named(at)) && !fits(at, stems[k] ?? '')) at++;
    if (at >= qs.length || !fits(at, stems[k] ?? '')) return -1;
    at++;
  }
  return at;
}

/** Finds vocabulary terms in questions. */
export class MetricMatcher {
  private readonly terms: Term[];
  /** The terms by the stem of theirs that the fewest terms hold, each with its place in `terms`: a
   * term is tried only on a question holding that stem. (By their first stem, the hundreds of terms
   * opening "did", "not" or "leave" were each tried at every such word of a question.) */
  private readonly byRarestStem = new Map<string, Array<{ term: Term; index: number }>>();
  /** Every stem of every term. */
  private readonly stems: Set<string>;
  /** The stems long enough to be matched with a typo. */
  private readonly typoStems: string[];
  /** The vocabulary's words long enough to be matched with a typo, each with its stem: a typo can
   * change a word's stem ("allegatons" is not stemmed as "allegations" is). */
  private readonly typoWords: Array<{ word: string; stem: string }>;
  /** Every word of the vocabulary, so force matching never takes one for a misspelt name. */
  readonly vocabulary: Set<string>;
  /** Measures of time taken. */
  readonly durations: ReadonlySet<string>;
  /** What each measure of time taken times, and that measure's whole (days to finalise cases under
   * Schedule 3 time those cases, and complaint cases finalised). */
  readonly timed: ReadonlyMap<string, readonly string[]>;
  /** Each count of cases or reports with the measures counting the people in them, by role. */
  readonly people: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Breakdowns that say what complaints were about (categories and subcategories), not what became of them. */
  readonly subjects: ReadonlySet<string>;
  /** Breakdowns that say what became of complaints (no action, misconduct proceedings, upheld). */
  readonly results: ReadonlySet<string>;
  /** Each measure's family of publications. */
  readonly families: ReadonlyMap<string, string>;
  /** The wider breakdown each narrower one is counted within (use of force within police powers). */
  readonly wider: ReadonlyMap<string, string>;
  /** Measures related as a whole and its part, or an old series and the one replacing it: never two
   * separate answers to one question. */
  private readonly related = new Set<string>();
  private readonly wholes = new Map<string, string>();

  /** Everyday words ("identify"): read as themselves, never as a typo of the vocabulary's ("identification"). */
  private readonly everyday: ReadonlySet<string>;

  constructor(measures: Measure[], outcomes: Outcome[], everyday: Iterable<string> = []) {
    this.everyday = new Set(everyday);
    const terms: Term[] = [];
    for (const m of measures) {
      for (const t of m.terms.flatMap(expandPhrase)) terms.push({ kind: 'measure', id: m.id, stems: words(t).map(stem), weight: 1 });
      for (const t of m.broad ?? []) terms.push({ kind: 'measure', id: m.id, stems: words(t).map(stem), weight: BROAD });
    }
    for (const o of outcomes)
      for (const t of o.terms.flatMap(expandPhrase)) terms.push({ kind: 'outcome', id: o.id, stems: words(t).map(stem), weight: o.generic ? 0.3 : 1 });
    this.terms = terms.sort((a, b) => b.stems.length - a.stems.length);
    const holding = new Map<string, number>();
    for (const term of this.terms) for (const s of new Set(term.stems)) holding.set(s, (holding.get(s) ?? 0) + 1);
    this.terms.forEach((term, index) => {
      const [rarest = ''] = [...term.stems].sort((a, b) => (holding.get(a) ?? 0) - (holding.get(b) ?? 0));
      const list = this.byRarestStem.get(rarest);
      if (list) list.push({ term, index });
      else this.byRarestStem.set(rarest, [{ term, index }]);
    });
    this.stems = new Set(terms.flatMap((t) => t.stems));
    this.typoStems = [...this.stems].filter((known) => known.length >= TYPO_LENGTH.swapped);
    this.durations = new Set(measures.filter((m) => m.duration).map((m) => m.id));
    this.families = new Map(measures.map((m) => [m.id, m.family]));
    this.wider = new Map(outcomes.flatMap((o) => (o.within === undefined ? [] : [[o.id, o.within] as const])));
    const byId = new Map(measures.map((m) => [m.id, m]));
    this.timed = new Map(
      measures.flatMap((m) =>
        m.timeOf === undefined ? [] : [[m.id, [m.timeOf, byId.get(m.timeOf)?.partOf].filter((x): x is string => x !== undefined)] as const],
      ),
    );
    this.people = new Map(measures.flatMap((m) => (m.people === undefined ? [] : [[m.id, m.people] as const])));
    for (const m of measures)
      for (const other of [m.partOf, m.supersededBy]) if (other !== undefined) this.related.add(`${m.id} ${other}`).add(`${other} ${m.id}`);
    for (const m of measures) if (m.partOf !== undefined) this.wholes.set(m.id, m.partOf);
    for (const a of measures) for (const b of measures) if (a !== b && a.partOf !== undefined && a.partOf === b.partOf) this.related.add(`${a.id} ${b.id}`);
    this.subjects = new Set(outcomes.filter(isKindOfAllegation).map((o) => o.id));
    this.results = new Set(outcomes.filter((o) => o.dimension === 'outcome').map((o) => o.id));
    this.vocabulary = new Set(
      [...measures.flatMap((m) => [...m.terms.flatMap(expandPhrase), ...(m.broad ?? [])]), ...outcomes.flatMap((o) => o.terms.flatMap(expandPhrase))].flatMap(
        (t) => words(t),
      ),
    );
    this.typoWords = [...this.vocabulary].filter((w) => w.length >= TYPO_LENGTH.swapped).map((word) => ({ word, stem: stem(word) }));
  }

  /** The measures of time taken that time a count ("average days under Schedule 3, with and without
   * suspension" of "cases finalised under Schedule 3"). */
  timersOf(count: string): string[] {
    return [...this.timed].filter(([, of]) => of[0] === count).map(([t]) => t);
  }

  /** Whether two measures are of the same cases: two times taken (with and without suspension), or a
   * count and a time taken over it. */
  aboutSameCases(a: string, b: string): boolean {
    const [x, y] = [this.timed.get(a)?.[0], this.timed.get(b)?.[0]];
    return a !== b && ((x !== undefined && x === y) || x === b || y === a);
  }

  /** The whole a measure is part of, if any. */
  wholeOf(measure: string): string | undefined {
    return this.wholes.get(measure);
  }

  /** Whether two measures are related as whole and part, parts of one whole, or old and new series. */
  areRelated(a: string, b: string): boolean {
    return this.related.has(`${a} ${b}`);
  }

  /** The vocabulary stems a question word is: itself, or within a typo of a long one. */
  private stemsFitting(asked: string, word: string): ReadonlySet<string> {
    // A word of the vocabulary is that word, never a typo of another ("complaint" is not "complain").
    if (this.stems.has(asked) || this.vocabulary.has(word)) return new Set([asked]);
    if (this.everyday.has(word)) return NONE;
    // Words outside the vocabulary recur from question to question: each is compared with the whole
    // vocabulary once, not in every question.
    const key = `${asked} ${word}`;
    const seen = this.typosSeen.get(key);
    if (seen !== undefined) return seen;
    const fitting = new Set<string>();
    if (asked.length >= TYPO_LENGTH.asked) for (const known of this.typoStems) if (sameWord(asked, known)) fitting.add(known);
    if (word.length >= TYPO_LENGTH.asked) for (const known of this.typoWords) if (sameWord(word, known.word)) fitting.add(known.stem);
    if (this.typosSeen.size >= TYPOS_REMEMBERED) this.typosSeen.clear();
    this.typosSeen.set(key, fitting);
    return fitting;
  }

  /** What each word outside the vocabulary was read as, remembered (see {@link stemsFitting}). */
  private readonly typosSeen = new Map<string, ReadonlySet<string>>();

  /**
   * Matches terms against the question, skipping words already taken (force names). The term right
   * after one of `negations` (the words "not", "rather than" stand at) is what the question is not
   * about, and is left unmatched.
   */
  find(question: string, skip: Array<[number, number]> = [], negations: ReadonlyArray<readonly [number, number]> = []): MetricMention {
    const ws = words(question);
    // "finalize" is "finalise": the vocabulary is in British spelling.
    const qs = ws.map((w) => stem(britishSpelling(w)));
    // The words right after "how many" name what is counted ("how many police forces…").
    const ask = ws.findIndex((w, i) => (w === 'how' && ws[i + 1] === 'many') || (w === 'number' && ws[i + 1] === 'of'));
    let head = ask >= 0 ? ask + 2 : -1;
    while (head >= 0 && skip.some(([a, b]) => head >= a && head < b)) head++;
    const owner = new Array<number>(qs.length).fill(-1);
    for (const [a, b] of skip) for (let k = a; k < b; k++) owner[k] = -2;
    const spans: Array<[number, number]> = [];
    const matches: Array<{ term: Term; at: number; len: number; end: number }> = [];
    const counted = new Set<string>();
    // Each question word is compared with the vocabulary once (a typo allowance is an edit distance),
    // and only terms whose every stem some word fits are tried, each where a word fits its first.
    const fitting = qs.map((w, i) => this.stemsFitting(w, ws[i] as string));
    const fits = (at: number, stem: string) => fitting[at]?.has(stem) === true;
    const named = (at: number) => owner[at] === -2;
    const present = new Set<string>();
    for (const f of fitting) for (const s of f) present.add(s);
    const byFirstStem = new Map<string, Array<{ term: Term; index: number }>>();
    for (const s of present)
      for (const entry of this.byRarestStem.get(s) ?? []) {
        if (!holdsAll(present, entry.term.stems)) continue;
        const first = entry.term.stems[0] ?? '';
        const list = byFirstStem.get(first);
        if (list) list.push(entry);
        else byFirstStem.set(first, [entry]);
      }
    // The order terms are found in does not matter: they are sorted below on every key that tells them apart.
    const termsAt = () => {
      const found: Array<{ term: Term; index: number; i: number; end: number }> = [];
      fitting.forEach((firsts, i) => {
        // Inside a force's name only a word of our own vocabulary starts a term ("Met officers"),
        // never one that merely stems like one ("Staffs" is not staff).
        if (named(i) && !this.vocabulary.has(ws[i] as string)) return;
        for (const first of firsts)
          for (const { term, index } of byFirstStem.get(first) ?? []) {
            const end = matchAt(ws, qs, i, term.stems, fits, named);
            if (end > 0) found.push({ term, index, i, end });
          }
      });
      return found;
    };
    let candidates = termsAt();
    // "Staff (not officers) with a case to answer": the negation and the term it negates are passed
    // over like a force's name, so the officers' measure is not matched and the staff's phrase is,
    // around them. A term holding the negation itself ("not investigated") is no negation.
    const negatedSpans = negations.flatMap(([a, cueEnd]) => {
      // "not the informally handled ones": an article may stand between.
      const end = ws[cueEnd] === 'the' ? cueEnd + 1 : cueEnd;
      if (candidates.some((c) => c.i < end && c.end > end)) return [];
      const negatedEnd = Math.max(...candidates.filter((c) => c.i === end).map((c) => c.end));
      return Number.isFinite(negatedEnd) ? [[a, negatedEnd] as const] : [];
    });
    if (negatedSpans.length > 0) {
      for (const [a, b] of negatedSpans) for (let k = a; k < b; k++) owner[k] = -2;
      candidates = termsAt().filter((c) => !negatedSpans.some(([a, b]) => c.i >= a && c.i < b));
    }
    // Every place a term fits, longest phrases first and, among equally long ones, leftmost first:
    // "recordable conduct matter allegations" is the recordable conduct matter, not "conduct matter
    // allegations" with a stray "recordable" before it.
    // A word as common as "police officers" yields to a named phrase of the same length over it.
    candidates.sort(
      (a, b) => b.term.stems.length - a.term.stems.length || Number(b.term.weight >= 1) - Number(a.term.weight >= 1) || a.i - b.i || a.index - b.index,
    );
    const touched = new Set(candidates.filter((c) => c.term.kind === 'measure' && c.term.weight === BROAD).map((c) => c.term.id));
    for (const { term, index, i, end } of candidates) {
      const len = term.stems.length;
      // A span may be shared only by terms of the same phrase length starting at the same word.
      // A force's name inside the phrase stays the force's.
      const span = owner.slice(i, end).filter((o) => o !== -2);
      const sharedSame = spans.some(([a, b]) => a === i && b === end);
      if (span.some((o) => o !== -1) && !sharedSame) continue;
      for (let k = i; k < end; k++) if (owner[k] !== -2) owner[k] = index;
      if (!sharedSame) spans.push([i, end]);
      // Two spellings of one entry ("conduct matter", "conduct matters") count its words once.
      const key = `${term.kind}:${term.id}:${i}`;
      if (counted.has(key)) continue;
      counted.add(key);
      matches.push({ term, at: i, len, end });
    }
    const measures = new Map<string, number>();
    const outcomes = new Map<string, number>();
    const measureSpans = new Map<string, Array<[number, number]>>();
    const outcomeSpans = new Map<string, Array<[number, number]>>();
    for (const { term, at, len, end } of matches) {
      // A word two measures share ("complaints") weighs the same for both: the data decides between them.
      const weight = Math.max(...matches.filter((m) => m.at === at && m.len === len && m.term.kind === term.kind).map((m) => m.term.weight));
      const score = len * weight + (head >= 0 && at >= head && at <= head + 1 ? COUNTED_FIRST : 0);
      const map = term.kind === 'measure' ? measures : outcomes;
      map.set(term.id, (map.get(term.id) ?? 0) + score);
      const where = term.kind === 'measure' ? measureSpans : outcomeSpans;
      where.set(term.id, [...(where.get(term.id) ?? []), [at, end]]);
    }
    const loose = new Set([...measures.keys()].filter((id) => matches.every((m) => m.term.kind !== 'measure' || m.term.id !== id || m.term.weight === BROAD)));
    const looseWords = new Map([...loose].map((id) => [id, Math.max(...matches.filter((m) => m.term.id === id).map((m) => m.len))]));
    // An outcome whose words a measure's phrase took ("officers [were] sacked" is a measure of
    // dismissals, and "sacked" the dismissed outcome): still named, for the measures that have it.
    const inside = new Map<string, number>();
    // Only inside a measure's phrase: "discrimination" inside "race discrimination" (an outcome of its
    // own) is race, never the wider category.
    const inMeasure = (i: number, end: number) => matches.some((m) => m.term.kind === 'measure' && m.at <= i && end <= m.end);
    for (const { term, i, end } of candidates)
      if (term.kind === 'outcome' && !outcomes.has(term.id) && inMeasure(i, end)) inside.set(term.id, Math.max(inside.get(term.id) ?? 0, term.stems.length));
    const shadowed = new Map<string, number>();
    for (const { term } of candidates)
      if (term.kind === 'measure' && !measures.has(term.id)) shadowed.set(term.id, Math.max(shadowed.get(term.id) ?? 0, term.stems.length * term.weight));
    return { measures, outcomes, spans, measureSpans, outcomeSpans, words: ws, loose, looseWords, touched, inside, shadowed };
  }
}

export interface MetricChoice {
  metric: Metric;
  /** How strongly the question's words point at it; only the top tier is ever answered. */
  score: number;
  /** Whether its unit (count or percent) is the one the question asked for. */
  unitFits: boolean;
}

/**
 * Ranks the metrics a question can mean, from the measures and breakdowns its words fit. The
 * previous exchange's measure and breakdown serve a follow-up naming neither; `defaultMeasure`
 * serves a question naming only a breakdown.
 */
export function rankMetrics(
  metrics: Metric[],
  reading: MeasureReading,
  options: { share: boolean; defaultMeasure?: string; familyOf?: (measure: string) => string | undefined },
): MetricChoice[] {
  const measures = new Map(reading.fits.map((f) => [f.id, f.score]));
  const preferred = new Set(reading.fits.filter((f) => f.preferred).map((f) => f.id));
  const loose = new Set(reading.fits.filter((f) => f.loose).map((f) => f.id));
  const outcomes = new Map(reading.breakdowns.map((f) => [f.id, f.score]));
  const inside = new Map(reading.inside.map((f) => [f.id, f.score]));
  const carried = reading.carried;
  const namedOutcome = outcomes.size > 0;
  // "allegations … still under investigation": the generic default measure names nothing when it lacks that outcome.
  // "The 436 allegations … referred to the IPCC": words that fit measures only loosely name none of
  // them when none has the outcome named.
  const looseOnly = [...measures.keys()].every((id) => loose.has(id));
  const looseLacksOutcome = namedOutcome && ![...measures.keys()].some((m) => [...outcomes.keys()].some((o) => hasOutcome(metrics, m, o)));
  const namedMeasure = measures.size > 0 && !(looseOnly && looseLacksOutcome);
  // "Quickest at dealing with complaints": a measure named outright comes before those loose words fit.
  const namedOutright = [...measures.keys()].some((id) => !loose.has(id));
  // "BBC data: how many Essex officers were dismissed?": words of another family's measure, with the
  // named family holding what they ask as a breakdown, mean the named family's measure.
  const ofFamily = (measure: string) => reading.family !== undefined && options.familyOf?.(measure) === reading.family;
  const familyUnnamed = reading.family !== undefined && ![...measures.keys()].some(ofFamily);
  const top = Math.max(0, ...measures.values());
  const out: MetricChoice[] = [];
  for (const metric of metrics) {
    let ms = (measures.get(metric.measure) ?? 0) - (namedOutright && loose.has(metric.measure) ? LOOSE_BEHIND : 0);
    const insideCounts = measures.has(metric.measure) || (familyUnnamed && ofFamily(metric.measure));
    let os = metric.outcome === undefined ? 0 : (outcomes.get(metric.outcome) ?? (insideCounts ? (inside.get(metric.outcome) ?? 0) : 0));
    if (!namedMeasure && !namedOutcome) {
      // Nothing named: a follow-up carries the previous question's metric; otherwise the default measure.
      const measure = carried?.measure ?? options.defaultMeasure;
      const outcome = carried !== undefined ? carried.breakdown : undefined;
      if (metric.measure !== measure || metric.outcome !== outcome) continue;
      ms = 1;
      os = metric.outcome ? 1 : 0;
    } else {
      if (metric.outcome !== undefined && os === 0) continue;
      if (ms === 0) {
        // Only an outcome named; a generic one ("officers") names nothing on its own, except as a part
        // of the measure a follow-up carries ("PCSOs accused…?" then "and police staff?").
        if (familyUnnamed && os >= 1 && ofFamily(metric.measure)) ms = top;
        else if (namedMeasure || (os < 1 && !(os > 0 && metric.measure === carried?.measure))) continue;
        // Only an outcome named: prefer the measure in context, then the default.
        else if (metric.measure === carried?.measure) ms = 0.6;
        else if (metric.measure === options.defaultMeasure) ms = 0.5;
        else ms = 0.1;
      }
      // An outcome word that this metric's measure has but the question did not reach: rank totals below.
      if (metric.outcome === undefined && [...outcomes.keys(), ...inside.keys()].some((o) => hasOutcome(metrics, metric.measure, o))) ms -= 0.5;
    }
    // "In the BBC's figures": the named family's measures before others the words fit as well.
    if (ofFamily(metric.measure)) ms += FAMILY_NAMED;
    const unitFits = (metric.unit === 'percent') === options.share;
    // A "how many" question wants a count: a percentage only answers it when nothing else fits as well
    // ("how many complaints were investigated under special procedures?" is the count, not the 2%).
    const penalty = metric.unit === 'percent' && !options.share ? 2 : 0;
    out.push({ metric, score: ms + os - penalty, unitFits });
  }
  // Among equals, the measure the catalogue's own words prefer comes first.
  return out.sort(
    (a, b) => b.score - a.score || Number(b.unitFits) - Number(a.unitFits) || Number(preferred.has(b.metric.measure)) - Number(preferred.has(a.metric.measure)),
  );
}

function hasOutcome(metrics: Metric[], measure: string, outcome: string): boolean {
  return metrics.some((m) => m.measure === measure && m.outcome === outcome);
}

/** Words that may join two measures named side by side ("complaints and conduct matters"). */
const JOINERS = new Set([
  'and',
  'or',
  'as',
  'well',
  'versus',
  'vs',
  // "Schedule 3 cases v ones handled outside it".
  'ones',
  'those',
  'handled',
  'plus',
  'both',
  'with',
  'compared',
  'to',
  'the',
  'of',
  'also',
  'number',
  'in',
  'for',
  'during',
  'what',
  'how',
  'many',
  'was',
  'were',
  'their',
  'its',
  // "…allegations last year, and how many formal complaints…": a period said in words.
  'last',
  'latest',
  'year',
]);

/** One part of a question naming several measures side by side: the measures its words fit, best first. */
export type MeasurePart = Array<{ id: string; score: number }>;

/**
 * Measures the question names side by side ("complaint allegations and conduct matters", "cases
 * finalised in 2024/25 and the average days"): different measures that must be answered separately,
 * never added or compared. Each run of adjacent or overlapping phrases is one part, fitting the
 * measures whose phrases it holds (by how many of its words they cover); parts must be joined by
 * "and", "or", "versus" and the like. Empty unless at least two parts name different measures.
 */
export function measuresNamedTogether(mention: MetricMention, sameCases: (a: string, b: string) => boolean = () => false): MeasurePart[] {
  // Loose words ("police complaints") name no measure of their own beside named ones, unless joined to
  // one by "and" as a measure of their own ("Wiltshire allegations and complaints logged").
  const spans = [...mention.measureSpans].flatMap(([id, list]) => list.map(([a, b]) => ({ id, a, b, loose: mention.loose.has(id) })));
  spans.sort((x, y) => x.a - y.a || y.b - x.b);
  const runs: Array<{ a: number; b: number; spans: typeof spans }> = [];
  for (const span of spans) {
    const run = runs.at(-1);
    if (run && span.a <= run.b) {
      run.b = Math.max(run.b, span.b);
      run.spans.push(span);
    } else runs.push({ a: span.a, b: span.b, spans: [span] });
  }
  // A phrase several measures share ("IOPC reviews … of non-investigated and investigated complaints")
  // names none apart when each is named again by a phrase of its own.
  const ids = (run: (typeof runs)[number]) => new Set(run.spans.map((x) => x.id));
  const placed = runs.filter((run, i) => {
    const own = ids(run);
    return own.size < 2 || ![...own].every((id) => runs.some((other, k) => k !== i && ids(other).has(id)));
  });
  const joinedTo = (x: (typeof runs)[number], y: (typeof runs)[number] | undefined) => {
    if (!y) return false;
    const between = mention.words.slice(Math.min(x.b, y.b), Math.max(x.a, y.a));
    const joined = between.some((w) => ['and', 'or', 'versus', 'vs', 'plus', 'well'].includes(w));
    // A period may sit between them ("cases finalised in 2024/25 and the average days").
    return joined && between.length <= 6 && between.every((w) => JOINERS.has(w) || /^\d+$/.test(w));
  };
  const loose = (run: (typeof runs)[number]) => run.spans.some((x) => x.loose);
  // A loose word counts apart only joined to a neighbour ("allegations and complaints logged").
  const kept = placed.filter((run, i) => !loose(run) || joinedTo(run, placed[i - 1]) || joinedTo(run, placed[i + 1]));
  runs.splice(0, runs.length, ...kept);
  // Loose words alone name nothing apart: one part at least is a measure named outright.
  if (runs.length < 2 || runs.every(loose)) return [];
  for (let i = 1; i < runs.length; i++) if (!joinedTo(runs[i - 1] as (typeof runs)[number], runs[i])) return [];
  const parts = runs.map((run) => {
    const covered = new Map<string, number>();
    for (const { id, a, b } of run.spans) covered.set(id, (covered.get(id) ?? 0) + b - a);
    return [...covered].map(([id, score]) => ({ id, score })).sort((x, y) => y.score - x.score);
  });
  // "The gap between average days with and without suspension": of the measures a shared phrase
  // ("average days") fits alike, the one timing the same cases as another part's measure.
  const settled = parts.map((part, i) => {
    const top = part[0]?.score;
    const others = parts.filter((_, k) => k !== i).map((p) => p[0]?.id);
    const pick = part.find((f) => f.score === top && !others.includes(f.id) && others.some((o) => o !== undefined && sameCases(f.id, o)));
    // The shared phrase then means that measure only: the others it fits alike time other cases.
    return pick ? [pick, ...part.filter((f) => f !== pick && f.score !== top)] : part;
  });
  const tops = new Set(settled.map((p) => p[0]?.id));
  return tops.size >= 2 ? settled : [];
}

/**
 * A count named outright and then, in a clause of its own, how long it took ("cases finalised outside
 * Schedule 3 last year, and how quick?", "… in 2024/25 and the mean days taken"): the count and the
 * measures timing those cases, as two parts. Empty unless the time is asked after "and", past every
 * phrase of the count, and we hold a measure timing it.
 */
export function countThenItsTime(
  mention: MetricMention,
  timeAsked: ReadonlyArray<{ at: number }>,
  matcher: Pick<MetricMatcher, 'durations' | 'timersOf'>,
): MeasurePart[] {
  const [cue] = timeAsked;
  if (cue === undefined || !mention.words.slice(Math.max(0, cue.at - 4), cue.at).includes('and')) return [];
  const counts = [...mention.measures].filter(([id]) => !matcher.durations.has(id) && !mention.loose.has(id));
  const [count, ...others] = counts;
  if (count === undefined || others.length > 0) return [];
  const [id, score] = count;
  if ((mention.measureSpans.get(id) ?? []).some(([, end]) => end > cue.at)) return [];
  const timing = matcher.timersOf(id).map((t) => ({ id: t, score }));
  return timing.length > 0 ? [[{ id, score }], timing] : [];
}
