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

/** The longest gap a `*` covers. */
const MAX_GAP = 8;
const GAP = '*';

interface Entry<S extends string> {
  slot: S;
  tokens: string[];
  start: boolean;
  end: boolean;
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
  return { slot, tokens, start, end };
}

/** Finds the phrase book's slots in questions (or any other book of named phrases, such as the
 * names of the families of publications). */
export class PhraseBook<S extends string = PhraseSlot> {
  private readonly entries: Array<Entry<S>>;
  /** Every word of every phrase outside `mask`: words the reading of a question accounts for. */
  readonly words: Set<string>;
  /** The one-word phrases of each slot. */
  private readonly single = new Map<S, Set<string>>();

  constructor(phrases: ReadonlyArray<{ slot: S; phrases: readonly string[] }>) {
    const entries = phrases.flatMap((p) => p.phrases.flatMap(expandPhrase).map((spelling) => entryOf(p.slot, spelling)));
    // Longest first, so "bottom of the table" is one match, not "bottom" and stray words.
    this.entries = entries.filter((e) => e.tokens.length > 0).sort((a, b) => b.tokens.length - a.tokens.length);
    this.words = new Set(this.entries.filter((e) => e.slot !== 'mask').flatMap((e) => e.tokens.filter((t) => t !== GAP)));
    for (const e of this.entries) {
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
    // Where each word stands: a phrase is tried only where its first word is, as most of the
    // thousands of phrases share no word with a question.
    const at = new Map<string, number[]>();
    for (const [i, w] of ws.entries()) at.set(w, [...(at.get(w) ?? []), i]);
    const everywhere = [...ws.keys()];
    for (const entry of this.entries) {
      const first = entry.tokens[0] as string;
      const places = first === GAP ? everywhere : (at.get(first) ?? []);
      const starts = entry.start ? places.filter((i) => i === 0) : places;
      for (const i of starts) {
        const match = matchFrom(ws, entry, i);
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
      const kept = list.filter((m) => !masks.some((k) => m.at < k.end && k.at < m.end));
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

/** The match of `entry` starting at word `i`, taking the shortest gap that lets the rest fit. */
function matchFrom<S extends string>(ws: readonly string[], entry: Entry<S>, i: number): SlotMatch | undefined {
  const walk = (k: number, at: number, gap?: [number, number]): SlotMatch | undefined => {
    if (k === entry.tokens.length) return entry.end && at !== ws.length ? undefined : { at: i, end: at, ...(gap ? { gap } : {}) };
    const token = entry.tokens[k] as string;
    if (token !== GAP) return ws[at] === token ? walk(k + 1, at + 1, gap) : undefined;
    for (let len = 1; len <= MAX_GAP && at + len <= ws.length; len++) {
      // The first gap is the phrase's term ("what does * mean in *").
      const found = walk(k + 1, at + len, gap ?? [at, at + len]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(0, i);
}
