/**
 * The scale benchmark's parent side: for each size (the bundled data, then generated corpora of
 * growing size), a child process loads the engine and asks the question set, under a watchdog so a
 * size whose answers take minutes is stopped and reported rather than left to hang the benchmark.
 */
import { loadDataset } from '../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../src/engine.ts';
import type { MeasureOptions, SetResult } from './answering.ts';
import { benchScript, runChild } from './child.ts';
import { corpus, type CorpusInfo } from './corpus.ts';
import { ScaleMessageSchema, type LoadMemory, type LoadReport, type ScaleJob, type ScaleMessage } from './messages.ts';
import { runScaleJob } from './scale-job.ts';

/** One size to measure: the bundled data, or a generated corpus of this many documents. */
export type SizeSpec = { kind: 'bundled' } | { kind: 'generated'; documents: number };

export interface SizeResult {
  label: string;
  documents: number;
  figures: number;
  textBytes: number;
  corpus?: CorpusInfo;
  /** Process start (spawn) to engine ready, in ms; only when measured in a child process. */
  startToReadyMs?: number;
  load?: LoadReport;
  /** The question set's answering latency, once measured. */
  set?: SetResult;
  /** Memory once the set has been asked (the burst). */
  afterSet?: LoadMemory;
  /** Why the watchdog stopped the child, if it did: the set was not measured. */
  stopped?: string;
  failure?: string;
}

export interface ScaleOptions {
  seed: string;
  fresh: boolean;
  /** How many of the set's questions to ask (spread evenly over it), or all. */
  sample?: number;
  measure: MeasureOptions;
  /** Run each size in a child process (the benchmark) or in this one (the smoke test). */
  isolate: boolean;
  profileLoad: boolean;
  /** Limits for the watchdog, by number of documents. */
  deadlineMs: (documents: number) => number;
  answerLimitMs: (documents: number) => number;
  onProgress?: (line: string) => void;
}

export function sizeLabel(spec: SizeSpec): string {
  return spec.kind === 'bundled' ? 'bundled' : `${spec.documents.toLocaleString('en-GB')} docs`;
}

/** Measures one size. */
export async function measureSize(spec: SizeSpec, options: ScaleOptions): Promise<SizeResult> {
  const label = sizeLabel(spec);
  let dataDir: string;
  let base: SizeResult;
  if (spec.kind === 'bundled') {
    // Read as the engine reads it, so ingested data (data/ingested/) is counted with the curated files.
    const { documents, figures } = loadDataset(BUNDLED_DATA_DIR);
    dataDir = BUNDLED_DATA_DIR;
    base = {
      label,
      documents: documents.length,
      figures: figures.length,
      textBytes: documents.reduce((t, d) => t + Buffer.byteLength(d.text), 0),
    };
  } else {
    options.onProgress?.(`${label}: preparing the corpus…`);
    const info = corpus(spec.documents, options.seed, { fresh: options.fresh });
    options.onProgress?.(`${label}: corpus ${info.cached ? 'reused from cache' : `generated in ${(info.generatedMs / 1000).toFixed(1)} s`} (${info.dir})`);
    dataDir = info.dir;
    base = { label, documents: info.documents, figures: info.figures, textBytes: info.textBytes, corpus: info };
  }
  const job: ScaleJob = {
    dataDir,
    seed: options.seed,
    measure: options.measure,
    profileLoad: options.profileLoad,
    ...(options.sample === undefined ? {} : { sample: options.sample }),
  };
  const result: SizeResult = { ...base };
  const take = (message: ScaleMessage) => {
    const parsed = ScaleMessageSchema.parse(message);
    if (parsed.kind === 'loaded') {
      result.load = parsed.load;
      options.onProgress?.(`${label}: ready in ${(parsed.load.loadMs / 1000).toFixed(2)} s (load), RSS ${(parsed.load.memory.rss / 2 ** 20).toFixed(0)} MB`);
    } else if (parsed.kind === 'pass')
      options.onProgress?.(`${label}: ${parsed.passes === 0 ? 'every question asked once' : `timed pass ${parsed.passes} done`}`);
    else if (parsed.kind === 'measured') {
      result.set = parsed.result;
      result.afterSet = parsed.memory;
      const s = parsed.result.all.stats;
      options.onProgress?.(
        `${label}: ${parsed.result.questions} questions: p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms, max ${s.max.toFixed(1)} ms (${s.n} answers)`,
      );
    } else if (parsed.kind === 'failed') result.failure = parsed.message;
  };

  if (!options.isolate) {
    await runScaleJob(job, take);
    return result;
  }
  const run = await runChild({
    script: benchScript('scale-child.ts'),
    args: [JSON.stringify(job)],
    schema: ScaleMessageSchema,
    deadlineMs: options.deadlineMs(base.documents),
    nextWithin: (m) => (m.kind === 'begin' ? options.answerLimitMs(base.documents) : undefined),
    describeStall: (m, ms) =>
      m.kind === 'begin'
        ? `stopped: answering “${m.question}” had not finished after ${Math.round(ms / 1000)} s`
        : `stopped after ${Math.round(ms / 1000)} s without progress`,
    onMessage: take,
  });
  if (result.load) result.startToReadyMs = result.load.readyAt - run.spawnedAt;
  if (run.stopped !== undefined) result.stopped = run.stopped;
  else if (run.exitCode !== 0 && result.failure === undefined)
    result.failure = `child exited with code ${String(run.exitCode)}: ${run.stderr.trim().split('\n').slice(-5).join(' / ')}`;
  return result;
}
