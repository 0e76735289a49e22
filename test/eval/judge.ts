/**
 * Judging an Answer against an expected-answer record: status, figures in the text, phrases, and
 * citations that quote the expected sources verbatim. Shared by `npm run eval` and the vitest suite.
 */
import { z } from 'zod';
import { type Answer, reasonOf } from '../../src/index.ts';

export const EvalCase = z.strictObject({
  id: z.string(),
  q: z.string(),
  /** `force`: the force card's summary, as `/force NAME` shows it; `force-all`: every figure on it. */
  mode: z.enum(['ask', 'force', 'force-all']).optional(),
  /** Id of the case whose answer is the previous exchange (a follow-up). */
  after: z.string().optional(),
  status: z.enum(['answered', 'no_data', 'unclear', 'not_answered']).optional(),
  type: z.string().optional(),
  numbers: z.array(z.array(z.string())).optional(),
  words: z.array(z.array(z.string())).optional(),
  sources: z.array(z.array(z.string())).optional(),
  absent: z.array(z.string()).optional(),
  /** Where the expectation comes from (file, row, column), for whoever reviews a failure. */
  why: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

function numberText(text: string): string {
  let prev = '';
  let s = text.toLowerCase().replace(/\[\d+\]/g, ' ');
  while (prev !== s) {
    prev = s;
    s = s.replace(/(\d),(\d{3})/g, '$1$2');
  }
  return s;
}

function hasNumber(text: string, n: string): boolean {
  if (/^[\d.]+$/.test(n)) return new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])(?!\\.\\d)`).test(text);
  return new RegExp(`\\b${n}\\b`).test(text);
}

/** Reasons the answer fails the case; empty when it passes. */
export function judge(c: EvalCase, answer: Answer): string[] {
  const why: string[] = [];
  const want = c.status ?? 'answered';
  if (reasonOf(answer) === 'not_understood') why.push(`the engine failed: ${answer.text}`);
  if (want === 'not_answered') {
    if (answer.status === 'answered') why.push(`answered a question it has no data for: ${answer.text.slice(0, 100)}`);
  } else if (answer.status !== want) why.push(`status ${answer.status}, wanted ${want}`);
  if (c.type && answer.type !== c.type) why.push(`type ${answer.type}, wanted ${c.type}`);
  const text = numberText(answer.text);
  for (const group of c.numbers ?? []) if (!group.some((n) => hasNumber(text, n))) why.push(`text lacks ${group.join('/')}`);
  for (const group of c.words ?? []) if (!group.some((w) => text.includes(w.toLowerCase()))) why.push(`text lacks a word of ${group.join('/')}`);
  for (const group of c.sources ?? [])
    if (!group.some((s) => answer.citations.some((cit) => cit.sourceId === s))) why.push(`no citation of ${group.join('/')}`);
  for (const bad of c.absent ?? []) if (hasNumber(text, bad)) why.push(`text states ${bad}, which it must not`);
  return why;
}
