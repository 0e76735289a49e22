/**
 * The Block Kit renderer, without any SDK: what each kind of Answer looks like in Slack, that
 * user and data text cannot become mentions, and that Slack's limits hold however long the answer.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/index.ts';
import type { KnownBlock } from '@slack/types';
import { FAILURE_TEXT, type Answer } from '../../../src/index.ts';
import {
  CONTEXT_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MORE_ACTION_ID,
  SECTION_TEXT_MAX,
  SHARE_ACTION_ID,
  renderAnswer,
  renderFailure,
  renderNotice,
  type SlackMessage,
} from '../../../adapters/slack/render-blocks.ts';
import { splitText } from '../../../adapters/slack/split-text.ts';
import { escapeMrkdwn } from '../../../adapters/slack/escape.ts';
import { citation, answer as fixture } from '../answer-fixture.ts';
import { blockTexts } from './support/block-texts.ts';
import { HAMPSHIRE_QUOTE, bigAnswer, hampshireAnswer, hampshireCitation, inferredCitation, injectionAnswer, noDataAnswer, unclearAnswer } from './fixtures.ts';

/** The elements of an actions block, as this renderer writes them: buttons. */
const buttons = (block: KnownBlock | undefined) => (block?.type === 'actions' ? block.elements.flatMap((e) => (e.type === 'button' ? [e] : [])) : []);
/** The mrkdwn of a section or the first element of a context block. */
const mrkdwnOf = (block: KnownBlock | undefined): string => blockTexts(block)[0] ?? '';
const shown = (messages: SlackMessage[]) =>
  messages
    .flatMap((m) => m.blocks.flatMap(blockTexts))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function expectWithinLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
    expect(message.text.length).toBeGreaterThan(0);
    for (const block of message.blocks) {
      if (block.type === 'section') expect(mrkdwnOf(block).length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
      if (block.type === 'context') {
        expect(block.elements.length).toBeLessThanOrEqual(10);
        for (const text of blockTexts(block.elements)) expect(text.length).toBeLessThanOrEqual(CONTEXT_TEXT_MAX);
      }
    }
  }
}

describe('renderAnswer', () => {
  it('shows the answer with its figure once, and the numbered citation with its trust and verbatim quote', () => {
    const messages = renderAnswer(hampshireAnswer);
    expect(messages).toHaveLength(1);
    const [message] = messages;
    const types = message?.blocks.map((b) => b.type);
    expect(types).toEqual(['section', 'divider', 'context']);
    const text = shown(messages);
    expect(text).toContain('1,938 misconduct allegations were made against Hampshire');
    expect(text).not.toContain('Key figures');
    expect(mrkdwnOf(message?.blocks[0]).match(/1,938/g)).toHaveLength(1);
    expect(text).toContain(`“${HAMPSHIRE_QUOTE}”`);
    expect(text).toContain('— Petersfield Post, date not known');
    expect(text).toContain('News report of official statistics: a news report of official figures');
  });

  it('links the citation title to its source address', () => {
    const citationBlock = renderAnswer(hampshireAnswer)[0]?.blocks.at(-1);
    expect(citationBlock?.type).toBe('context');
    expect(mrkdwnOf(citationBlock)).toContain(`*[1]* <${hampshireCitation.url}|${hampshireCitation.title}> — `);
  });

  it('marks an inferred publication date', () => {
    const answer = { ...hampshireAnswer, citations: [hampshireCitation, inferredCitation] };
    expect(shown(renderAnswer(answer))).toContain('Hampshire Chronicle, January 2023 (date inferred)');
  });

  it('sends the plain-text rendering, escaped, as the text fallback', () => {
    expect(renderAnswer(hampshireAnswer)[0]?.text).toBe(escapeMrkdwn(renderText(hampshireAnswer)));
  });

  it('renders a no-data answer as a helpful reply pointing at the force card by its slash command, not an error', () => {
    const pointing: Answer = {
      ...noDataAnswer,
      blocks: [...noDataAnswer.blocks, { kind: 'more', force: 'hampshire', forceName: 'Hampshire Constabulary', rest: false }],
    };
    const text = shown(renderAnswer(pointing));
    expect(text).toContain('We hold no figures for Devon and Cornwall Police');
    expect(text).toContain('All we hold on Hampshire Constabulary: /force Hampshire Constabulary.');
    expect(text).not.toMatch(/sorry/i);
  });

  it('offers the rest of a summarised force card as an "Every figure" button carrying only the force’s id', () => {
    const summary: Answer = {
      ...hampshireAnswer,
      type: 'force_card',
      blocks: [...hampshireAnswer.blocks, { kind: 'more', force: 'hampshire', forceName: 'Hampshire Constabulary', rest: true }],
    };
    const [message] = renderAnswer(summary, { shareValue: 'v' });
    expect(shown([message!])).toContain('Every figure we hold on Hampshire Constabulary: the “Every figure” button below.');
    expect(buttons(message!.blocks.at(-1)).map((b) => [b.action_id, b.text.text, b.value])).toEqual([
      [SHARE_ACTION_ID, 'Share in channel', 'v'],
      [MORE_ACTION_ID, 'Every figure', '{"f":"hampshire"}'],
    ]);
    expect(JSON.stringify(renderAnswer(hampshireAnswer))).not.toContain(MORE_ACTION_ID);
  });

  it('renders a clarifying question as the question itself', () => {
    const messages = renderAnswer(unclearAnswer);
    expect(messages).toHaveLength(1);
    expect(shown(messages)).toContain('Which force do you mean?');
  });

  it('escapes mentions and links typed by a user so they cannot ping or disguise a link', () => {
    const json = JSON.stringify(renderAnswer(injectionAnswer));
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U123>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&amp; more');
  });

  it('escapes data text too: a title or quote holding < > & stays text', () => {
    const answer = {
      ...hampshireAnswer,
      citations: [citation({ ...hampshireCitation, title: 'A <b>bold</b> & <!here> title', quote: 'Quote with <@U999> in it.' })],
    };
    const json = JSON.stringify(renderAnswer(answer));
    expect(json).not.toContain('<!here>');
    expect(json).not.toContain('<@U999>');
    expect(shown(renderAnswer(answer))).toContain('“Quote with <@U999> in it.”');
  });

  it('does not link a citation whose address is not http(s)', () => {
    const answer = { ...hampshireAnswer, citations: [{ ...hampshireCitation, url: 'javascript:alert(1)' }] };
    expect(JSON.stringify(renderAnswer(answer))).not.toContain('<javascript:');
  });

  it('ends with a Share in channel button when asked, carrying the given value', () => {
    const [message] = renderAnswer(hampshireAnswer, { shareValue: '{"k":"force","q":"hampshire"}' });
    const last = message?.blocks.at(-1);
    expect(last).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION_ID,
          text: { type: 'plain_text', text: 'Share in channel' },
          value: '{"k":"force","q":"hampshire"}',
          style: 'primary',
        },
      ],
    });
  });

  it('ends a long answer, once, with Share then 👍, 👎 and "Report a wrong figure", each carrying only the answer’s id', () => {
    const messages = renderAnswer(bigAnswer(80), { shareValue: 'v', feedbackId: 'slack:C0ASK:1712345678.000100' });
    expectWithinLimits(messages);
    const actions = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'actions'));
    expect(actions).toHaveLength(1);
    expect(messages.at(-1)?.blocks.at(-1)).toBe(actions[0]);
    expect(buttons(actions[0]).map((e) => [e.text.text, e.value, e.accessibility_label])).toEqual([
      ['Share in channel', 'v', undefined],
      ['👍', 'slack:C0ASK:1712345678.000100', 'This answer was helpful'],
      ['👎', 'slack:C0ASK:1712345678.000100', 'This answer was not helpful'],
      ['Report a wrong figure', 'slack:C0ASK:1712345678.000100', undefined],
    ]);
  });

  it('credits whoever shared it, only when the ID looks like a Slack user ID', () => {
    expect(shown(renderAnswer(hampshireAnswer, { sharedBy: 'U0ALICE' }))).toContain('Shared by <@U0ALICE>');
    expect(JSON.stringify(renderAnswer(hampshireAnswer, { sharedBy: '!channel' }))).not.toContain('Shared by');
  });

  it('splits an answer too big for one message between citations, within every limit', () => {
    const card = bigAnswer(80);
    const messages = renderAnswer(card, { shareValue: 'v' });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const text = shown(messages);
    for (const citation of card.citations) {
      // Each citation whole, in one block: never cut between messages.
      const holders = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'context' && mrkdwnOf(b).startsWith(`*[${citation.n}]*`)));
      expect(holders).toHaveLength(1);
      expect(text).toContain(`“${citation.quote}”`);
    }
    for (const fact of card.facts) expect(text).toContain(`there were ${fact.value} allegations`);
    // The share button comes once, at the very end.
    const buttons = messages.flatMap((m) => m.blocks.filter((b) => b.type === 'actions'));
    expect(buttons).toHaveLength(1);
    expect(messages.at(-1)?.blocks.at(-1)?.type).toBe('actions');
  });

  it('gives every part of a split answer its own text fallback', () => {
    const messages = renderAnswer(bigAnswer(80));
    for (const message of messages) expect(message.text.trim()).not.toBe('');
    expect(messages[1]?.text).toMatch(/continued|\[\d+\]/);
  });

  it('splits long answer text into sections without cutting a [n] marker', () => {
    const text = Array.from({ length: 300 }, (_, i) => `Sentence ${i} has a figure of ${i * 7} allegations [${(i % 9) + 1}].`).join(' ');
    const answer = fixture({ ...hampshireAnswer, text, blocks: undefined });
    const messages = renderAnswer(answer);
    expectWithinLimits(messages);
    const sections = messages[0]?.blocks.filter((b) => b.type === 'section') ?? [];
    expect(sections.length).toBeGreaterThan(2);
    for (const section of sections) expect(mrkdwnOf(section)).not.toMatch(/\[\d*$|^\d*\]/);
    expect(shown(messages).replace(/\s+/g, ' ')).toContain(text.slice(-200));
  });

  it('shortens, visibly, only a quote longer than a whole context element', () => {
    const answer = { ...hampshireAnswer, citations: [citation({ ...hampshireCitation, quote: 'word '.repeat(1000).trim() })] };
    const messages = renderAnswer(answer);
    expectWithinLimits(messages);
    expect(shown(messages)).toContain('…”');
  });
});

describe('splitText', () => {
  it('keeps text that fits as one piece', () => {
    expect(splitText('short', 10)).toEqual(['short']);
  });

  it('prefers paragraph breaks', () => {
    expect(splitText('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('counts escaped length, so escaping afterwards cannot overflow', () => {
    for (const piece of splitText('<<<< >>>> &&&& <<<<', 10)) expect(escapeMrkdwn(piece).length).toBeLessThanOrEqual(10);
  });

  it('never loses or reorders words, and every piece fits (property)', () => {
    const word = fc.oneof(
      fc.constantFrom('[1]', '[12]', '1,938', '&', '<!channel>', 'allegations.'),
      fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/\s/g, 'x')),
    );
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '\n', '\n\n', '. ')), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(text, fc.integer({ min: 60, max: 400 }), (parts, max) => {
        const input = parts
          .map(([w, sep]) => w + sep)
          .join('')
          .trim();
        const pieces = splitText(input, max);
        for (const piece of pieces) expect(escapeMrkdwn(piece).length).toBeLessThanOrEqual(max);
        expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(input.replace(/\s+/g, ' '));
      }),
      { numRuns: 500 },
    );
  });
});

describe('notices', () => {
  it('reports a failure in the engine’s one sentence', () => {
    expect(renderFailure().text).toBe(FAILURE_TEXT);
  });

  it('escapes a notice, so names from the data cannot become mentions or links', () => {
    const json = JSON.stringify(renderNotice('A <b> & <!channel> C'));
    expect(json).not.toMatch(/<b>|<!channel>/);
    expect(json).toContain('&lt;!channel&gt;');
  });
});

describe('module boundaries', () => {
  it('renders without any Slack SDK at run time', () => {
    for (const file of ['render-blocks.ts', 'split-text.ts', 'escape.ts']) {
      const source = readFileSync(new URL(`../../../adapters/slack/${file}`, import.meta.url), 'utf8');
      const runtimeImports = source.split('\n').filter((line) => /^import (?!type )/.test(line));
      for (const line of runtimeImports) expect(line).not.toMatch(/@slack\//);
    }
  });
});
