/**
 * Cutting plain text for Slack: into pieces that fit a block once escaped for mrkdwn, at the most
 * natural break, and the message's `text` fallback within Slack's limit.
 */
import { escapeMrkdwn } from './escape.ts';

/** Slack truncates a message's `text` beyond this; we cut first, at a line, and say so. */
export const FALLBACK_TEXT_MAX = 40_000;

/** Length of `text` once escaped for mrkdwn, without building the string. */
function escapedLength(text: string): number {
  let n = text.length;
  for (const ch of text) {
    if (ch === '&') n += 4;
    else if (ch === '<' || ch === '>') n += 3;
  }
  return n;
}

/**
 * Splits plain text into pieces whose escaped length is at most `max`, preferring paragraph, then
 * line, then sentence, then word boundaries, so a `[n]` marker or a figure is never cut.
 */
export function splitText(text: string, max: number): string[] {
  return splitRaw(text, max)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}

/** Pieces keep their surrounding whitespace until the end, so a boundary is never lost when a
 * piece split further is joined to the next part. */
function splitRaw(text: string, max: number): string[] {
  if (escapedLength(text) <= max) return [text];
  const separators: RegExp[] = [/(?<=\n\n)/, /(?<=\n)/, /(?<=[.!?] )/, /(?<= )/];
  for (const separator of separators) {
    const parts = text.split(separator);
    if (parts.length > 1) return pack(parts, max);
  }
  return hardCut(text, max);
}

/** Greedily joins consecutive parts while they fit; parts that are too big are split further. */
function pack(parts: string[], max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const part of parts) {
    if (escapedLength(current + part) <= max) {
      current += part;
      continue;
    }
    if (current !== '') pieces.push(current);
    if (escapedLength(part) <= max) {
      current = part;
    } else {
      const split = splitRaw(part, max);
      current = split.pop() ?? '';
      pieces.push(...split);
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Last resort for a single "word" longer than a block: cut by character. */
function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    if (escapedLength(current + ch) > max) {
      pieces.push(current);
      current = '';
    }
    current += ch;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Escapes plain text for a message's `text` and keeps it within {@link FALLBACK_TEXT_MAX}. */
export function fallbackText(plain: string): string {
  const escaped = escapeMrkdwn(plain);
  if (escaped.length <= FALLBACK_TEXT_MAX) return escaped;
  const cut = escaped.slice(0, FALLBACK_TEXT_MAX - 2);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > 0 ? cut.slice(0, lineEnd) : cut.replace(/&[a-z]*$/, '')}\n…`;
}
