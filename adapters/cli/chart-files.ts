/**
 * `forcewatch ask --chart FILE.png --csv FILE.csv`: writes an answer's chart and rows to the files
 * named, and says so on standard error (standard output stays the answer, so `--json` still pipes).
 */
import { writeFile } from 'node:fs/promises';
import type { ChartSpec } from '../../src/chart/index.ts';
import { chartFile } from '../shared/answer-files.ts';

/** Where to write the chart and the CSV; either may be absent. */
export interface FilePaths {
  chart?: string;
  csv?: string;
}

/**
 * Writes the files asked for, from an answer's chart and CSV, and resolves to the exit code: 0 when
 * each was written, 1 when the answer has none of what was asked (not a ranking, comparison, trend
 * or change, or not answered) or a file could not be written; the reason goes to `err`.
 */
export async function writeAnswerFiles(chart: ChartSpec | undefined, csv: string | undefined, paths: FilePaths, err: NodeJS.WritableStream): Promise<number> {
  if ((paths.chart !== undefined && chart === undefined) || (paths.csv !== undefined && csv === undefined)) {
    err.write('forcewatch ask: no chart or CSV for this answer: they are made for answered rankings, comparisons, trends and changes.\n');
    return 1;
  }
  try {
    if (paths.chart !== undefined && chart !== undefined) {
      await writeFile(paths.chart, (await chartFile(chart)).data);
      err.write(`Chart written to ${paths.chart}\n`);
    }
    if (paths.csv !== undefined && csv !== undefined) {
      await writeFile(paths.csv, csv);
      err.write(`CSV written to ${paths.csv}\n`);
    }
    return 0;
  } catch (error) {
    err.write(`forcewatch ask: could not write the file: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
