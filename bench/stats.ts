/**
 * Small statistics for latency samples: percentiles by nearest rank, and the median across repeated
 * runs, which is what the benchmark reports (these machines are shared and noisy, so one run's
 * tail says little on its own).
 */

/** Percentile `p` (0–100) of `sorted` (ascending) by the nearest-rank method; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Median of `values` (any order); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Latency of one run, in milliseconds, with its throughput. */
export interface RunStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Answers per second of wall time over the run, on one core (the loop is single-threaded). */
  qps: number;
}

/** Summarises one run's samples (milliseconds) over `wallMs` of wall time. */
export function runStats(samples: readonly number[], wallMs: number): RunStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    qps: wallMs > 0 ? (sorted.length / wallMs) * 1000 : Number.NaN,
  };
}

/** The median of each statistic over several runs; `n` is the total number of samples. */
export function medianOfRuns(runs: readonly RunStats[]): RunStats {
  if (runs.length === 0) return { n: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, qps: Number.NaN };
  return {
    n: runs.reduce((t, r) => t + r.n, 0),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    max: Math.max(...runs.map((r) => r.max)),
    qps: median(runs.map((r) => r.qps)),
  };
}
