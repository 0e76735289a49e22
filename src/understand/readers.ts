/**
 * The readers a question is understood with, built once from the dataset: the force register, the
 * measure catalogue, the phrase book, the names of the families of publications and the words of
 * publishers' names.
 */
import type { Dataset } from '../data/dataset.ts';
import { STOPWORDS, words } from '../text/words.ts';
import type { QuestionReaders } from './frame.ts';
import { CatalogueIndex } from './catalogue-index.ts';
import { ForceResolver } from './forces.ts';
import { MetricMatcher } from './metrics.ts';
import { PhraseBook } from './phrases.ts';
import { Shorthand } from './shorthand.ts';

/** The question readers for `data`. */
export function questionReaders(
  data: Pick<Dataset, 'forces' | 'outside' | 'measures' | 'outcomes' | 'phrases' | 'families' | 'shorthand' | 'documents'>,
): QuestionReaders {
  const phrases = new PhraseBook(data.phrases);
  const publisherWords = new Set(data.documents.flatMap((d) => words(d.publisher)));
  return {
    resolver: new ForceResolver(
      data.forces,
      data.outside,
      phrases.words,
      data.documents.map((d) => d.publisher),
    ),
    matcher: new MetricMatcher(
      data.measures,
      data.outcomes,
      data.phrases.filter((p) => p.slot === 'plain').flatMap((p) => p.phrases),
    ),
    phrases,
    shorthand: new Shorthand(data.shorthand),
    families: new PhraseBook(data.families.map((f) => ({ slot: f.family, phrases: f.names }))),
    publisherWords,
    paperWords: new Set([...publisherWords].filter((w) => !STOPWORDS.has(w) && !phrases.words.has(w))),
    catalogue: new CatalogueIndex(data.measures),
  };
}
