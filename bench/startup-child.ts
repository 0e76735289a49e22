/**
 * Child process entry for the start-up benchmark: imports the engine as an adapter would, loads the
 * data (from saved files when a passage index is named: it and the dataset snapshot that
 * `npm run index:build` writes beside it) and reports when it is ready. With `phases`,
 * it does the load's steps one by one instead, timing each and the live heap after it.
 */
import { dirname } from 'node:path';
import { createLogger } from '../src/log.ts';
import { loadDatasetOrSnapshot } from '../src/data/snapshot.ts';
import { loadEngine, type Engine } from '../src/engine.ts';
import { FigureStore } from '../src/answer/figure-store.ts';
import { loadOrBuildPassageIndex } from '../src/search/index-file.ts';
import { savedFileOptions } from '../adapters/shared/saved-files.ts';
import { measureSet } from './answering.ts';
import { epochNow, sendToParent } from './child.ts';
import { StartupJobSchema, type StartupReport } from './messages.ts';
import { questionSet, sampleOf } from './question-set.ts';

// Static imports are evaluated before this line runs: this is "imports done".
const importedMs = performance.now();
const job = StartupJobSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
// "From saved files" is the index named and the snapshot index:build wrote beside it, as npm start finds them.
const snapshotFile = job.indexFile === undefined ? undefined : savedFileOptions(dirname(job.indexFile)).snapshotFile;
const lines: string[] = [];
// Logging at info, as the adapters do, into memory: the log line says whether the saved index was used.
const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });

function liveHeap(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

const loadStarted = performance.now();
// Held until the heap is measured, so the measurement sees the loaded engine.
let engine: Engine | undefined;
let phases: Record<string, number> | undefined;
let kept: unknown[] = [];
let heapAfter: Record<string, number> | undefined;
let indexed: Promise<void> = Promise.resolve();
if (job.phases) {
  // The same steps, in the same order, as loadEngine (src/engine.ts).
  phases = {};
  heapAfter = {};
  let t = performance.now();
  const { dataset: data, fingerprint } = loadDatasetOrSnapshot(job.dataDir, snapshotFile, logger, { fingerprint: job.indexFile !== undefined });
  phases['read and validate data'] = performance.now() - t;
  heapAfter['read and validate data'] = liveHeap();
  t = performance.now();
  const store = new FigureStore(data.figures, data.metrics, data.documents);
  phases['figure table'] = performance.now() - t;
  heapAfter['figure table'] = liveHeap();
  t = performance.now();
  const index = loadOrBuildPassageIndex(data.documents, job.indexFile, fingerprint, logger);
  phases['passage index'] = performance.now() - t;
  heapAfter['passage index'] = liveHeap();
  // Kept alive until the heap is measured.
  kept = [store, index];
} else {
  let whenIndexed: (() => void) | undefined;
  indexed = new Promise((resolve) => {
    whenIndexed = resolve;
  });
  engine = loadEngine({
    dataDir: job.dataDir,
    logger,
    onIndexed: () => whenIndexed?.(),
    ...(job.indexFile === undefined ? {} : { indexFile: job.indexFile }),
    ...(snapshotFile === undefined ? {} : { snapshotFile }),
  });
}
const readyAt = epochNow();
const readyMs = performance.now();
const report: StartupReport = {
  readyAt,
  importedMs,
  readyMs,
  loadMs: readyMs - loadStarted,
  indexFromFile: lines.some((l) => l.includes('"passage index loaded from file"')),
  rss: process.memoryUsage().rss,
  heapUsedAfterGc: 0,
};
if (job.burst && engine) report.burst = await burst(engine, job.burst);
// Forced only now: a collection at ready would leave the burst a heap the bot never has.
report.heapUsedAfterGc = liveHeap();
void [engine, kept];
if (phases) report.phases = phases;

/** The question set's sample asked of `engine` once its index is complete, with memory before and after. */
async function burst(engine: Engine, options: NonNullable<typeof job.burst>): Promise<NonNullable<StartupReport['burst']>> {
  // The index's later tiers are finished in the background, which does not keep a process alive.
  const hold = setInterval(() => undefined, 60_000);
  await indexed;
  clearInterval(hold);
  const rssIndexed = process.memoryUsage().rss;
  const result = await measureSet(engine, sampleOf(questionSet(options.seed), options.sample), {
    runs: options.runs,
    slowPassMs: 120_000,
    profileMs: 1,
    collect: false,
  });
  const { p50, p99, max, n } = result.all.stats;
  return {
    rssIndexed,
    rssAfter: process.memoryUsage().rss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    answers: n,
    p50,
    p99,
    max,
    errors: result.errors.length,
  };
}
if (heapAfter) report.heapAfter = heapAfter;
await sendToParent(report);
process.disconnect();
