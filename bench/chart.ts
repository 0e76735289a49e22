/**
 * The cost of drawing an answer's chart (issue 14), the benchmark's `chart` section: loading the
 * chart libraries once, then each chart as SVG (ECharts) and as PNG (ECharts, then resvg), for the
 * charts of real answers (a trend, a ranking, a comparison), timed one at a time after warm-up,
 * median of the runs' percentiles as the other rows report.
 *
 *   npm run bench:chart   (the chart rows alone, not written to BENCHMARKS.md)
 */
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
