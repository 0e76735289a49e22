/**
 * Reading a composed line into typed segments: citation markers, quoted passages, names that hold
 * digits (periods, measures, titles, the user's own words), figures a source states, figures we
 * computed, and words. What is left as words holds no digits: every number is a figure, a computed
 * value, or part of a name or a quote.
 */
import type { Fact, Segment } from '../model/answer.ts';

/** A name an answer may write whose digits are no figure, and what kind of name it is. */
export interface Name {
  text: string;
  role: Extract<Segment, { kind: 'name' }>['role'];
}

/** Everything a line's segments are recognised by. */
export interface SegmentSources {
  /** Names holding digits, longest first. */
  names: readonly Name[];
  /** Quoted passages with their citation numbers, longest first. */
  quotes: ReadonlyArray<{ text: string; citation: number }>;
  facts: readonly Fact[];
  /** Facts a segment already is: the same value shown again is taken for the next fact of it, as
   * answers state figures in the order they record them. */
  claimed: Set<number>;
}

type Span = { from: number; to: number; segment: Segment };

/** A number as answers write it: "1,927", "−1,005", "48%", "2.7". */
const NUMBER = /(?<![\d.,])[−-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?(?![\d])|(?<![\d.,])[−-]?\d+(?:\.\d+)?%?(?![\d]|[.,]\d)/g;
const MARKERS = /(?:\[\d+\])+/g;

/** Whether `at` starts a name standing alone (not inside a longer number). */
function standsAlone(line: string, at: number, length: number): boolean {
  const before = line[at - 1] ?? '';
  const after = line[at + length] ?? '';
  return !/[\d.,]/.test(before) && !/\d/.test(after) && !(/[.,]/.test(after) && /\d/.test(line[at + length + 1] ?? ''));
}

/** The fact a number shown in the text is, by value: the first not yet shown, a stated figure
 * before one we computed; else the first of that value. */
function factFor(value: number, sources: SegmentSources): number | undefined {
  const matches = (f: Fact) => Math.abs(f.value) === Math.abs(value) || Math.abs(Math.round(f.value * 10) / 10) === Math.abs(value);
  let first: number | undefined;
  let computed: number | undefined;
  for (const [i, f] of sources.facts.entries()) {
    if (!matches(f)) continue;
    first ??= i;
    if (sources.claimed.has(i)) continue;
    if (f.computed === undefined) return i;
    computed ??= i;
  }
  return computed ?? first;
}

/** The segments of `line`. */
export function segmentsOf(line: string, sources: SegmentSources): Segment[] {
  const taken: Span[] = [];
  const free = (from: number, to: number) => taken.every((s) => to <= s.from || from >= s.to);
  for (const m of line.matchAll(MARKERS)) {
    const citations = [...m[0].matchAll(/\d+/g)].map((n) => Number(n[0]));
    taken.push({ from: m.index, to: m.index + m[0].length, segment: { kind: 'cite', citations } });
  }
  for (const q of sources.quotes) {
    for (let at = line.indexOf(q.text); at >= 0; at = line.indexOf(q.text, at + q.text.length))
      if (free(at, at + q.text.length)) taken.push({ from: at, to: at + q.text.length, segment: { kind: 'quote', text: q.text, citation: q.citation } });
  }
  for (const name of sources.names) {
    for (let at = line.indexOf(name.text); at >= 0; at = line.indexOf(name.text, at + 1))
      if (free(at, at + name.text.length) && standsAlone(line, at, name.text.length))
        taken.push({ from: at, to: at + name.text.length, segment: { kind: 'name', role: name.role, text: name.text } });
  }
  for (const m of line.matchAll(NUMBER)) {
    const from = m.index;
    const to = from + m[0].length;
    if (!free(from, to)) continue;
    const value = Number(m[0].replace(/[,%]/g, '').replace('−', '-'));
    const fact = factFor(value, sources);
    if (fact !== undefined) sources.claimed.add(fact);
    // A number no fact is (a count of our own documents, a year) is a name: the grounding check has
    // already proven it, or refused the answer.
    const segment: Segment =
      fact === undefined ? { kind: 'name', role: 'other', text: m[0] } : { kind: sources.facts[fact]?.computed ? 'computed' : 'figure', text: m[0], fact };
    taken.push({ from, to, segment });
  }
  taken.sort((a, b) => a.from - b.from);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of taken) {
    if (span.from > at) segments.push({ kind: 'text', text: line.slice(at, span.from) });
    segments.push(span.segment);
    at = span.to;
  }
  if (at < line.length) segments.push({ kind: 'text', text: line.slice(at) });
  return segments;
}
