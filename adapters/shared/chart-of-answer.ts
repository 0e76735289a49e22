/**
 * The files an answer offers, as its chart block asks: the chart as an image, its rows as CSV. Every
 * surface sends them after the answer's text, which says the same in words.
 */
import { type ChartSpec, toCsv } from '../../src/chart/index.ts';
import type { Answer } from '../../src/index.ts';

function chartBlock(answer: Answer) {
  for (const block of answer.blocks) if (block.kind === 'chart') return block;
  return undefined;
}

/** The chart's data, whichever files the answer offers (the command line writes them when asked by flag). */
export function chartSpecOfAnswer(answer: Answer): ChartSpec | undefined {
  return chartBlock(answer)?.spec;
}

/** The chart to draw as an image, if the answer offers one. */
export function chartOfAnswer(answer: Answer): ChartSpec | undefined {
  const block = chartBlock(answer);
  return block?.files.includes('png') ? block.spec : undefined;
}

/** The answer's rows as CSV, if it offers them ("as a CSV"). */
export function csvOfAnswer(answer: Answer): string | undefined {
  const block = chartBlock(answer);
  return block?.files.includes('csv') ? toCsv(block.spec) : undefined;
}
