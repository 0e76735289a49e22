/**
 * Start-up: process start to engine ready, in fresh child processes running the engine bundled as
 * `npm start` bundles the bot (Node, the engine's imports, then the load), on the bundled data and on a generated corpus, with and without the saved
 * files of `npm run index:build` (passage index and dataset snapshot); and one run split into the
 * load's phases, to show where the time goes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { savedFilePaths } from '../adapters/shared/saved-files.ts';
import { bundledScript } from './bundle.ts';
import { childExecArgv, epochNow, runChild } from './child.ts';
import { StartupReportSchema, type StartupJob, type StartupReport } from './messages.ts';
import { startFlags } from './npm-start.ts';
import { median } from './stats.ts';

export interface StartupCase {
  label: string;
  dataDir: string;
  documents: number;
  indexFile?: string;
}

export interface StartupResult {
  label: string;
  documents: number;
  runs: number;
  /** Medians over the runs, in ms. */
  startToReadyMs: number;
  /** Node's start to the engine's imports evaluated (Node and module loading). */
  importedMs: number;
  loadMs: number;
  rss: number;
  heapUsedAfterGc: number;
  /** Every run's start-to-ready, in ms, in order. */
  all: number[];
  indexFromFile: boolean;
  /** From a separate run that times the load's steps one by one. */
  phases?: Record<string, number>;
  heapAfter?: Record<string, number>;
  failure?: string;
}

async function startOnce(
  startCase: StartupCase,
  phases: boolean,
  deadlineMs: number,
  extra: { burst?: StartupJob['burst']; execArgv?: readonly string[] } = {},
): Promise<{ report?: StartupReport; spawnedAt: number; failure?: string }> {
  const job: StartupJob = { dataDir: startCase.dataDir, phases, ...(startCase.indexFile === undefined ? {} : { indexFile: startCase.indexFile }) };
  if (extra.burst) job.burst = extra.burst;
  const run = await runChild({
    script: await bundledScript('startup-child.ts'),
    args: [JSON.stringify(job)],
    schema: StartupReportSchema,
    deadlineMs,
    ...(extra.execArgv === undefined ? {} : { execArgv: extra.execArgv }),
  });
  const report = run.messages[0];
  if (report === undefined)
    return {
      spawnedAt: run.spawnedAt,
      failure: run.stopped ?? `exited with code ${String(run.exitCode)}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`,
    };
  return { report, spawnedAt: run.spawnedAt };
}

/**
 * Starts a fresh process `runs` times; with `warm`, after one untimed start, which brings the
 * bundle, the data and the saved files into the operating system's file cache, as for a restarted bot.
 */
export async function measureStartup(
  startCase: StartupCase,
  runs: number,
  options: { phases: boolean; warm: boolean; deadlineMs: number },
): Promise<StartupResult> {
  const reports: Array<{ report: StartupReport; spawnedAt: number }> = [];
  let failure: string | undefined;
  for (let i = options.warm ? -1 : 0; i < runs && failure === undefined; i++) {
    const once = await startOnce(startCase, false, options.deadlineMs);
    if (once.report && i >= 0) reports.push({ report: once.report, spawnedAt: once.spawnedAt });
    failure = once.failure;
  }
  const result: StartupResult = {
    label: startCase.label,
    documents: startCase.documents,
    runs: reports.length,
    startToReadyMs: median(reports.map((r) => r.report.readyAt - r.spawnedAt)),
    importedMs: median(reports.map((r) => r.report.importedMs)),
    loadMs: median(reports.map((r) => r.report.loadMs)),
    rss: median(reports.map((r) => r.report.rss)),
    heapUsedAfterGc: median(reports.map((r) => r.report.heapUsedAfterGc)),
    all: reports.map((r) => r.report.readyAt - r.spawnedAt),
    indexFromFile: reports.length > 0 && reports.every((r) => r.report.indexFromFile),
  };
  if (options.phases && failure === undefined) {
    const split = await startOnce(startCase, true, options.deadlineMs);
    if (split.report?.phases) result.phases = split.report.phases;
    if (split.report?.heapAfter) result.heapAfter = split.report.heapAfter;
    failure = split.failure;
  }
  if (failure !== undefined) result.failure = failure;
  return result;
}

/** Memory of the running bot through a burst of questions (medians over the runs). */
export interface BurstResult {
  label: string;
  runs: number;
  /** The Node flags it ran with: the start script's. */
  flags: string[];
  /** RSS (bytes) at ready, once the passage index is complete, right after the questions, and at its highest. */
  rss: number;
  rssIndexed: number;
  rssAfter: number;
  peakRss: number;
  /** Live heap after the burst and a full collection. */
  heapUsedAfterGc: number;
  /** Every answer's latency over the timed passes (ms), and how many answers were timed a run. */
  p50: number;
  p99: number;
  max: number;
  answers: number;
  /** Each run's RSS at ready and after the questions (bytes), in order. */
  all: Array<{ rss: number; rssAfter: number }>;
  failure?: string;
}

/**
 * Starts the engine `runs` times as `npm start` runs the bot (its Node flags), from `startCase`'s
 * saved files, and asks each a burst of the question set once it is ready: memory at ready and after
 * the burst, with no collection forced before either (issue 17's memory targets).
 */
export async function measureBurst(startCase: StartupCase, runs: number, burst: NonNullable<StartupJob['burst']>, deadlineMs: number): Promise<BurstResult> {
  const flags = startFlags();
  const bursts: Array<NonNullable<StartupReport['burst']> & { rss: number; heapUsedAfterGc: number }> = [];
  let failure: string | undefined;
  for (let i = 0; i < runs && failure === undefined; i++) {
    const once = await startOnce(startCase, false, deadlineMs, { burst, execArgv: flags });
    if (once.report?.burst) bursts.push({ ...once.report.burst, rss: once.report.rss, heapUsedAfterGc: once.report.heapUsedAfterGc });
    else failure = once.failure ?? 'reported no burst';
    if (once.report?.burst && once.report.burst.errors > 0) failure = `${once.report.burst.errors} questions failed`;
  }
  const of = (pick: (b: (typeof bursts)[number]) => number) => median(bursts.map(pick));
  const result: BurstResult = {
    label: startCase.label,
    runs: bursts.length,
    flags,
    rss: of((b) => b.rss),
    rssIndexed: of((b) => b.rssIndexed),
    rssAfter: of((b) => b.rssAfter),
    peakRss: of((b) => b.peakRss),
    heapUsedAfterGc: of((b) => b.heapUsedAfterGc),
    p50: of((b) => b.p50),
    p99: of((b) => b.p99),
    max: of((b) => b.max),
    answers: of((b) => b.answers),
    all: bursts.map((b) => ({ rss: b.rss, rssAfter: b.rssAfter })),
  };
  if (failure !== undefined) result.failure = failure;
  return result;
}

const INDEX_BUILD_SCRIPT = fileURLToPath(new URL('../adapters/cli/index-build.ts', import.meta.url));

/** Runs `npm run index:build`'s script on `dataDir`, as a deployment would, timing the whole command:
 * it writes the passage index (`file`) and the dataset snapshot beside it. */
export function buildIndexFile(dataDir: string, deadlineMs: number): Promise<{ file: string; ms: number; failure?: string }> {
  const file = savedFilePaths(dataDir).indexFile;
  return new Promise((resolve) => {
    const started = epochNow();
    const child = spawn(process.execPath, [...childExecArgv(), INDEX_BUILD_SCRIPT, '--data', dataDir, '--out', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-5_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const ms = epochNow() - started;
      resolve(code === 0 ? { file, ms } : { file, ms, failure: `index:build exited with code ${String(code)}: ${stderr.trim()}` });
    });
  });
}
