/**
 * What every rendering of an answer must show, read from the answer itself: the figures as its
 * blocks write them (each figure and computed segment), for tests that check a surface shows them.
 */
import type { Answer } from '../../src/index.ts';

type Segments = Extract<Answer['blocks'][number], { kind: 'headline' }>['segments'];

/** Each figure and computed value of the answer as it is written ("1,938", "less than half (48%)"), once. */
export function shownFigures(answer: Answer): string[] {
  const segments: Segments = answer.blocks.flatMap((b) => {
    if (b.kind === 'list') return b.items.flat();
    return b.kind === 'headline' || b.kind === 'paragraph' || b.kind === 'note' ? b.segments : [];
  });
  return [...new Set(segments.flatMap((s) => (s.kind === 'figure' || s.kind === 'computed' ? [s.text] : [])))];
}
