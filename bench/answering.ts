/**
 * In-process answering latency: each row's questions asked round-robin in a tight single-threaded
 * loop after warm-up, timed one answer at a time with the monotonic high-resolution clock, in
 * several runs whose medians are reported. Runs are bounded in answers and in time, so a row whose
 * answers take seconds at a large corpus size still finishes.
 */
import type { Engine } from '../src/index.ts';
import { profileWork, type ProfileSummary } from './profile.ts';
import { askEngine, expected, failed, QUESTIONS, type RowName } from './questions.ts';
import { medianOfRuns, runStats, type RunStats } from './stats.ts';

export interface MeasureOptions {
  runs: number;
  /** Answers per run (at least one per question). */
  iterations: number;
  /** A run also stops once this much time has passed (after one answer per question). */
  runBudgetMs: number;
  /** Untimed passes over the questions before the runs (JIT compilation, caches)… */
  warmup: number;
  /** …stopping early once this much time has passed. */
  warmupBudgetMs: number;
  /** A row whose first answers take longer than this is timed with one run of one pass only. */
  slowAnswerMs: number;
  /** The targets at this size: a row that misses one is profiled, to name the hot function. */
  targets?: { p50?: number; p99: number };
  /** How long to profile such a row for. */
  profileMs: number;
}

/** What one row measured. */
export interface RowResult {
  row: RowName;
  /** Median over runs (n is the total number of timed answers). */
  stats: RunStats;
  runs: number;
  /** The slowest of the first (cold) answers, in ms. */
  coldMs: number;
  /** Median citations and text length of the row's answers: how big the answers are. */
  citations: number;
  textChars: number;
  /** Questions answered with another type or status than the row measures. */
  unexpected: string[];
  /** Questions whose answering threw or that the engine reported as failed. */
  errors: string[];
  profile?: ProfileSummary;
}

/** Called before each question's first answer, so a supervisor can tell which answer hangs. */
export type BeginHook = (row: RowName, question: string) => void;

/** Rows whose answers take longer than this are not profiled again: the cost would blow the time budget. */
const MAX_PROFILED_ANSWER_MS = 15_000;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Measures one row against `engine`. */
export async function measureRow(engine: Engine, row: RowName, options: MeasureOptions, onBegin?: BeginHook): Promise<RowResult> {
  const questions = QUESTIONS[row];
  const unexpected: string[] = [];
  const errors: string[] = [];
  const citations: number[] = [];
  const textChars: number[] = [];
  let coldMs = 0;
  const broken = new Set<number>();

  // Cold answers first: each question's first answer is checked (type, status, failure) and timed.
  questions.forEach((q, i) => {
    onBegin?.(row, q.text);
    const started = nowMs();
    try {
      const answer = askEngine(engine, q);
      coldMs = Math.max(coldMs, nowMs() - started);
      citations.push(answer.citations.length);
      textChars.push(answer.text.length);
      if (failed(answer)) {
        errors.push(`${q.text}: the engine could not answer it reliably (a bug it caught; see its error log)`);
        broken.add(i);
      } else if (!expected(row, answer)) unexpected.push(`${q.text} → ${answer.type ?? 'no type'}/${answer.status}${answer.status === 'no_data' ? ` (${answer.reason})` : ''}`);
    } catch (error) {
      errors.push(`${q.text}: ${error instanceof Error ? error.message : String(error)}`);
      broken.add(i);
    }
  });
  const timed = questions.filter((_, i) => !broken.has(i));
  const slow = coldMs > options.slowAnswerMs;
  if (timed.length === 0) {
    return { row, stats: medianOfRuns([]), runs: 0, coldMs, citations: middle(citations), textChars: middle(textChars), unexpected, errors };
  }
  // A slow row gets no further warm-up: its answers are long enough for the JIT to have settled.
  const warmupUntil = nowMs() + options.warmupBudgetMs;
  if (!slow) for (let w = 1; w < options.warmup && nowMs() < warmupUntil; w++) for (const q of timed) askEngine(engine, q);
  globalThis.gc?.();

  const runs: RunStats[] = [];
  const runCount = slow ? 1 : options.runs;
  for (let r = 0; r < runCount; r++) {
    const samples: number[] = [];
    const runStarted = nowMs();
    for (let i = 0; ; i++) {
      const q = timed[i % timed.length];
      if (q === undefined) break;
      const started = nowMs();
      askEngine(engine, q);
      samples.push(nowMs() - started);
      const done = i + 1;
      if (done < timed.length) continue;
      if (slow || done >= options.iterations || nowMs() - runStarted >= options.runBudgetMs) break;
    }
    runs.push(runStats(samples, nowMs() - runStarted));
  }
  const stats = medianOfRuns(runs);
  const result: RowResult = { row, stats, runs: runs.length, coldMs, citations: middle(citations), textChars: middle(textChars), unexpected, errors };
  // Profiled apart from the timed runs, so the profiler's overhead never reaches the numbers; at
  // least one answer, so even a row of answers slower than the profiling time is profiled.
  const { targets } = options;
  const missed = targets !== undefined && (stats.p99 > targets.p99 || (targets.p50 !== undefined && stats.p50 > targets.p50));
  if (missed && coldMs < MAX_PROFILED_ANSWER_MS) {
    result.profile = await profileWork(() => {
      const until = nowMs() + options.profileMs;
      for (let i = 0; i === 0 || nowMs() < until; i++) {
        const q = timed[i % timed.length];
        if (q !== undefined) askEngine(engine, q);
      }
    });
  }
  return result;
}

/** Measures each row in turn, collecting garbage between rows so one row's garbage is not the next's pause. */
export async function measureRows(
  engine: Engine,
  rows: readonly RowName[],
  options: MeasureOptions,
  hooks: { onBegin?: BeginHook; onRow?: (result: RowResult) => void } = {},
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (const row of rows) {
    const result = await measureRow(engine, row, options, hooks.onBegin);
    results.push(result);
    hooks.onRow?.(result);
    globalThis.gc?.();
  }
  return results;
}
