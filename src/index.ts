/** Forcewatch's public surface: the engine, its Answer model, and the logger factory. */
export { BUNDLED_DATA_DIR, loadEngine, MAX_QUESTION_LENGTH, type Engine, type EngineOptions, type ForceSuggestion } from './engine.ts';
export { createReloadableEngine, type ReloadableEngine, type ReloadResult } from './reload.ts';
export { formatValue } from './text/numbers.ts';
export { publishedLabel, sourceLine } from './text/citation-label.ts';
export { explanationText, type Explanation } from './understand/explain.ts';
export type {
  Answer,
  AnswerStatus,
  Citation,
  Computation,
  Conversation,
  Fact,
  Frame,
  NoDataReason,
  QuestionType,
} from './model/answer.ts';
export type { Force, SourceMeta } from './model/data.ts';
export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './log.ts';
