/**
 * The benchmark as a whole: its two presets (the full run behind `npm run bench`, and the smoke run
 * behind `npm run bench:smoke` and the CI test) and the order its sections run in. Everything here
 * is data and sequencing; the measuring is in answering.ts, scale.ts, startup.ts, npm-start.ts and slack.ts.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadDataset } from '../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../src/engine.ts';
import type { MeasureOptions } from './answering.ts';
import { benchCharts, fullChartOptions, smokeChartOptions, type ChartBenchOptions, type ChartBenchResult } from './chart.ts';
import { corpus } from './corpus.ts';
import { describeMachine, type Machine } from './machine.ts';
import { measureSize, type SizeResult, type SizeSpec } from './scale.ts';
import { measureNpmStart, type NpmStartResult } from './npm-start.ts';
import { measureSlack, slackErrors, type SlackLevel, type SlackResult } from './slack.ts';
import { buildIndexFile, measureBurst, measureStartup, type BurstResult, type StartupResult } from './startup.ts';

/** The issues' targets (6 and 17). */
export const TARGETS = {
  /** Every row of the question set, on the bundled data. */
  bundled: { p50: 0.5, p99: 2 },
  /** At 10,000 documents / 100,000 figures: latency over every question of the set. */
  tenThousand: { p99: 10, max: 50, readyMs: 3_000, readyFromIndexMs: 1_000, rssBytes: 150 * 2 ** 20, rssAfterBurstBytes: 250 * 2 ** 20 },
  /** At 100,000 documents: latency over every question of the set. */
  hundredThousand: { p99: 25 },
  slack: { connections: 200, ackP99: 100, errors: 0 },
  /** With REDIS_URL, a reply's p50 at one connection: at most this many times the in-process one, same run. */
  slackRedisReplyRatio: 2,
} as const;

export type Section = 'scale' | 'chart' | 'startup' | 'slack';

export interface BenchOptions {
  preset: 'full' | 'smoke';
  sections: readonly Section[];
  /** Generated corpus sizes, in documents (the bundled data is always measured first). */
  sizes: readonly number[];
  seed: string;
  /** Regenerate corpora even when a cached copy exists. */
  fresh: boolean;
  /** Measure sizes and the Slack adapter in child processes (the benchmark) or in this process (tests). */
  isolate: boolean;
  /** How many of the question set's questions to ask at each size (spread evenly), or all. */
  sample?: number;
  measure: (documents: number | 'bundled') => MeasureOptions;
  deadlineMs: (documents: number) => number;
  answerLimitMs: (documents: number) => number;
  /** Timed starts per case (the bundled case gets `extraBundledRuns` more: it is the quickest and
   * noisiest); `warm`: one untimed start first, so the files are in the file cache as for a restarted bot. */
  startup: { runs: number; extraBundledRuns: number; warm: boolean; documents: number; burst: { runs: number; sample: number; passes: number } };
  /** Charts drawn (issue 14), beside the answering rows. */
  chart: ChartBenchOptions;
  slack: { levels: readonly SlackLevel[]; drainMs: number; profileLevel?: SlackLevel };
  /** The same levels again with state and queue in this Redis (REDIS_URL, else the local one); none when absent. */
  slackRedisUrl?: string;
  onProgress?: (line: string) => void;
}

export interface BenchResult {
  preset: BenchOptions['preset'];
  startedAt: Date;
  finishedAt: Date;
  machine: Machine;
  seed: string;
  scale: SizeResult[];
  chart?: ChartBenchResult & { failure?: string };
  startup?: { cases: StartupResult[]; burst?: BurstResult; npmStart?: NpmStartResult; indexBuildMs?: number; failure?: string };
  slack?: SlackResult & { profiled?: SlackResult };
  /** The Slack levels with REDIS_URL set, each group (one connection, then the floods) right after the in-process one. */
  slackRedis?: SlackResult;
}

/** `npm run bench`: about 13 minutes on the 2-core machine at load 7, most of it the question parser's cost (BENCHMARKS.md, issue 17). */
export function fullOptions(): BenchOptions {
  return {
    preset: 'full',
    sections: ['scale', 'chart', 'startup', 'slack'],
    sizes: [1_000, 10_000, 100_000],
    seed: 'forcewatch',
    fresh: false,
    isolate: true,
    // A quarter of the set, spread over every set and phrasing: the whole set three times over at
    // four sizes took far longer than the benchmark's ten minutes, 500 questions still 13 minutes.
    sample: 300,
    measure: (documents) => {
      const targets =
        documents === 'bundled'
          ? TARGETS.bundled
          : documents >= 100_000
            ? TARGETS.hundredThousand
            : documents >= 10_000
              ? { p99: TARGETS.tenThousand.p99, max: TARGETS.tenThousand.max }
              : undefined;
      // A size whose every question once takes over a minute is timed with one pass.
      return { runs: 3, slowPassMs: 60_000, profileMs: 1_500, ...(targets ? { targets } : {}) };
    },
    deadlineMs: (documents) => (documents >= 100_000 ? 420_000 : 150_000),
    answerLimitMs: (documents) => (documents >= 100_000 ? 45_000 : 30_000),
    startup: { runs: 3, extraBundledRuns: 2, warm: true, documents: 10_000, burst: { runs: 3, sample: 300, passes: 3 } },
    chart: fullChartOptions(),
    slack: {
      levels: [
        { connections: 1, amount: 300, maxSeconds: 10 },
        { connections: 50, amount: 2_000, maxSeconds: 12 },
        { connections: 200, amount: 4_000, maxSeconds: 15 },
        // 200 connections that each send one mention a second: bursts of 200 at once, below saturation.
        { connections: 200, amount: 2_000, maxSeconds: 15, rate: 200 },
      ],
      drainMs: 30_000,
      profileLevel: { connections: 200, amount: 2_000, maxSeconds: 10 },
    },
    slackRedisUrl: benchRedisUrl(),
  };
}

/** The Redis the Slack levels are measured again with: REDIS_URL, else the local one. */
function benchRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** `npm run bench:smoke` and the CI test: every section and row on tiny sizes, in seconds. */
export function smokeOptions(): BenchOptions {
  return {
    preset: 'smoke',
    sections: ['scale', 'chart', 'startup', 'slack'],
    sizes: [200],
    seed: 'forcewatch',
    fresh: false,
    isolate: true,
    sample: 200,
    // One timed pass; tiny targets, so the profiling path runs and cannot rot either.
    measure: () => ({ runs: 1, slowPassMs: 60_000, profileMs: 20, targets: { p99: 0.001 } }),
    deadlineMs: () => 60_000,
    answerLimitMs: () => 30_000,
    // No untimed warm start: CI needs the code path, not a steady number, and each start costs a second.
    startup: { runs: 1, extraBundledRuns: 0, warm: false, documents: 200, burst: { runs: 1, sample: 40, passes: 1 } },
    chart: smokeChartOptions(),
    slack: {
      levels: [
        { connections: 1, amount: 10, maxSeconds: 5 },
        { connections: 5, amount: 20, maxSeconds: 5 },
      ],
      drainMs: 5_000,
    },
    slackRedisUrl: benchRedisUrl(),
  };
}

/** Adds one measureSlack run's levels (and its failure, if the first) to `into`. */
function merge(into: SlackResult, run: SlackResult): void {
  into.levels.push(...run.levels);
  if (run.failure !== undefined) into.failure ??= run.failure;
}

/** Runs the sections in order; a section that fails is reported, and the others still run. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const progress = options.onProgress ?? (() => undefined);
  const result: BenchResult = {
    preset: options.preset,
    startedAt: new Date(),
    finishedAt: new Date(),
    machine: describeMachine(),
    seed: options.seed,
    scale: [],
  };

  if (options.sections.includes('scale')) {
    const specs: SizeSpec[] = [{ kind: 'bundled' }, ...options.sizes.map((documents): SizeSpec => ({ kind: 'generated', documents }))];
    for (const spec of specs) {
      const size = await measureSize(spec, {
        seed: options.seed,
        fresh: options.fresh,
        ...(options.sample === undefined ? {} : { sample: options.sample }),
        measure: options.measure(spec.kind === 'bundled' ? 'bundled' : spec.documents),
        isolate: options.isolate,
        profileLoad: true,
        deadlineMs: options.deadlineMs,
        answerLimitMs: options.answerLimitMs,
        onProgress: progress,
      });
      result.scale.push(size);
      if (size.stopped) progress(`${size.label}: ${size.stopped}`);
      if (size.failure) progress(`${size.label}: failed: ${size.failure}`);
    }
  }

  if (options.sections.includes('chart')) {
    progress('charts…');
    try {
      result.chart = await benchCharts(options.chart);
    } catch (error) {
      result.chart = { firstChartMs: Number.NaN, rows: [], failure: error instanceof Error ? error.message : String(error) };
    }
  }

  if (options.sections.includes('startup')) {
    progress('start-up…');
    const generated = corpus(options.startup.documents, options.seed, { fresh: false });
    const label = `${options.startup.documents.toLocaleString('en-GB')} docs`;
    const cases: StartupResult[] = [];
    // The bundled data grows as sources are ingested: counted, never assumed.
    const bundledDocuments = result.scale.find((s) => s.label === 'bundled')?.documents ?? loadDataset(BUNDLED_DATA_DIR).documents.length;
    cases.push(
      await measureStartup(
        { label: 'bundled', dataDir: BUNDLED_DATA_DIR, documents: bundledDocuments },
        options.startup.runs + options.startup.extraBundledRuns,
        { phases: true, warm: options.startup.warm, deadlineMs: 60_000 },
      ),
    );
    cases.push(
      await measureStartup({ label, dataDir: generated.dir, documents: generated.documents }, options.startup.runs, {
        phases: true,
        warm: false,
        deadlineMs: 120_000,
      }),
    );
    const built = await buildIndexFile(generated.dir, 180_000);
    if (built.failure === undefined)
      cases.push(
        await measureStartup(
          { label: `${label}, saved files`, dataDir: generated.dir, documents: generated.documents, indexFile: built.file },
          options.startup.runs,
          {
            phases: true,
            warm: false,
            deadlineMs: 120_000,
          },
        ),
      );
    const { burst: burstOptions } = options.startup;
    const burst =
      built.failure === undefined
        ? await measureBurst(
            { label: `${label}, saved files`, dataDir: generated.dir, documents: generated.documents, indexFile: built.file },
            burstOptions.runs,
            { seed: options.seed, sample: burstOptions.sample, runs: burstOptions.passes },
            600_000,
          )
        : undefined;
    const npmStart = await measureNpmStart(options.startup.runs + options.startup.extraBundledRuns, options.startup.warm);
    result.startup = {
      cases,
      npmStart,
      indexBuildMs: built.ms,
      ...(burst ? { burst } : {}),
      ...(built.failure === undefined ? {} : { failure: built.failure }),
    };
    if (burst)
      progress(
        `burst from saved files: RSS ${(burst.rss / 2 ** 20).toFixed(0)} MB at ready, ${(burst.rssAfter / 2 ** 20).toFixed(0)} MB after${burst.failure ? ` (failed: ${burst.failure})` : ''}`,
      );
    for (const c of cases) progress(`start-up ${c.label}: ${c.startToReadyMs.toFixed(0)} ms to ready${c.failure ? ` (failed: ${c.failure})` : ''}`);
    progress(`npm start: ${npmStart.toPromptMs.toFixed(0)} ms to the prompt${npmStart.failure ? ` (failed: ${npmStart.failure})` : ''}`);
  }

  if (options.sections.includes('slack')) {
    // The one-connection levels of both ways first, back to back, then the floods of both: the
    // Redis ratio's two figures are then taken seconds apart, not minutes, on a machine whose load
    // changes from minute to minute.
    const groups = [options.slack.levels.filter((l) => l.connections === 1), options.slack.levels.filter((l) => l.connections !== 1)];
    const slack: SlackResult = { levels: [] };
    const slackRedis: SlackResult = { levels: [] };
    for (const levels of groups.filter((g) => g.length > 0)) {
      progress('Slack end to end…');
      merge(slack, await measureSlack(levels, { isolate: options.isolate, drainMs: options.slack.drainMs, onProgress: progress }));
      if (options.slackRedisUrl !== undefined) {
        progress('Slack end to end with REDIS_URL set…');
        merge(
          slackRedis,
          await measureSlack(levels, { isolate: options.isolate, drainMs: options.slack.drainMs, onProgress: progress, redisUrl: options.slackRedisUrl }),
        );
      }
    }
    result.slack = slack;
    if (options.slackRedisUrl !== undefined) result.slackRedis = slackRedis;
    const saturated = result.slack.levels.find((l) => l.connections === TARGETS.slack.connections && l.rate === undefined);
    const missed = saturated !== undefined && (saturated.ack.p99 >= TARGETS.slack.ackP99 || slackErrors(saturated) > TARGETS.slack.errors);
    if (missed && options.slack.profileLevel && options.isolate) {
      // A separate, shorter run under the profiler, so the numbers above carry no profiling overhead.
      progress('Slack: profiling the adapter at 200 connections…');
      const dir = mkdtempSync(join(tmpdir(), 'forcewatch-bench-slack-'));
      try {
        result.slack.profiled = await measureSlack([options.slack.profileLevel], { isolate: true, drainMs: options.slack.drainMs, profileDir: dir });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }

  result.finishedAt = new Date();
  return result;
}
