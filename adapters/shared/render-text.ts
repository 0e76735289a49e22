/**
 * Plain-text rendering of an Answer: the terminal's output and the text fallback that Slack and
 * Discord show in notifications and to screen readers.
 */
import { type Answer, sourceLine } from '../../src/index.ts';

/** The answer text followed by its numbered sources and their quotes. */
export function renderText(answer: Answer): string {
  if (answer.citations.length === 0) return answer.text;
  const sources = answer.citations.map(
    (c) => `[${c.n}] ${sourceLine(c)}\n    “${c.quote}”\n    ${c.url}`,
  );
  return `${answer.text}\n\nSources:\n${sources.join('\n')}`;
}
