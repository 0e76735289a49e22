/**
 * Everything the answer composers read: the data, indexed. Built once when the engine loads and
 * shared read-only by every question.
 */
import type { Force, Measure, Metric, Outcome, SourceDocument, SourceFamily, Unreadable } from '../model/data.ts';
import type { PassageIndex } from '../search/passages.ts';
import type { CatalogueIndex } from '../understand/catalogue-index.ts';
import type { ForceResolver } from '../understand/forces.ts';
import type { MetricMatcher } from '../understand/metrics.ts';
import type { PhraseBook } from '../understand/phrases.ts';
import type { DraftContext } from './draft.ts';
import type { FigureStore } from './figure-store.ts';

export interface AnswerContext extends DraftContext {
  store: FigureStore;
  metrics: Metric[];
  metricById: Map<string, Metric>;
  measures: Map<string, Measure>;
  outcomes: Map<string, Outcome>;
  resolver: ForceResolver;
  matcher: MetricMatcher;
  phrases: PhraseBook;
  families: PhraseBook<SourceFamily>;
  publisherWords: ReadonlySet<string>;
  catalogue: CatalogueIndex;
  passages: PassageIndex;
  documents: Map<string, SourceDocument>;
  forces: Map<string, Force>;
  /** Published cells we could not read reliably: declined by name, never answered. */
  unreadable: Unreadable[];
}
