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
 * with the corpus, and a search that needs every tier costs about what one index would.
 */
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import type { SourceDocument } from '../model/data.ts';
import { memoised } from '../text/memo.ts';
import { codeFingerprint } from '../code-fingerprint.ts';
import { fold, stem, STOPWORDS, words } from '../text/words.ts';

/** One paragraph of a source document. */
export interface Passage {
  id: string;
  docId: string;
  index: number;
  text: string;
}

/** Words a reader might use for a word the sources use, folded to one stem at index and query time. */
const SYNONYMS: Record<string, string> = {
  sacked: 'dismiss', fired: 'dismiss', sex: 'sexual', rapes: 'rape', admitted: 'admit', admits: 'admit',
  pleaded: 'admit', plead: 'admit', guilty: 'admit', watchdog: 'iopc', cops: 'officer', cop: 'officer',
  hants: 'hampshire', herts: 'hertfordshire',
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

/** Passages in a scope's first tier; each later tier holds twice as many as the one before. */
export const FIRST_TIER_PASSAGES = 2_048;

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

export interface PassageHit {
  passage: Passage;
  score: number;
  /** Share of the query's meaningful words the passage contains (0–1). */
  coverage: number;
}

/**
 * Share of `queryTerms` the passage holds as they are. minisearch reports the passage's terms that
 * matched the query (`match`, exact, prefix and fuzzy alike), and a term the passage holds exactly
 * always matches itself, so this equals re-reading the passage's words, without stemming them again
 * for every hit.
 */
function coverage(queryTerms: readonly string[], result: SearchResult): number {
  return queryTerms.filter((t) => Object.hasOwn(result.match, t)).length / queryTerms.length;
}

const EXACT: SearchOptions = { prefix: false, fuzzy: false };
const ALL_WORDS: SearchOptions = { ...EXACT, combineWith: 'AND' };

/** A saved index: each scope's tiers in minisearch's own serialised form. */
export type SavedPassageIndex = Record<PassageScope, AsPlainObject[]>;

/** A saved index whose tiers are read when first needed: each scope's tiers, as functions that read one. */
export type SavedTierReaders = Record<PassageScope, Array<() => AsPlainObject>>;

/** A tier being built: its index so far, its passages, and how many of them are added. */
interface Building {
  index: MiniSearch<Passage>;
  passages: Passage[];
  added: number;
}

/** A tier's index; or one being built; or how to load it from a saved index. */
type Tier = MiniSearch<Passage> | Building | (() => MiniSearch<Passage>);

/** Passages added to a tier per turn of the event loop when tiers are built in the background. */
const BACKGROUND_BATCH = 256;

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
}

/** Full-text search over every passage of the corpus, by scope and tier (see the module comment). */
export class PassageIndex {
  private readonly tiers: Record<PassageScope, Tier[]>;
  private readonly documents = new Map<string, SourceDocument>();
  /** Each document's passages, split when first needed: a saved index needs none at start-up. */
  private readonly byDoc = new Map<string, Passage[]>();

  /**
   * Indexes `documents`: each scope's first tier now, the others when a search first reaches them or
   * {@link PassageIndex.complete} builds them. With `prebuilt` (a saved index of the same documents),
   * nothing is split or indexed now: a document's passages are split when a search first returns one.
   */
  constructor(documents: SourceDocument[], prebuilt?: Record<PassageScope, Tier[]>) {
    const building: Record<PassageScope, Passage[][]> = { recommendations: [], reporting: [] };
    for (const doc of documents) this.documents.set(doc.id, doc);
    for (const doc of prebuilt ? [] : documents) {
      const passages = this.passages(doc.id);
      const tiers = building[scopeOf(doc)];
      const last = tiers.at(-1);
      // A new tier starts at a document boundary once the last is full.
      if (last === undefined || last.length >= FIRST_TIER_PASSAGES * 2 ** (tiers.length - 1)) tiers.push([...passages]);
      else last.push(...passages);
    }
    const unbuilt = (scope: PassageScope): Tier[] => building[scope].map((passages) => ({ index: new MiniSearch(PASSAGE_INDEX_OPTIONS), passages, added: 0 }));
    this.tiers = prebuilt ?? { recommendations: unbuilt('recommendations'), reporting: unbuilt('reporting') };
    for (const scope of PASSAGE_SCOPES) if (this.tiers[scope].length > 0) this.tier(scope, 0);
  }

  /** A tier's index, finished (built or loaded) first if it is not yet. */
  private tier(scope: PassageScope, i: number): MiniSearch<Passage> {
    const tier = this.tiers[scope][i];
    if (tier === undefined) throw new RangeError(`engine: no passage tier ${i} in ${scope}`);
    if (tier instanceof MiniSearch) return tier;
    let index: MiniSearch<Passage>;
    if (typeof tier === 'function') index = tier();
    else {
      tier.index.addAll(tier.passages.slice(tier.added));
      index = tier.index;
    }
    this.tiers[scope][i] = index;
    return index;
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
        for (const scope of PASSAGE_SCOPES) {
          const i = this.tiers[scope].findIndex((t) => !(t instanceof MiniSearch));
          const tier = this.tiers[scope][i];
          if (tier === undefined) continue;
          if (typeof tier !== 'function' && !(tier instanceof MiniSearch) && tier.passages.length - tier.added > BACKGROUND_BATCH) {
            // Read by position: removing each batch from the front would move the rest every turn.
            tier.index.addAll(tier.passages.slice(tier.added, tier.added + BACKGROUND_BATCH));
            tier.added += BACKGROUND_BATCH;
          } else this.tier(scope, i);
          setTimeout(step, 0).unref();
          return;
        }
        resolve();
      };
      setTimeout(step, 0).unref();
    });
  }

  /** The index in minisearch's own serialised form, tier by tier (`JSON.stringify` each to save it). */
  toJSON(): SavedPassageIndex {
    const saved = (scope: PassageScope) => this.tiers[scope].map((_, i) => this.tier(scope, i).toJSON());
    return { recommendations: saved('recommendations'), reporting: saved('reporting') };
  }

  /**
   * An index saved by {@link PassageIndex.toJSON}, built with the same options; `documents` must be
   * the ones it was built from (see `src/search/index-file.ts`). Each scope's first tier is loaded
   * now and the others when a search first reaches them: most questions are answered from the first,
   * and loading every tier was most of the start-up time and memory of a large corpus.
   */
  static fromSaved(readers: SavedTierReaders, documents: SourceDocument[]): PassageIndex {
    const load = (read: () => AsPlainObject) => MiniSearch.loadJS<Passage>(read(), PASSAGE_INDEX_OPTIONS);
    const tiers = (scope: PassageScope): Tier[] => readers[scope].map((read, i) => (i === 0 ? load(read) : () => load(read)));
    return new PassageIndex(documents, { recommendations: tiers('recommendations'), reporting: tiers('reporting') });
  }

  /** A passage by its id, `<document id>#<position>`. */
  private passage(id: string): Passage | undefined {
    const hash = id.lastIndexOf('#');
    return this.passages(id.slice(0, hash))[Number(id.slice(hash + 1))];
  }

  /** Passages of one document, in order. */
  passages(docId: string): Passage[] {
    let passages = this.byDoc.get(docId);
    if (passages === undefined) {
      const doc = this.documents.get(docId);
      if (doc === undefined) return [];
      passages = passagesOf(doc);
      this.byDoc.set(docId, passages);
    }
    return passages;
  }

  /**
   * Best passages for `query`, each with the share of the query's words it holds: up to `limit` from
   * each tier, best first within a tier, walking the tiers until `enough` says to stop.
   */
  find(query: string, limit = 5, options: FindOptions = {}): PassageHit[] {
    const queryTerms = [...new Set(words(query).map(processTerm).filter((t): t is string => t !== null))];
    if (queryTerms.length < (options.minTerms ?? 2)) return [];
    const enough = options.enough ?? ((found: readonly PassageHit[]) => found.length >= limit);
    const hits: PassageHit[] = [];
    const wanted: Query = options.allWords ? { ...ALL_WORDS, queries: [query] } : query;
    const search: Query = options.without ? { combineWith: 'AND_NOT', queries: [wanted, { ...EXACT, queries: [options.without] }] } : wanted;
    const scope = options.scope ?? 'reporting';
    for (let i = 0; i < this.tiers[scope].length; i++) {
      const tier = this.tier(scope, i);
      let taken = 0;
      // Filtered here rather than by minisearch's `filter`, which calls back for every match: only
      // until `limit` hits are found. The sort is stable, so the order is the same either way.
      for (const r of tier.search(search)) {
        if (taken >= limit) break;
        const passage = this.passage(String(r.id));
        if (!passage || (options.docFilter && !options.docFilter(passage.docId))) continue;
        hits.push({ passage, score: r.score, coverage: coverage(queryTerms, r) });
        taken++;
      }
      if (enough(hits)) break;
    }
    return hits;
  }
}
