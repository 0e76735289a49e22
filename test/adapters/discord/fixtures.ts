/**
 * Hand-written Answers for the renderer tests, shaped like the engine's output: one answered lookup,
 * a force card, a no-data reply, a question back, and a generator for answers far past Discord's
 * limits. Invented wording; only the shapes matter here.
 */
import type { Answer, Citation, Fact } from '../../../src/index.ts';
import { answer, citation } from '../answer-fixture.ts';

export const HAMPSHIRE_QUOTE = 'Hampshire Constabulary recorded 1,938 misconduct allegations in 2021-22, according to the figures.';

export const hampshireCitation: Citation = citation({
  n: 1,
  sourceId: 'hampshire-allegations-2022',
  title: 'Misconduct allegations against Hampshire officers rise',
  publisher: 'Example Echo',
  published: '2023-01-18',
  publishedInferred: false,
  url: 'https://example.org/news/hampshire-allegations',
  sourceType: 'news report of official statistics',
  quote: HAMPSHIRE_QUOTE,
});

export const hampshireFact: Fact = {
  force: 'hampshire',
  forceName: 'Hampshire Constabulary',
  periodId: '2021-22',
  period: '2021-22',
  metric: 'complaint-allegations',
  metricLabel: 'misconduct allegations',
  value: 1938,
  unit: 'count',
  citations: [1],
};

export const answered: Answer = answer({
  question: 'How many misconduct allegations were made against Hampshire police in 2021-22?',
  status: 'answered',
  type: 'lookup',
  text: 'Hampshire Constabulary recorded 1,938 misconduct allegations in 2021-22 [1].',
  facts: [hampshireFact],
  citations: [hampshireCitation],
  frame: { type: 'lookup', forces: ['hampshire'], periods: ['2021-22'], measure: 'complaint-allegations' },
});

export const inferredDateCitation: Citation = citation({
  ...hampshireCitation,
  n: 2,
  sourceId: 'hampshire-2023',
  title: 'Complaints [update] *special* report',
  published: '2023-03',
  publishedInferred: true,
  url: 'https://example.org/news/a_(b)',
  sourceType: 'official statistics table',
  location: 'Table 27, row “Hampshire”, column “Allegations”',
  quote: 'In 2022-23 the force recorded 933 allegations, a figure some called *striking*.',
});

export const computedFact: Fact = {
  ...hampshireFact,
  periodId: '2022-23',
  period: '2021-22 to 2022-23',
  value: -1005,
  citations: [],
  computed: { operation: 'difference', inputs: [0, 1], working: '933 − 1,938 = −1,005' },
};

export const change: Answer = answer({
  question: 'How did that change the next year?',
  status: 'answered',
  type: 'change',
  text: 'Allegations fell from 1,938 in 2021-22 [1] to 933 in 2022-23 [2], a fall of 1,005.',
  facts: [hampshireFact, { ...hampshireFact, periodId: '2022-23', period: '2022-23', value: 933, citations: [2] }, computedFact],
  citations: [hampshireCitation, inferredDateCitation],
});

export const forceCard: Answer = answer({
  question: 'hampshire',
  status: 'answered',
  type: 'force_card',
  text: 'Every figure we hold for Hampshire Constabulary:\n\n2021-22: 1,938 misconduct allegations [1].\n2022-23: 933 allegations [2].',
  facts: change.facts.slice(0, 2),
  citations: [hampshireCitation, inferredDateCitation],
});

export const noData: Answer = answer({
  question: 'devon and cornwall',
  status: 'no_data',
  type: 'force_card',
  reason: 'force_not_held',
  text: 'We hold no figures for Devon and Cornwall Police. We hold figures for Hampshire Constabulary and Hertfordshire Constabulary.',
  facts: [],
  citations: [],
});

export const unclear: Answer = answer({
  question: 'How many allegations in Hampshire?',
  status: 'unclear',
  type: 'lookup',
  text: 'Which year do you mean: 2021-22 or 2022-23?',
  facts: [],
  citations: [],
});

/** An answer far past every Discord limit: long text, many figures, many long citations. */
export function hugeAnswer(options: { facts: number; citations: number; quoteLength: number; textLength: number }): Answer {
  const citations: Citation[] = Array.from({ length: options.citations }, (_, i) => ({
    ...hampshireCitation,
    n: i + 1,
    sourceId: `source-${i + 1}`,
    title: `Source document number ${i + 1}`,
    url: `https://example.org/source/${i + 1}`,
    quote: `${`Quote ${i + 1} begins. ${'The force recorded many allegations. '.repeat(Math.ceil(options.quoteLength / 37))}`.slice(0, options.quoteLength - 6)} #${String(i + 1).padStart(3, '0')}.`,
  }));
  const facts: Fact[] = Array.from({ length: options.facts }, (_, i) => ({
    ...hampshireFact,
    metric: `metric-${i}`,
    metricLabel: `figure number ${i + 1}`,
    value: 1000 + i,
    citations: [(i % Math.max(options.citations, 1)) + 1],
  }));
  const sentence = 'This is a long answer sentence that goes on for a while. ';
  return answer({
    question: 'Tell me everything',
    status: 'answered',
    type: 'overview',
    text: sentence.repeat(Math.ceil(options.textLength / sentence.length)).slice(0, options.textLength),
    facts,
    citations,
  });
}

/**
 * Text an attacker would type or slip into a data file to make the bot post a link whose text
 * hides its target: a masked link and the variants Discord also reads as links, mentions, and
 * formatting that would change what the text says.
 */
export const MARKDOWN_ATTACKS = [
  '[Click to verify your account](https://evil.example/login)',
  '[Click here]( https://evil.example)',
  '[Click [here] now](https://evil.example)',
  '[[Click here]](https://evil.example)',
  '[Click here](<https://evil.example>)',
  '[Click\u200bhere](https://evil.example "tooltip")',
  '<https://evil.example>',
  '<@123456789012345678> <@&123456789012345678> <#123456789012345678> <t:0:R>',
  '# Official notice\n-# small print\n- a list\n> a quote\n>>> the rest',
  '**bold** __underline__ *italic* ~~struck~~ ||spoiler|| `code` ```block```',
] as const;

/** Text that already holds escapes: a reader must see its backslashes, not lose them. */
export const ESCAPED_ATTACKS = [
  '\\[Click here\\]\\(https://evil.example\\)',
  '\\\\[Click here](https://evil.example)',
  'already \\*escaped\\* and a lone \\ backslash \\',
] as const;
