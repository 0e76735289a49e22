/**
 * What every answer to every regression question must hold: it parses as the one Answer schema; it
 * carries exactly the citations and facts its blocks show (a computed figure's inputs count as
 * shown); each source is cited once; and answers are short first — the headline's first line and a
 * decline's text within their lengths for nearly every question.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, AnswerSchema, blockText, bodyText, loadEngine } from '../../src/index.ts';
import { answerCases, loadCases } from '../eval/cases.ts';

/** The longest first line of a headline, and of a decline's text. */
const HEADLINE_MAX = 300;
const DECLINE_MAX = 400;
/** Share of answers that must keep within those lengths. */
const WITHIN = 0.95;

type Segment = Extract<Answer['blocks'][number], { kind: 'headline' }>['segments'][number];

function segmentsOf(answer: Answer): Segment[] {
  return answer.blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : 'segments' in b ? b.segments : []));
}

/** The facts the blocks show, with the inputs of every computed one, recursively. */
function factsShown(answer: Answer): Set<number> {
  const shown = new Set<number>();
  const visit = (i: number) => {
    if (shown.has(i)) return;
    shown.add(i);
    for (const input of answer.facts[i]?.computed?.inputs ?? []) visit(input);
  };
  for (const s of segmentsOf(answer)) if (s.kind === 'figure' || s.kind === 'computed') visit(s.fact);
  return shown;
}

/** The citation numbers the blocks show: markers, quotes, and those of the facts shown. */
function citationsShown(answer: Answer): Set<number> {
  const shown = new Set<number>();
  for (const s of segmentsOf(answer)) {
    if (s.kind === 'cite') for (const n of s.citations) shown.add(n);
    if (s.kind === 'quote') shown.add(s.citation);
  }
  for (const i of factsShown(answer)) for (const n of answer.facts[i]?.citations ?? []) shown.add(n);
  return shown;
}

describe('every answer to the regression questions', () => {
  const cases = loadCases();
  let answers: Array<{ id: string; answer: Answer }>;
  beforeAll(() => {
    const byId = answerCases(loadEngine(), cases);
    answers = cases.map((c) => ({ id: c.id, answer: byId.get(c.id) as Answer }));
  });

  it('parses as the one Answer schema', () => {
    const invalid = answers.filter(({ answer }) => !AnswerSchema.safeParse(answer).success).map(({ id }) => id);
    expect(invalid).toEqual([]);
  });

  it('carries exactly the facts and citations its blocks show', () => {
    const extra = answers.flatMap(({ id, answer }) => {
      const facts = factsShown(answer);
      const cited = citationsShown(answer);
      const unshownFacts = answer.facts.map((_, i) => i).filter((i) => !facts.has(i));
      const unshownCitations = answer.citations.map((c) => c.n).filter((n) => !cited.has(n));
      const missing = [...cited].filter((n) => !answer.citations.some((c) => c.n === n));
      return unshownFacts.length + unshownCitations.length + missing.length > 0 ? [{ id, unshownFacts, unshownCitations, missing }] : [];
    });
    expect(extra).toEqual([]);
  });

  it('cites each source once, numbered in order from 1', () => {
    const twice = answers.filter(({ answer }) => new Set(answer.citations.map((c) => c.sourceId)).size !== answer.citations.length).map(({ id }) => id);
    expect(twice).toEqual([]);
    const misnumbered = answers.filter(({ answer }) => answer.citations.some((c, i) => c.n !== i + 1)).map(({ id }) => id);
    expect(misnumbered).toEqual([]);
  });

  it(`keeps the headline's first line within ${HEADLINE_MAX} characters for ${WITHIN * 100}% of answered questions`, () => {
    const answered = answers.filter(({ answer }) => answer.status === 'answered');
    const long = answered.filter(({ answer }) => {
      const headline = answer.blocks.find((b) => b.kind === 'headline');
      return (headline ? (blockText(headline).split('\n')[0] ?? '') : '').length > HEADLINE_MAX;
    });
    expect(answered.length).toBeGreaterThan(400);
    expect(long.length / answered.length, long.map(({ id }) => id).join(' ')).toBeLessThanOrEqual(1 - WITHIN);
  });

  it(`keeps a decline within ${DECLINE_MAX} characters for ${WITHIN * 100}% of declined questions`, () => {
    const declined = answers.filter(({ answer }) => answer.status === 'no_data');
    const long = declined.filter(({ answer }) => bodyText(answer.blocks).length > DECLINE_MAX);
    expect(declined.length).toBeGreaterThan(50);
    expect(long.length / declined.length, long.map(({ id }) => id).join(' ')).toBeLessThanOrEqual(1 - WITHIN);
  });
});
