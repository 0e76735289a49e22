/**
 * End to end through Slack: the real Slack adapter (Bolt over HTTP, in a child process of its own)
 * on loopback, a local Slack-compatible Web API (the adapter tests' fake, reused), and signed
 * app_mention events sent over a given number of keep-alive connections (slack-load.ts), bounded in
 * count and time. Measures the ack (the HTTP response Slack waits three seconds for) and request →
 * reply posted (the last chat.postMessage of the answer, seen by the fake API). After each level the
 * adapter is left to finish its answers and charts, so one level's backlog is not the next's, and
 * the CPU it used for them is counted.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { slackConfigFromEnv, startSlack } from '../adapters/slack/index.ts';
import { RedisState } from '../adapters/shared/state/redis.ts';
import { deletePrefix } from '../test/adapters/support/redis.ts';
import { renderFailure } from '../adapters/slack/render-blocks.ts';
import { createLogger, loadEngine } from '../src/index.ts';
import { BOT_USER_ID, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../test/adapters/slack/support/fake-slack-api.ts';
import { slackSignature } from '../test/adapters/slack/support/sign.ts';
import { appMention } from '../test/adapters/slack/support/slack-payloads.ts';
import { bundledScript } from './bundle.ts';
import { epochNow, startChild } from './child.ts';
import { SLACK_PAUSES_REQUEST, SlackListeningSchema, type SlackJob, type SlackPauses, SlackPausesSchema } from './messages.ts';
import { startFlags } from './npm-start.ts';
import { hotFunctions, hotOwnFunctions, readCpuProfile, type ProfileSummary } from './profile.ts';
import { QUESTIONS, QUESTION_TYPES } from './questions.ts';
import { runLoad, latencyPercentiles } from './slack-load.ts';

/** An answer's parts are posted one after another: this long without a post, every part is in. */
const REPLY_PARTS_QUIET_MS = 200;
/** After a level, the adapter is given this long without calling the Web API as a sign that it has
 * finished the level's answers and charts… */
const IDLE_QUIET_MS = 1_000;
/** …or this long while questions are still unanswered: a stall of a second (a busy machine) is not
 * the end, and a question whose worker died comes back once its lease (30 s) lapses and is reclaimed. */
const UNANSWERED_QUIET_MS = 60_000;
/** …waiting at most this long for it. */
const IDLE_WAIT_MAX_MS = 180_000;

/** Made-up credentials: the fake API accepts any token, and the adapter checks signatures with this secret. */
const BOT_TOKEN = 'xoxb-0000000000-0000000000-benchmarkTokenNotReal';
const SIGNING_SECRET = 'bench5ec7e7e2e0f0rcewa7c4516n1n6';

export interface SlackLevel {
  connections: number;
  /** Requests in all… */
  amount: number;
  /** …or until this many seconds have passed. */
  maxSeconds: number;
  /** Events per second over all connections; unset, each connection sends its next event as soon as
   * the last one is acknowledged (as fast as the adapter acks). */
  rate?: number;
}

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface SlackLevelResult {
  connections: number;
  rate?: number;
  /** Requests answered by the adapter (any status). */
  responses: number;
  /** From starting the level to its last response. */
  seconds: number;
  /** Opening the level's connections before its clock started (ms, on an idle adapter). */
  openMs: number;
  /** After the drain, how long until the adapter had called the Web API for nothing (charts
   * included) for a second (ms): the next level starts then. */
  settleMs: number;
  /** CPU time the adapter's process used (ms, every thread): while the level's requests were
   * being sent and acknowledged (answers running then included), and in all, until it settled.
   * Only for an adapter in a child process on Linux. */
  adapterCpuMs?: { sending: number; all: number };
  /** Acks per second over `seconds`. */
  throughput: number;
  /** HTTP response latency: from writing the request to the end of its response (ms). */
  ack: Percentiles;
  /** From the request being written to the answer's last message reaching the Web API (ms). */
  reply: Percentiles;
  errors: {
    non2xx: number;
    /** Connection errors, timeouts included. */
    transport: number;
    timeouts: number;
    /** Acknowledged, but no reply was posted within the drain time. */
    noReply: number;
    /** The adapter posted its "something went wrong" message. */
    failedReplies: number;
    /** Parts of answers posted more than once (each part carries its own key). */
    duplicateParts: number;
  };
  /** Of the `noReply`: replies posted after the drain, before the adapter went idle (slow), and
   * questions still unanswered then (lost: see untilIdle for how long they are waited for). */
  afterDrain: { late: number; never: number };
  /** Web API calls a mention acknowledged, by method, until the adapter went idle. */
  callsPerMention: Record<string, number>;
  /** The longest pauses while the level's requests were being sent (ms): the adapter's event loop
   * and garbage collector (an adapter in a child process only), and this process's event loop,
   * where the load is sent and timed. */
  pauses?: { adapter?: SlackPauses; benchLoopDelayMaxMs: number };
}

export interface SlackResult {
  levels: SlackLevelResult[];
  /** With `profileDir`: where the adapter process spent its time over all levels. */
  profile?: ProfileSummary;
  failure?: string;
}

/** Questions typed after the @mention: every type's questions asked through answer(). */
function mentionQuestions(): string[] {
  return QUESTION_TYPES.flatMap((t) => QUESTIONS[t].filter((q) => q.via === 'answer').map((q) => q.text));
}

/** Follows each question's reply at the fake Web API: when its last message arrived, and whether it
 * failed. (Not the progress reaction's removal: reactions are best-effort and dropped under load.)
 * Every posted part carries its idempotency key in its metadata (delivery.ts), so a part posted
 * twice is seen as such; and replies are followed past the drain, until the adapter is idle, to tell
 * a slow reply from one never posted. */
class ReplyTracker {
  readonly sentAt = new Map<string, number>();
  private readonly lastPost = new Map<string, number>();
  private readonly parts = new Set<string>();
  /** When the latest post of any answer arrived. */
  lastPostAt = 0;
  /** When the latest Web API call of any kind arrived, this level's or not. */
  anyCallAt = 0;
  failed = 0;
  /** Parts posted again under a key already posted. */
  duplicates = 0;
  /** Web API calls by method, this level's. */
  readonly calls = new Map<string, number>();
  private readonly failureText = renderFailure().text;

  /** Called for each call the fake receives, as it arrives. */
  see(call: RecordedCall): void {
    const thread = call.body.thread_ts;
    this.anyCallAt = epochNow();
    this.calls.set(call.method, (this.calls.get(call.method) ?? 0) + 1);
    if (call.method === 'chat.postMessage' && typeof thread === 'string' && this.sentAt.has(thread)) {
      this.lastPostAt = epochNow();
      this.lastPost.set(thread, this.lastPostAt);
      if (call.body.text === this.failureText) this.failed++;
      const key = PartKey.safeParse(call.body.metadata).data?.event_payload.key;
      if (key !== undefined && this.parts.has(key)) this.duplicates++;
      if (key !== undefined) this.parts.add(key);
    }
  }

  /** Questions with at least one message of their answer posted. */
  get answered(): number {
    return this.lastPost.size;
  }

  /** From each question's request to its answer's last message so far (ms). */
  replyMs(): number[] {
    return [...this.lastPost].map(([ts, posted]) => posted - (this.sentAt.get(ts) ?? posted));
  }

  reset(): void {
    this.sentAt.clear();
    this.lastPost.clear();
    this.parts.clear();
    this.calls.clear();
    this.lastPostAt = 0;
    this.failed = 0;
    this.duplicates = 0;
  }
}

/** A posted part's metadata, as delivery.ts writes it. */
const PartKey = z.object({ event_payload: z.object({ key: z.string() }) });

/** Routes every call the fake records through `see`, as it is recorded: the fake keeps its calls
 * in one array, so its push is where a call's arrival time can be read without polling. */
function watchCalls(fake: FakeSlackApi, see: (call: RecordedCall) => void): void {
  const calls = fake.calls;
  const push = calls.push.bind(calls);
  calls.push = (...items: RecordedCall[]) => {
    for (const call of items) see(call);
    return push(...items);
  };
}

/** A running adapter: where it listens, how to stop it, the CPU time it has used so far (ms), and
 * its longest pauses since last asked, when those can be read. */
interface Adapter {
  port: number;
  stop: () => Promise<void>;
  cpuMs: () => number | undefined;
  pauses: () => Promise<SlackPauses | undefined>;
}

/** User plus system CPU time of process `pid` (ms, all its threads), from /proc on Linux: the 14th
 * and 15th fields of /proc/<pid>/stat, in USER_HZ ticks (100 a second on Linux's ABI). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in brackets, may hold spaces: count fields from after it (field 3 on).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The adapter under test: in a child process (the benchmark), or in this one (the smoke test);
 * with `redis`, its state and work queue there. */
async function startAdapter(apiUrl: string, isolate: boolean, redis: SlackJob['redis'], profileDir?: string): Promise<Adapter> {
  if (!isolate) {
    const logger = createLogger({ level: 'silent' });
    const config = slackConfigFromEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: apiUrl });
    if (config === null) throw new Error('bench: the Slack config was not read');
    const state = redis === undefined ? undefined : await RedisState.connect(redis.url, redis.prefix, logger);
    const withRedis = redis === undefined || state === undefined ? {} : { state, queue: { ...redis, leaseMs: 30_000 } };
    const slack = await startSlack({ engine: loadEngine({ logger }), logger, config, ...withRedis });
    if (slack.port === null) throw new Error('bench: the Slack adapter did not report a port');
    return {
      port: slack.port,
      // The benchmark's own work shares this process: no CPU or pauses of the adapter's alone.
      cpuMs: () => undefined,
      pauses: () => Promise.resolve(undefined),
      stop: async () => {
        await slack.stop();
        await state?.close();
      },
    };
  }
  const job: SlackJob = { apiUrl, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, ...(redis === undefined ? {} : { redis }) };
  // --cpu-prof writes the adapter's whole profile when it exits.
  const profiling = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=500'];
  const child: ChildProcess = startChild(await bundledScript('slack-child.ts'), [JSON.stringify(job)], {
    execArgv: [...startFlags(), ...profiling],
    stderr: 'inherit',
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench: the Slack adapter did not start within 30 s')), 30_000);
    child.once('message', (raw: unknown) => {
      clearTimeout(timer);
      const parsed = SlackListeningSchema.safeParse(raw);
      if (parsed.success) resolve(parsed.data.port);
      else reject(new Error(`bench: unreadable message from the Slack child: ${parsed.error.message}`));
    });
    child.once('exit', (code) => reject(new Error(`bench: the Slack adapter exited with code ${String(code)} before listening`)));
  });
  return {
    port,
    cpuMs: () => processCpuMs(child.pid),
    pauses: () =>
      new Promise((resolve) => {
        // A child too busy to answer within 10 s has no figures worth waiting for.
        const timer = setTimeout(() => resolve(undefined), 10_000);
        child.once('message', (raw: unknown) => {
          clearTimeout(timer);
          resolve(SlackPausesSchema.safeParse(raw).data);
        });
        child.send(SLACK_PAUSES_REQUEST);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
        // Not waiting forever for a child that will not stop.
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/** Waits until the adapter has called the Web API for nothing for IDLE_QUIET_MS (it has finished
 * its answers and their charts), or UNANSWERED_QUIET_MS while fewer than `acked` questions are
 * answered, at most IDLE_WAIT_MAX_MS; resolves how long that took, less the
 * quiet second itself. */
async function untilIdle(tracker: ReplyTracker, acked: number): Promise<number> {
  const started = epochNow();
  const quietFor = () => (tracker.answered < acked ? UNANSWERED_QUIET_MS : IDLE_QUIET_MS);
  while (epochNow() - Math.max(tracker.anyCallAt, started - IDLE_QUIET_MS) < quietFor() && epochNow() - started < IDLE_WAIT_MAX_MS) {
    await new Promise((r) => setTimeout(r, 50));
  }
  return Math.max(0, tracker.anyCallAt - started);
}

async function measureLevel(level: SlackLevel, adapter: Adapter, tracker: ReplyTracker, drainMs: number): Promise<SlackLevelResult> {
  const questions = mentionQuestions();
  const channel = `C0BENCH${level.connections}R${level.rate ?? 0}`;
  tracker.reset();
  // Each request a new, correctly signed app_mention with its own event id and ts, all built before
  // the clock starts (slack-load.ts says why).
  const timestamp = Math.floor(Date.now() / 1000);
  const mentions = Array.from({ length: level.amount }, (_, i) => {
    const { ts, body } = appMention(channel, `<@${BOT_USER_ID}> ${questions[i % questions.length] ?? ''}`);
    const raw = JSON.stringify(body);
    return {
      ts,
      request: {
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, raw),
        },
        body: raw,
      },
    };
  });
  const cpuBefore = adapter.cpuMs();
  await adapter.pauses();
  const load = await runLoad({
    url: `http://127.0.0.1:${adapter.port}/slack/events`,
    connections: level.connections,
    maxSeconds: level.maxSeconds,
    timeoutMs: 10_000,
    ...(level.rate === undefined ? {} : { rate: level.rate }),
    requests: mentions.map((m) => m.request),
    onSend: (i, at) => void tracker.sentAt.set(mentions[i]?.ts ?? '', at),
  });
  const cpuSent = adapter.cpuMs();
  const adapterPauses = await adapter.pauses();
  const acked = load.ok;
  // Replies still on their way when the last ack came back; then the last parts of long answers.
  const until = epochNow() + drainMs;
  while (tracker.answered < acked && epochNow() < until) await new Promise((r) => setTimeout(r, 20));
  while (epochNow() - tracker.lastPostAt < REPLY_PARTS_QUIET_MS && epochNow() < until) await new Promise((r) => setTimeout(r, 20));
  const replyMs = tracker.replyMs();
  const failed = tracker.failed;
  // The charts, drawn once no question waits, and anything else still going: counted in this
  // level's CPU, and never left to run into the next level's flood.
  const settleMs = await untilIdle(tracker, acked);
  const cpuAll = adapter.cpuMs();
  const answeredInTheEnd = tracker.answered;
  const responses = load.ok + load.non2xx;
  const ack = latencyPercentiles(load.latencies);
  return {
    connections: level.connections,
    ...(level.rate === undefined ? {} : { rate: level.rate }),
    responses,
    seconds: load.ms / 1000,
    openMs: load.open.ms,
    settleMs,
    ...(cpuBefore === undefined || cpuSent === undefined || cpuAll === undefined
      ? {}
      : { adapterCpuMs: { sending: cpuSent - cpuBefore, all: cpuAll - cpuBefore } }),
    throughput: load.ms > 0 ? (responses * 1000) / load.ms : Number.NaN,
    ack: { n: responses, p50: ack.p50, p99: ack.p99, max: ack.max },
    reply: latencyPercentiles(replyMs),
    errors: {
      non2xx: load.non2xx,
      transport: load.errors,
      timeouts: load.timeouts,
      noReply: Math.max(0, acked - replyMs.length),
      failedReplies: failed,
      duplicateParts: tracker.duplicates,
    },
    afterDrain: { late: answeredInTheEnd - replyMs.length, never: Math.max(0, acked - answeredInTheEnd) },
    callsPerMention: Object.fromEntries([...tracker.calls].map(([method, n]) => [method, n / Math.max(1, acked)])),
    pauses: { ...(adapterPauses === undefined ? {} : { adapter: adapterPauses }), benchLoopDelayMaxMs: load.loopDelayMaxMs },
  };
}

/** Total errors of a level: anything other than an acknowledged request answered with a real reply. */
export function slackErrors(level: SlackLevelResult): number {
  const e = level.errors;
  return e.non2xx + e.transport + e.noReply + e.failedReplies + e.duplicateParts;
}

/** One level's results on one line, for the progress log. */
function progressLine(result: SlackLevelResult, withRedis: boolean): string {
  const { ack, reply, adapterCpuMs, afterDrain, errors } = result;
  const perMention = (ms: number) => (ms / Math.max(1, result.responses)).toFixed(2);
  const cpu =
    adapterCpuMs === undefined
      ? ''
      : `; adapter CPU ${perMention(adapterCpuMs.sending)} ms an ack while sending, ${perMention(adapterCpuMs.all)} ms a mention in all`;
  const calls = Object.entries(result.callsPerMention).map(([method, n]) => `${method} ${n.toFixed(2)}`);
  const adapterPauses = result.pauses?.adapter;
  const pauses =
    result.pauses === undefined
      ? ''
      : `; longest pauses while sending: ${adapterPauses === undefined ? '' : `adapter loop ${adapterPauses.loopDelayMaxMs.toFixed(0)} ms, GC ${adapterPauses.gcPauseMaxMs.toFixed(0)} ms, `}bench loop ${result.pauses.benchLoopDelayMaxMs.toFixed(0)} ms`;
  return (
    `slack${withRedis ? ' (Redis)' : ''} ×${result.connections}${result.rate === undefined ? '' : ` at ${result.rate}/s`}: ` +
    `ack p50 ${ack.p50.toFixed(1)} ms p99 ${ack.p99.toFixed(1)} ms; reply p50 ${reply.p50.toFixed(1)} ms p99 ${reply.p99.toFixed(1)} ms; ` +
    `errors ${slackErrors(result)} (no reply ${errors.noReply}: ${afterDrain.late} late, ${afterDrain.never} never; parts twice ${errors.duplicateParts})${cpu}; ` +
    `Web API calls a mention: ${calls.join(', ')}${pauses}`
  );
}

/** Runs each level in turn against one adapter. */
export async function measureSlack(
  levels: readonly SlackLevel[],
  options: { isolate: boolean; drainMs: number; profileDir?: string; onProgress?: (line: string) => void; redisUrl?: string },
): Promise<SlackResult> {
  const fake = await startFakeSlackApi();
  // A prefix of the run's own, deleted afterwards: others may share the Redis.
  const redis = options.redisUrl === undefined ? undefined : { url: options.redisUrl, prefix: `forcewatch-bench:${process.pid}:${randomUUID().slice(0, 8)}:` };
  const tracker = new ReplyTracker();
  watchCalls(fake, (call) => tracker.see(call));
  const results: SlackLevelResult[] = [];
  let adapter: Adapter | undefined;
  try {
    adapter = await startAdapter(fake.apiUrl, options.isolate, redis, options.profileDir);
    for (const level of levels) {
      const result = await measureLevel(level, adapter, tracker, options.drainMs);
      results.push(result);
      // The fake keeps every call and message; a level's are not needed once measured.
      fake.calls.length = 0;
      fake.messages.length = 0;
      options.onProgress?.(progressLine(result, redis !== undefined));
    }
    await adapter.stop();
    adapter = undefined;
    const result: SlackResult = { levels: results };
    if (options.profileDir !== undefined) result.profile = summariseProfileDir(options.profileDir);
    return result;
  } catch (error) {
    return { levels: results, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    await adapter?.stop();
    await fake.close();
    if (redis !== undefined) await deletePrefix(redis.prefix);
  }
}

/** The main thread's profile that `--cpu-prof` left in `dir` (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile):
 * tsx's loader runs in a thread of its own, which writes a profile too. The newest, if several. */
function summariseProfileDir(dir: string): ProfileSummary | undefined {
  const newest = readdirSync(dir)
    .filter((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) return undefined;
  const profile = readCpuProfile(newest);
  const ms = profile.timeDeltas.reduce((t, d) => t + d, 0) / 1000;
  return { ms, hot: hotFunctions(profile, 12), own: hotOwnFunctions(profile, 8) };
}
