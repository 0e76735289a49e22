/**
 * The plain-text rendering of an Answer: the terminal's output, the `text` field scripts read, and the
 * fallback Slack and Discord show in notifications and to screen readers.
 */
import type { Answer, Block } from '../model/answer.ts';
import { type CommandSyntax, IN_WORDS, moreLine, quoteLines, segmentsText, sourceLine, trustLine } from './format.ts';

/** One block as plain text. */
export function blockText(block: Block, syntax: CommandSyntax = IN_WORDS): string {
  switch (block.kind) {
    case 'headline':
    case 'paragraph':
      return segmentsText(block.segments);
    case 'note':
      return `Note: ${segmentsText(block.segments)}`;
    case 'list':
      return block.items.map((item) => `• ${segmentsText(item)}`).join('\n');
    case 'more':
      return moreLine(block, syntax);
    case 'chart':
      // The text already says what the chart shows; each surface sends the chart as a file.
      return '';
  }
}

/** The blocks as plain text, one per line, with `[n]` citation markers. */
export function bodyText(blocks: readonly Block[], syntax: CommandSyntax = IN_WORDS): string {
  return blocks
    .map((b) => blockText(b, syntax))
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * How a platform writes the two kinds of text in the rendering: `text`, anything that came from a
 * user or the data (answer text, titles, publishers, quotes), and `link`, a citation's address.
 * The layout around them (`[n]`, quotation marks, "Sources:") is the renderer's own.
 */
export interface TextMarkup {
  text(plain: string): string;
  link(url: string): string;
}

/** As written: the terminal, and Slack, which escapes the whole rendering at once. */
const AS_WRITTEN: TextMarkup = { text: (plain) => plain, link: (url) => url };

/** A citation as plain text: source line, kind and trust, place in a table, quotes, address. */
export function citationText(c: Answer['citations'][number], markup: TextMarkup = AS_WRITTEN): string {
  const lines = [
    `[${c.n}] ${markup.text(sourceLine(c))}`,
    `    ${markup.text(trustLine(c))}`,
    ...(c.location ? [`    ${markup.text(c.location)}`] : []),
    ...quoteLines(c).map((q) => `    “${markup.text(q)}”`),
    `    ${markup.link(c.url)}`,
  ];
  return lines.join('\n');
}

/** The answer's body followed by its numbered sources. */
export function renderText(answer: Answer, options: { syntax?: CommandSyntax; markup?: TextMarkup } = {}): string {
  const markup = options.markup ?? AS_WRITTEN;
  const body = markup.text(bodyText(answer.blocks, options.syntax));
  if (answer.citations.length === 0) return body;
  return `${body}\n\nSources:\n${answer.citations.map((c) => citationText(c, markup)).join('\n')}`;
}
