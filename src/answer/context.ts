/**
 * Everything the answer composers read: the data, indexed. Built once when the engine loads and
 * shared read-only by every question.
 */
import type { Force, Measure, Metric, Outcome, SourceDocument, Unreadable } from '../model/data.ts';
import type { PassageIndex } from '../search/passages.ts';
import type { QuestionReaders } from '../understand/frame.ts';
import type { DraftContext } from './draft.ts';
import type { FigureStore } from './figure-store.ts';

/** The question readers are part of it: a question in two parts has each part read while answering. */
export interface AnswerContext extends DraftContext, QuestionReaders {
  store: FigureStore;
  metrics: Metric[];
  metricById: Map<string, Metric>;
  measures: Map<string, Measure>;
  outcomes: Map<string, Outcome>;
  passages: PassageIndex;
  documents: Map<string, SourceDocument>;
  forces: Map<string, Force>;
  /** Published cells we could not read reliably: declined by name, never answered. */
  unreadable: Unreadable[];
}
