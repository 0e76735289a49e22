/**
 * Hand-written Answers for the renderer tests, shaped like the engine's: an answered lookup, a
 * no-data reply, a clarifying question, a force card, an injection attempt, and a very long answer.
 */
import type { Answer, Citation, Fact } from '../../../src/index.ts';
import { answer, citation } from '../answer-fixture.ts';

export const HAMPSHIRE_QUOTE =
  'New Home Office figures show 933 misconduct complaint allegations were made by the public against Hampshire Constabulary officers in the year to March. This was down from 1,365 the year before and 1,938 in 2021-22.';

export const hampshireCitation: Citation = citation({
  n: 1,
  sourceId: 'petersfield-post-hampshire-bucks-trend',
  title: 'Hampshire bucks trend as police officers face fewer misconduct allegations',
  publisher: 'Petersfield Post',
  sourceType: 'news report of official statistics',
  published: null,
  publishedInferred: false,
  url: 'https://petersfieldpost.co.uk/news/hampshire-bucks-trend-as-police-officers-face-fewer-misconduct-allegations-761238',
  quote: HAMPSHIRE_QUOTE,
});

export const hampshireFact: Fact = {
  force: 'hampshire',
  forceName: 'Hampshire and Isle of Wight Constabulary',
  periodId: '2021-22',
  period: '2021-22',
  metric: 'complaint-allegations',
  metricLabel: 'misconduct allegations handled under the formal complaints process',
  value: 1938,
  unit: 'count',
  citations: [1],
};

/** "How many misconduct allegations were made against Hampshire police in 2021-22?" */
export const hampshireAnswer: Answer = answer({
  question: 'How many misconduct allegations were made against Hampshire police in 2021-22?',
  status: 'answered',
  type: 'lookup',
  text: '1,938 misconduct allegations were made against Hampshire and Isle of Wight Constabulary officers in 2021-22 [1].',
  facts: [hampshireFact],
  citations: [hampshireCitation],
  frame: { type: 'lookup', forces: ['hampshire'], periods: ['2021-22'], measure: 'complaint-allegations' },
});

export const HERTFORDSHIRE_QUOTE =
  'Home Office figures show 1,972 misconduct allegations were made against Hertfordshire Constabulary officers and handled under the formal complaints process in the year to April 2022.';

export const hertfordshireAnswer: Answer = answer({
  question: 'what about Hertfordshire?',
  status: 'answered',
  type: 'lookup',
  text: '1,972 misconduct allegations were made against Hertfordshire Constabulary officers in 2021-22 [1].',
  facts: [
    {
      ...hampshireFact,
      force: 'hertfordshire',
      forceName: 'Hertfordshire Constabulary',
      value: 1972,
    },
  ],
  citations: [
    {
      n: 1,
      sourceId: 'hemel-today-no-action-nine-in-ten',
      title: 'No action taken in nine in 10 allegations against Hertfordshire Constabulary officers',
      publisher: 'Hemel Today',
      sourceType: 'news report of official statistics',
      published: '2023-01-18',
      publishedInferred: false,
      url: 'https://www.hemeltoday.co.uk/news/crime/no-action-taken-in-nine-in-10-allegations-against-hertfordshire-constabulary-officers-3991451',
      quote: HERTFORDSHIRE_QUOTE,
    },
  ],
  frame: { type: 'lookup', forces: ['hertfordshire'], periods: ['2021-22'], measure: 'complaint-allegations' },
});

export const noDataAnswer: Answer = answer({
  question: 'How many allegations were made against Devon and Cornwall Police?',
  status: 'no_data',
  type: 'lookup',
  reason: 'force_not_held',
  text: 'We hold no figures for Devon and Cornwall Police. We hold figures for Hampshire and Isle of Wight Constabulary and Hertfordshire Constabulary.',
  facts: [],
  citations: [],
});

export const unclearAnswer: Answer = answer({
  question: 'How many allegations were there?',
  status: 'unclear',
  type: 'lookup',
  text: 'Which force do you mean? We hold figures for Hampshire and Hertfordshire.',
  facts: [],
  citations: [],
});

/** A user's text echoed back by the engine: the renderer must not let it become a mention. */
export const injectionAnswer: Answer = answer({
  question: '<!channel> <@U123> <https://evil.example|click me> & more',
  status: 'no_data',
  reason: 'unknown_force',
  text: 'We do not know a force called "<!channel> <@U123> <https://evil.example|click me> & more".',
  facts: [],
  citations: [],
});

/** A citation with an inferred date. */
export const inferredCitation: Citation = citation({
  n: 2,
  sourceId: 'hampshire-chronicle-1000-allegations',
  title: 'Hampshire police faced 1,000 misconduct allegations last year',
  publisher: 'Hampshire Chronicle',
  sourceType: 'news report of official statistics',
  published: '2023-01',
  publishedInferred: true,
  url: 'https://www.hampshirechronicle.co.uk/news/23269519.hampshire-police-faced-1000-misconduct-allegations-last-year/',
  quote: 'Home Office figures show 1,938 allegations were made against Hampshire Constabulary officers in the year to April 2022.',
});

/** An overview with many figures and citations, enough to need more than one message. */
export function bigAnswer(citationCount: number, quoteLength = 400): Answer {
  const citations: Citation[] = Array.from({ length: citationCount }, (_, i) => ({
    ...hampshireCitation,
    n: i + 1,
    sourceId: `source-${i + 1}`,
    title: `Source document number ${i + 1}`,
    quote: `Quote ${i + 1}: ${'figures show allegations were made. '.repeat(Math.ceil(quoteLength / 36))}`.slice(0, quoteLength),
  }));
  const facts: Fact[] = citations.map((c, i) => ({
    ...hampshireFact,
    periodId: `20${10 + (i % 12)}-${11 + (i % 12)}`,
    period: `20${10 + (i % 12)}-${11 + (i % 12)}`,
    metricLabel: `measure number ${i + 1}`,
    value: 1000 + i,
    citations: [c.n],
  }));
  return answer({
    question: 'Tell me everything about Hampshire',
    status: 'answered',
    type: 'overview',
    text: citations.map((c, i) => `In period ${i + 1} there were ${1000 + i} allegations [${c.n}].`).join('\n\n'),
    facts,
    citations,
  });
}
