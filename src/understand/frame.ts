/**
 * Reading a whole question into its query frame: the forces and places, the periods, the measure
 * and breakdown, the phrase book's slots, and from them the intent, the scope and the shape of the
 * answer, with the previous exchange's frame filling what a follow-up leaves out. This is the only
 * place a question's words are read; answering reads the frame.
 */
import type { Frame } from '../model/answer.ts';
import type { PhraseSlot, SourceFamily } from '../model/data.ts';
import type { Fit, Intent, MeasureReading, Normalisation, PeriodAsk, QueryFrame, Scope } from '../model/frame.ts';
import { digitNumbersAt, wordNumber } from '../text/numbers.ts';
import { memoised } from '../text/memo.ts';
import { editDistance, fold, openingLabel, STOPWORDS, words } from '../text/words.ts';
import type { CatalogueIndex } from './catalogue-index.ts';
import { type ForceMention, type ForceResolver, NATIONAL } from './forces.ts';
import { FIGURE_INTENTS, has, inheritedIntent, intentOf, type Cues } from './intent.ts';
import { countThenItsTime, measuresNamedTogether, type MetricMatcher, type MetricMention } from './metrics.ts';
import { findPeriods, type PeriodMention } from './periods.ts';
import { askedPlaces, namedInQuestion, outsideRemarks, periodsAfterRemarks, QUESTION_OPENERS, remarksOf } from './remarks.ts';
import type { PhraseBook, SlotMatch } from './phrases.ts';
import { scopeOf, type ScopeReading } from './scope.ts';
import { responseAsked, topicWords } from './recommendations.ts';
import { readShape } from './shape.ts';
import type { Shorthand } from './shorthand.ts';
import { respelt } from './respell.ts';

/** What reading a question needs: the force register, the measure catalogue, the phrase book, the
 * names of the families of publications and the words of publishers' names. */
export interface QuestionReaders {
  resolver: ForceResolver;
  matcher: MetricMatcher;
  phrases: PhraseBook;
  /** Words people type for longer ones, written out before reading. */
  shorthand: Shorthand;
  families: PhraseBook<SourceFamily>;
  /** Words of the publishers' names ("PoliticsHome"): a question naming one names no subject. */
  publisherWords: ReadonlySet<string>;
  /** Of those, the ones no other words share ("today", "echo", never "of"): a month and year right
   * after one is the date of a paper's story. */
  paperWords: ReadonlySet<string>;
  /** The catalogue's own words, to decide between measures the phrases fit equally. */
  catalogue: CatalogueIndex;
}

/** Words that open a second question after a question mark ("…? And how many were about racism?"). */
const SECOND_OPENERS = new Set([...QUESTION_OPENERS, 'and']);

/** A span of words less those at either end that `drop` says are not part of it; undefined when none is left. */
function trimmed([a, b]: readonly [number, number], drop: (at: number) => boolean): [number, number] | undefined {
  let [start, end] = [a, b];
  while (start < end && drop(start)) start++;
  while (end > start && drop(end - 1)) end--;
  return start < end ? [start, end] : undefined;
}

/** "What's" is "what is", "wasn't" is "was not", "avg" is "average" (the shorthand book), "%" is "percent": one spelling
 * for the phrase book and the catalogue to match. */
export function normaliseWording(text: string, shorthand: Shorthand): string {
  const spoken = text
    // "stockton group here 👋 how long…": an emoji between words ends a sentence as a stop would; any other is no word.
    .replace(/\s*(?:\p{Extended_Pictographic}|\u200d|\ufe0f)+(?=\s+\p{L})/gu, '.')
    .replace(/(?:\p{Extended_Pictographic}|\u200d|\ufe0f)+/gu, ' ')
    .replace(/\b(what|who|where|how|that|it|there|here)['’]s\b/gi, '$1 is')
    // Chat drops the apostrophe: "whats the gap", "hows Kent doing".
    .replace(/\b(what|who|where|how|that)s\b/gi, '$1 is')
    // "outside of Schedule 3": "outside", as the catalogue spells it.
    .replace(/\boutside of\b/gi, 'outside')
    // "these days", "nowadays": now, never a number of days.
    .replace(/\b(?:these days|nowadays)\b/gi, 'now')
    // "cases + the average days": chat's plus is "and".
    .replace(/\s\+\s/g, ' and ')
    // "sch3", "schedule3": the schedule's number typed onto its word.
    .replace(/\b(sch|sched|schedule)(\d)\b/gi, '$1 $2')
    // "worse then average": "than", typed as it sounds.
    .replace(/\b(worse|better|more|less|higher|lower|fewer|slower|quicker|faster|longer|shorter|bigger|smaller|greater|rather|other) then\b/gi, '$1 than')
    .replace(/\b(can)['’]?t\b/gi, '$1 not')
    .replace(/\bwon['’]?t\b/gi, 'will not')
    .replace(/\b(was|were|is|are|did|does|do|has|have|had|would|should|could)n['’]?t\b/gi, '$1 not');
  return (
    shorthand
      .expand(spoken)
      // "More than half", "half or more": a threshold in percent.
      .replace(
        /\b(more than|over|at least|less than|under|fewer than) (?:a )?(half|quarter)\b/gi,
        (_, op: string, part: string) => `${op} ${part.toLowerCase() === 'half' ? 50 : 25} percent`,
      )
      .replace(/\b(?:a )?(half|quarter) or more\b/gi, (_, part: string) => `at least ${part.toLowerCase() === 'half' ? 50 : 25} percent`)
      // "w/o suspension", "r&p": chat's shorthand.
      .replace(/\bsch(?:ed)?\.?\s*3\b|\bschedule three\b/gi, 'schedule 3')
      // "ex suspension": excluding it, as "ex VAT" is.
      .replace(/\bex\.?\s+(?=suspension\b|susp\b)/gi, 'excluding ')
      // "10+ reviews": ten or more.
      .replace(/\b(\d[\d,]*)\+(?=\s|$)/g, '$1 or more')
      .replace(/\bw\/o\b/gi, 'without')
      .replace(/\bw\/(?=\s)/gi, 'with')
      // "allegations logged + how many finalised": a plus joins two questions as "and" does.
      .replace(/\s\+\s/g, ' and ')
      .replace(/\br\s*&\s*p\b/gi, 'reasonable and proportionate')
      .replace(/\breasonable\s*\/\s*proportionate\b/gi, 'reasonable and proportionate')
      // "E&W", "E and W": England and Wales, as the statistics abbreviate it.
      .replace(/\bE\s*(?:&|and)\s*W\b|\be\s*&\s*w\b/g, 'England and Wales')
      // "reasonable & proportionate", "Devon & Cornwall": any other ampersand between words is "and".
      .replace(/\s&\s/g, ' and ')
      .replace(/%/g, ' percent ')
  );
}

/** What the question puts in quotation marks, folded: two or more words, or one long word ("disapplication"). */
function quotedWords(text: string): string[] {
  // An apostrophe inside a word ("the public's trust") does not close the quote.
  return [...text.matchAll(/(?:^|[\s(])['‘"“]((?:[^'’"”]|['’](?=[A-Za-z])){3,120}?)['’"”](?=[\s,.?!;:)-]|$)/g)]
    .map((m) => words(m[1] as string).join(' '))
    .filter((q) => q.includes(' ') || (q.length >= QUOTED_WORD && !STOPWORDS.has(q)));
}

/** Less the quotes that name what we count ("the IOPC's 'individual behaviours' category"): the
 * catalogue's own term, no source's words. A quoted figure is kept, as the series it names. */
function sourceQuotes(quoted: readonly string[], ws: readonly string[], metrics: MetricMention): string[] {
  const spans = [...metrics.measureSpans.values(), ...metrics.outcomeSpans.values()].flat();
  const ownTerm = (q: string) => {
    const at = quotedSpan(ws, q);
    return at !== undefined && spans.some(([a, b]) => a <= at[0] && at[1] <= b);
  };
  return quoted.filter((q) => /\d/.test(q) || !ownTerm(q));
}

/** Where the quoted words `q` (folded, space-separated) first stand in the question's words. */
function quotedSpan(ws: readonly string[], q: string): readonly [number, number] | undefined {
  const qs = q.split(' ');
  const at = ws.findIndex((_, i) => qs.every((w, k) => ws[i + k] === w));
  return at < 0 ? undefined : [at, at + qs.length];
}

/**
 * Phrases inside words quoted from a source are the source's, not the question's: "Hampshire 'bucks
 * the trend' - what's the latest figure?" asks no trend. (A quoted figure, "'more than 1,000'", is
 * the asker's threshold, so quotes holding digits are left as they are.)
 */
function maskQuoted(slots: Map<PhraseSlot, SlotMatch[]>, ws: readonly string[], quoted: readonly string[]): void {
  const spans = quoted
    .filter((q) => !/\d/.test(q))
    .flatMap((q) => {
      const span = quotedSpan(ws, q);
      return span ? [span] : [];
    });
  if (spans.length === 0) return;
  for (const [slot, matches] of slots) {
    const kept = matches.filter((m) => !spans.some(([a, b]) => m.at >= a && m.end <= b));
    if (kept.length === 0) slots.delete(slot);
    else slots.set(slot, kept);
  }
}

/** A figure a question names ("the figure of 94,940"): a number of three digits or more that is no year. */
function namedFigure(wording: string): string | undefined {
  return [...wording.matchAll(/\d{1,3}(?:,\d{3})+|\d{3,}(?:\.\d+)?/g)].map((m) => m[0]).find((n) => !/^(19|20)\d{2}$/.test(n));
}

/** The shortest single word worth treating as quoted from a source. */
const QUOTED_WORD = 8;

/** The words at `[a, b)` of `ws` as the user typed them (case, accents, apostrophes), found in `text`. */
function typed(text: string, ws: readonly string[], [a, b]: [number, number]): string {
  const folded = ws.slice(a, b);
  const m = typedPattern(folded.join(' ')).exec(text.normalize('NFKD'));
  return m ? m[0].normalize('NFC') : folded.join(' ');
}

/** The pattern finding folded words as typed (accents, apostrophes, punctuation between), compiled
 * once for each run of words (up to 5,000): compiling a Unicode pattern was a parser's largest cost. */
const typedPattern: (folded: string) => RegExp = memoised(
  (folded) =>
    new RegExp(
      folded
        .split(' ')
        .map(
          (w) =>
            `${w
              .split('')
              .map((ch) => `${ch}\\p{M}*`)
              .join('')}(?:['’]s)?`,
        )
        .join('[^\\p{L}\\p{N}]+'),
      'iu',
    ),
  5_000,
);

/** Words after "share of all" that make the whole the force's own ("of all its allegations"). */
const OWN = new Set(['its', 'their', 'his', 'her', 'the']);

/** The unit a `sub-area` phrase names ("borough" of "in our borough", "ward" of "ward level"). */
function unitWord(ws: readonly string[], m: SlotMatch): string {
  const span = ws.slice(m.at, m.end);
  return (span.at(-1) === 'level' ? span.at(-2) : span.at(-1)) ?? '';
}

/** The year a period named starts in, for telling which of two comes later. */
function startYear(ask: PeriodAsk): number | undefined {
  return ask.kind === 'financial-year' ? Number(ask.id.slice(0, 4)) : ask.kind === 'year' ? ask.year : undefined;
}

/** Words in a question pointing to a place its remark named ("Cardiff here. How does its force…",
 * "Stockton group here. How long did our lot take…"). */
// "Kent: IOPC reviews, 2024/25. How does it compare with England and Wales?": "it" and "that" too,
// where England and Wales is all the question names (src/understand/remarks.ts).
const POINTING_TO_REMARK = new Set(['its', 'their', 'our', 'my', 'we', 'us', 'it', 'that', 'this', 'they', 'them']);

/** Words opening a question answered yes or no ("did complaints fall …?", "have they risen …?"). */
const YES_NO = new Set(['did', 'do', 'does', 'has', 'have', 'had', 'is', 'was', 'were', 'are']);

/** Words after "share of" that make the whole the place's own ("of their cases", "of its allegations"). */
const OWNERS = new Set(['its', 'their', 'our', 'my']);

/** Speakers named only by a pronoun. */
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them']);

/** Words that end what complaints are "about" ("complaints about racism made in Kent"). */
/** Slots of words that say nothing of what complaints are about ("police", "learning"). */
const NOISE: ReadonlySet<PhraseSlot> = new Set(['topic-noise', 'count-noise', 'plain']);

const ABOUT_ENDS = new Set([
  'were',
  'was',
  'being',
  'are',
  'is',
  'made',
  'against',
  'in',
  'by',
  'at',
  'for',
  'from',
  'did',
  'do',
  'does',
  'have',
  'has',
  'had',
  'during',
  'between',
  'since',
  'before',
  'after',
  'when',
  'across',
  'throughout',
  'nationally',
  'last',
  'this',
  'that',
  'each',
  'per',
  'now',
  // A period starts: "… against South Yorkshire officers, year to March 2023".
  'year',
  'years',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  // A second question starts: "… against male officers 2016-2020 - how many were unfounded?"
  'how',
  'what',
  'which',
]);
/** Intents whose follow-ups keep the previous answer's period. */
const HOLDS_PERIOD: readonly Intent[] = ['lookup', 'share', 'compare', 'rank', 'count'];
/** Words pointing back at the previous answer ("how does that compare…", "of those"). */
const BACK_REFERENCES = new Set(['that', 'this', 'those', 'these', 'it', 'them', 'they', 'same']);
/** Words of a question that point back at a remark before it (fewer than {@link BACK_REFERENCES}:
 * "that force", "did it finalise" point at places). */
const POINTING_BACK = new Set(['those', 'these', 'them', 'they']);
/** Words that end a speaker's name: what they said is about something, or a question follows. */
const SPEAKER_ENDS = new Set([
  'about',
  'on',
  'regarding',
  'what',
  'how',
  'which',
  'who',
  'why',
  'when',
  'where',
  'is',
  'are',
  'was',
  'were',
  'did',
  'does',
  'do',
  'has',
  'have',
]);
/** Words that say who the complaints are about, not what. */
const WHO = new Set([
  'police',
  'officers',
  'officer',
  'staff',
  'force',
  'forces',
  'constabulary',
  'people',
  'members',
  'them',
  'it',
  'conduct',
  'behaviour',
  'policing',
]);

/** The first phrase of `slot`, if any. */
function first(slots: ReadonlyMap<PhraseSlot, SlotMatch[]>, slot: PhraseSlot): SlotMatch | undefined {
  return slots.get(slot)?.[0];
}

/** Whether a long word is a typo (one edit, or two letters swapped) of a word of the phrase book or
 * the catalogue ("constabualry"): it is that word mistyped, never a subject of its own. */
function mistyped(w: string, readers: QuestionReaders): boolean {
  if (w.length < TYPO_WORD) return false;
  let known = KNOWN_WORDS.get(readers);
  if (!known) {
    known = { byLength: new Map(), seen: new Map() };
    for (const word of [...readers.phrases.words, ...readers.matcher.vocabulary]) {
      if (word.length < TYPO_WORD - 1) continue;
      const sameLength = known.byLength.get(word.length);
      if (sameLength) sameLength.push(word);
      else known.byLength.set(word.length, [word]);
    }
    KNOWN_WORDS.set(readers, known);
  }
  const seen = known.seen.get(w);
  if (seen !== undefined) return seen;
  // Only words a letter longer or shorter, or as long, can be one edit away.
  const near = [w.length - 1, w.length, w.length + 1].some((n) => (known.byLength.get(n) ?? []).some((k) => editDistance(w, k, 1) <= 1));
  if (known.seen.size >= TYPO_MEMO) known.seen.clear();
  known.seen.set(w, near);
  return near;
}

/** The shortest word read as a typo of a known one. */
const TYPO_WORD = 7;
/** Words remembered as typos or not, per set of readers, before the memo starts afresh (users' typing is unbounded). */
const TYPO_MEMO = 5_000;

/** The phrase book's and catalogue's words with a letter doubled, which a hurried question types once or thrice. */
function doubledWords(readers: QuestionReaders): ReadonlySet<string> {
  let doubled = DOUBLED_WORDS.get(readers);
  if (!doubled) {
    doubled = new Set([...readers.phrases.words, ...readers.matcher.vocabulary].filter((w) => /([a-z])\1/.test(w)));
    DOUBLED_WORDS.set(readers, doubled);
  }
  return doubled;
}
const DOUBLED_WORDS = new WeakMap<QuestionReaders, ReadonlySet<string>>();

/** The phrase book's and the catalogue's long words by length, and the words already judged, per set of readers. */
const KNOWN_WORDS = new WeakMap<QuestionReaders, { byLength: Map<number, string[]>; seen: Map<string, boolean> }>();

/** Words that are accounted for without naming anything: helper words, phrases of the book, the
 * vocabulary, numbers, and who the complaints are about. */
function accountedFor(readers: QuestionReaders): (w: string) => boolean {
  return (w) =>
    w.length < 3 ||
    /\d/.test(w) ||
    wordNumber(w) !== undefined ||
    STOPWORDS.has(w) ||
    WHO.has(w) ||
    readers.phrases.words.has(w) ||
    readers.matcher.vocabulary.has(w) ||
    readers.families.words.has(w) ||
    readers.publisherWords.has(w) ||
    mistyped(w, readers);
}

/** Whether every span lies within one of the matches: words a per-head phrase holds ("per 1,000
 * officers") name what is divided by, and words naming a family of publications ("the BBC's analysis
 * of IOPC reports") whose figures they are, not what is counted; a phrase running past them ("per
 * 1,000 staff with a case to answer") names what is counted. */
function liesInside(spans: ReadonlyArray<[number, number]>, within: readonly SlotMatch[]): boolean {
  return spans.length > 0 && spans.every(([a, b]) => within.some((m) => a >= m.at && b <= m.end));
}

/**
 * "Complaints about racism", "taser complaints": what the complaints are about, when nothing of ours
 * names it. No figure is broken down that way, so the total must not stand in for it.
 */
function unheldSubject(
  text: string,
  ws: readonly string[],
  slots: ReadonlyMap<PhraseSlot, SlotMatch[]>,
  metrics: MetricMention,
  taken: (at: number) => boolean,
  readers: QuestionReaders,
  scope: Scope,
): MeasureReading['unheld'] {
  // "Complaints in Swansea specifically": our figures are whole forces', never a town's within one.
  const place = scope.kind === 'forces' ? scope.places[0] : undefined;
  if (place !== undefined && first(slots, 'within-area') !== undefined) return { words: place.place, by: 'area' };
  // "Met officers in our borough", "complaints ward by ward": a part of a force's area, town named or not.
  const unit = first(slots, 'sub-area');
  if (unit !== undefined) return place !== undefined ? { words: place.place, by: 'area' } : { words: unitWord(ws, unit), by: 'unit' };
  // "individual officers' behaviour" names a kind of complaint (individual behaviours), not officers one by one.
  const kinds = [...metrics.outcomeSpans].filter(([id]) => readers.matcher.subjects.has(id)).flatMap(([, spans]) => spans);
  const people = (slots.get('people') ?? []).find((m) => !kinds.some(([a, b]) => a < m.end && b > m.at));
  if (people !== undefined) return { words: typed(text, ws, [people.at, people.end]), by: 'people' };
  const monthly = first(slots, 'by-month');
  if (monthly !== undefined) return { words: typed(text, ws, [monthly.at, monthly.end]), by: 'month' };
  const person = personNamed(text, ws, taken, readers);
  if (person !== undefined) return { words: person, by: 'person' };
  const subject = unheldTopic(text, ws, slots, metrics, taken, readers);
  return subject === undefined ? undefined : { words: subject, by: 'subject' };
}

/**
 * Someone named ("Wayne Couzens", "David Carrick"): two capitalised words, as typed, that no force,
 * place, measure, phrase or publisher accounts for. Our figures are never about one person.
 */
function personNamed(text: string, ws: readonly string[], taken: (at: number) => boolean, readers: QuestionReaders): string | undefined {
  const known = accountedFor(readers);
  const typedWords = text.split(/[^\p{L}'’-]+/u).filter(Boolean);
  for (let i = 0; i + 1 < typedWords.length; i++) {
    const [a, b] = [typedWords[i] as string, typedWords[i + 1] as string];
    if (!/^\p{Lu}\p{Ll}+$/u.test(a) || !/^\p{Lu}\p{Ll}+$/u.test(b)) continue;
    const [fa, fb] = [words(a)[0] ?? '', words(b)[0] ?? ''];
    const at = ws.indexOf(fa);
    const body = readers.phrases.isWordOf('institution', fa) || readers.phrases.isWordOf('institution', fb);
    if (body || known(fa) || known(fb) || (at >= 0 && taken(at)) || (ws.indexOf(fb) >= 0 && taken(ws.indexOf(fb)))) continue;
    return `${a} ${b}`;
  }
  return undefined;
}

function unheldTopic(
  text: string,
  ws: readonly string[],
  slots: ReadonlyMap<PhraseSlot, SlotMatch[]>,
  metrics: MetricMention,
  taken: (at: number) => boolean,
  readers: QuestionReaders,
): string | undefined {
  // "How many Taser discharges … led to complaints?": what led to them is counted, and must be ours.
  const cause = first(slots, 'complained-of')?.gap;
  if (cause !== undefined) {
    const [a, b] = cause;
    const lacking = ws.slice(a, b).filter((w, k) => !taken(a + k) && !STOPWORDS.has(w) && !WHO.has(w) && !readers.matcher.vocabulary.has(w));
    if (lacking.length > 0) return typed(text, ws, cause);
  }
  const about = first(slots, 'about');
  if (about !== undefined) {
    // What they are about ends at a word that ends such phrases, or at another phrase read ("against the total").
    const read = [...slots].flatMap(([slot, list]) => (slot === 'about' || NOISE.has(slot) ? [] : list));
    let end = about.end;
    // A year or a count ("against officers (2016-20)") ends them too: it is a period or a figure.
    while (end < ws.length && !ABOUT_ENDS.has(ws[end] as string) && !/\d/.test(ws[end] as string) && !read.some((m) => end >= m.at && end < m.end)) end++;
    const rest = ws.slice(about.end, end).filter((w) => !STOPWORDS.has(w) && !WHO.has(w));
    // "Taser use": a catalogue word beside one it lacks names nothing held; a phrase it read does.
    // "About basic service - the 'delivery of duties and service' category": words glossing a kind
    // read elsewhere in the question, sharing a word with its phrase, are that kind.
    const kindWords = new Set(
      [...metrics.outcomeSpans].filter(([id]) => readers.matcher.subjects.has(id)).flatMap(([, spans]) => spans.flatMap(([a, b]) => ws.slice(a, b))),
    );
    const glossed = ws.slice(about.end, end + 1).some((w) => !STOPWORDS.has(w) && kindWords.has(w));
    const held = rest.length === 0 || glossed || rest.every((w) => readers.matcher.vocabulary.has(w));
    // Read there only where every word we lack is taken by a phrase read ("officers" read as a role
    // leaves "tasers" in "involved officers using tasers" unread).
    const isRead = (at: number) => taken(at) || metrics.spans.some(([a, b]) => at >= a && at < b);
    const lacking = ws
      .slice(about.end, end)
      .map((w, k) => ({ w, at: about.end + k }))
      .filter(({ w }) => !STOPWORDS.has(w) && !WHO.has(w) && !readers.matcher.vocabulary.has(w));
    if (!held && !lacking.every(({ at }) => isRead(at))) return typed(text, ws, [about.end, end]);
  }
  // A word straight before the measure's phrase that nothing we read accounts for ("noise complaints").
  const starts = [...metrics.measureSpans.values()].flat().map(([a]) => a);
  if (starts.length === 0) return undefined;
  const next = Math.min(...starts) - 1;
  const known = accountedFor(readers);
  // A word a breakdown's phrase read ("… inappropriate emotional relationships - allegations") is no unheld subject.
  const read = (at: number) => taken(at) || metrics.spans.some(([a, b]) => at >= a && at < b);
  // "Taser use complaints": an everyday word of ours ("use") may stand between the one we lack and the measure.
  // (Never past "police": "Thames Valey Police complaints" names the force, mistyped.)
  const plain = ws[next] !== undefined && !STOPWORDS.has(ws[next] as string) && !WHO.has(ws[next] as string) && known(ws[next] as string) && !read(next);
  const at = plain && ws[next - 1] !== undefined && !known(ws[next - 1] as string) && !read(next - 1) ? next - 1 : next;
  const word = ws[at];
  if (word === undefined || read(at) || known(word)) return undefined;
  // Only a word in the same clause modifies the measure's noun ("Newport campaigner here. Not counting
  // suspensions, …"; "Honestly, how long…"), and only before a noun ("my son complained …").
  const pair = typed(text, ws, [at, next + 2]);
  if (/[.,;:!?()\u2013\u2014]|\s-\s/.test(pair) || /(?:ed|ing)$/.test(ws[next + 1] ?? '')) return undefined;
  return typed(text, ws, [at, next + 1]);
}

/**
 * The measures and breakdowns the words fit, as the frame carries them. Words inside a rate's own
 * phrase ("per officer", "per 1,000 workforce") say what the rate is per, not what is counted.
 */
/** How close two named measures' scores are for the catalogue's words to decide between them. */
const TIE = 0.3;
/** How far the best fit of the catalogue's words must lead the next to decide between equals. */
const MARGIN = 1.15;

/** Measures named equally ("abuse of authority" fits the allegations and the people accused): the one
 * the question's other words fit clearly better, by what each measure says it counts, is preferred. */
function decideTies(fits: Fit[], questionWords: readonly string[], readers: QuestionReaders): { fits: Fit[]; tied: boolean } {
  const named = fits.filter((f) => !f.loose);
  const top = named[0]?.score;
  const tied = named.filter((f) => top !== undefined && top - f.score < TIE);
  if (tied.length < 2) return { fits, tied: false };
  const relevance = [
    ...readers.catalogue.relevance(
      questionWords,
      tied.map((f) => f.id),
    ),
  ].sort((a, b) => b[1] - a[1]);
  const [first, second] = relevance;
  if (!first || !second || first[1] <= 0 || first[1] < second[1] * MARGIN) return { fits, tied: true };
  // The preferred one stands level with the best phrase score, and first among those level with it.
  return {
    fits: fits.map((f) => (f.id === first[0] ? { ...f, score: top as number, preferred: true as const } : f)).sort((a, b) => b.score - a.score),
    tied: false,
  };
}

/** "Allegations finalised under Schedule 3 that were investigated": a part named beside its whole is
 * what was asked, however many more words the whole's phrase covers. */
function partsFirst(fits: Fit[], spans: ReadonlyMap<string, Array<[number, number]>>, readers: QuestionReaders): Fit[] {
  const score = new Map(fits.map((f) => [f.id, f.score]));
  // Only a part named by words of its own, beyond the whole's phrases ("that were investigated").
  const ownWords = (part: string, whole: string) => (spans.get(part) ?? []).some(([a, b]) => !(spans.get(whole) ?? []).some(([c, d]) => a < d && c < b));
  const lifted = fits.map((f) => {
    const whole = readers.matcher.wholeOf(f.id);
    const wholeScore = whole === undefined || f.loose ? undefined : score.get(whole);
    return whole !== undefined && wholeScore !== undefined && wholeScore >= f.score && ownWords(f.id, whole)
      ? { ...f, score: wholeScore + PART_OVER_WHOLE }
      : f;
  });
  return lifted.sort((a, b) => b.score - a.score);
}

/** The score of a loose word standing in for a phrase only measures of time take. */
const LOOSE_INSTEAD = 0.5;

/** How far a part named beside its whole comes before it. */
const PART_OVER_WHOLE = 0.1;

/** Of the measures named outright, the one named first ("more [under Schedule 3] than outside it"). */
function firstNamed(fits: readonly Fit[], spans: ReadonlyMap<string, Array<[number, number]>>): string | undefined {
  const named = fits.filter((f) => !f.loose && spans.has(f.id));
  // Words every one of them fits ("finalised") name none first; nor does a phrase inside another's
  // longer one ("sch 3" in "non sch 3").
  const key = ([a, b]: [number, number]) => `${a} ${b}`;
  const shared = (span: [number, number]) => named.every((f) => (spans.get(f.id) ?? []).some((s) => key(s) === key(span)));
  const inside = (id: string, [a, b]: [number, number]) =>
    named.some((f) => f.id !== id && (spans.get(f.id) ?? []).some(([c, d]) => c <= a && b <= d && d - c > b - a));
  const own = (id: string) => (spans.get(id) ?? []).filter((span) => !shared(span) && !inside(id, span));
  const start = (id: string) => Math.min(...own(id).map(([a]) => a));
  return [...named].sort((a, b) => start(a.id) - start(b.id)).at(0)?.id;
}

/** Of two or more breakdowns, those whose phrases overlap no other breakdown's, less those given as
 * examples of a wider one named before them. */
function namedApart(
  spans: ReadonlyMap<string, Array<[number, number]>>,
  breakdowns: readonly Fit[],
  wider: ReadonlyMap<string, string>,
  ws: readonly string[],
  bracketed: ReadonlySet<number>,
): string[] {
  if (breakdowns.length < 2) return [];
  const overlaps = (x: string, y: string) => (spans.get(x) ?? []).some(([a, b]) => (spans.get(y) ?? []).some(([c, d]) => a < d && c < b));
  // "…used their powers, like arrests, searches, detention and so on": a narrower kind given as an
  // example of the wider one named before it is no second question.
  const start = (id: string) => Math.min(...(spans.get(id) ?? []).map(([a]) => a));
  const end = (id: string) => Math.max(...(spans.get(id) ?? []).map(([, b]) => b));
  // "…how they use their powers (arrests, searches, force)": examples in brackets after it.
  const marked = (from: number, to: number) =>
    ws.slice(from, to).some((w) => EXAMPLE_WORDS.has(w)) ||
    ws.slice(to).join(' ').includes('and so on') ||
    ws.slice(to).includes('etc') ||
    [...bracketed].some((at) => at >= from && at <= to);
  // "…discrimination, racism included": the narrower kind said to be inside the wider one.
  const inside = (f: Fit) => INSIDE_WORDS.has(ws[end(f.id)] ?? '');
  const example = (f: Fit) => breakdowns.some((g) => g.id === wider.get(f.id) && end(g.id) <= start(f.id) && (marked(end(g.id), start(f.id)) || inside(f)));
  return breakdowns.filter((f) => !example(f) && !breakdowns.some((g) => g.id !== f.id && overlaps(f.id, g.id))).map((f) => f.id);
}

/** Less the kinds offered as alternatives to the wider kind holding them: "complaints about racism or
 * discrimination" asks about discrimination, racism among it. */
function widerOffered(
  breakdowns: Fit[],
  spans: ReadonlyMap<string, Array<[number, number]>>,
  wider: ReadonlyMap<string, string>,
  ws: readonly string[],
): Fit[] {
  const between = (x: string, y: string) =>
    (spans.get(x) ?? []).some(([a, b]) =>
      (spans.get(y) ?? []).some(([c, d]) => {
        const gap = b <= c ? ws.slice(b, c) : d <= a ? ws.slice(d, a) : [];
        return gap.length > 0 && gap.every((w) => w === 'or' || w === 'and');
      }),
    );
  return breakdowns.filter((f) => !breakdowns.some((g) => g.id === wider.get(f.id) && between(f.id, g.id)));
}

/** The places of the words a bracket opens before ("powers (arrests, searches)": the place of "arrests"). */
function bracketOpenings(wording: string): Set<number> {
  return new Set([...wording.matchAll(/\(/g)].map((m) => words(wording.slice(0, m.index)).length));
}

/** A label of up to four words the question opens with, before a colon or a spaced dash: "Mansfield
 * Chad: how many…" is asked by the paper, not about it. */
function bylineOf(wording: string, found: ReadonlyMap<PhraseSlot, SlotMatch[]>): string[] {
  const label = openingLabel(wording);
  // "Hartlepool Mail wants the total …": who asks, by the phrase book's words for asking.
  const asker = found.get('asker')?.find((m) => m.at === 0 && m.gap !== undefined)?.gap;
  const askerWords = asker ? words(wording).slice(...asker) : [];
  // "How many … does the force need?" is a question, not someone asking.
  const named = label !== undefined ? words(label) : QUESTION_OPENERS.has(askerWords[0] ?? '') ? [] : askerWords;
  return named.length <= 4 ? named : [];
}

/** Words after a kind that put it inside the one named before ("racism included", "race too"). */
const INSIDE_WORDS: ReadonlySet<string> = new Set(['included', 'includes', 'among', 'amongst', 'too']);

/** Words that give what follows as an example ("like", "such as", "e.g."). */
const EXAMPLE_WORDS: ReadonlySet<string> = new Set(['like', 'such', 'including', 'example', 'eg', 'etc']);

/** "…allegations finalised under Schedule 3 — and how many weren't investigated?": of measures the
 * words fit equally well, the one related to the measure carried from before comes first. */
function nearCarried(fits: Fit[], carried: string | undefined, matcher: MetricMatcher): Fit[] {
  const [a, b] = fits;
  if (carried === undefined || !a || !b || a.score !== b.score || matcher.areRelated(a.id, carried) || !matcher.areRelated(b.id, carried)) return fits;
  return [b, a, ...fits.slice(2)];
}

/** The two named measures of different families the question fits too closely to choose between. */
function nearTieOf(fits: readonly Fit[], readers: QuestionReaders): [string, string] | undefined {
  const [a, b] = fits.filter((f) => !f.loose);
  if (!a || !b || a.score !== b.score) return undefined;
  return readers.matcher.families.get(a.id) !== readers.matcher.families.get(b.id) ? [a.id, b.id] : undefined;
}

function measureReading(
  metrics: MetricMention,
  /** Phrases naming what a rate is per ("per 1,000 officers") or whose figures they are ("the BBC's
   * analysis of IOPC reports"), not what is counted. */
  notCounted: readonly SlotMatch[],
  timeAsked: readonly SlotMatch[],
  readers: QuestionReaders,
  family: SourceFamily | undefined,
  previous: Frame | undefined,
  unheld: MeasureReading['unheld'],
  questionWords: readonly string[],
  inContext: (at: number) => boolean,
  bracketed: ReadonlySet<number>,
  /** Asks for both ways of a figure ("with and without suspension"). */
  bothWays: boolean,
): MeasureReading {
  const { durations, subjects } = readers.matcher;
  const duration = timeAsked.length > 0;
  const fits = (map: Map<string, number>, spans: Map<string, Array<[number, number]>>, loose?: Set<string>) =>
    [...map]
      .filter(([id]) => !liesInside(spans.get(id) ?? [], notCounted))
      .sort((a, b) => b[1] - a[1])
      .map(([id, score]) => (loose?.has(id) ? { id, score, loose: true, words: metrics.looseWords.get(id) ?? 1 } : { id, score }));
  // "Quickest at finalising Schedule 3 complaint cases": the question counts days, so of the measures
  // its words fit (also where a longer phrase took them), only those of time taken answer it.
  // Measures named side by side ("cases finalised, and the average days") are each answered.
  const named = measuresNamedTogether(metrics, (a, b) => readers.matcher.aboutSameCases(a, b));
  const paired = named.length >= 2 ? named : countThenItsTime(metrics, timeAsked, readers.matcher);
  // "How long … to finalise Schedule 3 cases, with and without suspension": the cases timed both ways
  // are what the times are of, not a count asked beside them.
  const [first, second] = paired.map((part) => part[0]?.id ?? '');
  const timedBothWays =
    bothWays &&
    duration &&
    paired.length === 2 &&
    [
      [first, second],
      [second, first],
    ].some(([c, t]) => readers.matcher.timersOf(c ?? '').includes(t ?? ''));
  const together = timedBothWays ? [] : paired;
  const timesNamed = new Map([...metrics.shadowed, ...metrics.measures].filter(([id]) => durations.has(id)));
  const counted = new Map([...metrics.measures].filter(([id]) => !durations.has(id)));
  // "Average days to finalise allegations handled under Schedule 3": only the count's words, with its
  // time asked; the measure timing that count answers.
  const twins = [...counted].flatMap(([id, score]) =>
    readers.matcher
      .timersOf(id)
      .filter((t) => !timesNamed.has(t))
      .map((t) => [t, score] as const),
  );
  const timed = duration ? new Map([...timesNamed, ...twins]) : timesNamed;
  // …and a question that does not ask how long never means time taken when something else fits.
  // "How long do IOPC reviews take?": times of other things (days to finalise complaint cases) do not
  // answer how long something named outright takes; that is what is asked, and we hold no time of it.
  const timesCounted = [...timed.keys()].some((t) => (readers.matcher.timed.get(t) ?? []).some((x) => counted.has(x)));
  // Words every measure of time fits alike ("how long", "on average") name none of them; "get in touch" names one.
  const spansOf = (id: string) => (metrics.measureSpans.get(id) ?? []).map(([a, b]) => `${a} ${b}`);
  const timedIds = [...timed.keys()];
  const namesTime = timedIds.some((t) => spansOf(t).some((span) => timedIds.length === 1 || timedIds.some((o) => !spansOf(o).includes(span))));
  const untimed =
    duration && counted.size > 0 && !timesCounted && !namesTime && [...counted.keys()].every((id) => !metrics.loose.has(id) && !durations.has(id));
  let measures =
    together.length >= 2 || untimed
      ? untimed
        ? counted
        : metrics.measures
      : duration
        ? timed.size > 0
          ? timed
          : metrics.measures
        : counted.size > 0
          ? counted
          : metrics.measures;
  // "How many formal complaints…?": a phrase only measures of time take names, when no time is asked,
  // the complaints its loose word fits; the figures held decide among them.
  const looseInstead = !duration && together.length < 2 && counted.size === 0 && timed.size > 0 && metrics.touched.size > 0;
  if (looseInstead) measures = new Map([...metrics.touched].map((id) => [id, LOOSE_INSTEAD] as const));
  const loose = looseInstead ? metrics.touched : metrics.loose;
  // "According to the Home Office figures": the named family's measures the words touched fit as well as
  // the best, where a longer phrase of another family took the words ("complaints made").
  if (family !== undefined && ![...measures.keys()].some((id) => readers.matcher.families.get(id) === family)) {
    const top = Math.max(0, ...measures.values());
    const ofFamily = [...metrics.touched, ...metrics.shadowed.keys()].filter((id) => readers.matcher.families.get(id) === family);
    if (ofFamily.length > 0) measures = new Map([...measures, ...ofFamily.map((id) => [id, top] as const)]);
  }
  const decided = decideTies(
    nearCarried(
      partsFirst(namedInQuestion(fits(measures, metrics.measureSpans, loose), metrics.measureSpans, inContext), metrics.measureSpans, readers),
      previous?.measure,
      readers.matcher,
    ),
    questionWords,
    readers,
  );
  // A question naming its own measure outright takes no kind from a remark ("…came up at a council
  // meeting. How many cases under Schedule 3…?"); one asking loosely ("Racism is a worry. How many
  // allegations…?") counts the kind the remark named.
  const namesOwnMeasure = decided.fits.some((f) => !f.loose && (metrics.measureSpans.get(f.id) ?? []).some(([a]) => !inContext(a)));
  const reading: MeasureReading = {
    fits: decided.fits,
    breakdowns: widerOffered(
      namedInQuestion(fits(metrics.outcomes, metrics.outcomeSpans), metrics.outcomeSpans, inContext, !namesOwnMeasure),
      metrics.outcomeSpans,
      readers.matcher.wider,
      metrics.words,
    ),
    inside: fits(metrics.inside, new Map()),
    touched: [...metrics.touched],
    duration,
    together,
  };
  const apart = namedApart(metrics.outcomeSpans, reading.breakdowns, readers.matcher.wider, metrics.words, bracketed);
  if (apart.length > 0) reading.apart = apart;
  // "IOPC reports with a case to answer, officers and staff": the people in the reports, each counted.
  const [top] = reading.fits;
  const people = top && !top.loose && together.length === 0 ? readers.matcher.people.get(top.id) : undefined;
  const roles = people ? reading.breakdowns.filter((b) => people[b.id] !== undefined) : [];
  if (top && people && roles.length > 0) {
    reading.together = [[top], ...roles.map((b) => [{ id: people[b.id] as string, score: top.score }])];
    reading.breakdowns = reading.breakdowns.filter((b) => !roles.includes(b));
  }
  if (previous?.measure !== undefined)
    reading.carried = { measure: previous.measure, ...(previous.outcome !== undefined ? { breakdown: previous.outcome } : {}) };
  if (unheld !== undefined) reading.unheld = unheld;
  if (family !== undefined) reading.family = family;
  const tie = family === undefined && decided.tied ? nearTieOf(reading.fits, readers) : undefined;
  if (tie) reading.nearTie = tie;

  // "How many stop and searches?": a subject of complaints and nothing counted, with nothing to carry.
  const [onlySubject] = reading.breakdowns;
  if (reading.fits.length === 0 && reading.carried === undefined && onlySubject && reading.breakdowns.every((b) => subjects.has(b.id)))
    reading.subjectOnly = onlySubject.id;
  return reading;
}

/** Per 1,000 for "per officer" or "allowing for size"; a share for "what share"; "the … rate" is
 * either, as the data allows. A bare follow-up keeps the previous question's share. */
function normalisationOf(ws: readonly string[], slots: ReadonlyMap<PhraseSlot, SlotMatch[]>): Normalisation {
  const rates = slots.get('rate') ?? [];
  // "rate of allegations per 1,000 employees", "the complaints-per-1,000-employees rate" ask for a
  // rate per head, not a share.
  // "… per 1,000 employees, nearly double the Met's rate": a rate after a rate per head is that rate.
  const perHeadNamed =
    (slots.get('per-head')?.length ?? 0) > 0 || rates.some((m) => ws.slice(m.end).includes('per') || ws.slice(Math.max(0, m.at - 5), m.at).includes('per'));
  const rateAsShare = !perHeadNamed && rates.length > 0;
  const perHead = perHeadNamed || rates.length > 0;
  // "Norfolk and Suffolk share a department": the verb, not a share asked.
  const verbs = slots.get('share-verb') ?? [];
  // "The percentage rise", "up 37%": a change put in percent, not a share of a whole.
  const changes = slots.get('change-percent') ?? [];
  const share = (slots.get('share') ?? []).some((m) => !verbs.some((v) => v.at === m.at) && !changes.some((c) => m.at >= c.at && m.at < c.end)) || rateAsShare;
  if (perHead && share) return 'rate';
  return perHead ? 'per-1000' : share ? 'share' : 'count';
}

/** Words naming a body of figures a term is used in ("… in the Home Office misconduct figures"). */
const SOURCE_WORDS: ReadonlySet<string> = new Set(['figures', 'statistics', 'stats', 'data', 'numbers', 'tables']);

/** Words opening a request for a meaning that no question word opens ("define …", "explain …"). */
const DEFINING: ReadonlySet<string> = new Set(['define', 'definition', 'meaning', 'explain', 'whats']);

/** Verbs that make a sentence a statement about something ("racism is rife"), not a narrowing of what is asked. */
const STATING: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'seems', 'seem', 'feels', 'feel']);

/** "(Avon & Somerset to Suffolk)": a table's run of forces from one name to another, said in
 * brackets, describes the table; it asks about neither force. */
function withoutForceRuns(wording: string, readers: QuestionReaders): string {
  return wording.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    if (/\d/.test(inner) || !/\b(?:to|through)\b/i.test(inner)) return whole;
    return readers.resolver.find(inner, readers.matcher.vocabulary).forces.length === 2 ? ' ' : whole;
  });
}

/** Understands `text`, with `previous` (the last exchange's frame) for follow-ups. */
export function readQuestion(text: string, readers: QuestionReaders, previous?: Frame): QueryFrame {
  const wording = withoutForceRuns(
    respelt(
      normaliseWording(text, readers.shorthand),
      doubledWords(readers),
      (w) => readers.phrases.words.has(w) || readers.matcher.vocabulary.has(w) || readers.resolver.isNameWord(w),
    ),
    readers,
  );
  // "Everyone assumes the Met dominates these tables. Apart from the Met, which force…?": a remark
  // before the question sets its context; what the question itself says is what is asked.
  const wordsAsked = words(wording);
  const found = readers.phrases.find(wordsAsked);
  // "For a story explainer: what is the … review process?": a lead-in's gap ends where a question opens.
  const leadInMatch = found.get('lead-in')?.find((m) => m.at === 0);
  const opensAt = leadInMatch?.gap ? wordsAsked.findIndex((w, i) => i >= (leadInMatch.gap?.[0] ?? 0) && i < leadInMatch.end && QUESTION_OPENERS.has(w)) : -1;
  const leadIn = opensAt > 0 ? opensAt : (leadInMatch?.end ?? 0);
  const remark = remarksOf(wording, leadIn, found.has('claim-check'), found.get('opinion')?.some((m) => m.at === 0) ?? false, (sentence) => {
    // A remark after the question names no figure, year, place, measure or kind of its own
    // ("bent coppers everywhere": officers, whom every figure is about, name no kind).
    // "…altogether? doing a custody deaths piece": what the asker is working on, not a subject asked.
    if (readers.phrases.find(words(sentence)).has('lead-in')) return true;
    const named = readers.matcher.find(sentence);
    // "…log in 2024/25? racism is rife in that force": a kind inside one the rest of the question
    // names is said of what is asked, no kind of its own.
    // Only a statement says it ("… is rife"); "racism specifically", "just race" narrow what is asked.
    // The very kind asked, said again in other words ("'individual behaviours' … ? rude cops etc"), glosses it.
    const rest = named.outcomeSpans.size > 0 ? readers.matcher.find(wording.replace(sentence, ' ')) : undefined;
    const stating = named.words.some((w) => STATING.has(w));
    const askedKind = (id: string) =>
      rest !== undefined && (rest.outcomeSpans.has(id) || (stating && rest.outcomeSpans.has(readers.matcher.wider.get(id) ?? '')));
    const kinds = [...named.outcomeSpans]
      .filter(([id]) => !askedKind(id))
      .flatMap(([, spans]) => spans)
      .filter(([a, b]) => named.words.slice(a, b).some((w) => !WHO.has(w)));
    return (
      !/\d/.test(sentence) && named.measures.size === 0 && kinds.length === 0 && readers.resolver.find(sentence, readers.matcher.vocabulary).forces.length === 0
    );
  });
  const remarks = remark.before.words;
  const trailing = remark.after.words;
  const question = wording.slice(remark.before.chars, remark.after.chars);
  const remarked = question.length < wording.length;
  const mentioned = askedPlaces(
    readers.resolver.find(wording, readers.matcher.vocabulary),
    remarked ? readers.resolver.find(question, readers.matcher.vocabulary) : undefined,
    remarks,
    {
      pointed: words(question).some((w) => POINTING_TO_REMARK.has(w)),
      comparing: (found.get('compare') ?? []).some((m) => m.at >= remarks),
      area: (id) => readers.resolver.get(id)?.kind === 'area',
    },
  );
  // "… across all forces. bent coppers everywhere": a remark after the question names no force we don't know.
  if (mentioned.unknown !== undefined && !fold(wording.slice(0, remark.after.chars)).includes(fold(mentioned.unknown))) delete mentioned.unknown;
  const slots = outsideRemarks(found, remarks, trailing);
  // "When force panels found misconduct proven, what proportion led to the sack?": a clause opening
  // "when" with no verb asking after it sets the time of what the later question asks; it asks no date.
  const opened = wordsAsked.slice(remarks);
  const whenClause = opened[0] === 'when' && !YES_NO.has(opened[1] ?? '') && opened.slice(2).some((w) => QUESTION_OPENERS.has(w));
  if (whenClause) slots.delete('when');
  // "What are 'special procedures'? Saw it in a story about Hampshire": a definition asked before a
  // remark is read where the question ends.
  const asked = wording.indexOf('?');
  if (!slots.has('define') && asked > 0 && asked < wording.length - 1) {
    const head = readers.phrases.find(words(wording.slice(0, asked)));
    const define = head.get('define');
    if (define) slots.set('define', define);
  }
  // "For a story explainer: what is the reflective practice review process?": a question opening
  // after a remark opens where the remark ends.
  const opening = opened[0] ?? '';
  if (!slots.has('define') && remarks > 0 && (QUESTION_OPENERS.has(opening) || DEFINING.has(opening))) {
    const own = readers.phrases.find(wordsAsked.slice(remarks, trailing));
    for (const slot of ['define', 'define-opener'] as const) {
      const at = own.get(slot);
      if (at)
        slots.set(
          slot,
          at.map((m) => ({
            ...m,
            at: m.at + remarks,
            end: m.end + remarks,
            ...(m.gap ? { gap: [m.gap[0] + remarks, m.gap[1] + remarks] as [number, number] } : {}),
          })),
        );
    }
  }
  // "An MP says Lancashire takes 'twice as long as the national average'. Check it": the claim's
  // own words are what is asked.
  if (!slots.has('claim-check')) maskQuoted(slots, wordsAsked, quotedWords(text));
  const negations = (slots.get('negation') ?? []).map((m) => [m.at, m.end] as const);
  const metrics = readers.matcher.find(wording, mentioned.spans, negations);
  const ws = metrics.words;
  // "Working on a piece about IOPC recommendations. How many are on record for the Met?": a question
  // naming nothing counted asks about the recommendations its remark names.
  const namesNothing = [...metrics.measureSpans.values()].flat().every(([a]) => a < remarks || a >= trailing);
  const inRemark = found.get('recommendation');
  if (!slots.has('recommendation') && inRemark && namesNothing) slots.set('recommendation', inRemark);
  const shape = readShape(ws, slots, mentioned);
  // "Among the 43 territorial forces": British Transport Police left out, as "apart from BTP" would.
  if ((slots.get('territorial')?.length ?? 0) > 0) shape.excluded.push(...readers.resolver.nonTerritorial().filter((f) => !shape.excluded.includes(f)));
  // The remark's periods ("…said it sacked officers in 2023. How many…?") only where the question names none.
  const papers = readers.paperWords;
  const read = remarked ? periodsAfterRemarks(findPeriods(wording, papers), findPeriods(question, papers)) : findPeriods(wording, papers);
  // "'… nearly 1,800 last year'. Is that right for 2024/25?": the year named is the one "last year"
  // meant, where nothing asks how they differ.
  const yearNamed = (a: QueryFrame['periods']['asks'][number]) => a.kind === 'financial-year' || a.kind === 'year';
  const relating = ['change', 'compare', 'trend', 'periods-listed'].some((slot) => has({ slots }, slot as PhraseSlot));
  const periods =
    read.asks.some(yearNamed) && read.asks.some((a) => a.kind === 'latest') && !relating
      ? { ...read, asks: read.asks.filter((a) => a.kind !== 'latest') }
      : read;
  const named = metrics.measures.size > 0 || metrics.outcomes.size > 0;
  const namedOutright = [...metrics.measures.keys()].some((id) => !metrics.loose.has(id)) || metrics.outcomes.size > 0;
  // A force let in ("counting BTP", "BTP included") to a ranking or to the average compared with is no place asked about.
  const letIn = (f: string) => (shape.rank || shape.target === 'average') && shape.included.includes(f);
  const places = mentioned.forces.filter((f) => !shape.excluded.includes(f) && !letIn(f));
  const taken = (at: number) => mentioned.spans.some(([a, b]) => at >= a && at < b);
  // Words of a remark around the question ("Cardiff resident here.") are its context: no subject, topic or word left out.
  const context = (at: number) => at < remarks || at >= trailing || taken(at);
  // "The BBC looked at officers with a case to answer. How many of those were dismissed?": a question
  // pointing back at the remark before it counts within what the remark named.
  const pointsBack = ws.slice(remarks).some((w) => POINTING_BACK.has(w));
  let normalisation = normalisationOf(ws, slots);

  const attribute = first(slots, 'attribute');
  const attributeGap = attribute?.gap && attribute.gap[1] - attribute.gap[0] <= 3 ? attribute.gap : possessive(ws, slots, mentioned.spans);
  const asksValue = attributeGap !== undefined && !ws.slice(...attributeGap).some((w) => readers.phrases.isWordOf('general', w));
  // "What actually is RPRP? keeps coming up": the term ends where a remark after the question starts.
  const defined = first(slots, 'define')?.gap;
  // "What is a 'recordable conduct matter' in the Home Office misconduct figures?": the figures it is
  // a term of are where it is used, no figure asked; the term ends at "in".
  const usedIn = defined
    ? ws.findIndex((w, k) => w === 'in' && k > defined[0] && k < defined[1] && ws.slice(k + 1, defined[1]).some((x) => SOURCE_WORDS.has(x)))
    : -1;
  if (usedIn > 0) {
    const asked = (slots.get('quantity') ?? []).filter((m) => m.at < usedIn);
    if (asked.length > 0) slots.set('quantity', asked);
    else slots.delete('quantity');
  }
  const term: [number, number] | undefined = defined && [defined[0], Math.min(usedIn > 0 ? usedIn : defined[1], trailing)];
  const quoted = quotedWords(text);
  const cues: Cues = {
    slots,
    words: ws.length,
    places: places.length,
    national: places.includes(NATIONAL),
    group: mentioned.ambiguous !== undefined && places.length === 0,
    named,
    namedOutright,
    measureOutright: [...metrics.measures.keys()].some((id) => !metrics.loose.has(id)),
    periods: periods.asks.length,
    since: periods.since,
    rank: shape.rank,
    target: shape.target !== undefined,
    pastTarget: shape.pastTarget !== undefined,
    asksValue,
    term: term !== undefined && has({ slots }, 'define-opener'),
    share: normalisation === 'share' || normalisation === 'rate',
    family: familyNamed(ws, readers) !== undefined,
    quotedTerm:
      term !== undefined &&
      quoted.some((q) =>
        ws
          .slice(...term)
          .join(' ')
          .includes(q),
      ),
  };
  let intent: Intent = intentOf(cues);
  // "which were accepted?", "and in Kent?" after recommendations are about recommendations again.
  const { response, responses } = responseAsked(slots);
  const aboutRecommendations = previous?.type === 'recommendation' && !named && (response !== undefined || has(cues, 'follow-up'));
  if (aboutRecommendations && !['help', 'provenance', 'chart'].includes(intent)) intent = 'recommendations';
  // "Where does the figure of 94,940 complaints come from?", with no answer before it to trace: the
  // figure named is looked up, its source given with it.
  const figureNamed = (intent === 'provenance' || has(cues, 'provenance')) && !previous?.sources?.length ? namedFigure(wording) : undefined;
  if (figureNamed !== undefined) intent = 'lookup';
  // A follow-up leans on the previous question only when it asks something of its own ("blah blah" after a force is not about it).
  const asksSomething =
    named ||
    cues.share ||
    periods.asks.length > 0 ||
    shape.target !== undefined ||
    ws.some((w) => BACK_REFERENCES.has(w)) ||
    ['quantity', 'change', 'trend', 'compare', 'follow-up', 'per-head', 'duration'].some((s) => has(cues, s as PhraseSlot));
  const reading: ScopeReading = { mentioned, places, excluded: shape.excluded, everyForce: has(cues, 'every-force'), target: shape.target };
  const carryFrom = (kind: Intent) => (FIGURE_INTENTS.includes(kind) && asksSomething ? previous : undefined);
  let scope = scopeOf(reading, intent, carryFrom(intent));
  // "The total for the 43 forces in England and Wales": England and Wales's own published figure.
  if (shape.total && scope.kind === 'every-force' && mentioned.forces.includes(NATIONAL) && shape.direction === undefined && !shape.threshold) {
    scope = { kind: 'national' };
    if (intent === 'rank') intent = 'lookup';
  }
  // "What's the national total?": England and Wales asked of itself, with nothing to set it against.
  if (intent === 'compare' && shape.target === 'national' && scope.kind === 'unnamed' && previous === undefined && !has(cues, 'compare')) {
    scope = { kind: 'national' };
    intent = 'lookup';
  }
  // "…in 2024, and how many across 2020-2024?": a year and a range holding it ask each figure (the
  // range's added up), not a change between them, unless a change is asked in words.
  const range = periods.asks.find((a) => a.kind === 'range');
  const within = (a: PeriodAsk) => a.kind === 'year' && range?.kind === 'range' && a.year >= range.from && a.year <= range.to;
  if (intent === 'change' && !has(cues, 'change') && !has(cues, 'compare') && !periods.since && periods.asks.some(within)) intent = 'lookup';
  // "misconduct figures for Wales": a region's figures, no count or year asked, is its forces' overview.
  if (scope.kind === 'region' && intent === 'lookup' && !has(cues, 'how-many') && periods.asks.length === 0) intent = 'overview';
  // "What share of all IOPC reviews … concerned the Met?": one force's part of England and Wales's
  // whole, as "what share of England and Wales's reviews were the Met's?" ("of all its …" is its own).
  const ofAll = first(slots, 'share-of-all');
  // "What proportion of the IOPC's reviews … involved the Met?": the force named straight after the words.
  const fromForce = (slots.get('share-from-force') ?? []).some((m) => mentioned.spans.some(([a, b]) => a <= m.end && m.end < b));
  if (
    (ofAll !== undefined || fromForce) &&
    intent === 'share' &&
    scope.kind === 'forces' &&
    scope.forces.length === 1 &&
    metrics.outcomes.size === 0 &&
    !OWN.has(ws[ofAll?.end ?? -1] ?? '')
  ) {
    scope = { ...scope, forces: [NATIONAL, ...scope.forces] };
    intent = 'compare';
  }
  // "…, and what percentage of the England and Wales total is that?": the one force just answered is the part.
  const [answered] = previous?.forces ?? [];
  if (
    ofAll !== undefined &&
    intent === 'share' &&
    scope.kind === 'national' &&
    previous?.forces.length === 1 &&
    answered !== undefined &&
    answered !== NATIONAL &&
    ws.some((w) => BACK_REFERENCES.has(w))
  ) {
    scope = { kind: 'forces', forces: [NATIONAL, answered], carried: true, places: [] };
    intent = 'compare';
  }
  // "How many forces beat the England and Wales average?" counts every force; England and Wales is the bar.
  // "How many forces took longer than Kent?" counts every force; Kent's own figure is the bar.
  const bar = (f: string) => f === NATIONAL || f === shape.pastPlace;
  if (intent === 'count' && shape.pastTarget && (scope.kind === 'national' || (scope.kind === 'forces' && scope.forces.every(bar))))
    scope = { kind: 'every-force', except: shape.excluded };
  // "England and Wales minus the Met": every other force's figures, added up. ("The 43 forces in
  // England and Wales", leaving out British Transport Police, are what England and Wales's figures count.)
  const nonTerritorial = readers.resolver.nonTerritorial();
  const nationalLess = scope.kind === 'national' && shape.excluded.some((f) => !nonTerritorial.includes(f)) && FIGURE_INTENTS.includes(intent);
  if (nationalLess) scope = { kind: 'every-force', except: shape.excluded };
  const unused = unaccounted(ws, metrics, slots, context, mentioned, readers);
  const byline = bylineOf(wording, found);
  // "and Narnia?": a follow-up naming a place we can't resolve is about that place, never the last one.
  const follow = first(slots, 'follow-up');
  if (scope.kind === 'forces' && scope.carried && follow && unused.length > 0 && ws.length - follow.end <= 3)
    scope = { kind: 'unknown', name: typed(wording, ws, [follow.end, ws.length]) };
  if (intent === 'recommendations') {
    // "Which force got the most recommendations?" ranks every force; a follow-up keeps the forces asked about.
    if (shape.direction !== undefined || shape.threshold !== undefined) scope = scopeOf(reading, 'rank', undefined);
    else if (aboutRecommendations && scope.kind === 'unnamed' && previous && previous.forces.length > 0)
      scope = { kind: 'forces', forces: previous.forces, carried: true, places: [] };
  } else if (previous) {
    const inherited = inheritedIntent(intent, cues, previous, scope.kind === 'forces' ? scope.forces.length + (shape.target ? 1 : 0) : 0);
    if (inherited !== intent && (inherited === 'rank' || inherited === 'count')) scope = scopeOf(reading, inherited, undefined);
    intent = inherited;
    // "How does that compare with Essex?": the previous answer's forces are the other side.
    const back = ws.some((w) => BACK_REFERENCES.has(w));
    if (
      has(cues, 'compare') &&
      back &&
      scope.kind === 'forces' &&
      !scope.carried &&
      scope.forces.length === 1 &&
      previous.forces.length > 0 &&
      !previous.forces.includes(scope.forces[0] as string)
    ) {
      scope = { ...scope, forces: [...previous.forces, ...scope.forces] };
      intent = 'compare';
    }
  }
  const bareShare = previous?.share === true && !named && !has(cues, 'change') && !has(cues, 'trend') && !has(cues, 'compare') && !has(cues, 'overview');
  if (normalisation === 'count' && bareShare) normalisation = 'share';

  const subjectSpan = intent === 'define' && term ? term : intent === 'statement' ? speaker(ws, slots) : undefined;
  // "What did Hampshire police actually say": a word of emphasis is no part of the speaker's name.
  const subject = subjectSpan && trimmed(subjectSpan, (at) => readers.phrases.isWordOf('emphasis', ws[at] ?? ''));
  const about = first(slots, 'said-about')?.gap;
  const frame: QueryFrame = {
    intent,
    scope,
    measure: measureReading(
      metrics,
      [...(slots.get('per-head') ?? []), ...[...readers.families.find(ws).values()].flat()],
      slots.get('duration') ?? [],
      readers,
      familyNamed(ws, readers),
      previous,
      unheldSubject(wording, ws, slots, metrics, context, readers, scope),
      ws.filter((w, at) => !taken(at) && !STOPWORDS.has(w) && !/\d/.test(w)),
      (at) => (at < remarks && !pointsBack) || at >= trailing,
      bracketOpenings(wording),
      has(cues, 'both-parts'),
    ),
    periods: periodsAsked(periods, previous, intent, asksSomething && (!named || has(cues, 'follow-up') || ws.some((w) => BACK_REFERENCES.has(w)))),
    normalisation,
    ranking: {
      over:
        intent === 'rank' && has(cues, 'rank-periods') && !has(cues, 'rank-breakdowns')
          ? 'periods'
          : intent === 'count' && has(cues, 'count-breakdowns')
            ? 'breakdowns'
            : (intent !== 'rank' && intent !== 'recommendations') || !has(cues, 'rank-breakdowns')
              ? 'forces'
              : has(cues, 'outcomes-asked')
                ? 'outcomes'
                : 'breakdowns',
      ...(shape.direction ? { direction: shape.direction } : {}),
      ...(shape.limit !== undefined ? { limit: shape.limit } : {}),
      ...(shape.position !== undefined ? { position: shape.position } : {}),
      ...(shape.threshold ? { threshold: shape.threshold } : {}),
      ...(shape.filter ? { filter: shape.filter } : {}),
      ...(shape.pastTarget ? { pastTarget: shape.pastTarget } : {}),
      ...(shape.pastPlace !== undefined ? { pastPlace: shape.pastPlace } : {}),
    },
    comparison: shape.target ? { target: shape.target } : {},
    total: shape.total || nationalLess,
    breakdown: shape.breakdown,
    // "How many, and what share…?" asks for the whole beside the part.
    // "Sexual conduct allegations, and those about discreditable conduct": kinds listed ask each, not
    // their force's total, unless a total is named.
    alsoTotal:
      !resultsOfClause(metrics, readers.matcher.results) &&
      ((shape.alsoTotal && (kindsListed(metrics, readers.matcher.subjects) < 2 || ws.includes('total'))) ||
        (countsToo(ws) && (has(cues, 'share') || has(cues, 'rate'))) ||
        partAskedOfNamed(ws, metrics, readers.phrases, remarks, trailing) ||
        partsListed(metrics, readers.matcher.results)),
    quantity: has(cues, 'quantity') || asksValue,
    asksWhen: has(cues, 'when'),
    keywords: ws.filter((w) => !STOPWORDS.has(w)),
    topic: topicWords(ws, context, has(cues, 'quantity'), readers.phrases, slots),
    unaccounted: intent === 'define' || intent === 'statement' || intent === 'recommendations' ? [] : unused.filter((w) => !byline.includes(w)),
  };
  if (byline.length > 0) frame.byline = byline;
  // "… than outside it in 24/25?? is that right": a claim check said apart from the question is one still.
  // "Was Suffolk's total below 1,000?", "Did Kent log more than Essex?": a yes-or-no question putting
  // a bound or a comparison is a claim as much as "is it true…".
  const putsBound = ['more-than', 'fewer-than', 'claims-more', 'claims-fewer'].some((slot) => slots.has(slot as PhraseSlot));
  // "Did Kent or Essex finalise more?" offers both: no claim.
  const checking = found.has('claim-check') || (YES_NO.has(ws[0] ?? '') && putsBound && !ws.includes('or') && !['count', 'rank'].includes(intent));
  const claimed = checking ? figuresClaimed(wording, slots) : [];
  if (claimed.length > 0) frame.claimed = claimed;
  // "No action in 9 out of 10 allegations – true?": a claim only of shares asks the share.
  if (claimed.length > 0 && claimed.every((c) => c.percent) && frame.normalisation === 'count' && frame.intent === 'lookup') frame.normalisation = 'share';
  if (checking) {
    // The comparative nearest the claim's first "than" says which way it goes.
    // "More than 2,400" bounds a figure, and is no comparison.
    const said = (slot: PhraseSlot) => Math.min(...(slots.get(slot) ?? []).filter((m) => !/^\d/.test(ws[m.end] ?? '')).map((m) => m.end));
    const [more, fewer] = [said('claims-more'), said('claims-fewer')];
    // "Did Lancashire and Essex log exactly the same number?": a claim that neither is more.
    frame.checksClaim = more < fewer ? 'more' : fewer < more ? 'fewer' : slots.has('claims-same') ? 'same' : true;
  }
  // "Did complaints fall between 2021/22 and 2022/23?", "is it true they rose…": one way claimed, asked yes or no.
  const [rise, fall] = [slots.has('claims-rise'), slots.has('claims-fall')];
  const yesNo = intent === 'change' && (checking || YES_NO.has(ws[0] ?? ''));
  if (yesNo && slots.has('claims-double')) frame.claimsChange = 'double';
  else if (yesNo && slots.has('claims-halve')) frame.claimsChange = 'halve';
  else if (yesNo && rise !== fall && !slots.has('either-end')) frame.claimsChange = rise ? 'rise' : 'fall';
  else if (yesNo && slots.has('claims-more') !== slots.has('claims-fewer') && !slots.has('either-end')) {
    // "Was the share lower in 2024/25 than in 2022/23?": lower in the later year named first is a fall.
    const [named, against] = periods.asks.map(startYear);
    if (named !== undefined && against !== undefined && named !== against) frame.claimsChange = slots.has('claims-more') === named > against ? 'rise' : 'fall';
  }
  // "Was Lancashire the slowest force?", "… more than any other force, right?": whether the one force
  // named is at the end of the ranking is the claim, whichever way it is put.
  if (intent === 'rank' && slots.has('claims-end') && frame.scope.kind === 'forces' && frame.scope.forces.length === 1) frame.checksClaim = true;
  // "The Home Office's line": the speaker, not their possessive.
  if (subject) frame.subject = typed(wording, ws, subject).replace(/['’]s$/, '');
  const defineToo = FIGURE_INTENTS.includes(intent) ? first(slots, 'define-too')?.gap : undefined;
  if (defineToo) frame.defineToo = typed(wording, ws, defineToo);
  // "Who is Ilyas Nagdee and what did he say…?": a pronoun speaks for the person the question named.
  if (frame.subject !== undefined && PRONOUNS.has(frame.subject.toLowerCase()) && frame.measure.unheld?.by === 'person')
    frame.subject = frame.measure.unheld.words;
  if (intent === 'statement' && about) frame.about = typed(wording, ws, about);
  if (intent === 'recommendations') {
    // "was it accepted?": the recommendations the last answer quoted.
    const quoted = aboutRecommendations && frame.topic.length === 0 && ws.some((w) => w === 'it' || w === 'that' || w === 'this') && !ws.includes('which');
    frame.recommendations = { quoted, ...(response ? { response } : {}), ...(responses ? { responses: true as const } : {}) };
    if (aboutRecommendations && frame.topic.length === 0 && previous?.topic) frame.topic = previous.topic.split(' ');
  }
  const left = excludedBreakdowns(slots, metrics);
  if (left.length > 0) frame.measure = { ...frame.measure, breakdowns: frame.measure.breakdowns.filter((b) => !left.includes(b.id)), excluded: left };
  const beyond = has(cues, 'forecast')
    ? 'forecast'
    : has(cues, 'opinion')
      ? 'opinion'
      : has(cues, 'money')
        ? 'money'
        : has(cues, 'activity')
          ? 'activity'
          : has(cues, 'personnel')
            ? 'personnel'
            : has(cues, 'authorship')
              ? 'authorship'
              : undefined;
  if (beyond) frame.beyondFigures = beyond;
  if (has(cues, 'uk-wide')) frame.ukWide = true;
  // Two places compared are set apart by the comparison itself ("which finalised more, and by how many?").
  if (has(cues, 'difference') && intent !== 'compare') frame.difference = true;
  if (has(cues, 'ratio')) frame.ratio = true;
  const ratioOf = measurePerMeasure(slots, metrics, frame.measure.fits, readers.matcher.durations);
  if (ratioOf) frame.ratioOf = ratioOf;
  if (has(cues, 'with-special')) frame.withSpecial = true;
  // "What % of their finalised cases were Schedule 3?": a share of the place's own whole.
  if ((slots.get('share') ?? []).some((m) => ws[m.end] === 'of' && OWNERS.has(ws[m.end + 1] ?? ''))) frame.ownWhole = true;
  const larger = has(cues, 'outnumber') ? firstNamed(frame.measure.fits, metrics.measureSpans) : undefined;
  if (larger !== undefined) frame.outnumber = { measure: larger };
  // "Did Lincolnshire deal with more formal complaints than informal ones?": both figures answer it.
  // "How long does it take GMP to sort out a complaint?": time asked, no route named, and the words fit
  // the informal and the formal route's days alike: both routes are the answer.
  const bothRoutes = frame.measure.duration && intent === 'lookup' && previous === undefined && routesAlike(frame.measure.fits, readers.matcher);
  if (has(cues, 'both-parts') || (frame.outnumber && intent === 'lookup') || bothRoutes) frame.bothParts = true;
  const whole = partOfNumber(ws);
  if (whole !== undefined) frame.partOfNumber = whole;
  if (has(cues, 'when') && has(cues, 'publication')) frame.asksPublished = true;
  // "…, how many sacked?": a question opening again after one already asked starts a second part
  // ("…talking up how the force deals with complaints. How many…?": a remark's "how" asks nothing).
  const asking = (at: number) => ws.slice(remarks + (whenClause ? 1 : 0), at).some((w) => QUESTION_OPENERS.has(w));
  // "Which finalised more, and by how many?" asks the gap the comparison gives, not a second question.
  const second = (slots.get('second-question') ?? []).find((m) => m.at >= 2 && ws[m.at - 1] !== 'by' && (ws[m.at] === 'and' || asking(m.at)));
  if (second !== undefined) {
    const opening = ws.slice(second.at, second.end);
    frame.secondPart = { words: opening, nth: ws.slice(0, second.at).join(' ').split(opening.join(' ')).length - 1 };
  } else {
    // "How many allegations did Kent log in 2024/25? And how many were about racism?": a second
    // question after the first's question mark.
    const mark = wording.indexOf('?');
    const rest = mark > 0 ? words(wording.slice(mark + 1)) : [];
    if (rest.length >= 3 && SECOND_OPENERS.has(rest[0] as string)) {
      const opening = rest.slice(0, 2);
      frame.secondPart = { words: opening, nth: words(wording.slice(0, mark)).join(' ').split(opening.join(' ')).length - 1 };
    }
  }
  // Definitions, statements and recommendations read the sources' words already; "who is Herts' chief
  // constable?" asks an attribute we never hold.
  const readsText = intent === 'define' || intent === 'statement' || intent === 'recommendations';
  // "How many… (the IOPC's 'individual behaviours' category)?": the figure asked quotes our own term.
  const fromSources = frame.quantity ? sourceQuotes(quoted, ws, metrics) : quoted;
  if (fromSources.length > 0 || figureNamed !== undefined) frame.quoted = [...fromSources, ...(figureNamed !== undefined ? [figureNamed] : [])];
  // Words quoted from a source, in a question asking no figure, ask what the source says about them.
  // (A quoted figure, "'more than 1,000'", or a quoted category, "'individual behaviours'", asks for a figure.)
  const quotesSource =
    quoted.length > 0 && !quoted.some((q) => /\d/.test(q)) && !namedOutright && intent === 'lookup' && normalisation === 'count' && !has(cues, 'quantity');
  const figureShape =
    ['compare', 'rank', 'count', 'change', 'trend', 'share'].includes(intent) ||
    shape.direction !== undefined ||
    shape.target !== undefined ||
    (['compare', 'change', 'trend', 'duration', 'per-head', 'share', 'more-than', 'fewer-than'] as const).some((s) => has(cues, s));
  const opens = has(cues, 'open-question') && !figureShape;
  const answeredElse = readsText || ['provenance', 'help', 'chart', 'sources'].includes(intent);
  // "What is the difference between a complaint and an allegation?" defines neither alone.
  if (has(cues, 'tell-apart') && (intent === 'define' || !answeredElse)) {
    frame.intent = 'lookup';
    delete frame.subject;
    frame.asksText = 'differ';
    // "Who's slowest on Schedule 3 cases?" asks for forces in order, not for someone a source names.
  } else if (
    (has(cues, 'text-question') || opens || quotesSource) &&
    !has(cues, 'how-many') &&
    !asksValue &&
    !answeredElse &&
    !(intent === 'rank' && has(cues, 'who-question') && shape.direction !== undefined)
  )
    frame.asksText = has(cues, 'who-question') ? 'who' : has(cues, 'why-question') ? 'why' : 'what';
  if (intent === 'chart') frame.files = [...(has(cues, 'chart') || !has(cues, 'csv') ? ['png' as const] : []), ...(has(cues, 'csv') ? ['csv' as const] : [])];
  if (previous) frame.context = previous;
  return frame;
}

/**
 * The periods asked, read against the previous exchange: a follow-up leaning on it ("and Kent?", "of
 * those, how many…") asks about its period unless it names one; "last year" after an answer about a
 * year is the year before it.
 */
function periodsAsked(periods: PeriodMention, previous: Frame | undefined, intent: Intent, leans: boolean): QueryFrame['periods'] {
  const anchor = previous?.periods[0];
  if (anchor === undefined) return { asks: periods.asks, since: periods.since };
  const asks = periods.asks.map((a) => (a.kind === 'latest' && a.label === 'last year' ? { kind: 'previous' as const, label: 'the year before' } : a));
  if (asks.length === 0 && leans && HOLDS_PERIOD.includes(intent)) asks.push({ kind: 'held', id: anchor, label: anchor });
  return { asks, since: periods.since, anchor };
}

/** "how many …, and what share …": a count asked beside a share. */
function countsToo(ws: readonly string[]): boolean {
  // "what share … and how many?", "96 percent … - how many allegations was that?" (never "how many in ten").
  return ws.some((w, i) => w === 'how' && ws[i + 1] === 'many' && ws[i + 2] !== 'in' && ws[i + 2] !== 'out');
}

/** "Stop and search allegations finalised under Schedule 3 - how many were investigated?", "of
 * officers with a case to answer, how many were sacked?": what is counted is named before "how many"
 * and the part asked of it after, so the whole is asked for beside the part. */
function partAskedOfNamed(ws: readonly string[], metrics: MetricMention, phrases: PhraseBook, remarks: number, trailing: number): boolean {
  const ask = ws.findIndex((w, i) => i > 0 && w === 'how' && ws[i + 1] === 'many');
  if (ask < 0) return false;
  // A measure named in a remark before the question ("we hear a lot about officers abusing their
  // position. How many …") is its context, not a whole asked.
  const measureBefore = [...metrics.measureSpans.values()].flat().some(([a, end]) => a >= remarks && end <= ask);
  // The part may be read by the whole's phrase already ("… under Schedule 3 that were investigated"):
  // any word of substance after "how many" names it.
  const after =
    // A remark after the question ("…how many? rude cops etc") asks no part.
    [...metrics.measureSpans.values(), ...metrics.outcomeSpans.values()].flat().some(([a]) => a > ask + 1 && a < trailing) ||
    // "Sexual conduct allegations — how many were logged?": a plain word ("logged") only asks again.
    ws.slice(ask + 2, Math.min(ask + 6, trailing)).some((w) => !STOPWORDS.has(w) && !/\d/.test(w) && !phrases.isWordOf('plain', w));
  return measureBefore && after;
}

/** Words that may stand between "per" and the measure it divides by ("per complaint", "for every one complaint case"). */
const BEFORE_DIVISOR: ReadonlySet<string> = new Set(['a', 'an', 'one', 'each', 'single', 'the']);

/** "Allegations per complaint logged", "allegations for every complaint case": the measures
 * named before "per" and those named right after it, each with the fit the question gave it. Undefined
 * unless both sides name a measure (per head, "per officer", is a rate, read elsewhere). */
function measurePerMeasure(
  slots: ReadonlyMap<PhraseSlot, SlotMatch[]>,
  metrics: MetricMention,
  fits: readonly Fit[],
  durations: ReadonlySet<string>,
): QueryFrame['ratioOf'] {
  const perHead = slots.get('per-head') ?? [];
  // "On average, how many allegations per complaint": a count per a count, never a time taken.
  const spans = [...metrics.measureSpans].filter(([id]) => !durations.has(id)).flatMap(([id, list]) => list.map(([a, b]) => ({ id, a, b })));
  // Each side is scored by the words of its own that a measure covers, not the whole question's.
  const fitOf = (id: string, score: number): Fit => ({ id, score, ...(fits.find((f) => f.id === id)?.loose ? { loose: true } : {}) });
  const side = (ids: ReadonlyArray<{ id: string; b: number; a: number }>) =>
    [...new Map(ids.map((x) => [x.id, fitOf(x.id, x.b - x.a)])).values()].sort((x, y) => y.score - x.score);
  for (const m of slots.get('per-measure') ?? []) {
    if (perHead.some((h) => h.at < m.end && m.at < h.end)) continue;
    let start = m.end;
    while (BEFORE_DIVISOR.has(metrics.words[start] ?? '')) start++;
    // "Allegations per complaint": a measure both sides' words fit ("complaint allegations") is counted, not divided by.
    const of = side(spans.filter((x) => x.b <= m.at));
    const per = side(spans.filter((x) => x.a === start && !of.some((o) => o.id === x.id)));
    if (per.length > 0 && of.length > 0) return { of, per };
  }
  return undefined;
}

/** "Complaint allegations, no further action, and misconduct proceedings": a measure named outright,
 * then two or more of its results by words of their own, or one joined on by "and", lists the whole
 * with its parts. (Kinds of allegation listed are not: their force's total is another figure than the
 * ones asked.) */
function partsListed(metrics: MetricMention, results: ReadonlySet<string>): boolean {
  const named = [...metrics.measureSpans].filter(([id]) => !metrics.loose.has(id)).flatMap(([, spans]) => spans);
  const firstEnd = Math.min(...named.map(([, end]) => end));
  const starts = [...metrics.outcomeSpans].flatMap(([id, spans]) =>
    results.has(id) ? spans.filter(([a, b]) => a >= firstEnd && !named.some(([c, d]) => a < d && c < b)).map(([a]) => ({ id, a })) : [],
  );
  // "…complaint allegations in 2021-22, and what share needed no action?": one result joined on by "and".
  const joinedOn = starts.some(({ a }) => {
    let k = a - 1;
    while (k > firstEnd && LINKING.has(metrics.words[k] ?? '')) k--;
    return metrics.words[k] === 'and';
  });
  return named.length > 0 && (new Set(starts.map((s) => s.id)).size >= 2 || joinedOn);
}

/** Words joining a measure to the result its own clause counts ("allegations were referred", "allegations with no action"). */
const ATTACHING: ReadonlySet<string> = new Set(['were', 'was', 'with', 'that', 'which', 'had', 'got', 'been', 'being']);

/** "How many complaint allegations were referred …, and how many needed no action?": two results or
 * more, the first counted in the measure's own clause, are each of the measure, with no whole asked
 * beside them. */
function resultsOfClause(metrics: MetricMention, results: ReadonlySet<string>): boolean {
  const named = [...metrics.measureSpans].filter(([id]) => !metrics.loose.has(id)).flatMap(([, spans]) => spans);
  if (named.length === 0) return false;
  const firstEnd = Math.min(...named.map(([, end]) => end));
  const starts = [...metrics.outcomeSpans].flatMap(([id, spans]) => (results.has(id) ? spans.filter(([a]) => a >= firstEnd).map(([a]) => ({ id, a })) : []));
  if (new Set(starts.map((s) => s.id)).size < 2) return false;
  const gap = metrics.words.slice(firstEnd, Math.min(...starts.map((s) => s.a)));
  return gap.length > 0 && gap.length <= 2 && gap.every((w) => ATTACHING.has(w));
}

/** Words between "and" and a result it joins on ("and the % with no action", "and how many needed"). */
const LINKING: ReadonlySet<string> = new Set([
  'the',
  'with',
  'any',
  'percent',
  'share',
  'what',
  'how',
  'many',
  'were',
  'was',
  'of',
  'them',
  'those',
  'needing',
  'needed',
  'had',
  // "Officers with a case to answer and officers with misconduct proven": the people counted, said again.
  'officers',
  'staff',
]);

/** How many kinds of allegation the question names by words of their own. */
function kindsListed(metrics: MetricMention, subjects: ReadonlySet<string>): number {
  return [...metrics.outcomeSpans.keys()].filter((id) => subjects.has(id)).length;
}

/** "How many of the 38 …": the number of the whole a "how many of" takes a part of. */
function partOfNumber(ws: readonly string[]): number | undefined {
  const at = ws.findIndex((w, i) => w === 'how' && ws[i + 1] === 'many' && ws[i + 2] === 'of' && ['the', 'those', 'these'].includes(ws[i + 3] ?? ''));
  const word = at < 0 ? undefined : ws[at + 4];
  return word !== undefined && /^\d+$/.test(word) && !/^\d{3}$/.test(ws[at + 5] ?? '') ? Number(word) : undefined;
}

/** Breakdowns named right after an exclusion ("apart from race", "other than use of force"). */
function excludedBreakdowns(slots: ReadonlyMap<PhraseSlot, SlotMatch[]>, metrics: MetricMention): string[] {
  const after = (slots.get('exclude') ?? []).map((m) => m.end);
  return [...metrics.outcomeSpans].filter(([, spans]) => spans.some(([a]) => after.some((end) => a === end || a === end + 1))).map(([id]) => id);
}

/** The family of publications the question names first, if any. */
function familyNamed(ws: readonly string[], readers: QuestionReaders): SourceFamily | undefined {
  const named = [...readers.families.find(ws)].map(([family, matches]) => ({ family, at: matches[0]?.at ?? Infinity }));
  return named.sort((a, b) => a.at - b.at)[0]?.family;
}

/** "Who is Herts' chief constable?": a force's name then one to three words to the question's end. */
function possessive(ws: readonly string[], slots: ReadonlyMap<PhraseSlot, SlotMatch[]>, spans: ReadonlyArray<[number, number]>): [number, number] | undefined {
  const opener = first(slots, 'attribute-opener');
  if (!opener) return undefined;
  const span = spans.find(([a]) => a === opener.end || (a === opener.end + 1 && ['the', 'a', 'an'].includes(ws[opener.end] ?? '')));
  return span && ws.length - span[1] >= 1 && ws.length - span[1] <= 3 ? [span[1], ws.length] : undefined;
}

/** The speaker of "what did * say", less a leading "the" and any "about …" after "according to *". */
function speaker(ws: readonly string[], slots: ReadonlyMap<PhraseSlot, SlotMatch[]>): [number, number] | undefined {
  const gap = first(slots, 'statement')?.gap;
  if (!gap) return undefined;
  let [a, b] = gap;
  if (ws[a] === 'the' && b - a > 1) a++;
  // "According to the Police Federation, what is wrong?": the speaker ends where the question starts.
  const cut = ws.slice(a, b).findIndex((w) => SPEAKER_ENDS.has(w));
  if (cut > 0) b = a + cut;
  return [a, b];
}

/** Meaningful words nothing read: no force, place, measure, breakdown, period or phrase of the book.
 * (Definitions, statements and recommendations search the text with every word, so use them all.) */
function unaccounted(
  ws: readonly string[],
  metrics: MetricMention,
  slots: ReadonlyMap<string, SlotMatch[]>,
  taken: (at: number) => boolean,
  mentioned: ForceMention,
  readers: QuestionReaders,
): string[] {
  const inMetric = (at: number) => metrics.spans.some(([a, b]) => at >= a && at < b);
  // A word is read where a phrase of the book or a family's name holding it matched, not wherever it is a phrase's word.
  const matched = [...[...slots].filter(([slot]) => slot !== 'institution').map(([, m]) => m), ...readers.families.find(ws).values()].flat();
  // A phrase's gap ("what is the * of") holds words the phrase did not read.
  const inPhrase = (at: number) => matched.some((m) => at >= m.at && at < m.end && !(m.gap && at >= m.gap[0] && at < m.gap[1]));
  const plain = (w: string) =>
    w.length < 3 ||
    /\d/.test(w) ||
    wordNumber(w) !== undefined ||
    STOPWORDS.has(w) ||
    WHO.has(w) ||
    readers.phrases.isWordOf('plain', w) ||
    readers.matcher.vocabulary.has(w) ||
    readers.publisherWords.has(w) ||
    mistyped(w, readers);
  // Places read as out of scope, unknown or ambiguous are accounted for by the scope.
  const places = new Set([mentioned.ambiguous?.word, ...words(mentioned.outOfScope?.place ?? ''), ...words(mentioned.unknown ?? '')]);
  return [...new Set(ws.filter((w, at) => !taken(at) && !inMetric(at) && !inPhrase(at) && !plain(w) && !places.has(w)))];
}

/** The figures a claim states ("801 complaint cases", "1,365", "14%", "two-thirds"), each with the
 * bound its words put on it: whole numbers and shares, never a year, a period's part ("2024/25") or
 * what a rate is per ("1,000"). */
function figuresClaimed(wording: string, slots: ReadonlyMap<PhraseSlot, SlotMatch[]>): NonNullable<QueryFrame['claimed']> {
  // "More than 2,400", "nearly 1,000": the words just before the figure bound it.
  const endsAt = (slot: PhraseSlot, k: number) => (slots.get(slot) ?? []).some((m) => m.end === k);
  const boundAt = (at: number): 'over' | 'under' | 'about' | undefined => {
    const k = words(wording.slice(0, at)).length;
    return endsAt('more-than', k) ? 'over' : endsAt('fewer-than', k) ? 'under' : endsAt('roughly', k) ? 'about' : undefined;
  };
  // "9 out of 10", "one in 10": the numbers of a share said in words are that share, no count.
  const inShares = FRACTIONS.flatMap(([pattern]) => {
    const m = new RegExp(pattern.source, 'g');
    return [...wording.toLowerCase().matchAll(m)].map((x) => [x.index, x.index + x[0].length] as const);
  });
  return [
    ...digitNumbersAt(wording).flatMap(({ value, at }) => {
      if (inShares.some(([a, b]) => at >= a && at < b)) return [];
      const written = /^[\d,.]*\d/.exec(wording.slice(at))?.[0] ?? '';
      const before = wording.slice(Math.max(0, at - 4), at).toLowerCase();
      const after = wording.slice(at + written.length, at + written.length + 9).toLowerCase();
      const period = /[/-]$/.test(before) || /^[/-]\d/.test(after);
      // "Only 14% were found not reasonable": a share claimed, judged against the shares given.
      const percent = /^\s*(%|percent|per cent)/.test(after);
      // "2020" may be a year; "2,000", written with its comma, never is.
      const year = !written.includes(',') && value >= 1990 && value <= 2035;
      const figure = percent ? value <= 100 : Number.isInteger(value) && value >= 10 && !year;
      if (!figure || period || before.endsWith('per ')) return [];
      const bound = boundAt(at);
      return [{ value, ...(bound ? { bound } : {}), ...(percent ? { percent: true as const } : {}) }];
    }),
    ...sharesInWords(wording),
    // "Is it right that none of GMP's officers … were dismissed?": a count of nought claimed.
    ...(/\b(?:none of|no one|nobody|not one|not a single)\b/i.test(wording) ? [{ value: 0 }] : []),
  ];
}

/** Shares a claim puts in words, as percentages: "two-thirds", "one in five", "nine in ten". */
const FRACTIONS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => number]> = [
  [/\b(?:a |one )?half\b/, () => 50],
  [/\btwo[- ]thirds\b/, () => 66.7],
  [/\b(?:a |one )?third\b/, () => 33.3],
  [/\bthree[- ]quarters\b/, () => 75],
  [/\b(?:a |one )?quarter\b/, () => 25],
  [/\b(one|two|three|four|five|six|seven|eight|nine) in (?:ten|10)\b/, (m) => (wordNumber(m[1] ?? '') ?? 0) * 10],
  [/\bone in (?:five|5)\b/, () => 20],
  // "Every IOPC review … went against the force": all of them.
  [/\bevery (?:single )?(?:one\b|(?:iopc )?(?:reviews?|allegations?|complaints?|cases?)\b)/, () => 100],
  // "3 out of 4 went against them": any count of a small whole, said as a share.
  [/\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine) out of (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b/, (m) => outOf(m[1], m[2])],
];

/** "3 out of 4": the share as a percentage, to one decimal; NaN unless fewer than all. */
function outOf(part: string | undefined, whole: string | undefined): number {
  const [n, of] = [wordNumber(part ?? ''), wordNumber(whole ?? '')];
  return n !== undefined && of !== undefined && n < of ? Math.round((n / of) * 1000) / 10 : Number.NaN;
}

/**
 * "Half of Dorset's reviews … – correct?", "is it true most of these were investigated?": a share
 * said in words, claimed loosely (a bound of "about", or "over" for "most"); never "the first half of
 * 2024", a period.
 */
function sharesInWords(wording: string): NonNullable<QueryFrame['claimed']> {
  const text = wording.toLowerCase();
  const found: NonNullable<QueryFrame['claimed']> = [];
  if (/\b(?:most|the majority) of\b/.test(text)) found.push({ value: 50, bound: 'over', percent: true });
  // One share in words is read: the first of these the claim names.
  for (const [pattern, share] of FRACTIONS) {
    const m = pattern.exec(text);
    if (!m || /\b(?:first|second|last|latter)\s+$/.test(text.slice(0, m.index)) || Number.isNaN(share(m))) continue;
    found.push({ value: share(m), bound: 'about', percent: true });
    break;
  }
  return found;
}

/** Whether the two best fits, level, time the two parts of one whole (cases finalised outside and
 * under Schedule 3): words of time naming no route fit both routes alike. */
function routesAlike(fits: readonly Fit[], matcher: MetricMatcher): boolean {
  const [a, b] = fits;
  if (!a || !b || a.score !== b.score) return false;
  const [ca, cb] = [matcher.timed.get(a.id)?.[0], matcher.timed.get(b.id)?.[0]];
  const whole = matcher.wholeOf(ca ?? '');
  return ca !== undefined && cb !== undefined && ca !== cb && whole !== undefined && whole === matcher.wholeOf(cb);
}
