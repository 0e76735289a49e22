/**
 * The full-text index over source passages (paragraphs), built with minisearch. Serves definitions,
 * statements and the fallback when no figure matches. One options constant serves building and
 * searching, so the two never drift apart.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import type { SourceDocument } from '../model/data.ts';
import { memoised } from '../text/memo.ts';
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
 * Everything that decides which terms the index holds: the options, the synonyms and stopwords, and
 * the code of the functions that fold, split and stem words (a stemmer upgrade changes the terms).
 * A serialised index is used only when this matches the running code.
 */
export function passageIndexSignature(): string {
  const { idField, fields, storeFields, tokenize, searchOptions } = PASSAGE_INDEX_OPTIONS;
  return JSON.stringify({
    idField,
    fields,
    storeFields,
    synonyms: SYNONYMS,
    stopwords: [...STOPWORDS],
    code: [tokenize, processTerm, termOf, words, fold, stem, stemmer].map(String),
    probe: PROBE.map(processTerm),
    search: JSON.stringify(searchOptions, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value)),
  });
}

/** Words run through `processTerm` for the signature: a change in stemming shows in their stems. */
const PROBE = ['Allegations', 're-vetted', 'Constabulary', 'misconduct', 'officers’', 'Hants', 'investigating', 'recordable'];

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

/** Full-text search over every passage of the corpus. */
export class PassageIndex {
  private readonly search: MiniSearch<Passage>;
  private readonly byId = new Map<string, Passage>();
  private readonly byDoc = new Map<string, Passage[]>();

  /** Indexes `documents`; with `prebuilt` (a loaded serialised index of the same documents), only
   * the passage tables are rebuilt, which is cheap next to tokenising and stemming every word. */
  constructor(documents: SourceDocument[], prebuilt?: MiniSearch<Passage>) {
    this.search = prebuilt ?? new MiniSearch(PASSAGE_INDEX_OPTIONS);
    for (const doc of documents) {
      const passages = passagesOf(doc);
      this.byDoc.set(doc.id, passages);
      for (const p of passages) this.byId.set(p.id, p);
      if (!prebuilt) this.search.addAll(passages);
    }
  }

  /** The full-text index in minisearch's own serialised form (`JSON.stringify` it to save it). */
  toJSON(): AsPlainObject {
    return this.search.toJSON();
  }

  /** Loads an index serialised by {@link PassageIndex.toJSON}, with the same options it was built
   * with; `documents` must be the ones it was built from (see `src/search/index-file.ts`). */
  static fromJSON(json: string, documents: SourceDocument[]): PassageIndex {
    return new PassageIndex(documents, MiniSearch.loadJSON<Passage>(json, PASSAGE_INDEX_OPTIONS));
  }

  /** Passages of one document, in order. */
  passages(docId: string): Passage[] {
    return this.byDoc.get(docId) ?? [];
  }

  /**
   * Best passages for `query`, each with the share of the query's words it holds. `minTerms` is the
   * fewest meaningful query words worth searching for; `docFilter` keeps passages of some documents only.
   */
  find(query: string, limit = 5, options: { minTerms?: number; docFilter?: (docId: string) => boolean } = {}): PassageHit[] {
    const queryTerms = [...new Set(words(query).map(processTerm).filter((t): t is string => t !== null))];
    if (queryTerms.length < (options.minTerms ?? 2)) return [];
    const hits: PassageHit[] = [];
    // Filtered here rather than by minisearch's `filter`, which calls back for every match: only
    // until `limit` hits are found. The sort is stable, so the order is the same either way.
    for (const r of this.search.search(query)) {
      if (hits.length >= limit) break;
      const passage = this.byId.get(String(r.id));
      if (!passage || (options.docFilter && !options.docFilter(passage.docId))) continue;
      hits.push({ passage, score: r.score, coverage: coverage(queryTerms, r) });
    }
    return hits;
  }
}
