/**
 * How every renderer writes the parts of an answer: a citation's date, source line, trust and place
 * in a table, and where to see more of a force. One wording across the terminal, Slack and Discord,
 * so an inferred date or a table's row reads the same everywhere.
 */
import type { Block, Citation, Segment } from '../model/answer.ts';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

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
  /** How to ask for a force's card, e.g. "/force Kent" or "force Kent". */
  forceCard(forceName: string): string;
  /** How to ask for the rest of a force card that led with a summary, e.g. "force Kent --all". */
  fullCard(forceName: string): string;
}

/** Where no surface is known: words, not a command. */
export const IN_WORDS: CommandSyntax = {
  forceCard: () => 'ask for its force card',
  fullCard: () => 'ask for its full force card',
};

/** "All we hold on Kent Police: /force Kent Police" */
export function moreLine(block: Extract<Block, { kind: 'more' }>, syntax: CommandSyntax): string {
  return block.rest ? `Every figure we hold on ${block.forceName}: ${syntax.fullCard(block.forceName)}.` : `All we hold on ${block.forceName}: ${syntax.forceCard(block.forceName)}.`;
}
