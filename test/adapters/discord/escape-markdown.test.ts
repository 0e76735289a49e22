/**
 * Discord's one Markdown escape: outside text shows exactly as written, whatever it holds, and no
 * link, mention or formatting survives it. Read back with Discord's own escape rule (`markdown.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeSafeCut, linkTarget } from '../../../adapters/discord/escape-markdown.ts';
import { ESCAPED_ATTACKS, MARKDOWN_ATTACKS } from './fixtures.ts';
import { displayed, linkTargets } from './markdown.ts';

/** What is left of Markdown once its escapes are taken out: only characters Discord shows as they are. */
const unescaped = (markdown: string) => markdown.replace(/\\[^0-9A-Za-z\s]/g, '');
const SPECIAL = /[\\*_~`|>#\-[\]()<]/;

/** Strings made mostly of the characters that matter, so the property meets them often. */
const markdownish = fc.string({ unit: fc.constantFrom(...'\\*_~`|>#-[]()<@!: \naZ1'.split(''), '\u200b', 'https://e.x') });

describe('escapeMarkdown', () => {
  it('shows every masked link variant, mention and formatting as typed, with no link left', () => {
    for (const attack of MARKDOWN_ATTACKS) {
      const escaped = escapeMarkdown(attack);
      expect(displayed(escaped)).toBe(attack);
      expect(linkTargets(escaped), attack).toEqual([]);
      expect(unescaped(escaped)).not.toMatch(SPECIAL);
    }
    // The detector sees the link in each raw link variant, so the check above can fail.
    const links = MARKDOWN_ATTACKS.filter((attack) => attack.includes('evil.example'));
    expect(links).toHaveLength(7);
    for (const attack of links) expect(linkTargets(attack).join(' '), attack).toMatch(/^https:\/\/evil\.example/);
  });

  it('keeps the backslashes of text that is already escaped, so it is escaped once as the reader sees it', () => {
    for (const text of ESCAPED_ATTACKS) {
      expect(displayed(escapeMarkdown(text))).toBe(text);
      expect(linkTargets(escapeMarkdown(text))).toEqual([]);
    }
    expect(escapeMarkdown('\\*')).toBe('\\\\\\*');
  });

  it('escapes the characters Discord reads, and nothing else', () => {
    expect(escapeMarkdown('a\\b*c_d~e`f|g>h#i-j[k]l(m)n<o')).toBe('a\\\\b\\*c\\_d\\~e\\`f\\|g\\>h\\#i\\-j\\[k\\]l\\(m\\)n\\<o');
    expect(escapeMarkdown('Hampshire: 1,938 “allegations” @everyone, 12.5%.')).toBe('Hampshire: 1,938 “allegations” @everyone, 12.5%.');
  });

  it('shows any text as written and leaves nothing for Discord to format (property)', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'grapheme' })), (text) => {
        const escaped = escapeMarkdown(text);
        expect(displayed(escaped)).toBe(text);
        expect(unescaped(escaped)).not.toMatch(SPECIAL);
        expect(linkTargets(escaped)).toEqual([]);
      }),
    );
  });
});

describe('linkTarget', () => {
  it('percent-encodes what would end a link target early or escape its closing bracket', () => {
    expect(linkTarget('https://example.org/a_(b) c<d>\\e')).toBe('https://example.org/a_%28b%29%20c%3Cd%3E%5Ce');
  });
});

describe('escapeSafeCut', () => {
  it('never cuts between an escaping backslash and what it escapes', () => {
    const escaped = escapeMarkdown('a[b\\c');
    // a \ [ b \ \ c
    expect([1, 2, 3, 4, 5, 6, 7].map((cut) => escapeSafeCut(escaped, cut))).toEqual([1, 1, 3, 4, 4, 6, 7]);
  });
});
