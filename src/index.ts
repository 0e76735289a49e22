/** Forcewatch's public surface: the engine, its Answer model, the logger factory, and the feedback
 * recorder the adapters give ratings, reports and declined answers to. */
export { BUNDLED_DATA_DIR, loadEngine, MAX_QUESTION_LENGTH, type Engine, type EngineOptions, type ForceSuggestion } from './engine.ts';
export { FAILURE_TEXT } from './answer/help.ts';
export { createReloadableEngine, type ReloadableEngine, type ReloadResult } from './reload.ts';
export { formatValue } from './text/numbers.ts';
export {
  AS_WRITTEN,
  citationParts,
  clipped,
  IN_WORDS,
  moreLine,
  publishedLabel,
  quoteLines,
  restOf,
  segmentsText,
  sourceLine,
  trustLine,
  type CitationParts,
  type CommandSyntax,
  type TextMarkup,
} from './render/format.ts';
export { blockText, bodyText, citationText, renderText } from './render/plain.ts';
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
export { Answer as AnswerSchema, reasonOf } from './model/answer.ts';
export type { Force, SourceMeta } from './model/data.ts';
export { createLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './log.ts';
export { DEFAULT_STATE_DIR, FEEDBACK_ENV_VARS, feedbackConfigFromEnv, type FeedbackConfig, type StoreLocation } from './feedback/config.ts';
export { ConversationKind, figureId, MAX_NOTE_LENGTH, Platform, PostedAnswer, postedAnswer, Rating, Surface } from './feedback/records.ts';
export { createFeedbackRecorder, openFeedbackStore, type FeedbackRecorder } from './feedback/recorder.ts';
export { FeedbackStoreError } from './feedback/sql.ts';
export type { FeedbackStore, StoredSummary } from './feedback/store.ts';
export { embeddedDatabaseExists } from './feedback/embedded-database.ts';
export { feedbackReport, reportText, type FeedbackReport, type FigureReport } from './feedback/report.ts';
