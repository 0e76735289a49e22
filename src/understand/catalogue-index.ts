/**
 * The measure catalogue as a small full-text index (minisearch over each measure's label, phrases
 * and definition), so a question can be scored against what each measure says it counts. Phrases
 * decide which measures a question names; this decides between measures its phrases fit equally
 * ("allegations of abuse of authority" is the allegations, "PCSOs accused of abuse of authority" the
 * people accused), and says when two remain too close to call.
 */
import MiniSearch from 'minisearch';
import type { Measure } from '../model/data.ts';
import { stem, STOPWORDS, words } from '../text/words.ts';

interface Entry {
  id: string;
  label: string;
  definition: string;
}

/** One set of options, where the index is built and where it is searched. */
const OPTIONS = {
  idField: 'id',
  // Phrases already decided which measures the question names; what each says it counts decides between them.
  fields: ['label', 'definition'],
  storeFields: [],
  tokenize: (text: string) => words(text),
  processTerm: (term: string) => (STOPWORDS.has(term) ? null : stem(term)),
  searchOptions: { boost: { label: 2, definition: 1 }, combineWith: 'OR' as const },
};

/** Scores questions against the catalogue's measures. */
export class CatalogueIndex {
  private readonly index = new MiniSearch<Entry>(OPTIONS);

  constructor(measures: readonly Measure[]) {
    this.index.addAll(measures.map((m) => ({ id: m.id, label: m.label, definition: m.definition })));
  }

  /** How well `words` fit each of `ids` (0 for a measure they do not fit at all). */
  relevance(questionWords: readonly string[], ids: readonly string[]): Map<string, number> {
    const wanted = new Set(ids);
    const scores = new Map(ids.map((id) => [id, 0]));
    if (questionWords.length === 0) return scores;
    for (const hit of this.index.search(questionWords.join(' '), { filter: (r) => wanted.has(r.id as string) })) scores.set(hit.id as string, hit.score);
    return scores;
  }
}
