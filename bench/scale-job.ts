/**
 * One corpus size, measured: load the engine on a data folder (timing it, and its memory after
 * load), then measure each row's answering latency. Runs in a child process of its own in the
 * full benchmark, so each size's memory is its own, and in-process in the smoke test.
 */
import { loadEngine, type Engine } from '../src/index.ts';
import { measureRows } from './answering.ts';
import type { LoadReport, ScaleJob, ScaleMessage } from './messages.ts';
import { profileWork } from './profile.ts';

/** The load's phases, by the function that does each (see src/engine.ts). */
export const LOAD_PHASES = ['loadDataset', 'FigureStore', 'loadOrBuildPassageIndex'] as const;

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Runs `job`, reporting each step through `emit` as it completes (a supervisor may stop us mid-way). */
export async function runScaleJob(job: ScaleJob, emit: (message: ScaleMessage) => void): Promise<void> {
  let engine: Engine | undefined;
  let loadMs = 0;
  let indexedMs = 0;
  let indexed: Promise<void> = Promise.resolve();
  const load = () => {
    const started = performance.now();
    const onIndexed = (resolve: () => void) => () => {
      indexedMs = performance.now() - started;
      resolve();
    };
    indexed = new Promise((resolve) => (engine = loadEngine({ dataDir: job.dataDir, onIndexed: onIndexed(resolve) })));
    loadMs = performance.now() - started;
  };
  const profile = job.profileLoad ? await profileWork(load, 1_000, LOAD_PHASES) : (load(), undefined);
  const readyAt = epochNow();
  if (engine === undefined) throw new Error('bench: the engine did not load');
  // Memory is read once the passage index's later tiers, finished after start-up, are all built.
  // That work does not keep a process alive, so this timer does while it is waited for.
  const hold = setInterval(() => undefined, 60_000);
  await indexed;
  clearInterval(hold);
  const after = process.memoryUsage();
  globalThis.gc?.();
  const collected = process.memoryUsage();
  const sources = engine.sources();
  const report: LoadReport = {
    readyAt,
    loadMs,
    indexedMs,
    documents: sources.length,
    memory: {
      rss: after.rss,
      heapUsed: after.heapUsed,
      heapUsedAfterGc: collected.heapUsed,
      rssAfterGc: collected.rss,
      peakRss: process.resourceUsage().maxRSS * 1024,
    },
  };
  if (profile) report.profile = profile;
  emit({ kind: 'loaded', load: report });
  const ready = engine;
  await measureRows(ready, job.rows, job.measure, {
    onBegin: (row, question) => emit({ kind: 'begin', row, question }),
    onRow: (result) => emit({ kind: 'row', result }),
  });
  emit({ kind: 'done' });
}
