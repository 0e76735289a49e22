/**
 * The phrase book: the words people use for what a question asks (its intent, a ranking and its
 * direction, a rate allowing for size, a threshold, forces left out…), read from
 * `data/phrases.jsonl`. A question's words are matched against every phrase once; what follows
 * reads the slots, never the raw text.
 *
 * A phrase is words, with four marks so that one line covers the ways a thing is said:
 * `(a|b c|)` one of several words or none, `*` a gap of one to eight words (the shortest that fits;
 * what it covers is kept, as the term of "what is * ?"), `^` only at the question's start, and `$`
 * only at its end. Phrases of the slot `mask` hide other slots' phrases they overlap ("fell in the
 * category" is not a fall).
 */
import type { PhraseSlot } from '../model/data.ts';
import { words } from '../text/words.ts';

/** Where a slot's phrase sits among the question's words: `[at, end)`, and its (first) gap's words `[a, b)`. */
export interface SlotMatch {
  at: number;
  end: number;
  gap?: [number, number];
}

/** Slots that mark words without reading them: `mask` hides other phrases, `institution` tells a
 * body's name from a person's; neither accounts for the words of a question. */
const MARKING_SLOTS: ReadonlySet<string> = new Set(['mask', 'institution']);

/** Words a phrase must span to read words a mask hides inside it. */
const LONG = 5;
/** The longest gap a `*` covers. */
const MAX_GAP = 8;
const GAP = '*';

interface Entry<S extends string> {
  slot: S;
  tokens: string[];
  start: boolean;
  end: boolean;
  /** Its place in the book's order (longest first), which decides which of two overlapping phrases wins. */
  rank: number;
  /** Its words, each once: a question lacking one cannot hold the phrase. */
  needs: string[];
}

/** A phrase's words and the pairs of them it holds side by side (as `find` files a question's): where
 * it may be filed. Made while the book is built, one spelling at a time: the keys of all 26,000
 * spellings held at once (kept on each entry) raised the bot's RSS at ready by about 9 MB. */
function keysOf(e: Entry<string>): string[] {
  const { tokens } = e;
  const pairs = tokens.flatMap((t, i) => (t !== GAP && i + 1 < tokens.length && tokens[i + 1] !== GAP ? [`${t} ${tokens[i + 1]}`] : []));
  return [...e.needs, ...new Set(pairs)];
}

/** Every spelling a phrase's alternatives make: "(what|whats) (is|)" → "what is", "what", "whats is", "whats". */
export function expandPhrase(phrase: string): string[] {
  const open = phrase.indexOf('(');
  if (open < 0) return [phrase.replace(/\s+/g, ' ').trim()];
  const close = phrase.indexOf(')', open);
  if (close < 0) throw new Error(`phrase book: unclosed "(" in "${phrase}"`);
  const head = phrase.slice(0, open);
  const tail = phrase.slice(close + 1);
  return phrase
    .slice(open + 1, close)
    .split('|')
    .flatMap((choice) => expandPhrase(`${head} ${choice} ${tail}`));
}

function entryOf<S extends string>(slot: S, spelling: string): Entry<S> {
  const start = spelling.startsWith('^');
  const end = spelling.endsWith('$');
  const body = spelling.replace(/^\^/, '').replace(/\$$/, '');
  // A gap mark stands alone; every other part is folded into words as questions are.
  const tokens = body.split(/\s+/).flatMap((part) => (part === GAP ? [GAP] : words(part)));
  return { slot, tokens, start, end, rank: 0, needs: [...new Set(tokens.filter((t) => t !== GAP))] };
}

/** Finds the phrase book's slots in questions (or any other book of named phrases, such as the
 * names of the families of publications). */
export class PhraseBook<S extends string = PhraseSlot> {
  /** The entries under the word or pair of words of theirs that the fewest phrases hold, in the
   * book's order: a phrase is tried only on a question holding that. (Under its opening words, the
   * hundreds of phrases opening "which *" or "did *" were tried on every question asking "which" or "did".) */
  private readonly byKey = new Map<string, Array<Entry<S>>>();
  /** The entries of a gap alone, tried on every question. */
  private readonly wordless: Array<Entry<S>>;
  /** Every word of every phrase outside `mask`: words the reading of a question accounts for. */
  readonly words: Set<string>;
  /** The one-word phrases of each slot. */
  private readonly single = new Map<S, Set<string>>();

  constructor(phrases: ReadonlyArray<{ slot: S; phrases: readonly string[] }>) {
    const entries = phrases.flatMap((p) => p.phrases.flatMap(expandPhrase).map((spelling) => entryOf(p.slot, spelling)));
    // Longest first, so "bottom of the table" is one match, not "bottom" and stray words.
    const ordered = entries.filter((e) => e.tokens.length > 0).sort((a, b) => b.tokens.length - a.tokens.length);
    for (const [rank, e] of ordered.entries()) e.rank = rank;
    this.words = new Set(ordered.filter((e) => !MARKING_SLOTS.has(e.slot)).flatMap((e) => e.tokens.filter((t) => t !== GAP)));
    this.wordless = ordered.filter((e) => e.needs.length === 0);
    // Each spelling's keys are made twice, once to count and once to choose, never all held at once.
    const holding = new Map<string, number>();
    for (const e of ordered) for (const key of keysOf(e)) holding.set(key, (holding.get(key) ?? 0) + 1);
    for (const e of ordered) {
      const [rarest] = keysOf(e).sort((a, b) => (holding.get(a) ?? 0) - (holding.get(b) ?? 0));
      if (rarest === undefined) continue;
      const list = this.byKey.get(rarest);
      if (list) list.push(e);
      else this.byKey.set(rarest, [e]);
    }
    for (const e of ordered) {
      const [only] = e.tokens;
      if (e.tokens.length !== 1 || only === undefined || only === GAP) continue;
      this.single.set(e.slot, (this.single.get(e.slot) ?? new Set()).add(only));
    }
  }

  /** Whether `word` is on its own a phrase of `slot` ("latest" of `general`). */
  isWordOf(slot: S, word: string): boolean {
    return this.single.get(slot)?.has(word) === true;
  }

  /** Every slot the words hold, with where; a slot's phrases never overlap each other. */
  find(ws: readonly string[]): Map<S, SlotMatch[]> {
    const found = new Map<S, SlotMatch[]>();
    // Where each word and pair of words stands: a phrase is tried only where its opening words are,
    // as most of the thousands of phrases share none with a question.
    const at = new Map<string, number[]>();
    const add = (key: string, i: number) => {
      const list = at.get(key);
      if (list) list.push(i);
      else at.set(key, [i]);
    };
    for (const [i, w] of ws.entries()) {
      add(w, i);
      if (i + 1 < ws.length) add(`${w} ${ws[i + 1]}`, i);
    }
    const everywhere = [...ws.keys()];
    // The phrases filed under the question's words whose every word it holds, tried in the book's
    // order. (Plain loops: gathered with flatMap and filter, this was a tenth of the parser's time.)
    const candidates = [...this.wordless];
    for (const key of at.keys()) for (const entry of this.byKey.get(key) ?? []) if (holdsAll(at, entry.needs)) candidates.push(entry);
    candidates.sort((a, b) => a.rank - b.rank);
    for (const entry of candidates) {
      const places = entry.tokens[0] === GAP ? everywhere : (at.get(keyOf(entry.tokens)) ?? []);
      const starts = entry.start ? places.filter((i) => i === 0) : places;
      for (const i of starts) {
        const match = matchFrom(ws, entry, i, 0, i);
        if (!match) continue;
        const list = found.get(entry.slot) ?? [];
        if (list.some((m) => match.at < m.end && m.at < match.end)) continue;
        list.push(match);
        found.set(entry.slot, list);
      }
    }
    const masks = found.get('mask' as S) ?? [];
    for (const [slot, list] of found) {
      if (slot === 'mask') continue;
      // A longer phrase reaching past the mask ("what sorts of complaint fall under X") reads the masked
      // words as its own; a phrase that overlaps only partly is hidden.
      const kept = list.filter((m) => !masks.some((k) => m.at < k.end && k.at < m.end && !(m.at <= k.at && m.end > k.end && m.end - m.at >= LONG)));
      if (kept.length === 0) found.delete(slot);
      else
        found.set(
          slot,
          kept.sort((a, b) => a.at - b.at),
        );
    }
    return found;
  }
}

/** Whether every one of `needs` is a key of `at`. */
function holdsAll(at: ReadonlyMap<string, unknown>, needs: readonly string[]): boolean {
  for (const t of needs) if (!at.has(t)) return false;
  return true;
}

/** Where a phrase is filed: its first two words, or its first alone when the second is a gap or none. */
function keyOf(tokens: readonly string[]): string {
  const [first, second] = tokens;
  return second === undefined || second === GAP ? (first as string) : `${first} ${second}`;
}

/**
 * The match of `entry` starting at word `i`, its tokens from `k` on placed from word `at`, taking the
 * shortest gap that lets the rest fit. (A plain function, not a closure: it runs for every phrase
 * whose first word a question holds.)
 */
function matchFrom<S extends string>(ws: readonly string[], entry: Entry<S>, i: number, k: number, at: number, gap?: [number, number]): SlotMatch | undefined {
  if (k === entry.tokens.length) return entry.end && at !== ws.length ? undefined : { at: i, end: at, ...(gap ? { gap } : {}) };
  const token = entry.tokens[k] as string;
  if (token !== GAP) return ws[at] === token ? matchFrom(ws, entry, i, k + 1, at + 1, gap) : undefined;
  for (let len = 1; len <= MAX_GAP && at + len <= ws.length; len++) {
    // The first gap is the phrase's term ("what does * mean in *").
    const found = matchFrom(ws, entry, i, k + 1, at + len, gap ?? [at, at + len]);
    if (found) return found;
  }
  return undefined;
}
