/**
 * Remarks around a question: the sentences a user writes before or after what they ask ("I live in
 * Reading. How many …?", "…in 2024/25? It feels like it goes up every year."). A remark sets the
 * question's context (its place or year where the question names none) and asks nothing itself.
 */
import type { PhraseSlot } from '../model/data.ts';
import type { Fit } from '../model/frame.ts';
import { words } from '../text/words.ts';
import type { ForceMention } from './forces.ts';
import type { PeriodMention } from './periods.ts';
import type { SlotMatch } from './phrases.ts';

/** Words that open a question ("How many …?"): a sentence opening with one is no remark, and another
 * one later in a question starts a second question. */
export const QUESTION_OPENERS: ReadonlySet<string> = new Set(['how', 'what', 'which', 'who', 'when']);

/** "Racism is a real worry here. How many discriminatory behaviour allegations…?": measures and
 * breakdowns named only in a remark are its context; those the question names are what it asks.
 * Where it names none, the remark's stand, unless `orContext` is false. */
export function namedInQuestion(fits: Fit[], spans: ReadonlyMap<string, Array<[number, number]>>, inContext: (at: number) => boolean, orContext = true): Fit[] {
  const named = fits.filter((b) => {
    const at = spans.get(b.id) ?? [];
    return at.length === 0 || at.some(([a]) => !inContext(a));
  });
  return named.length > 0 || !orContext ? named : fits;
}

/** Words after "how" that ask within a sentence ("how many", "how does that compare"). */
const HOW_ASKS: ReadonlySet<string> = new Set(['many', 'much', 'long', 'often', 'does', 'do', 'did', 'is', 'are', 'has', 'have', 'was', 'were']);

/** The fewest words a remark has: shorter runs between stops are the question's own fragments. */
const REMARK_WORDS = 3;

/** The fewest words of a question that names what it asks ("What is it?" names nothing). */
const SHORTEST_QUESTION = 4;

/** Whether a sentence is a remark: a statement of a few words or more, asking nothing ("how many
 * sexual conduct allegations (e.g." is cut short by an abbreviation's stop, not a remark). */
function isRemark(sentence: string): boolean {
  const ws = words(sentence);
  const open = (sentence.match(/\(/g) ?? []).length > (sentence.match(/\)/g) ?? []).length;
  // "…in 2024/25, and how does that compare with England and Wales." asks, though it ends in a stop.
  return /[.!]\s*$/.test(sentence) && ws.length >= REMARK_WORDS && !open && !asksIn(ws);
}

/** Whether words ask something: they open with a question word, or hold "how many", "how long"…. */
function asksIn(ws: readonly string[]): boolean {
  return QUESTION_OPENERS.has(ws[0] ?? '') || ws.some((w, i) => w === 'how' && HOW_ASKS.has(ws[i + 1] ?? ''));
}

/** Where a question's remarks are, by words and characters: those before it end at `before` ("I live
 * in Reading. How many …?": sentences ending in a full stop or an exclamation mark that another
 * follows), those after it start at `after` ("…in 2024/25? It feels like it goes up every year.":
 * sentences after the last question mark). With no remark, `before` is 0 and `after` the end. */
export function remarksOf(
  wording: string,
  leadIn = 0,
  claimChecked = false,
  opinionFirst = false,
  /** Whether a sentence names nothing we count, no figure or year ("heard its a joke"). */
  namesNothing: (sentence: string) => boolean = () => false,
): { before: { words: number; chars: number }; after: { words: number; chars: number } } {
  // A sentence ends at a stop before a space ("2.4 per 1,000" is one number), its space kept with it.
  const sentences = wording.split(/(?<=[.!?])(?=\s)/);
  const total = { words: words(wording).length, chars: wording.length };
  const none = { before: { words: 0, chars: 0 }, after: total };
  // Should a stop split a word's letters differently from the question's reading, the sentences
  // are not the question's words, and no remark is read.
  if (sentences.reduce((n, s) => n + words(s).length, 0) !== total.words) return none;
  const lastAsked = sentences.map((s) => /\?\s*$/.test(s)).lastIndexOf(true);
  const before = { words: 0, chars: 0 };
  for (const [i, sentence] of sentences.entries()) {
    // "kent. sched 3. avg days?": words cut short by stops are the question's, not remarks.
    // "Are the Met as racist as everyone says? How many discrimination allegations…?": an opinion asked
    // first leads in to the question after it.
    // "… 2024/25. and for comparison, the Met's figure?": a sentence the next one goes on from with
    // "and" is part of the question.
    const goesOn = words(sentences[i + 1] ?? '')[0] === 'and';
    if (i === sentences.length - 1 || goesOn || !(isRemark(sentence) || (i === 0 && opinionFirst))) break;
    before.words += words(sentence).length;
    before.chars += sentence.length;
  }
  // "Surrey's average days … excluding time on suspension. What is it?": a question too short to name
  // anything asks about the sentence before it, which is then no remark.
  // "An MP says Lancashire takes twice as long as average. Is that true?": the claim is what is asked.
  if (total.words - before.words < SHORTEST_QUESTION || claimChecked) Object.assign(before, { words: 0, chars: 0 });
  // "For a paper on discrimination complaints, how many …?": an opening clause saying what the
  // question is for (`leadIn` words, read by the phrase book) is a remark up to its comma or colon.
  if (before.words === 0 && leadIn > 0) {
    const breaks = [...wording.matchAll(/[,:;]\s/g)].map((m) => (m.index ?? 0) + 1);
    const end = breaks.find((at) => words(wording.slice(0, at)).length >= leadIn);
    if (end !== undefined) Object.assign(before, { words: words(wording.slice(0, end)).length, chars: end });
  }
  const after = { ...total };
  // Only statements ("It feels like it goes up every year."): words after a question mark with no
  // stop of their own ("…? Average working days in 2022/23 and 2023/24") go on asking, unless they
  // name nothing we count ("…? bet its the met, arrogant lot").
  const aside = (s: string) => isRemark(s) || (words(s).length >= 2 && !asksIn(words(s)) && namesNothing(s));
  const stated = sentences.slice(lastAsked + 1).every(aside);
  // Chat leaves out the question mark: "… sch3 in 2024/25. heard its a joke" ends on a remark too.
  const last = sentences.at(-1) ?? '';
  const trailing = lastAsked < 0 && sentences.length > 1 && words(last).length >= REMARK_WORDS && !asksIn(words(last)) && namesNothing(last);
  const end = lastAsked >= 0 && lastAsked < sentences.length - 1 && stated ? lastAsked + 1 : trailing ? sentences.length - 1 : -1;
  if (end > 0 && total.words - words(sentences.slice(end).join('')).length >= SHORTEST_QUESTION) {
    const head = sentences.slice(0, end);
    after.words = head.reduce((n, s) => n + words(s).length, 0);
    after.chars = head.join('').length;
  }
  return before.words < after.words ? { before, after } : none;
}

/** The places a question names: those of the question itself where it names any, else those of the
 * remark before it ("I live in Reading. How many …?"). */
export function askedPlaces(
  mentioned: ForceMention,
  inQuestion: ForceMention | undefined,
  remarks: number,
  /** Whether the question points back at a force ("its", "their"), whether it compares, and which ids are areas (England and Wales). */
  back?: { pointed: boolean; comparing?: boolean; area: (force: string) => boolean },
): ForceMention {
  if (inQuestion === undefined || inQuestion.forces.length === 0) return mentioned;
  // The remark's names stay read (no other reader takes their words); the question's are the places.
  const { places: _places, ...rest } = mentioned;
  // "I reckon Lancashire is dragging its feet. What were its days, compared with England & Wales?": a
  // question naming only England and Wales, and pointing back, asks of the remark's force too.
  // "The Met put 183 officers on the barred list. What's that per 1,000, and how does GMP compare?":
  // one force compared, pointing back, is compared with the remark's force.
  const beside = back?.comparing === true && inQuestion.forces.filter((f) => !back.area(f)).length === 1;
  const remarked =
    back?.pointed && (inQuestion.forces.every(back.area) || beside)
      ? mentioned.positions.filter((p) => p.at < remarks && !back.area(p.force) && !inQuestion.forces.includes(p.force))
      : [];
  const positions = [...remarked, ...inQuestion.positions.map((p) => ({ ...p, at: p.at + remarks }))];
  return { ...rest, forces: positions.map((p) => p.force), positions, ...(inQuestion.places ? { places: inQuestion.places } : {}) };
}

/** The periods a question asks: its own where it names one ("…sacked officers in 2023. How many in
 * 2024?"), else the remark's ("…said it sacked officers in 2023. How many were dismissed?"); "since"
 * only as the question says it. */
export function periodsAfterRemarks(all: PeriodMention, inQuestion: PeriodMention): PeriodMention {
  // "Complaints hit a record in 2024/25. By how much did they rise on the previous year?": a year
  // counted from another is counted from the remark's.
  const anchored = inQuestion.asks.some((a) => a.kind !== 'previous' && a.kind !== 'latest');
  return anchored ? inQuestion : { asks: all.asks, since: inQuestion.since };
}

/** The phrases read in the question, less those wholly inside a remark before or after it ("since
 * the Couzens case" in a remark asks no change; nor does "it goes up every year" after the question). */
export function outsideRemarks(slots: Map<PhraseSlot, SlotMatch[]>, remarks: number, trailing: number): Map<PhraseSlot, SlotMatch[]> {
  const kept = new Map<PhraseSlot, SlotMatch[]>();
  for (const [slot, matches] of slots) {
    const asked = matches.filter((m) => m.end > remarks && m.at < trailing);
    if (asked.length > 0) kept.set(slot, asked);
  }
  return kept;
}
