/**
 * A durable work queue on Redis Streams, used when REDIS_URL is set: a delivery is stored (XADD)
 * before the platform is told it arrived, and a worker in any replica claims it through a consumer
 * group, works on it under a lease it renews while it works, and marks it done (XACK). Work left
 * by a process that crashed or was killed stops having its lease renewed, and another worker
 * (another replica, or the same one restarted) claims it again (XAUTOCLAIM) once the lease has
 * lapsed. A job that keeps failing is given up after {@link MAX_ATTEMPTS}, with an error logged.
 *
 * A delivery the platform may send more than once (a retry, a replay, the same message as two
 * events) is stored with {@link WorkQueue.enqueueOnce}: the key is checked, the job stored and the
 * key recorded in one script, one round trip before the acknowledgement.
 *
 * Work may so run more than once (a worker killed after posting, before marking done): the
 * handler is told the attempt number and posts idempotently (see adapters/slack/delivery.ts).
 *
 * A job may end in work that can wait (an answer's chart, after the answer): its handler then
 * releases its place among the jobs worked on at once and the next job is taken, while the released
 * one stays claimed, its lease renewed, until it is done. Held to its place, a charted answer kept a
 * newer question waiting for the chart, which is drawn only when no question waits: under a burst
 * the answers came out at the pace of the charts, seconds to minutes late (BENCHMARKS.md).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from '../../../src/index.ts';
import { parseJsonOrUndefined } from '../json.ts';
import { redactRedisUrl } from '../state/redis.ts';
import { JobsInHand } from './jobs-in-hand.ts';

/** Attempts at one job before it is given up. */
export const MAX_ATTEMPTS = 5;
/** How long a claimed job stays claimed without its worker renewing the lease. */
export const DEFAULT_LEASE_MS = 30_000;
/** Jobs kept in the stream at most (done ones are deleted; this bounds a backlog). */
export const STREAM_MAX_LENGTH = 100_000;
/** Jobs one process holds at most by default, those released included: past it, none is taken until
 * one is done. Bounds what a burst of charted answers keeps in memory while the charts wait. */
export const IN_HAND_MAX = 2_000;

/** Where the queue lives and how long a lease lasts. */
export interface QueueConfig {
  url: string;
  prefix: string;
  leaseMs: number;
}

/** What a handler is told about the job it works on. */
export interface JobContext {
  id: string;
  /** 1 the first time; more when a lapsed lease made another worker take it again. */
  attempt: number;
  /** Frees the job's place among those worked on at once: what is left of it can wait for newer
   * jobs. It stays claimed, and is marked done, when the handler resolves. */
  release(): void;
}

export interface WorkQueueOptions<J> {
  config: QueueConfig;
  /** The stream's name, under the prefix ("slack"). */
  name: string;
  /** Parses each stored job on the way out: the stream is outside this process. */
  schema: z.ZodType<J>;
  /** Jobs worked on at once by this process (not counting released ones). */
  concurrency: number;
  /** Jobs held at once, released ones included; {@link IN_HAND_MAX} when absent. */
  inHandMax?: number;
  log: Logger;
}

/** Works on one job; resolving marks it done, rejecting leaves it to be taken again. */
export type JobHandler<J> = (job: J, context: JobContext) => Promise<void>;

const GROUP = 'workers';
const BLOCK_MS = 1_000;

/**
 * KEYS: the once-key, the stream. ARGV: the key's time to live (ms), the stream's MAXLEN, the job.
 * Stores the job and records the key unless the key is held; returns 1 when stored, 0 when not.
 * The key is written after the job, so a failed XADD leaves no key behind to refuse the redelivery.
 */
const ENQUEUE_ONCE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'job', ARGV[3])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1
`;

type QueueRedis = Redis & { enqueueOnce(onceKey: string, stream: string, ttlMs: number, maxLength: number, job: string): Promise<number> };

type StreamEntry = [id: string, fields: string[]];

export class WorkQueue<J> {
  readonly #writer: QueueRedis;
  readonly #reader: Redis;
  readonly #options: WorkQueueOptions<J>;
  readonly #stream: string;
  readonly #consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** Jobs claimed by this process: their leases are renewed together. */
  readonly #inHand: JobsInHand;
  #renewal: NodeJS.Timeout | undefined;
  #stopping = false;
  #wake: () => void = () => {};
  readonly #stopped = new Promise<void>((resolve) => {
    this.#wake = resolve;
  });
  #loops: Promise<void>[] = [];

  private constructor(writer: QueueRedis, reader: Redis, options: WorkQueueOptions<J>) {
    this.#inHand = new JobsInHand(options.concurrency, options.inHandMax ?? IN_HAND_MAX);
    this.#writer = writer;
    this.#reader = reader;
    this.#options = options;
    // Prefixed by hand: ioredis's keyPrefix misses the key of XGROUP CREATE.
    this.#stream = `${options.config.prefix}queue:${options.name}`;
  }

  /** Connects (two connections: reads block one) and makes sure the consumer group exists. */
  static async open<J>(options: WorkQueueOptions<J>): Promise<WorkQueue<J>> {
    const { url } = options.config;
    const connect = () => {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      redis.on('error', (error: Error) => options.log.warn({ error: error.message, url: redactRedisUrl(url) }, 'Redis queue connection error'));
      return redis;
    };
    const writer = connect();
    writer.defineCommand('enqueueOnce', { numberOfKeys: 2, lua: ENQUEUE_ONCE });
    const queue = new WorkQueue(writer as QueueRedis, connect(), options);
    await queue.#ensureGroup();
    return queue;
  }

  /** Makes the stream and its consumer group unless they exist. From '0': a group made again after
   * Redis lost it (restarted empty) reads the jobs stored since. */
  async #ensureGroup(): Promise<void> {
    await this.#writer.xgroup('CREATE', this.#stream, GROUP, '0', 'MKSTREAM').catch((error: unknown) => {
      // Another replica made it first.
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    });
  }

  /** Stores a job; resolves once Redis holds it (then, and only then, may the delivery be acknowledged). */
  async enqueue(job: J): Promise<void> {
    await this.#writer.xadd(this.#stream, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'job', JSON.stringify(job));
  }

  /**
   * Stores a job unless one was stored under `key` in the last `ttlMs` (by any replica): true when
   * stored, false for a duplicate. One round trip; resolves once Redis holds the job and the key.
   */
  async enqueueOnce(key: string, ttlMs: number, job: J): Promise<boolean> {
    return (await this.#writer.enqueueOnce(`${this.#stream}:once:${key}`, this.#stream, ttlMs, STREAM_MAX_LENGTH, JSON.stringify(job))) === 1;
  }

  /** Starts taking jobs, new ones and lapsed ones of other workers, and handing them to `handle`. */
  start(handle: JobHandler<J>): void {
    // One renewal for every job in hand: a claim by this same consumer resets each one's idle time.
    this.#renewal = setInterval(() => this.#renew(), Math.max(50, this.#options.config.leaseMs / 3));
    this.#loops = [this.#readLoop(handle), this.#reclaimLoop(handle)];
  }

  /** Stops taking jobs, then waits up to `graceMs` for the ones in hand. Unfinished ones stay
   * claimed until their lease lapses, when another worker takes them. */
  async stop(graceMs: number): Promise<number> {
    this.#stopping = true;
    this.#wake();
    this.#inHand.wake();
    await Promise.all(this.#loops);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled(this.#inHand.all()), deadline]);
    const unfinished = this.#inHand.size;
    clearInterval(this.#renewal);
    this.#reader.disconnect();
    await this.#writer.quit().catch(() => this.#writer.disconnect());
    return unfinished;
  }

  async #readLoop(handle: JobHandler<J>): Promise<void> {
    while (!this.#stopping) {
      const room = this.#inHand.room();
      if (room <= 0) {
        await this.#inHand.untilRoom();
        continue;
      }
      try {
        const reply = (await this.#reader.xreadgroup('GROUP', GROUP, this.#consumer, 'COUNT', room, 'BLOCK', BLOCK_MS, 'STREAMS', this.#stream, '>')) as
          | [string, StreamEntry[]][]
          | null;
        for (const [id, fields] of reply?.[0]?.[1] ?? []) this.#work(handle, id, fields, 1);
      } catch (error) {
        this.#options.log.error({ error: error instanceof Error ? error.message : String(error) }, 'could not read the work queue; trying again');
        // A Redis restarted without its data has lost the group (NOGROUP), and a job stored since
        // made the stream again without one: every job would wait for ever. Made again, and read.
        await this.#ensureGroup().catch(() => {});
        await this.#sleep(BLOCK_MS);
      }
    }
  }

  async #reclaimLoop(handle: JobHandler<J>): Promise<void> {
    const { leaseMs } = this.#options.config;
    while (!this.#stopping) {
      await this.#sleep(Math.max(100, leaseMs / 2));
      if (this.#stopping) break;
      try {
        // Every lapsed job there is room for, not a few each round: a replica that died held up to
        // IN_HAND_MAX of them, and the questions it had not answered yet may be among the last.
        let cursor = '0-0';
        do {
          const room = this.#inHand.roomToReclaim();
          if (room <= 0) break;
          const [next, entries] = (await this.#writer.xautoclaim(this.#stream, GROUP, this.#consumer, leaseMs, cursor, 'COUNT', Math.min(room, 100))) as [
            string,
            StreamEntry[],
          ];
          cursor = next;
          const pipeline = this.#writer.pipeline();
          for (const [id] of entries) pipeline.xpending(this.#stream, GROUP, id, id, 1);
          const deliveries = ((await pipeline.exec()) ?? []).map(([, pending]) => (pending as [string, string, number, number][] | null)?.[0]?.[3] ?? 2);
          for (const [i, [id, fields]] of entries.entries()) this.#work(handle, id, fields, deliveries[i] ?? 2);
        } while (cursor !== '0-0' && !this.#stopping);
      } catch (error) {
        this.#options.log.error({ error: error instanceof Error ? error.message : String(error) }, 'could not reclaim lapsed work; trying again');
      }
    }
  }

  /** Works on one job under a renewed lease, then marks it done. */
  #work(handle: JobHandler<J>, id: string, fields: string[], attempt: number): void {
    const { log, schema } = this.#options;
    // Already being worked on here (its renewal came too late, and this consumer reclaimed it).
    if (this.#inHand.has(id)) return;
    this.#inHand.hold(id, async () => {
      const raw = fields[fields.indexOf('job') + 1];
      const parsed = raw === undefined ? undefined : schema.safeParse(parseJsonOrUndefined(raw));
      if (parsed?.success !== true) {
        log.error({ jobId: id }, 'dropped a stored job that is not one this version reads');
        return this.#done(id);
      }
      if (attempt > MAX_ATTEMPTS) {
        log.error({ jobId: id, attempt }, 'gave up on a job after too many attempts');
        return this.#done(id);
      }
      try {
        log.debug({ jobId: id, attempt }, 'working on a queued job');
        await handle(parsed.data, { id, attempt, release: () => this.#inHand.release(id) });
        await this.#done(id);
      } catch (error) {
        // Left claimed: it is taken again once the lease lapses.
        log.error({ jobId: id, attempt, error: error instanceof Error ? error.message : String(error) }, 'a queued job failed; it will be retried');
      }
    });
  }

  /** Renews the leases of every job in hand, in one command per thousand. */
  #renew(): void {
    const ids = this.#inHand.ids();
    for (let i = 0; i < ids.length; i += 1_000) {
      void this.#writer.xclaim(this.#stream, GROUP, this.#consumer, 0, ...ids.slice(i, i + 1_000), 'JUSTID').catch(() => {});
    }
  }

  /** Waits `ms`, or less if the queue is stopped meanwhile. */
  async #sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, ms))), this.#stopped]);
    clearTimeout(timer);
  }

  async #done(id: string): Promise<void> {
    await this.#writer.multi().xack(this.#stream, GROUP, id).xdel(this.#stream, id).exec();
  }
}
