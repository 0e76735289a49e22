/**
 * The platform-neutral answer the engine returns: one zod schema, used by the engine, the adapters
 * and the tests. Adapters render it (Block Kit, Discord embeds, terminal text) and hand it back as
 * the previous exchange for follow-up questions, so it is plain JSON: no classes, no functions.
 *
 * Its body is typed blocks: a headline sentence, then paragraphs, lists and notes, each made of
 * segments. Only figure and computed segments carry numbers of ours; names that hold digits (a
 * period, a table, a measure "under Schedule 3") are segments of their own, so no check or renderer
 * ever mistakes one for a figure. `text` is the plain-text rendering, with `[n]` markers.
 */
import { z } from 'zod';
import { ChartSpec } from '../chart/spec.ts';

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
export const NoDataReason = z.enum([
  'unknown_force',
  'force_not_held',
  'period_not_held',
  'metric_not_held',
  'off_topic',
  'empty',
  /** The question could not be read (too long), or answering it failed: we say so rather than guess. */
  'not_understood',
  /** Asked for something the bot cannot make yet. */
  'not_available',
]);
export type NoDataReason = z.infer<typeof NoDataReason>;

/** Where in a published table a quoted row sits. */
export const TableCell = z.strictObject({ table: z.string(), row: z.string(), column: z.string() });
export type TableCell = z.infer<typeof TableCell>;

/** One passage quoted from a source, verbatim (for a table figure, the row as published). */
export const Quote = z.strictObject({ quote: z.string().min(1), cell: TableCell.optional() });
export type Quote = z.infer<typeof Quote>;

/** A numbered source: one document or table, its date, how far to trust it, and every passage or
 * row of it the answer uses. */
export const Citation = z.strictObject({
  n: z.number().int().positive(),
  sourceId: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** ISO date as precise as known, or null when the document's date is not known. */
  published: z.string().nullable(),
  publishedInferred: z.boolean(),
  url: z.string().url(),
  /** What kind of source it is, in words: "official statistics table", "news report of official statistics"… */
  sourceType: z.string().min(1),
  /** How far to trust it, in words. */
  trust: z.string().min(1),
  /** Where in a published table the figures sit: "Table 27: row “Kent”, columns “Reviews completed”, …". */
  location: z.string().optional(),
  /** Every quote used, joined by " … " (for scripts that read one quote). */
  quote: z.string().min(1),
  quotes: z.array(Quote).min(1),
});
export type Citation = z.infer<typeof Citation>;

/** How a computed figure was made from cited ones. */
export const Computation = z.strictObject({
  /** `count`: how many forces a list holds, the list being its working. */
  operation: z.enum(['difference', 'percent_change', 'share', 'sum', 'ratio', 'count']),
  /** Indexes into `Answer.facts` of the inputs. */
  inputs: z.array(z.number().int().nonnegative()),
  /** The working in words and numbers, e.g. "933 − 1,938 = −1,005". */
  working: z.string(),
});
export type Computation = z.infer<typeof Computation>;

/** A figure used in an answer. Stated figures cite a quote; computed ones carry their working. */
export const Fact = z.strictObject({
  force: z.string(),
  forceName: z.string(),
  periodId: z.string(),
  period: z.string(),
  metric: z.string(),
  metricLabel: z.string(),
  value: z.number().finite(),
  unit: z.enum(['count', 'percent']),
  /** The source's hedge ("nearly", "around"), where it hedges. */
  qualifier: z.string().optional(),
  /** Citation numbers proving a stated figure; empty for a computed one. */
  citations: z.array(z.number().int().positive()),
  computed: Computation.optional(),
});
export type Fact = z.infer<typeof Fact>;

/** A piece of a sentence. */
export const Segment = z.discriminatedUnion('kind', [
  /** Words, never a figure: a text segment holds no digits. */
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
  /** A figure a source states, as shown ("1,927", "less than half (48%)"), with the fact it is. */
  z.strictObject({ kind: z.literal('figure'), text: z.string(), fact: z.number().int().nonnegative() }),
  /** A figure we computed, as shown, with the fact (and so the working) it is. */
  z.strictObject({ kind: z.literal('computed'), text: z.string(), fact: z.number().int().nonnegative() }),
  /** A passage of a source, verbatim, with its citation. */
  z.strictObject({ kind: z.literal('quote'), text: z.string(), citation: z.number().int().positive() }),
  /** Citation markers: "[1][2]". */
  z.strictObject({ kind: z.literal('cite'), citations: z.array(z.number().int().positive()) }),
  /** A name whose digits are no figure: a period ("2024-25"), a measure ("… under Schedule 3"), a
   * force, a source's title or table, the user's own words. */
  z.strictObject({ kind: z.literal('name'), role: z.enum(['period', 'measure', 'force', 'source', 'echo', 'other']), text: z.string() }),
]);
export type Segment = z.infer<typeof Segment>;

/** A part of an answer's body. */
export const Block = z.discriminatedUnion('kind', [
  /** The answer in one or two sentences, figure first. */
  z.strictObject({ kind: z.literal('headline'), segments: z.array(Segment) }),
  z.strictObject({ kind: z.literal('paragraph'), segments: z.array(Segment) }),
  z.strictObject({ kind: z.literal('list'), items: z.array(z.array(Segment)) }),
  /** A caveat of a source or of our reading of the question. */
  z.strictObject({ kind: z.literal('note'), segments: z.array(Segment) }),
  /** Where to see more of a force's figures: its force card (`rest: false`), or the rest of the
   * card a summary leads (`rest: true`). Each surface offers it its own way (a command, a button). */
  z.strictObject({ kind: z.literal('more'), force: z.string().min(1), forceName: z.string().min(1), rest: z.boolean() }),
  /** The answer's figures as a chart (a spec, drawn by each surface) and the files a surface sends
   * of it: the chart as an image, its rows as CSV. The text says the same in words. */
  z.strictObject({ kind: z.literal('chart'), spec: ChartSpec, files: z.array(z.enum(['png', 'csv'])).min(1) }),
]);
export type Block = z.infer<typeof Block>;

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
  /** The answer's chart, so "show me a chart" or "as a CSV" can give it. */
  chart: ChartSpec.optional(),
});
export type Frame = z.infer<typeof Frame>;

const common = {
  question: z.string(),
  /** The plain-text rendering of the blocks, with `[n]` citation markers. */
  text: z.string().min(1),
  blocks: z.array(Block).min(1),
  facts: z.array(Fact),
  citations: z.array(Citation),
  frame: Frame.optional(),
};

/** `answered`: the text states what was asked, every figure cited. `no_data`: we hold no answer, and
 * say why and what we hold instead. `unclear`: one precise question back. */
export const Answer = z.discriminatedUnion('status', [
  z.strictObject({ ...common, status: z.literal('answered'), type: QuestionType }),
  z.strictObject({ ...common, status: z.literal('no_data'), type: QuestionType.optional(), reason: NoDataReason }),
  z.strictObject({ ...common, status: z.literal('unclear'), type: QuestionType.optional() }),
]);
export type Answer = z.infer<typeof Answer>;
export type AnswerStatus = Answer['status'];

/** The previous exchange in a conversation, passed back to the engine for follow-ups. */
export interface Conversation {
  previous?: Pick<Answer, 'question' | 'frame'>;
}

/** Why an answer declined, or undefined when it did not. */
export function reasonOf(answer: Answer): NoDataReason | undefined {
  return answer.status === 'no_data' ? answer.reason : undefined;
}
