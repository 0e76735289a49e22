/**
 * How many passages of a tier hold each term: what a search reads to plan its work before asking
 * minisearch (which keeps these counts to itself). Counted as passages are indexed, or saved with a
 * tier (saved-tier.ts).
 */
import { memoised } from '../text/memo.ts';
import { words } from '../text/words.ts';

/** Passages holding each term, in one tier. */
export type TermCounts = Map<string, number>;

/**
 * The distinct terms of a passage's text, remembered for up to 2,000 texts: a search reads them only
 * for the few passages it returns, to tell which of the query's terms each holds, and the same
 * passages come back question after question; a larger memo held tens of megabytes after a burst.
 */
export function termSetOf(processTerm: (word: string) => string | null): (text: string) => ReadonlySet<string> {
  return memoised((text: string) => {
    const terms = new Set<string>();
    for (const word of words(text)) {
      const term = processTerm(word);
      if (term !== null) terms.add(term);
    }
    return terms;
  }, 2_000);
}

/** Adds the terms of `texts` to `counts`, each counted once a passage. */
export function countTerms(counts: TermCounts, texts: readonly string[], processTerm: (word: string) => string | null): void {
  for (const text of texts) {
    const seen = new Set<string>();
    for (const word of words(text)) {
      const term = processTerm(word);
      if (term === null || seen.has(term)) continue;
      seen.add(term);
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
}
