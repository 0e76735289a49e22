/**
 * The IOPC's learning recommendations of a loaded dataset, and the stemmed words of each, worked out
 * once and remembered for as long as the dataset is loaded. Every recommendation question read every
 * document to find the recommendations (most of its time at 10,000 documents and more), and split
 * every recommendation's text into stems to order them (half its time on the bundled data).
 */
import type { SourceDocument } from '../model/data.ts';
import { memoisedPer } from '../text/memo.ts';
import { stem, words } from '../text/words.ts';

/** The dataset's documents of one kind (its recommendations), in its own order: the order answers
 * list ties in. */
export const documentsOfKind = memoisedPer((documents: ReadonlyMap<string, SourceDocument>, kind: SourceDocument['kind']): readonly SourceDocument[] =>
  [...documents.values()].filter((d) => d.kind === kind),
);

/** The stems of a recommendation's category, or of its text: what a topic is looked for in. */
export const stemsIn: (doc: SourceDocument, part: 'category' | 'text') => ReadonlySet<string> = memoisedPer(
  (doc: SourceDocument, part: 'category' | 'text'): ReadonlySet<string> => new Set(words(part === 'category' ? (doc.category ?? '') : doc.text).map(stem)),
);

/** A sentence ends in it: a page's heading ("Use of Taser - North Yorkshire Police, April 2019") has none. */
const SENTENCE_END = /[.!?]/;
const wordsOf = new WeakMap<SourceDocument, string | null>();

/**
 * The recommendation's own words: the first paragraph of its page after the page's heading. Most pages
 * of the scrape give only their heading (a learning report's title, ending in a full stop or not): for
 * those, undefined.
 */
export function recommendationWords(doc: SourceDocument): string | undefined {
  let found = wordsOf.get(doc);
  if (found === undefined) {
    const paragraphs = doc.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const [first, second] = paragraphs;
    // A first paragraph that reads as sentences is no heading; a lone one that is the title is.
    if (first === undefined) found = null;
    else if (second !== undefined) found = SENTENCE_END.test(first) ? first : second;
    else found = first === doc.title.trim() ? null : first;
    wordsOf.set(doc, found);
  }
  return found ?? undefined;
}
