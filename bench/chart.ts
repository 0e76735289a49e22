/**
 * The cost of drawing an answer's chart (issue 14): loading the chart libraries once, then each
 * chart as SVG (ECharts) and as PNG (ECharts, then resvg), for the charts of real answers (a
 * trend, a ranking, a comparison), timed one at a time after warm-up, median of the runs'
 * percentiles as the other rows report. Standalone so it can be wired into `npm run bench` as a
 * section: `benchCharts()` returns the rows, `chartReport()` prints them.
 *
 *   npm run bench:chart [-- --smoke]
 */
import { pathToFileURL } from 'node:url';
import { chartOfAnswer } from '../adapters/shared/chart-of-answer.ts';
import { loadChartRenderer, type ChartSpec } from '../src/chart/index.ts';
import { loadEngine } from '../src/index.ts';
import { medianOfRuns, runStats, type RunStats } from './stats.ts';

/** Questions whose answers are charted: one of each kind of chart. */
export const CHART_QUESTIONS = [
  'How have complaints logged in England and Wales changed since 2020/21?',
  'Which force had the most misconduct allegations in 2021-22?',
  'Was the no-action rate higher in Hampshire or Hertfordshire?',
];

export interface ChartBenchOptions {
  runs: number;
  /** Charts drawn in each run (round-robin over the questions' charts). */
  perRun: number;
  warmUp: number;
}

export interface ChartBenchResult {
  /** Milliseconds to load ECharts, resvg and the font, with the first chart drawn. */
  firstChartMs: number;
  rows: { row: 'chart SVG' | 'chart PNG'; stats: RunStats }[];
}

export const fullChartOptions = (): ChartBenchOptions => ({ runs: 5, perRun: 60, warmUp: 10 });
export const smokeChartOptions = (): ChartBenchOptions => ({ runs: 1, perRun: 3, warmUp: 1 });

/** Times `draw` over the specs, round-robin, one call at a time (each awaited). */
async function timeRuns(specs: readonly ChartSpec[], draw: (spec: ChartSpec) => unknown, options: ChartBenchOptions): Promise<RunStats> {
  for (let i = 0; i < options.warmUp; i += 1) await draw(specs[i % specs.length]!);
  const runs: RunStats[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < options.perRun; i += 1) {
      const t = process.hrtime.bigint();
      await draw(specs[i % specs.length]!);
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    runs.push(runStats(samples, performance.now() - started));
  }
  return medianOfRuns(runs);
}

/** Measures the chart rows. */
export async function benchCharts(options: ChartBenchOptions): Promise<ChartBenchResult> {
  const engine = loadEngine();
  const specs = CHART_QUESTIONS.map((q) => chartOfAnswer(engine.answer(q)));
  if (specs.some((s) => s === undefined)) throw new Error('bench/chart: a question no longer gets a chart; update CHART_QUESTIONS');
  const charts = specs.filter((s): s is ChartSpec => s !== undefined);
  const started = performance.now();
  const renderer = await loadChartRenderer();
  await renderer.png(charts[0]!);
  const firstChartMs = performance.now() - started;
  return {
    firstChartMs,
    rows: [
      { row: 'chart SVG', stats: await timeRuns(charts, (s) => renderer.svg(s), options) },
      { row: 'chart PNG', stats: await timeRuns(charts, (s) => renderer.png(s), options) },
    ],
  };
}

const ms = (value: number) => value.toFixed(1);

/** The rows as a Markdown table, as BENCHMARKS.md lays out the answering rows. */
export function chartReport(result: ChartBenchResult): string {
  return [
    `First chart, libraries loaded on demand: ${ms(result.firstChartMs)} ms`,
    '',
    '| row | n | p50 ms | p95 ms | p99 ms | max ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.rows.map(({ row, stats }) => `| ${row} | ${stats.n} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ms(stats.p99)} | ${ms(stats.max)} |`),
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchCharts(process.argv.includes('--smoke') ? smokeChartOptions() : fullChartOptions());
  process.stdout.write(`${chartReport(result)}\n`);
}
