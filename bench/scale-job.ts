/**
 * One corpus size, measured: load the engine on a data folder (timing it, and its memory after
 * load), then measure the question set's answering latency, and memory after it. Runs in a child
 * process of its own in the full benchmark, so each size's memory is its own, and in-process in the
 * smoke test.
 */
import { loadEngine, type Engine } from '../src/index.ts';
import { PassageIndex } from '../src/search/passages.ts';
import { measureSet, type SearchWork } from './answering.ts';
import type { LoadMemory, LoadReport, ScaleJob, ScaleMessage } from './messages.ts';
import { profileWork } from './profile.ts';
import { questionSet, sampleOf } from './question-set.ts';

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
  if (!job.profileLoad) load();
  const profile = job.profileLoad ? await profileWork(load, 1_000, LOAD_PHASES) : undefined;
  const readyAt = epochNow();
  if (engine === undefined) throw new Error('bench: the engine did not load');
  // Memory is read once the passage index's later tiers, finished after start-up, are all built.
  // That work does not keep a process alive, so this timer does while it is waited for.
  const hold = setInterval(() => undefined, 60_000);
  await indexed;
  clearInterval(hold);
  const report: LoadReport = { readyAt, loadMs, indexedMs, documents: engine.sources().length, memory: memoryNow() };
  if (profile) report.profile = profile;
  emit({ kind: 'loaded', load: report });
  const questions = sampleOf(questionSet(job.seed), job.sample);
  const result = await measureSet(engine, questions, job.measure, {
    onBegin: (question) => emit({ kind: 'begin', question }),
    onPass: (passes) => emit({ kind: 'pass', passes }),
    searchMs: searchClock().ms,
    searchWork: searchClock().work,
  });
  emit({ kind: 'measured', result, memory: memoryNow() });
  emit({ kind: 'done' });
}

/** Memory now, before and after a full garbage collection (when gc is exposed). */
function memoryNow(): LoadMemory {
  const before = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  return { rss: before.rss, heapUsed: before.heapUsed, heapUsedAfterGc: after.heapUsed, rssAfterGc: after.rss, peakRss: process.resourceUsage().maxRSS * 1024 };
}

/** The time and work of the full-text searches so far (see {@link searchClock}). */
interface SearchClock {
  ms: () => number;
  work: () => SearchWork;
}

let clock: SearchClock | undefined;

/**
 * The milliseconds spent so far in full-text searches (PassageIndex.search, which `find` calls), and
 * the tiers they read and passages they scored, counted by wrapping the method once per process: the
 * engine keeps its index to itself, and this splits an answer's time into the search's part and the
 * rest.
 */
function searchClock(): SearchClock {
  if (clock) return clock;
  let spent = 0;
  const work: SearchWork = { tiers: 0, scored: 0 };
  const search = PassageIndex.prototype.search;
  PassageIndex.prototype.search = function (this: PassageIndex, ...args: Parameters<PassageIndex['search']>) {
    const started = performance.now();
    try {
      const found = search.apply(this, args);
      work.tiers += found.read.tiers;
      work.scored += found.read.scored;
      return found;
    } finally {
      spent += performance.now() - started;
    }
  };
  clock = { ms: () => spent, work: () => ({ ...work }) };
  return clock;
}
