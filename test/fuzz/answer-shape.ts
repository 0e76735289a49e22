/**
 * The grounding invariant fuzzing checks of every answer: every number in the text is quoted or
 * computed. (Its shape is checked against the engine's own Answer schema.)
 */
import type { Answer } from '../../src/index.ts';
import { publishedLabel } from '../../src/render/format.ts';
import { digitNumbers, numbersIn, round1 } from '../../src/text/numbers.ts';

/**
 * Numbers in the text that no cited quote, fact, period, title, location, cited source's date, vocabulary label
 * ("more than 10 years") or the question itself accounts for. The question is allowed because answers may echo what was asked ("for 2099").
 */
export function unprovenNumbers(answer: Answer, vocabulary: string[] = []): number[] {
  const names = [
    ...vocabulary,
    ...answer.facts.map((f) => f.period),
    // A table's name ("Table 6") is named on its own in provenance, before its row and column.
    ...answer.citations.flatMap((c) => [c.title, c.location ?? '', c.location?.split(',')[0] ?? '']),
    // A cited source's own date ("recommended 3 June 2021") is its date, shown with the citation.
    ...answer.citations.map((c) => publishedLabel({ published: c.published, publishedInferred: false })),
    // The scale of a rate ("12.5 per 1,000 workforce", "× 1,000") is a name, not a figure.
    'per 1,000 workforce',
    '× 1,000',
  ]
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length);
  // "and 5 other documents" counts our own documents, not a figure from them.
  let text = answer.text.replace(/\[\d+\]/g, ' ').replace(/\b\d[\d,]* other documents?\b/g, ' ');
  for (const n of names) text = text.split(n).join(' ');
  const proven = new Set<number>([
    ...answer.citations.flatMap((c) => numbersIn(c.quote)),
    ...answer.facts.flatMap((f) => [Math.abs(f.value), Math.abs(round1(f.value))]),
    ...digitNumbers(answer.question),
    ...numbersIn(answer.question),
  ]);
  // Years and financial years ("2021-22") name periods, and "Schedule 3" or "Table 1.1" name a process
  // or a table (a figure's note may name them); they are not figures.
  text = text.replace(/\b(?:19|20)\d\d(?:[-/]\d\d)?\b|\b(?:Schedule|Table) \d+(?:\.\d+)?\b/g, ' ');
  return digitNumbers(text).filter((n) => !proven.has(Math.abs(n)));
}
