/**
 * The engine's one port: load the bundled data once, then answer questions from it.
 * Platform-neutral: adapters turn chat events into `answer()` calls and render the `Answer`.
 */
import type { Answer, Conversation } from './model/answer.ts';
import type { Force, SourceMeta } from './model/data.ts';
import type { Logger } from './log.ts';

/** A force offered to someone typing a force name (slash-command autocomplete). */
export interface ForceSuggestion {
  id: string;
  name: string;
  hasData: boolean;
}

export interface Engine {
  /** Answers a question in the user's own words; pass the previous exchange for follow-ups. */
  answer(question: string, conversation?: Conversation): Answer;
  /** Every figure held for the named force, grouped by period and topic, with citations. */
  forceCard(name: string): Answer;
  /** Forces matching what someone has typed so far, forces we hold data for first. */
  suggestForces(typed: string, limit?: number): ForceSuggestion[];
  /** Forces we hold figures for. */
  forcesWithData(): Force[];
  /** The source documents, without their text. */
  sources(): SourceMeta[];
}

export interface EngineOptions {
  /** Folder holding the data files; the bundled `data/` by default. */
  dataDir?: string;
  logger?: Logger;
}

/** Loads and validates the data, builds the index, and returns a ready engine. Throws a `DataError`
 * naming every problem when the data is invalid: never a half-loaded engine. */
export function loadEngine(_options: EngineOptions = {}): Engine {
  throw new Error('engine: not built yet');
}
