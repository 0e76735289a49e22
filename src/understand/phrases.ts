/**
 * The phrase book: the words people use for the shape of an answer (a ranking, its direction, a
 * rate allowing for size, a threshold, forces left out), read from `data/phrases.jsonl`. A question's
 * words are matched against every phrase once; what follows reads the slots, never the raw text.
 */
import type { Phrase, PhraseSlot } from '../model/data.ts';
import { words } from '../text/words.ts';

/** Where a slot's phrase sits among the question's words: `[at, end)`. */
export interface SlotMatch {
  at: number;
  end: number;
}

/** Finds the phrase book's slots in questions. */
export class PhraseBook {
  private readonly entries: Array<{ slot: PhraseSlot; tokens: string[] }>;
  /** Every word of every phrase: words the reading of a question accounts for. */
  readonly words: Set<string>;

  constructor(phrases: Phrase[]) {
    // Longest first, so "bottom of the table" is one match, not "bottom" and stray words.
    this.entries = phrases.flatMap((p) => p.phrases.map((phrase) => ({ slot: p.slot, tokens: words(phrase) }))).sort((a, b) => b.tokens.length - a.tokens.length);
    this.words = new Set(this.entries.flatMap((e) => e.tokens));
  }

  /** Every slot the words hold, with where; a slot's phrases never overlap each other. */
  find(ws: readonly string[]): Map<PhraseSlot, SlotMatch[]> {
    const found = new Map<PhraseSlot, SlotMatch[]>();
    for (const { slot, tokens } of this.entries) {
      for (let i = 0; i + tokens.length <= ws.length; i++) {
        if (!tokens.every((t, k) => ws[i + k] === t)) continue;
        const list = found.get(slot) ?? [];
        if (list.some((m) => i < m.end && m.at < i + tokens.length)) continue;
        list.push({ at: i, end: i + tokens.length });
        found.set(slot, list);
      }
    }
    for (const list of found.values()) list.sort((a, b) => a.at - b.at);
    return found;
  }
}
