/**
 * Plain-text rendering of an Answer: the terminal's output and the text fallback that Slack and
 * Discord show in notifications and to screen readers.
 */
import { type Answer, sourceLine } from '../../src/index.ts';

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

/** The answer text followed by its numbered sources, where in a table each figure sits, and their quotes. */
export function renderText(answer: Answer, markup: TextMarkup = AS_WRITTEN): string {
  const text = markup.text(answer.text);
  if (answer.citations.length === 0) return text;
  const sources = answer.citations.map((c) => {
    // A table row quoted bare ("Kent 1,927 24 1,409") is read by its row and column.
    const location = c.location ? `\n    ${markup.text(c.location)}` : '';
    return `[${c.n}] ${markup.text(sourceLine(c))}${location}\n    “${markup.text(c.quote)}”\n    ${markup.link(c.url)}`;
  });
  return `${text}\n\nSources:\n${sources.join('\n')}`;
}
