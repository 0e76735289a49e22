/**
 * Planning a search of one tier within a budget of postings. minisearch scores every passage that
 * holds any query term, so a term found in most passages ("allegation" is in two of every three
 * articles) cost as much as the rest of the search together, and a search that walked every tier
 * cost in proportion to the corpus. A plan takes the query's terms rarest first:
 *
 * - while what they are expected to cost through the rest of the corpus fits the budget, a term is
 *   followed: it is scored in this tier and budget is promised for it in the tiers after;
 * - then, while their cost in this tier fits half of what is not promised, a term is scored in this
 *   tier only (the other half is kept for the tiers after);
 * - the terms left over are too common to rank by here: not scored, only checked in the passages the
 *   search returns.
 *
 * When every term fits (always, on a small corpus) the query is asked as it was given, and the
 * search is minisearch's own. Prefix and typo matches cannot be counted before minisearch finds them;
 * the search counts them once a tier is read and takes them off what is left of the budget.
 */
import type { TermCounts } from './term-counts.ts';

/** A word of the query with the term it is indexed as. */
export interface QueryWord {
  word: string;
  term: string;
}

/** What one tier is asked. */
export interface TierPlan {
  /** The query minisearch runs: as given when every term is scored, else the words of the scored terms. */
  text: string;
  /** Terms left out of scoring in this tier, checked in the passages returned instead. */
  unscored: ReadonlySet<string>;
  /** Postings the search scores: the passages holding each scored term and each word left out. */
  cost: number;
}

/** Why a tier is not read. */
export type Skip = 'budget spent' | 'nothing to find';

/** What a plan is made from. */
export interface PlanInput {
  /** The query as given, its indexed words, and the terms of the words to leave out. */
  query: string;
  asked: readonly QueryWord[];
  without: readonly string[];
  /** The tier's passages holding each term; its passages, and those of the tiers after it. */
  counts: TermCounts;
  passages: number;
  passagesAfter: number;
  /** Postings the search may still score. */
  budget: number;
  /** Query terms that matched anything (as they are, by prefix or by typo) in an earlier tier; none for the first. */
  matchedBefore: ReadonlySet<string> | 'first tier';
}

/**
 * The plan for one tier; 'budget spent' when not even the rarest term fits (the search stops there);
 * 'nothing to find' when the tier holds none of the terms that would be scored and none of them
 * matched anything in an earlier tier. In the first tier the rarest term is taken whatever its cost,
 * so a question is never left unsearched.
 */
export function planTier(input: PlanInput): TierPlan | Skip {
  const { counts, budget, matchedBefore } = input;
  const first = matchedBefore === 'first tier';
  if (!first && budget <= 0) return 'budget spent';
  const held = (term: string) => counts.get(term) ?? 0;
  // A stable sort: terms held equally often keep the order they were asked in.
  const terms = [...new Set(input.asked.map((w) => w.term))].sort((a, b) => held(a) - held(b));
  const without = [...new Set(input.without)].reduce((total, term) => total + held(term), 0);
  /** Promised: this tier's cost of the terms followed and what they are expected to cost after it. */
  let promised = without;
  /** This tier's cost of every term scored. */
  let spent = without;
  /** This tier's cost of the terms scored in it only. */
  let here = 0;
  const scored = new Set<string>();
  for (const term of terms) {
    const cost = held(term);
    const after = input.passages > 0 ? (cost * input.passagesAfter) / input.passages : 0;
    if (here === 0 && promised + cost + after <= budget) promised += cost + after;
    else if (here + cost <= (budget - promised) / 2 || (first && scored.size === 0)) here += cost;
    else break;
    scored.add(term);
    spent += cost;
  }
  if (scored.size === 0) return 'budget spent';
  if (!first && ![...scored].some((t) => held(t) > 0 || matchedBefore.has(t))) return 'nothing to find';
  const unscored = new Set(terms.filter((t) => !scored.has(t)));
  const text =
    unscored.size === 0
      ? input.query
      : input.asked
          .filter((w) => scored.has(w.term))
          .map((w) => w.word)
          .join(' ');
  return { text, unscored, cost: spent };
}
