/**
 * The declared shape of an Answer as a zod schema, so fuzzing can check every answer the engine
 * returns against it, and the grounding invariant: every number in the text is quoted or computed.
 */
import { z } from 'zod';
import type { Answer } from '../../src/index.ts';
import { digitNumbers, numbersIn, round1 } from '../../src/text/numbers.ts';

const Citation = z.object({
  n: z.number().int().positive(),
  sourceId: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  published: z.string().nullable(),
  publishedInferred: z.boolean(),
  url: z.string().url(),
  sourceType: z.string().min(1),
  location: z.string().optional(),
  quote: z.string().min(1),
});
const Fact = z.object({
  force: z.string(),
  forceName: z.string(),
  periodId: z.string(),
  period: z.string(),
  metric: z.string(),
  metricLabel: z.string(),
  value: z.number().finite(),
  unit: z.enum(['count', 'percent']),
  qualifier: z.string().optional(),
  citations: z.array(z.number().int().positive()),
  computed: z.object({ operation: z.string(), inputs: z.array(z.number().int().nonnegative()), working: z.string() }).optional(),
});
export const AnswerShape = z.object({
  question: z.string(),
  status: z.enum(['answered', 'no_data', 'unclear']),
  type: z.string().optional(),
  reason: z.string().optional(),
  text: z.string().min(1),
  facts: z.array(Fact),
  citations: z.array(Citation),
  frame: z.object({ type: z.string(), forces: z.array(z.string()), periods: z.array(z.string()) }).passthrough().optional(),
});

/**
 * Numbers in the text that no cited quote, fact, period, title, location, vocabulary label
 * ("more than 10 years") or the question itself accounts for. The question is allowed because answers may echo what was asked ("for 2099").
 */
export function unprovenNumbers(answer: Answer, vocabulary: string[] = []): number[] {
  const names = [
    ...vocabulary,
    ...answer.facts.map((f) => f.period),
    // A table's name ("Table 6") is named on its own in provenance, before its row and column.
    ...answer.citations.flatMap((c) => [c.title, c.location ?? '', c.location?.split(',')[0] ?? '']),
    // The scale of a rate ("12.5 per 1,000 workforce", "× 1,000") is a name, not a figure.
    'per 1,000 workforce',
    '× 1,000',
  ].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  // "and 5 other documents" counts our own documents, not a figure from them.
  let text = answer.text.replace(/\[\d+\]/g, ' ').replace(/\b\d[\d,]* other documents?\b/g, ' ');
  for (const n of names) text = text.split(n).join(' ');
  const proven = new Set<number>([
    ...answer.citations.flatMap((c) => numbersIn(c.quote)),
    ...answer.facts.flatMap((f) => [Math.abs(f.value), Math.abs(round1(f.value))]),
    ...digitNumbers(answer.question),
    ...numbersIn(answer.question),
  ]);
  // Years and financial years ("2021-22") name periods; they are not figures.
  text = text.replace(/\b(?:19|20)\d\d(?:[-/]\d\d)?\b/g, ' ');
  return digitNumbers(text).filter((n) => !proven.has(Math.abs(n)));
}
