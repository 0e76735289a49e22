/**
 * Turning a composed answer into typed blocks: the headline (the first sentence or two, at most 300
 * characters when the sentences allow), paragraphs, lists ("• " lines) and notes, each read into
 * segments. Then only what the blocks refer to is kept: the facts their figures are (with the inputs
 * of any computed one) and the citations their markers and facts name, grouped by source and
 * numbered in order of first reference.
 */
import type { Block, Citation, Fact, Segment } from '../model/answer.ts';
import type { CitationBook } from './citations.ts';
import { type SegmentSources, segmentsOf } from './segments.ts';

/** The most a headline's first line holds when its sentences can be split there. */
export const HEADLINE_LIMIT = 300;

/** A "more" block as composers ask for it. */
export type More = Extract<Block, { kind: 'more' }>;

/** What a composer wrote: the body's lines, then notes, then where to see more. */
export interface Composed {
  body: string;
  notes: readonly string[];
  more?: More | undefined;
}

/** A sentence ends at ".", "?" or "!" (after any closing mark and citation markers) before a capital. */
const SENTENCE_END = /(?<=[.!?][”’)]?(?:\[\d+\])*)\s+(?=[A-Z“‘(])/g;

/** The first line split into a headline of whole sentences, at most `HEADLINE_LIMIT` characters
 * where a sentence ends in time, and the rest. */
function splitHeadline(line: string): [string, string] {
  if (line.length <= HEADLINE_LIMIT) return [line, ''];
  let cut = -1;
  for (const m of line.matchAll(SENTENCE_END)) {
    if (m.index > HEADLINE_LIMIT) break;
    cut = m.index;
  }
  // A first sentence longer than the limit stays whole: it is cut after its end.
  if (cut < 0) cut = line.search(SENTENCE_END);
  return cut < 0 ? [line, ''] : [line.slice(0, cut), line.slice(cut).trim()];
}

type Draft = { kind: 'headline' | 'paragraph' | 'note'; line: string } | { kind: 'list'; items: string[] };

/** The composed text as blocks of lines. */
function layout(composed: Composed): Draft[] {
  const blocks: Draft[] = [];
  for (const raw of composed.body.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const last = blocks[blocks.length - 1];
    if (line.startsWith('• ')) {
      if (last?.kind === 'list') last.items.push(line.slice(2));
      else blocks.push({ kind: 'list', items: [line.slice(2)] });
    } else if (line.startsWith('Note: ')) blocks.push({ kind: 'note', line: line.slice(6) });
    else if (blocks.length === 0) {
      const [headline, rest] = splitHeadline(line);
      blocks.push({ kind: 'headline', line: headline });
      if (rest !== '') blocks.push({ kind: 'paragraph', line: rest });
    } else blocks.push({ kind: 'paragraph', line });
  }
  for (const note of composed.notes) blocks.push({ kind: 'note', line: note });
  return blocks;
}

/** An answer's blocks with the facts and citations they refer to, renumbered. */
export interface Assembled {
  blocks: Block[];
  facts: Fact[];
  citations: Citation[];
}

/** Each segment as `change` makes it, lists and notes alike. */
function mapSegments(blocks: Block[], change: (s: Segment) => Segment): Block[] {
  return blocks.map((b) =>
    b.kind === 'list'
      ? { ...b, items: b.items.map((item) => item.map(change)) }
      : b.kind === 'more' || b.kind === 'chart'
        ? b
        : { ...b, segments: b.segments.map(change) },
  );
}

function* segmentsIn(blocks: readonly Block[]): Generator<Segment> {
  for (const b of blocks) {
    if (b.kind === 'list') for (const item of b.items) yield* item;
    else if (b.kind !== 'more' && b.kind !== 'chart') yield* b.segments;
  }
}

/** Reads the composed text into blocks and keeps only the facts and citations they refer to. */
export function assemble(composed: Composed, sources: SegmentSources, book: CitationBook): Assembled {
  const read = (line: string) => segmentsOf(line, sources);
  const drafted: Block[] = layout(composed).map((b) =>
    b.kind === 'list' ? { kind: 'list', items: b.items.map(read) } : { kind: b.kind, segments: read(b.line) },
  );
  if (composed.more) drafted.push(composed.more);

  // Facts shown, with the inputs of any computed one (its working names them).
  const keep = new Set<number>();
  const visit = (i: number): void => {
    if (keep.has(i)) return;
    keep.add(i);
    for (const input of sources.facts[i]?.computed?.inputs ?? []) visit(input);
  };
  const used: number[] = [];
  for (const s of segmentsIn(drafted)) {
    if (s.kind === 'cite') used.push(...s.citations);
    else if (s.kind === 'quote') used.push(s.citation);
    else if (s.kind === 'figure' || s.kind === 'computed') visit(s.fact);
  }
  const kept = [...keep].sort((a, b) => a - b);
  // A fact kept as the input of a computed one is proven by its own sources, cited after the text's.
  for (const i of kept) used.push(...(sources.facts[i]?.citations ?? []));
  const { citations, numberOf } = book.group(used);
  const cited = (ns: readonly number[]) => [...new Set(ns.map((n) => numberOf.get(n) ?? n))];
  const factAt = new Map(kept.map((old, i) => [old, i]));
  const facts = kept.map((old): Fact => {
    const f = sources.facts[old] as Fact;
    const computed = f.computed && { ...f.computed, inputs: f.computed.inputs.map((i) => factAt.get(i) ?? i) };
    return { ...f, citations: cited(f.citations).sort((a, b) => a - b), ...(computed ? { computed } : {}) };
  });
  const blocks = mapSegments(drafted, (s) =>
    s.kind === 'cite'
      ? { kind: 'cite', citations: cited(s.citations) }
      : s.kind === 'quote'
        ? { ...s, citation: numberOf.get(s.citation) ?? s.citation }
        : s.kind === 'figure' || s.kind === 'computed'
          ? { ...s, fact: factAt.get(s.fact) ?? s.fact }
          : s,
  );
  return { blocks, facts, citations };
}
