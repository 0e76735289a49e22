/**
 * The previous exchange of a conversation (the question and the frame the engine carries into the
 * next one), as the state port stores it. In Redis it is JSON written by another process, perhaps
 * of another version, so it is parsed here on the way back in: a record that does not fit is
 * treated as forgotten, and the follow-up is answered as a fresh question.
 */
import { z } from 'zod';
import type { Conversation, Frame } from '../../../src/index.ts';
import { parseJsonOrUndefined } from '../json.ts';

/** The previous exchange, as the engine takes it back. */
export type PreviousExchange = NonNullable<Conversation['previous']>;

/** Every question type, spelt once: the compiler checks it against the engine's union. */
const QUESTION_TYPES = {
  lookup: true,
  share: true,
  comparison: true,
  change: true,
  trend: true,
  ranking: true,
  recommendation: true,
  definition: true,
  statement: true,
  overview: true,
  force_card: true,
  sources: true,
  help: true,
  provenance: true,
  chart: true,
} as const satisfies Record<Frame['type'], true>;

const QuestionTypeSchema = z.enum(Object.keys(QUESTION_TYPES) as [Frame['type'], ...Frame['type'][]]);

const FrameSchema = z.object({
  type: QuestionTypeSchema,
  forces: z.array(z.string()),
  periods: z.array(z.string()),
  measure: z.string().optional(),
  outcome: z.string().optional(),
  share: z.boolean().optional(),
  topic: z.string().optional(),
  sources: z.array(z.string()).optional(),
});

const ExchangeSchema = z.object({ question: z.string(), frame: FrameSchema.optional() });

/** The exchange in `json`, or undefined when it is not one. */
export function parseExchange(json: string): PreviousExchange | undefined {
  const parsed = ExchangeSchema.safeParse(parseJsonOrUndefined(json));
  if (!parsed.success) return undefined;
  return parsed.data;
}
