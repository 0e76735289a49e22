/**
 * A search of one scope's tiers: each read in data order with the plan query-plan.ts makes for it,
 * until the caller has enough or the budget is spent. The hits of each tier are minisearch's, best
 * first, with the share of the query's terms each passage holds. A tier is not read when its term
 * counts show no passage of it can hold the share of the words a caller keeps (all of them, for a
 * search of all words): a question whose words are never found close together (most questions
 * declined at 10,000 documents) walked every tier for nothing.
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { Passage, PassageScope } from './passages.ts';
import { planTier, type QueryWord, type TierPlan } from './query-plan.ts';
import type { TermCounts } from './term-counts.ts';
import { FIRST_TIER_PASSAGES, type Tier, type Tiers } from './tiers.ts';

/**
 * Postings a search scores at most, over every tier it reads: enough for every term of a question
 * on the bundled data, and at scale for the rarer terms through every tier, or the common ones
 * through the first.
 */
export const SEARCH_BUDGET = FIRST_TIER_PASSAGES;

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Share of the query's meaningful words the passage contains (0–1). */
  coverage: number;
}

/** How a search walks the tiers. */
export interface FindOptions {
  /** Which passages to search; 'reporting' (everything but recommendations) by default. */
  scope?: PassageScope;
  /** The fewest meaningful query words worth searching for (2 by default). */
  minTerms?: number;
  /** Keeps passages of some documents only. */
  docFilter?: (docId: string) => boolean;
  /** Only passages holding every query word (as stemmed; no prefix or typo matches). For a caller
   * that keeps nothing else, this spares ranking every passage that holds one common word. */
  allWords?: boolean;
  /** Leaves out passages holding any of these words. */
  without?: string | undefined;
  /** Whether the hits so far are enough to stop before the next tier; by default, `limit` hits. */
  enough?: (hits: readonly PassageHit[]) => boolean;
  /** Postings the search may score ({@link SEARCH_BUDGET} by default). */
  budget?: number;
  /** Keeps only hits holding at least this share of the query's words ({@link PassageHit.coverage}),
   * for a caller that keeps no other; a tier holding too few of the words is then not read. */
  minCoverage?: number;
}

/** What a search found, and whether the budget kept it from reading everything it would have. */
export interface PassageSearch {
  hits: PassageHit[];
  /** True when the budget stopped the search before the caller had enough, or left a word of a
   * search for any word unscored: passages it did not read might hold what was looked for, so "no
   * passage read defines X" is all that can be said. */
  capped: boolean;
  /** The work done: tiers asked of minisearch, and passages it scored in them (one per result). */
  read: { tiers: number; scored: number };
}

/** The query: as given, its indexed words, and the indexed words of what to leave out. */
export interface TierQuery {
  text: string;
  asked: readonly QueryWord[];
  without: readonly QueryWord[];
}

/** What the search needs of the passage index: passages by id, the document a passage id names, and
 * the terms a passage holds. */
export interface PassageLookup {
  passage(id: string): Passage | undefined;
  docId(passageId: string): string;
  termsOf(text: string): ReadonlySet<string>;
}

const EXACT: SearchOptions = { prefix: false, fuzzy: false };
const ALL_WORDS: SearchOptions = { ...EXACT, combineWith: 'AND' };

/** Searches `tiers` for `query` (see {@link FindOptions}). */
export function searchTiers(tiers: Tiers, query: TierQuery, limit: number, options: FindOptions, lookup: PassageLookup): PassageSearch {
  const asked = new Set(query.asked.map((w) => w.term));
  const queryTerms = [...asked];
  const read = { tiers: 0, scored: 0 };
  if (queryTerms.length < (options.minTerms ?? 2)) return { hits: [], capped: false, read };
  const without = query.without.map((w) => w.term);
  const enough = options.enough ?? ((found: readonly PassageHit[]) => found.length >= limit);
  const hits: PassageHit[] = [];
  let budget = options.budget ?? SEARCH_BUDGET;
  const matched = new Set<string>();
  let capped = false;
  // The share of the query's words a hit must hold: all of them for a search of all words.
  const required = options.allWords ? 1 : options.minCoverage;
  // Each document's verdict, asked once: a filter turning away most of what a common word matches
  // was asked again for every passage of every document, over thousands of results a tier.
  const verdicts = new Map<string, boolean>();
  const kept = (docId: string) => {
    let verdict = verdicts.get(docId);
    if (verdict === undefined) {
      verdict = options.docFilter?.(docId) ?? true;
      verdicts.set(docId, verdict);
    }
    return verdict;
  };
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers.get(i);
    // No passage of this tier can hold more of the query's words than the tier holds.
    if (required !== undefined && heldIn(tier.counts, queryTerms) / queryTerms.length < required) continue;
    const plan = planTier({
      query: query.text,
      asked: query.asked,
      without,
      counts: tier.counts,
      passages: tier.index.documentCount,
      passagesAfter: tiers.passagesAfter(i),
      budget,
      matchedBefore: i === 0 ? 'first tier' : matched,
    });
    if (plan === 'budget spent') return { hits, capped: true, read };
    if (plan === 'nothing to find') continue;
    // A search of all words checks the terms left unscored in every passage it reads; one for any
    // word never reads the passages that hold only those.
    if (!options.allWords && plan.unscored.size > 0) capped = true;
    const { results, searched } = resultsOf(tier, plan.text, options);
    budget -= plan.cost + expansions(results, asked, matched);
    if (searched) {
      read.tiers++;
      read.scored += results.length;
    }
    let taken = 0;
    // Filtered here rather than by minisearch's `filter`, which calls back for every match: only
    // until `limit` hits are found. The sort is stable, so the order is the same either way.
    for (const r of results) {
      if (taken >= limit) break;
      const id = String(r.id);
      // Filtered by the id before the passage is looked up: finding a passage splits its document's
      // text (read from disk when the text is left there), and a filter naming a force or a kind of
      // document turns away most of what a common word matches.
      if (options.docFilter && !kept(lookup.docId(id))) continue;
      const passage = lookup.passage(id);
      if (!passage) continue;
      const terms = plan.unscored.size > 0 ? lookup.termsOf(passage.text) : undefined;
      // Terms the plan did not score must still all be there for a search of all words.
      if (options.allWords && terms && [...plan.unscored].some((t) => !terms.has(t))) continue;
      const held = queryTerms.filter((t) => holds(t, r, plan, terms)).length;
      const coverage = held / queryTerms.length;
      // Counted among the tier's `limit` best whether kept or not, so the hits kept are the same.
      if (options.minCoverage === undefined || coverage >= options.minCoverage) hits.push({ passage, score: r.score, coverage });
      taken++;
    }
    if (enough(hits)) return { hits, capped: false, read };
  }
  return { hits, capped, read };
}

/** Queries each tier remembers the results of, the latest first. */
const RECENT = 3;
let recent = new WeakMap<Tier, Array<{ key: string; results: SearchResult[] }>>();
let forgetting = false;

/**
 * minisearch's results for `text` in `tier`, as a search of all words or any (less those holding
 * `without`); and whether it was asked now. One answer often asks the same words of the same tiers
 * again with another filter (a paper's sentences about the forces named, then about any; the
 * closest passage as typed, twice), and a tier's results do not depend on the filter, the limit or
 * what is kept; so the last few queries of each tier are remembered until the answer is done (an
 * answer is composed in one turn of the event loop; thousands of results a query are not held longer).
 */
function resultsOf(tier: Tier, text: string, options: FindOptions): { results: SearchResult[]; searched: boolean } {
  const key = `${options.allWords ? 'all' : 'any'} ${options.without ?? ''}|${text}`;
  const held = recent.get(tier) ?? [];
  const found = held.find((r) => r.key === key);
  if (found) return { results: found.results, searched: false };
  const wanted: Query = options.allWords ? { ...ALL_WORDS, queries: [text] } : text;
  const results = tier.index.search(options.without ? { combineWith: 'AND_NOT', queries: [wanted, { ...EXACT, queries: [options.without] }] } : wanted);
  recent.set(tier, [{ key, results }, ...held.slice(0, RECENT - 1)]);
  if (!forgetting) {
    forgetting = true;
    queueMicrotask(() => {
      recent = new WeakMap();
      forgetting = false;
    });
  }
  return { results, searched: true };
}

/** How many of `terms` a tier holds anywhere (as they are: coverage counts no prefix or typo match). */
function heldIn(counts: TermCounts, terms: readonly string[]): number {
  return terms.filter((t) => (counts.get(t) ?? 0) > 0).length;
}

/**
 * Whether the passage holds `term` as it is. minisearch reports the passage's terms that matched the
 * query (`match`, exact, prefix and fuzzy alike), and a term the passage holds exactly always matches
 * itself, so for a scored term this equals re-reading the passage's words; a term the plan left out
 * is looked up in them (`terms`).
 */
function holds(term: string, result: SearchResult, plan: TierPlan, terms: ReadonlySet<string> | undefined): boolean {
  return plan.unscored.has(term) ? terms?.has(term) === true : Object.hasOwn(result.match, term);
}

/**
 * The postings a tier's search scored for prefix and typo matches, which no plan can count
 * beforehand; and, into `matched`, the query terms that matched anything.
 */
function expansions(results: readonly SearchResult[], queryTerms: ReadonlySet<string>, matched: Set<string>): number {
  let postings = 0;
  for (const r of results) {
    for (const term of r.queryTerms) matched.add(term);
    for (const term of r.terms) if (!queryTerms.has(term)) postings++;
  }
  return postings;
}
