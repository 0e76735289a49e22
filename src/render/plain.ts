/**
 * The plain-text rendering of an Answer: the terminal's output, the `text` field scripts read, and the
 * fallback Slack and Discord show in notifications and to screen readers.
 */
import type { Answer, Block } from '../model/answer.ts';
import { AS_WRITTEN, type CommandSyntax, citationParts, IN_WORDS, moreLine, segmentsText, type TextMarkup } from './format.ts';

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

/** A citation as plain text: source line, kind and trust, place in a table, quotes, address. */
export function citationText(c: Answer['citations'][number], markup: TextMarkup = AS_WRITTEN): string {
  const parts = citationParts(c, markup);
  const lines = [
    `${parts.marker} ${parts.source}`,
    parts.trust,
    ...(parts.location ? [parts.location] : []),
    ...parts.quotes,
    ...(parts.link ? [parts.link] : []),
  ];
  return lines.join('\n    ');
}

/** The answer's body followed by its numbered sources. */
export function renderText(answer: Answer, options: { syntax?: CommandSyntax; markup?: TextMarkup } = {}): string {
  const markup = options.markup ?? AS_WRITTEN;
  const body = markup.text(bodyText(answer.blocks, options.syntax));
  if (answer.citations.length === 0) return body;
  return `${body}\n\nSources:\n${answer.citations.map((c) => citationText(c, markup)).join('\n')}`;
}
