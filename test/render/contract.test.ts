/**
 * One contract for every renderer — the terminal's plain text, Slack's Block Kit, Discord's embeds
 * and its plain-message fallback — over the same answers: real ones from the engine (every kind of
 * question, declines, help, a force card's summary and all of it) and hostile ones (mentions, masked
 * and Slack links, backticks, very long text in the data and in what the user typed). Each rendering
 * shows every figure as the answer writes it, every citation's address, kind and trust, and place in
 * a table; keeps within its platform's limits; and lets no outside text become a mention or a link.
 */
import { describe, expect, it } from 'vitest';
import { CHAT_SYNTAX } from '../../adapters/cli/syntax.ts';
import { linkTarget } from '../../adapters/discord/escape-markdown.ts';
import {
  EMBED_DESCRIPTION_LIMIT,
  EMBED_TITLE_LIMIT,
  embedLength,
  MESSAGE_CONTENT_LIMIT,
  MESSAGE_EMBED_TOTAL_LIMIT,
  MESSAGE_EMBEDS_LIMIT,
  renderEmbeds,
  renderPlainMessages,
} from '../../adapters/discord/render-embeds.ts';
import {
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  renderAnswer,
  SECTION_TEXT_MAX,
  type SlackMessage,
} from '../../adapters/slack/render-blocks.ts';
import { FALLBACK_TEXT_MAX } from '../../adapters/slack/split-text.ts';
import { type Answer, type Citation, loadEngine, renderText, trustLine } from '../../src/index.ts';
import { displayed, linkTargets } from '../adapters/discord/markdown.ts';
import { blockTexts } from '../adapters/slack/support/block-texts.ts';
import { shownFigures } from './answer-parts.ts';

const engine = loadEngine();

const QUESTIONS = {
  'a lookup': 'How many misconduct allegations were made against Hampshire police in 2021-22?',
  'a table lookup': 'How many complaint cases did Kent Police finalise in 2024/25?',
  'a lookup whose sources differ': 'How many misconduct allegations did Thames Valley Police have in 2021-22?',
  'a national lookup': 'How many complaints?',
  'a case-to-answer lookup': 'How many officers did the IOPC find had a case to answer in Kent?',
  'a comparison': 'Which had more misconduct allegations in 2021-22, Hampshire or Hertfordshire?',
  'a ranking per 1,000': 'Top three forces by misconduct allegations in 2021-22 per 1,000 workforce',
  'a ranking leaving a force out': 'Apart from the Met, which force logged the most allegations in 2024/25?',
  'a national trend': 'Have complaints gone up or down?',
  'a change': 'How have misconduct allegations against Hampshire police changed since 2021-22?',
  'a definition': 'What is a recordable conduct matter?',
  recommendations: 'What has the IOPC recommended to Sussex Police about custody?',
  'an overview of a force': 'Kent',
  'a decline of a force and year': 'How many misconduct allegations were made against Kent Police in 2021-22?',
  'a decline of a measure': 'How many tasers did Kent use?',
  'a place outside England and Wales': 'How many complaints in Glasgow?',
  'an off-topic question': 'What is the capital of France?',
  'an unclear place': 'How many allegations in Yorkshire in 2021-22?',
  help: 'help',
  'an empty question': '',
} as const;

const HOSTILE = [
  '<!channel> <!here> <@U0123ABC>',
  '@everyone @here',
  '[Click to verify](https://evil.example/x)',
  '<https://evil.example|looks fine>',
  '``` `code` ```',
  '**bold** _it_ ~no~ > quote # head',
].join(' ');

/** A real answer whose data text (titles, publishers, quotes, places in tables) carries `attack`,
 * the quotes made very long: what a poisoned or broken data file would give. */
function poisoned(answer: Answer, attack: string): Answer {
  const citations = answer.citations.map((c): Citation => {
    const quotes = c.quotes.map((q) => ({ ...q, quote: `${q.quote} ${attack} ${'and so on '.repeat(400)}` }));
    return {
      ...c,
      title: `${c.title} ${attack}`,
      publisher: `${c.publisher} ${attack}`,
      ...(c.location ? { location: `${c.location} ${attack}` } : {}),
      quotes,
      quote: quotes.map((q) => q.quote).join(' … '),
    };
  });
  return { ...answer, citations };
}

const real: [string, Answer][] = [
  ...Object.entries(QUESTIONS).map(([name, question]): [string, Answer] => [name, engine.answer(question)]),
  ['a force card’s summary', engine.forceCard('hampshire')],
  ['a whole force card', engine.forceCard('hampshire', { full: true })],
  ['a force card of a table force', engine.forceCard('kent')],
  ['an ambiguous force card', engine.forceCard('Yorkshire')],
];
const hostile: [string, Answer][] = [
  ['a question echoing mentions and links', engine.answer(`How many allegations did ${HOSTILE} Police have?`)],
  ['a force card for a name of mentions and links', engine.forceCard(HOSTILE)],
  ['a lookup with poisoned sources', poisoned(engine.answer(QUESTIONS['a lookup']), HOSTILE)],
  ['a table lookup with poisoned sources', poisoned(engine.answer(QUESTIONS['a table lookup']), HOSTILE)],
  ['a change with poisoned sources', poisoned(engine.answer(QUESTIONS['a change']), HOSTILE)],
  [
    'a title far longer than any block',
    {
      ...engine.answer(QUESTIONS['a lookup']),
      citations: engine.answer(QUESTIONS['a lookup']).citations.map((c) => ({ ...c, title: `${HOSTILE} `.repeat(60) })),
    },
  ],
];

/** Every address a citation of the answer has, as each surface writes it. */
const urls = (answer: Answer) => [...new Set(answer.citations.map((c) => c.url))];

const unescapeSlack = (mrkdwn: string) => mrkdwn.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The targets of Slack's `<…>` markup: links, mentions and broadcasts alike. */
const slackTargets = (mrkdwn: string) => [...mrkdwn.matchAll(/<([^<>|]*)(?:\|[^<>]*)?>/g)].map((m) => unescapeSlack(m[1]!));

/** What a citation must show on every surface: kind and trust, and place in a table. Where outside
 * text in a citation is too long for a platform's block, each piece of it may be cut (visibly): then
 * their beginnings must show. */
function citationFacts(answer: Answer, whole: boolean): string[] {
  return answer.citations.flatMap((c) => [trustLine(c), ...(c.location ? [c.location] : [])]).map((line) => (whole ? line : line.slice(0, 100)));
}

/** How each surface renders an answer; a test swaps one for a broken one to see the contract fail. */
interface Renderers {
  terminal: (answer: Answer) => string;
  slack: (answer: Answer) => SlackMessage[];
}
const RENDERERS: Renderers = {
  terminal: (answer) => renderText(answer, { syntax: CHAT_SYNTAX }),
  slack: (answer) => renderAnswer(answer, { shareValue: '{"k":"ask","q":"x"}', feedbackId: 'slack:C0:1.0' }),
};

function checkSlack(answer: Answer, whole: boolean, render = RENDERERS.slack): void {
  const messages = render(answer);
  const mrkdwn = messages.flatMap((m) => blockTexts(m.blocks));
  for (const message of messages) {
    expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(FALLBACK_TEXT_MAX);
    for (const block of message.blocks) {
      const texts = blockTexts(block);
      if (block.type === 'section') for (const t of texts) expect(t.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      if (block.type === 'context') for (const t of texts) expect(t.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
      if (block.type === 'actions') for (const e of block.elements) if (e.type === 'button') expect(e.value?.length ?? 0).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
    }
  }
  const shown = unescapeSlack(mrkdwn.join('\n'));
  for (const figure of shownFigures(answer)) expect(shown).toContain(figure);
  for (const line of citationFacts(answer, whole)) expect(shown).toContain(line);
  // The only links are the citations' addresses, each there; no mention, broadcast or other link.
  const targets = [...mrkdwn, ...messages.map((m) => m.text)].flatMap(slackTargets);
  expect(new Set(targets.map((t) => new URL(t).href))).toEqual(new Set(urls(answer).map((u) => new URL(u).href)));
}

function checkDiscord(answer: Answer, whole: boolean): void {
  const messages = renderEmbeds(answer, { footer: 'Reply to this message to ask a follow-up.' });
  for (const { embeds } of messages) {
    expect(embeds.length).toBeLessThanOrEqual(MESSAGE_EMBEDS_LIMIT);
    expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(MESSAGE_EMBED_TOTAL_LIMIT);
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_LIMIT);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_LIMIT);
    }
  }
  const markdown = messages.flatMap((m) => m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '']));
  const shown = markdown.map(displayed).join('\n');
  for (const figure of shownFigures(answer)) expect(shown).toContain(figure);
  for (const line of citationFacts(answer, whole)) expect(shown).toContain(line);
  expect(new Set(markdown.flatMap(linkTargets))).toEqual(new Set(urls(answer).map(linkTarget)));
  // No mention survives escaping: `<@…>`, `<#…>`, `<t:…>` only ever appear with their `<` escaped.
  for (const text of markdown) expect(text.replace(/\\./g, '')).not.toMatch(/<[@#!t]/);

  const plain = renderPlainMessages(answer);
  for (const content of plain) expect(content.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LIMIT);
  const plainShown = plain.map(displayed).join('\n');
  for (const figure of shownFigures(answer)) expect(plainShown).toContain(figure);
  expect(new Set(plain.flatMap(linkTargets))).toEqual(new Set(urls(answer).map(linkTarget)));
}

function checkTerminal(answer: Answer, render = RENDERERS.terminal): void {
  const text = render(answer);
  for (const figure of shownFigures(answer)) expect(text).toContain(figure);
  for (const line of citationFacts(answer, true)) expect(text).toContain(line);
  for (const url of urls(answer)) expect(text).toContain(`    ${url}`);
  for (const c of answer.citations) for (const { quote } of c.quotes) expect(text).toContain(`“${quote}”`);
}

describe.each(real)('every renderer shows %s whole, within limits', (_name, answer) => {
  it('in the terminal', () => checkTerminal(answer));
  it('in Slack', () => checkSlack(answer, true));
  it('in Discord', () => checkDiscord(answer, true));
});

describe.each(hostile)('every renderer shows %s as text, within limits', (_name, answer) => {
  it('in the terminal', () => checkTerminal(answer));
  it('in Slack', () => checkSlack(answer, false));
  it('in Discord', () => checkDiscord(answer, false));
});

describe('the answers the contract runs over', () => {
  it('cover every status, the kinds of question, figures, citations and tables', () => {
    const answers = [...real, ...hostile].map(([, a]) => a);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set(['answered', 'no_data', 'unclear']));
    for (const type of ['lookup', 'comparison', 'ranking', 'change', 'definition', 'recommendation', 'force_card', 'help'])
      expect(answers.map((a) => a.type)).toContain(type);
    expect(answers.filter((a) => a.citations.some((c) => c.location !== undefined)).length).toBeGreaterThan(3);
    expect(real.length + hostile.length).toBeGreaterThanOrEqual(25);
  });

  it('fails a renderer that drops a figure, a citation, or lets a link through', () => {
    const answer = engine.answer(QUESTIONS['a change']);
    expect(() => checkTerminal(answer, (a) => renderText({ ...a, blocks: a.blocks.slice(1) }))).toThrow();
    expect(() => checkTerminal(answer, (a) => renderText({ ...a, citations: a.citations.slice(1) }))).toThrow();
    const linking = (a: Answer) =>
      RENDERERS.slack(a).map((m) => ({
        ...m,
        blocks: [...m.blocks, { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '<https://evil.example|x>' } }],
      }));
    expect(() => checkSlack(answer, true, linking)).toThrow();
    const mentioning = (a: Answer) => RENDERERS.slack(a).map((m) => ({ ...m, text: `<!channel> ${m.text}` }));
    expect(() => checkSlack(answer, true, mentioning)).toThrow();
  });
});
