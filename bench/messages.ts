/**
 * What the benchmark's child processes are told and what they send back over the IPC channel, as
 * zod schemas: a message from another process is input like any other, so it is parsed where it
 * arrives. Each schema is checked against the TypeScript type the code uses, so they cannot drift.
 */
import { z } from 'zod';
import type { MeasureOptions, RowResult, SetResult, SlowQuestion } from './answering.ts';
import type { HotFunction, ProfileSummary } from './profile.ts';
import type { RunStats } from './stats.ts';

export const HotFunctionSchema = z.object({
  name: z.string(),
  selfMs: z.number(),
  totalMs: z.number(),
  selfShare: z.number(),
  totalShare: z.number(),
}) satisfies z.ZodType<HotFunction>;

export const ProfileSummarySchema = z.object({
  ms: z.number(),
  hot: z.array(HotFunctionSchema),
  own: z.array(HotFunctionSchema),
  phases: z.record(z.string(), z.number()).optional(),
}) satisfies z.ZodType<ProfileSummary>;

/** JSON turns NaN into null: a row with no timed answers comes back with nulls. */
const Ms = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);

export const RunStatsSchema = z.object({
  n: z.number(),
  p50: Ms,
  p95: Ms,
  p99: Ms,
  max: Ms,
  qps: Ms,
}) satisfies z.ZodType<RunStats, unknown>;

export const RowResultSchema = z.object({
  row: z.string(),
  questions: z.number(),
  stats: RunStatsSchema,
  coldMs: z.number(),
  citations: z.number(),
  textChars: z.number(),
}) satisfies z.ZodType<RowResult, unknown>;

export const SlowQuestionSchema = z.object({ question: z.string(), row: z.string(), ms: z.number() }) satisfies z.ZodType<SlowQuestion>;

export const SetResultSchema = z.object({
  questions: z.number(),
  passes: z.number(),
  rows: z.array(RowResultSchema),
  all: RowResultSchema,
  parser: RowResultSchema,
  search: RowResultSchema.optional(),
  searchWork: z.object({ tiers: z.number(), scored: z.number() }).optional(),
  slowest: z.array(SlowQuestionSchema),
  errors: z.array(z.string()),
  profile: ProfileSummarySchema.optional(),
}) satisfies z.ZodType<SetResult, unknown>;

export const MeasureOptionsSchema = z.object({
  runs: z.number().int().positive(),
  slowPassMs: z.number().positive(),
  targets: z.object({ p50: z.number().positive().optional(), p99: z.number().positive(), max: z.number().positive().optional() }).optional(),
  profileMs: z.number().positive(),
  collect: z.boolean().optional(),
}) satisfies z.ZodType<MeasureOptions, unknown>;

/** Memory after loading, in bytes. */
export const LoadMemorySchema = z.object({
  rss: z.number(),
  heapUsed: z.number(),
  /** After a full garbage collection: the data the engine keeps alive. */
  heapUsedAfterGc: z.number(),
  rssAfterGc: z.number(),
  /** Highest RSS of the process so far (the load's peak). */
  peakRss: z.number(),
});
export type LoadMemory = z.infer<typeof LoadMemorySchema>;

/** A scale child's job: load one data folder and measure the question set. */
export const ScaleJobSchema = z.object({
  dataDir: z.string(),
  /** The question set's seed, and how many of its questions to ask (spread evenly), or all. */
  seed: z.string(),
  sample: z.number().int().positive().optional(),
  measure: MeasureOptionsSchema,
  /** Profile the load with the sampling profiler (about 1–2% slower) to split it into phases. */
  profileLoad: z.boolean(),
});
export type ScaleJob = z.infer<typeof ScaleJobSchema>;

export const LoadReportSchema = z.object({
  /** Epoch milliseconds (performance.timeOrigin + now) when the engine was ready. */
  readyAt: z.number(),
  /** Engine load alone: loadEngine() from call to return. */
  loadMs: z.number(),
  /** From loadEngine() to the passage index's later tiers all built (they are finished after ready). */
  indexedMs: z.number(),
  documents: z.number(),
  memory: LoadMemorySchema,
  profile: ProfileSummarySchema.optional(),
});
export type LoadReport = z.infer<typeof LoadReportSchema>;

export const ScaleMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('loaded'), load: LoadReportSchema }),
  z.object({ kind: z.literal('begin'), question: z.string() }),
  z.object({ kind: z.literal('pass'), passes: z.number() }),
  z.object({ kind: z.literal('measured'), result: SetResultSchema, memory: LoadMemorySchema }),
  z.object({ kind: z.literal('done') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type ScaleMessage = z.input<typeof ScaleMessageSchema>;

/** A start-up child's job: start, load, report when ready; optionally time each load phase. */
export const StartupJobSchema = z.object({
  dataDir: z.string(),
  indexFile: z.string().optional(),
  /** Time reading/validating the data, the figure table and the passage index one by one. */
  phases: z.boolean(),
  /** After ready, wait for the passage index to be complete, then ask this sample of the question
   * set (a cold pass and `runs` timed ones): memory after a burst, as the running bot has it. */
  burst: z.object({ seed: z.string(), sample: z.number().int().positive(), runs: z.number().int().positive() }).optional(),
});
export type StartupJob = z.infer<typeof StartupJobSchema>;

export const StartupReportSchema = z.object({
  readyAt: z.number(),
  /** Milliseconds from the child's own time origin (its start, as Node sees it) to imports done and to ready. */
  importedMs: z.number(),
  readyMs: z.number(),
  loadMs: z.number(),
  indexFromFile: z.boolean(),
  rss: z.number(),
  heapUsedAfterGc: z.number(),
  phases: z.record(z.string(), z.number()).optional(),
  /** Live heap after each phase (bytes), with `phases`. */
  heapAfter: z.record(z.string(), z.number()).optional(),
  /** With `burst`: RSS once the index is complete, right after the questions and at its highest
   * (bytes, no collection forced before), and every answer's latency (ms); `heapUsedAfterGc` is then
   * taken after the burst. */
  burst: z
    .object({
      rssIndexed: z.number(),
      rssAfter: z.number(),
      peakRss: z.number(),
      answers: z.number(),
      p50: z.number(),
      p99: z.number(),
      max: z.number(),
      errors: z.number(),
    })
    .optional(),
});
export type StartupReport = z.infer<typeof StartupReportSchema>;

/** The Slack child's job: where the local Web API is, and the app's (made-up) credentials. */
export const SlackJobSchema = z.object({
  apiUrl: z.string(),
  botToken: z.string(),
  signingSecret: z.string(),
  /** State and work queue in this Redis, under this prefix; in the process when absent. */
  redis: z.object({ url: z.string(), prefix: z.string() }).optional(),
});
export type SlackJob = z.infer<typeof SlackJobSchema>;

/** The Slack child's first message: it is listening. */
export const SlackListeningSchema = z.object({ port: z.number().int().positive() });

/** What the parent asks the Slack child for, between levels and after each level's load. */
export const SLACK_PAUSES_REQUEST = 'pauses';
/** The Slack child's answer: its longest pauses since it was last asked (ms). */
export const SlackPausesSchema = z.object({
  /** The event loop's longest delay (a turn of the loop that long, or a stall). */
  loopDelayMaxMs: z.number(),
  /** The longest garbage collection pause. */
  gcPauseMaxMs: z.number(),
});
export type SlackPauses = z.infer<typeof SlackPausesSchema>;
