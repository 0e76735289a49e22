/**
 * The platform-neutral answer the engine returns. Adapters render it (Block Kit, Discord embeds,
 * terminal text) and hand it back as the previous exchange for follow-up questions, so it is plain
 * JSON: no classes, no functions.
 */
import { z } from 'zod';

/** `answered`: the text states what was asked, every figure cited. `no_data`: we hold no answer,
 * and say why and what we hold instead. `unclear`: one precise question back. */
export type AnswerStatus = 'answered' | 'no_data' | 'unclear';

/** What kind of question the engine took it for. */
export const QuestionType = z.enum([
  'lookup',
  'share',
  'comparison',
  'change',
  'trend',
  'ranking',
  'recommendation',
  'definition',
  'statement',
  'overview',
  'force_card',
  'sources',
  'help',
  /** Where the previous answer's figures come from: publisher, table, date, kind of source. */
  'provenance',
  /** The previous answer as a chart or a CSV file. */
  'chart',
]);
export type QuestionType = z.infer<typeof QuestionType>;

/** Why a question could not be answered from the data. */
export type NoDataReason =
  | 'unknown_force'
  | 'force_not_held'
  | 'period_not_held'
  | 'metric_not_held'
  | 'off_topic'
  | 'empty'
  /** The question could not be read (too long), or answering it failed: we say so rather than guess. */
  | 'not_understood'
  /** Asked for something the bot cannot make yet (a chart, a CSV file). */
  | 'not_available';

/** A numbered source reference: which document, its date, and the verbatim sentence. */
export interface Citation {
  n: number;
  sourceId: string;
  title: string;
  publisher: string;
  /** ISO date as precise as known, or null when the document's date is not known. */
  published: string | null;
  publishedInferred: boolean;
  url: string;
  /** What kind of source it is, in words: "official statistics table", "news report of official statistics"… */
  sourceType: string;
  /** Where in a published table the figure sits: "Table 27, row “Kent”, column “Reviews completed”". */
  location?: string;
  /** Verbatim text from the source document (for a table figure, the table row as published). */
  quote: string;
}

/** How a computed figure was made from cited ones. */
export interface Computation {
  /** `count`: how many forces a list holds, the list being its working. */
  operation: 'difference' | 'percent_change' | 'share' | 'sum' | 'ratio' | 'count';
  /** Indexes into `Answer.facts` of the inputs. */
  inputs: number[];
  /** The working in words and numbers, e.g. "933 − 1,938 = −1,005". */
  working: string;
}

/** A figure used in an answer. Stated figures cite a quote; computed ones carry their working. */
export interface Fact {
  force: string;
  forceName: string;
  periodId: string;
  period: string;
  metric: string;
  metricLabel: string;
  value: number;
  unit: 'count' | 'percent';
  /** The source's hedge ("nearly", "around"), where it hedges. */
  qualifier?: string;
  /** Citation numbers proving a stated figure; empty for a computed one. */
  citations: number[];
  computed?: Computation;
}

/** What the question was understood to be about: carried into the next question as context. */
export const Frame = z.strictObject({
  type: QuestionType,
  forces: z.array(z.string()),
  periods: z.array(z.string()),
  measure: z.string().optional(),
  outcome: z.string().optional(),
  /** Set when the question asked about a share (percentage) rather than a count. */
  share: z.boolean().optional(),
  topic: z.string().optional(),
  /** The source documents the answer cited, so "where does that come from?" can be answered. */
  sources: z.array(z.string()).optional(),
});
export type Frame = z.infer<typeof Frame>;

export interface Answer {
  question: string;
  status: AnswerStatus;
  type?: QuestionType;
  reason?: NoDataReason;
  /** Plain text with `[n]` citation markers. */
  text: string;
  facts: Fact[];
  citations: Citation[];
  frame?: Frame;
}

/** The previous exchange in a conversation, passed back to the engine for follow-ups. */
export interface Conversation {
  previous?: Pick<Answer, 'question' | 'frame'>;
}
