/**
 * The Discord embed renderer on hand-written Answers: what a reader sees (figures, quotes, sources,
 * dates), and that every message stays within Discord's limits however long the answer.
 */
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  COLOURS,
  EMBED_DESCRIPTION_LIMIT,
  EMBED_TITLE_LIMIT,
  embedLength,
  MESSAGE_CONTENT_LIMIT,
  MESSAGE_EMBED_TOTAL_LIMIT,
  MESSAGE_EMBEDS_LIMIT,
  renderEmbeds,
  renderPlainMessages,
  splitText,
  truncate,
  type EmbedMessage,
} from '../../../adapters/discord/render-embeds.ts';
import { type Answer, type Citation, trustLine } from '../../../src/index.ts';
import {
  answered,
  change,
  ESCAPED_ATTACKS,
  forceCard,
  HAMPSHIRE_QUOTE,
  hampshireCitation,
  hampshireFact,
  hugeAnswer,
  MARKDOWN_ATTACKS,
  noData,
  unclear,
} from './fixtures.ts';
import { embedTexts } from './harness.ts';
import { displayed, linkTargets } from './markdown.ts';

const allEmbeds = (messages: EmbedMessage[]): APIEmbed[] => messages.flatMap((m) => m.embeds);
const allText = (messages: EmbedMessage[]): string => JSON.stringify(messages);

function expectWithinLimits(messages: EmbedMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const { embeds } of messages) {
    expect(embeds.length).toBeGreaterThan(0);
    expect(embeds.length).toBeLessThanOrEqual(MESSAGE_EMBEDS_LIMIT);
    expect(embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(MESSAGE_EMBED_TOTAL_LIMIT);
    for (const embed of embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_LIMIT);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_LIMIT);
      // The figures are in the text: no fields repeat them.
      expect(embed.fields).toBeUndefined();
    }
  }
}

describe('renderEmbeds: what a reader sees', () => {
  it('shows the answer text, its figure once, and the quote as a numbered source with its trust', () => {
    const messages = renderEmbeds(answered);
    expect(messages).toHaveLength(1);
    const [main, sources] = messages[0]!.embeds;
    expect(displayed(main!.title!)).toBe(answered.question);
    expect(displayed(main!.description!)).toBe(answered.text);
    expect(main!.color).toBe(COLOURS.answered);
    expect(main!.fields).toBeUndefined();
    expect(sources!.title).toBe('Sources');
    expect(sources!.description).toBe(
      '**[1]** [Misconduct allegations against Hampshire officers rise](https://example.org/news/hampshire-allegations) — Example Echo, 18 January 2023\n' +
        'News report of official statistics: a news report of official figures: faithful to the article, but check the original where it matters.\n' +
        '> “Hampshire Constabulary recorded 1,938 misconduct allegations in 2021\\-22, according to the figures.”',
    );
  });

  it('marks an inferred date, gives a table figure its location, and shows titles and quotes as written', () => {
    const sources = renderEmbeds(change)[0]!.embeds[1]!.description!;
    expect(sources).toContain('— Example Echo, March 2023 \\(date inferred\\)\nOfficial statistics table: ');
    expect(sources).toContain('\nTable 27, row “Hampshire”, column “Allegations”\n>');
    expect(sources).toContain('[Complaints \\[update\\] \\*special\\* report](https://example.org/news/a_%28b%29)');
    expect(sources).toContain('> “In 2022\\-23 the force recorded 933 allegations, a figure some called \\*striking\\*.”');
  });

  it('names the rest of a summarised force card with the button that gives it, and its force card by the registered command', () => {
    const more = (rest: boolean): Answer => ({
      ...forceCard,
      blocks: [...forceCard.blocks, { kind: 'more', force: 'hampshire', forceName: 'Hampshire Constabulary', rest }],
    });
    expect(displayed(renderEmbeds(more(true))[0]!.embeds[0]!.description!)).toContain(
      'Every figure we hold on Hampshire Constabulary: the “Every figure” button below.',
    );
    expect(renderEmbeds(more(true))[0]!.embeds[0]!.title).toBe('Hampshire Constabulary: the newest figures');
    expect(displayed(renderEmbeds(more(false))[0]!.embeds[0]!.description!)).toContain(
      'All we hold on Hampshire Constabulary: /force name:Hampshire Constabulary.',
    );
  });

  it('titles a force card with the force name', () => {
    expect(renderEmbeds(forceCard)[0]!.embeds[0]!.title).toBe('Hampshire Constabulary: every figure we hold');
  });

  it('renders no data as a helpful amber reply, not an error', () => {
    const [main, ...rest] = renderEmbeds(noData)[0]!.embeds;
    expect(main).toEqual({ title: 'No figures held for that force', color: COLOURS.no_data, description: noData.text });
    expect(rest).toEqual([]);
  });

  it('renders an unclear question as a question back', () => {
    const main = renderEmbeds(unclear)[0]!.embeds[0]!;
    expect(main.title).toBe('Which did you mean?');
    expect(displayed(main.description!)).toBe('Which year do you mean: 2021-22 or 2022-23?');
    expect(main.color).toBe(COLOURS.unclear);
  });

  it('puts the footer on the answer embed when asked', () => {
    expect(renderEmbeds(answered, { footer: 'Reply to follow up.' })[0]!.embeds[0]!.footer).toEqual({ text: 'Reply to follow up.' });
    expect(renderEmbeds(answered)[0]!.embeds[0]!.footer).toBeUndefined();
  });
});

describe('renderEmbeds and renderPlainMessages: outside text shows as written, and only the bot links', () => {
  /** An answer whose every piece of outside text is `text`: echoed in the answer, and in the data. */
  function hostile(text: string): Answer {
    const citation = {
      ...hampshireCitation,
      title: text,
      publisher: text,
      sourceType: text,
      trust: text,
      location: text,
      quote: text,
      quotes: [{ quote: text }],
    };
    const fact = { ...hampshireFact, forceName: text, metricLabel: text, period: text, qualifier: text };
    const other = {
      ...fact,
      force: 'other',
      forceName: 'Other Constabulary',
      value: 7,
      computed: { operation: 'difference' as const, inputs: [0], working: text },
    };
    return {
      ...answered,
      question: text,
      text,
      blocks: [{ kind: 'headline', segments: [{ kind: 'text', text }] }],
      facts: [fact, other],
      citations: [citation],
    };
  }
  const ownLink = 'https://example.org/news/hampshire-allegations';
  const pieces = (messages: EmbedMessage[]) => allEmbeds(messages).flatMap((e) => embedTexts([e]));

  it('escapes a masked link in every part: title, description, sources, footer', () => {
    for (const attack of [...MARKDOWN_ATTACKS, ...ESCAPED_ATTACKS]) {
      const answer = hostile(attack);
      const messages = renderEmbeds(answer, { footer: attack });
      expect(pieces(messages).flatMap(linkTargets), attack).toEqual([ownLink]);
      const [main, sources] = messages[0]!.embeds;
      expect(displayed(main!.title!)).toBe(attack.trim());
      expect(displayed(main!.description!)).toBe(attack.trim());
      expect(displayed(main!.footer!.text)).toBe(attack);
      const lines = attack.split('\n');
      const kind = trustLine(answer.citations[0] as Citation);
      expect(displayed(sources!.description!)).toBe(
        `**[1]** [${attack}](${ownLink}) — ${attack}, 18 January 2023\n${kind}\n${attack}\n> “${lines.join('\n> ')}”`,
      );
    }
  });

  it('escapes the plain-message fallback too, where the citation address is the only link', () => {
    for (const attack of [...MARKDOWN_ATTACKS, ...ESCAPED_ATTACKS]) {
      const contents = renderPlainMessages(hostile(attack));
      expect(contents.flatMap(linkTargets), attack).toEqual([ownLink]);
      // The kind of source and the table location (outside text too) sit between the source line and the quote.
      const kind = trustLine(hostile(attack).citations[0] as Citation);
      expect(displayed(contents.join('\n'))).toContain(
        `[1] ${attack} — ${attack}, 18 January 2023\n    ${kind}\n    ${attack}\n    “${attack}”\n    <${ownLink}>`,
      );
    }
  });

  it('titles a force card with its force name as written', () => {
    const title = renderEmbeds({ ...forceCard, facts: [{ ...hampshireFact, forceName: MARKDOWN_ATTACKS[0] }] })[0]!.embeds[0]!.title!;
    expect(linkTargets(title)).toEqual([]);
    expect(displayed(title)).toBe(`${MARKDOWN_ATTACKS[0]}: every figure we hold`);
  });

  it('links nothing but the citations, and shows the text as written, whatever it holds (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'\\*_~`|>#-[]()<@ \naZ'.split(''), 'https://evil.example'), maxLength: 120 });
    fc.assert(
      fc.property(text, (attack) => {
        const messages = renderEmbeds(hostile(attack), { footer: attack });
        expect(pieces(messages).flatMap(linkTargets)).toEqual([ownLink]);
        expect(renderPlainMessages(hostile(attack)).flatMap(linkTargets)).toEqual([ownLink]);
        const main = messages[0]!.embeds[0]!;
        expect(displayed(main.description ?? '')).toBe(attack.trim());
      }),
    );
  });

  it('cuts escaped text only between whole escapes, so nothing after a cut comes unescaped', () => {
    for (const text of ['['.repeat(12_000), `a${'['.repeat(12_000)}`]) {
      const messages = renderEmbeds({ ...hostile(text), facts: [], citations: [] });
      const descriptions = allEmbeds(messages).flatMap((e) => (e.description === undefined ? [] : [e.description]));
      expect(descriptions.length).toBeGreaterThan(3);
      for (const description of descriptions) expect(displayed(description)).not.toContain('\\');
      expectWithinLimits(messages);
    }
  });
});

describe('renderEmbeds: Discord limits', () => {
  const cases = [
    { name: 'many long citations', facts: 3, citations: 40, quoteLength: 900, textLength: 600 },
    { name: 'a long list of figures', facts: 80, citations: 5, quoteLength: 200, textLength: 9_000 },
    { name: 'text longer than one description', facts: 2, citations: 2, quoteLength: 200, textLength: 11_000 },
    { name: 'a quote longer than a whole embed', facts: 1, citations: 2, quoteLength: 5_000, textLength: 100 },
  ];

  for (const { name, ...size } of cases) {
    it(`keeps every message within limits with ${name}`, () => {
      const answer = hugeAnswer(size);
      const messages = renderEmbeds(answer, { footer: 'Reply to this message to ask a follow-up.' });
      expectWithinLimits(messages);
      // The whole text once, in order, before the sources.
      const body = allEmbeds(messages)
        .filter((e) => !e.title?.startsWith('Sources'))
        .map((e) => displayed(e.description ?? ''));
      expect(body.join(' ').replace(/\s+/g, ' ')).toBe(answer.text.trim().replace(/\s+/g, ' '));
    });
  }

  it('splits sources between citations, never inside one, keeping their order', () => {
    const answer = hugeAnswer({ facts: 3, citations: 40, quoteLength: 900, textLength: 600 });
    const messages = renderEmbeds(answer);
    expect(messages.length).toBeGreaterThan(1);
    const blocks = allEmbeds(messages)
      .filter((e) => e.title?.startsWith('Sources'))
      .flatMap((e) => e.description!.split('\n\n'));
    expect(blocks).toHaveLength(40);
    blocks.forEach((block, i) => {
      expect(block.startsWith(`**[${i + 1}]** `)).toBe(true);
      expect(displayed(block)).toContain(`> “${answer.citations[i]!.quote}”`);
    });
    expect(allEmbeds(messages).filter((e) => e.title === 'Sources')).toHaveLength(1);
  });

  it('shortens only a quote too long for any embed, and says so with an ellipsis', () => {
    const answer = hugeAnswer({ facts: 1, citations: 2, quoteLength: 5_000, textLength: 100 });
    const text = allText(renderEmbeds(answer));
    expect(text).toContain('…');
    expect(text).toContain(answer.citations[0]!.quote.slice(0, 2_000));
  });

  it('splits long text at sentence breaks across continuation embeds', () => {
    const answer = hugeAnswer({ facts: 0, citations: 0, quoteLength: 10, textLength: 11_000 });
    const descriptions = allEmbeds(renderEmbeds(answer)).map((e) => e.description!);
    expect(descriptions.length).toBe(3);
    for (const d of descriptions.slice(0, -1)) expect(d.endsWith('.')).toBe(true);
    expect(descriptions.join(' ').replace(/\s+/g, ' ')).toBe(answer.text.trim().replace(/\s+/g, ' '));
  });
});

describe('renderPlainMessages', () => {
  it('is the shared plain text, cut into messages of at most 2,000 characters', () => {
    expect(renderPlainMessages(answered).map(displayed)).toEqual([expect.stringContaining(HAMPSHIRE_QUOTE)]);
    const long = renderPlainMessages(hugeAnswer({ facts: 1, citations: 20, quoteLength: 400, textLength: 500 }));
    expect(long.length).toBeGreaterThan(1);
    for (const content of long) expect(content.length).toBeLessThanOrEqual(MESSAGE_CONTENT_LIMIT);
  });
});

describe('splitText and truncate', () => {
  it('prefers paragraph breaks', () => {
    expect(splitText('aaaa aaaa.\n\nbbbb bbbb.', 15)).toEqual(['aaaa aaaa.', 'bbbb bbbb.']);
  });

  it('never exceeds the limit and loses no non-space character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 4, max: 60 }), (text, limit) => {
        const chunks = splitText(text, limit);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(limit);
        expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('truncates with an ellipsis within the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('a much longer text', 10)).toBe('a much lo…');
    fc.assert(fc.property(fc.string(), fc.integer({ min: 2, max: 50 }), (text, limit) => truncate(text, limit).length <= limit));
  });
});
