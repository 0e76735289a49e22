/**
 * How every renderer writes the parts of an answer: a citation's date, source line, trust and place
 * in a table, and where to see more of a force. One wording across the terminal, Slack and Discord,
 * so an inferred date or a table's row reads the same everywhere; each surface only escapes the
 * outside text and lays the parts out.
 */
import type { Block, Citation, Segment } from '../model/answer.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "18 January 2023", "January 2023 (date inferred)", "date not known". */
export function publishedLabel(citation: Pick<Citation, 'published' | 'publishedInferred'>): string {
  const { published, publishedInferred } = citation;
  if (published === null) return 'date not known';
  const [year, month, day] = published.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  const parts = [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean);
  return parts.join(' ') + (publishedInferred ? ' (date inferred)' : '');
}

/** "Title — Publisher, 18 January 2023" */
export function sourceLine(citation: Citation): string {
  return `${citation.title} — ${citation.publisher}, ${publishedLabel(citation)}`;
}

/** "Source: official statistics, the most reliable kind of source we hold." */
export function trustLine(citation: Citation): string {
  return `${citation.sourceType[0]?.toUpperCase() ?? ''}${citation.sourceType.slice(1)}: ${citation.trust}.`;
}

/** The quotes a citation uses, each on its own: a table's rows are read by their location line. */
export function quoteLines(citation: Citation): string[] {
  return [...new Set(citation.quotes.map((q) => q.quote))];
}

/**
 * How a surface writes the text of a rendering: `text`, anything that came from a user or the data
 * (answer text, titles, publishers, quotes), and `link`, a citation's address. A surface that links
 * a citation's title to its address gives `titleLink`, and then shows no separate address line.
 * The layout around them (`[n]`, quotation marks, "Sources:") is the renderer's own.
 */
export interface TextMarkup {
  text(plain: string): string;
  link(url: string): string;
  titleLink?(title: string, url: string): string;
}

/** As written: the terminal, and any surface that escapes the whole rendering at once. */
export const AS_WRITTEN: TextMarkup = { text: (plain) => plain, link: (url) => url };

/** `markup` with each piece of outside text (and a linked title) cut to `max` characters, visibly,
 * before it is escaped: for a citation whose parts would not fit a surface's block, so that its
 * number, trust and address still show. */
export function clipped(markup: TextMarkup, max: number): TextMarkup {
  const clip = (plain: string) => (plain.length <= max ? plain : `${plain.slice(0, max - 1)}…`);
  const { titleLink } = markup;
  return {
    text: (plain) => markup.text(clip(plain)),
    link: markup.link,
    ...(titleLink ? { titleLink: (title: string, url: string) => titleLink(clip(title), url) } : {}),
  };
}

/** A citation's parts, each formatted and escaped once, for a renderer to lay out. */
export interface CitationParts {
  /** "[1]" */
  marker: string;
  /** "Title — Publisher, 18 January 2023", the title linked where the surface links titles. */
  source: string;
  /** "Official statistics table: official statistics, the most reliable kind of source we hold." */
  trust: string;
  /** "Table 6, row “Kent”, column “Grand total”", for a table's figures. */
  location?: string;
  /** Each quote used, in quotation marks. */
  quotes: string[];
  /** The address on its own line, where the title is not linked. */
  link?: string;
}

/** The parts of a citation in `markup`. */
export function citationParts(citation: Citation, markup: TextMarkup = AS_WRITTEN): CitationParts {
  const title = markup.titleLink ? markup.titleLink(citation.title, citation.url) : markup.text(citation.title);
  return {
    marker: `[${citation.n}]`,
    source: `${title} — ${markup.text(`${citation.publisher}, ${publishedLabel(citation)}`)}`,
    trust: markup.text(trustLine(citation)),
    ...(citation.location ? { location: markup.text(citation.location) } : {}),
    quotes: quoteLines(citation).map((q) => `“${markup.text(q)}”`),
    ...(markup.titleLink ? {} : { link: markup.link(citation.url) }),
  };
}

/** A segment as plain text, with `[n]` markers. */
export function segmentText(segment: Segment): string {
  return segment.kind === 'cite' ? segment.citations.map((n) => `[${n}]`).join('') : segment.text;
}

/** Segments as plain text. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.map(segmentText).join('');
}

/** How a surface names its commands, for "see more" lines. */
export interface CommandSyntax {
  /** How to ask for a force's card, e.g. "/force Kent" or "forcewatch force Kent". */
  forceCard(forceName: string): string;
  /** How to ask for the rest of a force card that led with a summary, e.g. "forcewatch force Kent
   * --all", or the button that gives it. */
  fullCard(forceName: string): string;
}

/** Where no surface is known: words, not a command. */
export const IN_WORDS: CommandSyntax = {
  forceCard: () => 'ask for its force card',
  fullCard: () => 'ask for its full force card',
};

/** "All we hold on Kent Police: /force Kent Police." */
export function moreLine(block: Extract<Block, { kind: 'more' }>, syntax: CommandSyntax): string {
  return block.rest
    ? `Every figure we hold on ${block.forceName}: ${syntax.fullCard(block.forceName)}.`
    : `All we hold on ${block.forceName}: ${syntax.forceCard(block.forceName)}.`;
}

/** The `more` block of an answer that leads with a summary, whose rest a surface may offer as a button. */
export function restOf(blocks: readonly Block[]): Extract<Block, { kind: 'more' }> | undefined {
  return blocks.find((b): b is Extract<Block, { kind: 'more' }> => b.kind === 'more' && b.rest);
}
