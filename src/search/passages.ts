/**
 * The full-text index over source passages (paragraphs), built with minisearch. Serves definitions,
 * statements, recommendations and the fallback when no figure matches. One options constant serves
 * building and searching, so the two never drift apart.
 *
 * The passages are split into two scopes, and each scope into tiers in data order (curated sources
 * first), each tier twice the size of the one before. minisearch scores every passage holding any
 * query word, so one index over a newsroom's whole corpus made a definition cost time in proportion
 * to the corpus (100 ms at 10,000 articles). A search walks the tiers in order and stops once its
 * caller has enough: a common question is answered from the first tier at a cost that does not grow
 * with the corpus. Each search also has a budget of postings to score (see query-plan.ts): terms
 * held by most passages are not scored once it is spent, and a search stops at the first tier where
 * not even its rarest term fits, saying so, so its cost is bounded whatever the corpus's size.
 */
import MiniSearch, { type Options } from 'minisearch';
import { stemmer } from 'stemmer';
import type { SourceDocument } from '../model/data.ts';
import { memoised } from '../text/memo.ts';
import { codeFingerprint } from '../code-fingerprint.ts';
import { compactPostings } from './compact-postings.ts';
import { loadTier, saveTier, type SavedTier } from './saved-tier.ts';
import { fold, stem, STOPWORDS, words } from '../text/words.ts';
import type { QueryWord } from './query-plan.ts';
import { termSetOf } from './term-counts.ts';
import { searchTiers, type FindOptions, type PassageHit, type PassageSearch } from './tier-search.ts';
import { Tiers, type TierMaker } from './tiers.ts';

/** One paragraph of a source document. */
export interface Passage {
  id: string;
  docId: string;
  index: number;
  text: string;
}

/** Words a reader might use for a word the sources use, folded to one stem at index and query time. */
const SYNONYMS: Record<string, string> = {
  sacked: 'dismiss',
  fired: 'dismiss',
  sex: 'sexual',
  rapes: 'rape',
  admitted: 'admit',
  admits: 'admit',
  pleaded: 'admit',
  plead: 'admit',
  guilty: 'admit',
  watchdog: 'iopc',
  cops: 'officer',
  cop: 'officer',
  hants: 'hampshire',
  herts: 'hertfordshire',
};

function termOf(word: string): string | null {
  const folded = fold(word);
  if (folded.length === 0 || STOPWORDS.has(folded)) return null;
  return SYNONYMS[folded] ?? stem(folded);
}

/**
 * {@link termOf}, remembered per word (up to 100,000 distinct words): building the index folds and
 * stems every word of every passage, and news text repeats a small vocabulary, so at 10,000
 * documents most of that work was the same few thousand words over again.
 */
const processTerm: (word: string) => string | null = memoised(termOf, 100_000);

/** The one set of minisearch options, used where the index is built and where it is searched. */
export const PASSAGE_INDEX_OPTIONS: Options<Passage> = {
  idField: 'id',
  fields: ['text'],
  // Nothing stored in the index: passages are looked up by id in PassageIndex's own table, so a saved
  // index does not hold (and a loaded one does not copy) every passage's text a second time.
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm,
  searchOptions: { fuzzy: (term) => (term.length > 5 ? 0.2 : 0), prefix: (term) => term.length > 4, combineWith: 'OR' },
};

/**
 * Everything that decides which terms the index holds: our code that splits, folds and stems words
 * (src/code-dependencies.json's `passageIndex`, fingerprinted at build time in the bundle) and the stemmer's (a stemmer
 * upgrade changes the terms). A saved index is used only when this matches the running code.
 */
export function passageIndexSignature(): string {
  return JSON.stringify({ code: codeFingerprint('passageIndex'), stemmer: String(stemmer), probe: PROBE.map(processTerm) });
}

/** Words run through `processTerm` for the signature: a change in stemming shows in their stems. */
const PROBE = ['Allegations', 're-vetted', 'Constabulary', 'misconduct', 'officers’', 'Hants', 'investigating', 'recordable'];

export { FIRST_TIER_PASSAGES } from './tiers.ts';
export { SEARCH_BUDGET, type FindOptions, type PassageHit, type PassageSearch } from './tier-search.ts';

/** Documents whose passages a {@link PassageIndex} holds at once. */
const PASSAGES_HELD = 2_048;

/** The distinct terms of a passage, for the query terms a search left unscored. */
const termsOf = termSetOf(processTerm);

/**
 * The part of the corpus a search covers. The IOPC's learning recommendations are searched only by
 * recommendation questions, and every other search skips them: kept in one index they were most of
 * the passages every definition and statement scored and then threw away.
 */
export type PassageScope = 'recommendations' | 'reporting';

/** The scopes, in the order a saved index holds them. */
export const PASSAGE_SCOPES: readonly PassageScope[] = ['recommendations', 'reporting'];

/** The scope a document's passages are searched in. */
export function scopeOf(doc: SourceDocument): PassageScope {
  return doc.kind === 'recommendation' ? 'recommendations' : 'reporting';
}

/** Splits a document's text into paragraphs. */
export function passagesOf(doc: SourceDocument): Passage[] {
  return doc.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((text, index) => ({ id: `${doc.id}#${index}`, docId: doc.id, index, text }));
}

/** A saved index: each scope's tiers in their saved form (saved-tier.ts). */
export type SavedPassageIndex = Record<PassageScope, SavedTier[]>;

/** A saved index whose tiers are read when first needed: each scope's tiers, as functions that read one. */
export type SavedTierReaders = Record<PassageScope, Array<() => SavedTier>>;

/** How the tiers make and load their indexes: with the one set of options, and our term processing. */
const MAKER: TierMaker = {
  create: () => new MiniSearch(PASSAGE_INDEX_OPTIONS),
  finish: compactPostings,
  save: saveTier,
  load: (saved) => loadTier(saved, PASSAGE_INDEX_OPTIONS),
  processTerm,
};

/** Full-text search over every passage of the corpus, by scope and tier (see the module comment). */
export class PassageIndex {
  private readonly tiers: Record<PassageScope, Tiers>;
  private readonly documents = new Map<string, SourceDocument>();
  /**
   * Each document's passages, split when first needed (a saved index needs none at start-up), for
   * the last few thousand documents: a document's text may be read from disk for it
   * (src/data/source-texts.ts), and holding every document's passages would hold every text.
   */
  private readonly byDoc = memoised((docId: string): Passage[] => {
    const doc = this.documents.get(docId);
    return doc === undefined ? [] : passagesOf(doc);
  }, PASSAGES_HELD);

  /**
   * Indexes `documents`: each scope's first tier now, the others when a search first reaches them or
   * {@link PassageIndex.complete} builds them. With `prebuilt` (a saved index of the same documents),
   * nothing is split or indexed now: a document's passages are split when a search first returns one.
   */
  constructor(documents: SourceDocument[], prebuilt?: Record<PassageScope, Tiers>) {
    for (const doc of documents) this.documents.set(doc.id, doc);
    const built = (scope: PassageScope) =>
      Tiers.build(
        documents.filter((d) => scopeOf(d) === scope).map((d) => this.passages(d.id)),
        MAKER,
      );
    this.tiers = prebuilt ?? { recommendations: built('recommendations'), reporting: built('reporting') };
  }

  /**
   * Finishes the tiers not yet built or loaded, a little at a time between other work on the event
   * loop (a batch of passages, or one saved tier), so that searches seldom have to; resolves when
   * all are done. Does not keep the process alive: a one-shot command exits without waiting for it.
   * Each turn is a timer, not an immediate: an unreferenced immediate does not wake an idle event
   * loop, so a quiet server would finish its index only as requests arrived.
   */
  complete(): Promise<void> {
    return new Promise((resolve) => {
      const step = () => {
        if (PASSAGE_SCOPES.some((scope) => this.tiers[scope].step())) setTimeout(step, 0).unref();
        else resolve();
      };
      setTimeout(step, 0).unref();
    });
  }

  /** The index in its saved form, tier by tier (`JSON.stringify` each to save it). */
  toJSON(): SavedPassageIndex {
    return { recommendations: this.tiers.recommendations.toJSON(), reporting: this.tiers.reporting.toJSON() };
  }

  /**
   * An index saved by {@link PassageIndex.toJSON}, built with the same options; `documents` must be
   * the ones it was built from (see `src/search/index-file.ts`). Each scope's first tier is loaded
   * now and the others when a search first reaches them: most questions are answered from the first,
   * and loading every tier was most of the start-up time and memory of a large corpus.
   */
  static fromSaved(readers: SavedTierReaders, documents: SourceDocument[]): PassageIndex {
    return new PassageIndex(documents, { recommendations: Tiers.saved(readers.recommendations, MAKER), reporting: Tiers.saved(readers.reporting, MAKER) });
  }

  /** A passage by its id, `<document id>#<position>`. */
  private passage(id: string): Passage | undefined {
    return this.passages(docIdOf(id))[Number(id.slice(id.lastIndexOf('#') + 1))];
  }

  /** Passages of one document, in order. */
  passages(docId: string): Passage[] {
    return this.byDoc(docId);
  }

  /**
   * Best passages for `query`, each with the share of the query's words it holds: up to `limit` from
   * each tier, best first within a tier, walking the tiers until `enough` says to stop or the
   * budget is spent (see {@link PassageIndex.search} to know which).
   */
  find(query: string, limit = 5, options: FindOptions = {}): PassageHit[] {
    return this.search(query, limit, options).hits;
  }

  /** {@link PassageIndex.find}, saying whether the budget stopped the search. */
  search(query: string, limit = 5, options: FindOptions = {}): PassageSearch {
    const tiers = this.tiers[options.scope ?? 'reporting'];
    const asked = { text: query, asked: queryWords(query), without: queryWords(options.without ?? '') };
    return searchTiers(tiers, asked, limit, options, { passage: (id) => this.passage(id), docId: docIdOf, termsOf });
  }
}

/** The document a passage id (`<document id>#<position>`) names. */
function docIdOf(passageId: string): string {
  return passageId.slice(0, passageId.lastIndexOf('#'));
}

/** The query's words that are indexed, each with its term. */
function queryWords(query: string): QueryWord[] {
  return words(query).flatMap((word) => {
    const term = processTerm(word);
    return term === null ? [] : [{ word, term }];
  });
}
