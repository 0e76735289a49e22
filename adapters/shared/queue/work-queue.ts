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
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from '../../../src/index.ts';
import { parseJsonOrUndefined } from '../json.ts';
import { redactRedisUrl } from '../state/redis.ts';

/** Attempts at one job before it is given up. */
export const MAX_ATTEMPTS = 5;
/** How long a claimed job stays claimed without its worker renewing the lease. */
export const DEFAULT_LEASE_MS = 30_000;
/** Jobs kept in the stream at most (done ones are deleted; this bounds a backlog). */
export const STREAM_MAX_LENGTH = 100_000;

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
}

export interface WorkQueueOptions<J> {
  config: QueueConfig;
  /** The stream's name, under the prefix ("slack"). */
  name: string;
  /** Parses each stored job on the way out: the stream is outside this process. */
  schema: z.ZodType<J>;
  /** Jobs worked on at once by this process. */
  concurrency: number;
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
  readonly #working = new Set<Promise<void>>();
  #stopping = false;
  #wake: () => void = () => {};
  readonly #stopped = new Promise<void>((resolve) => {
    this.#wake = resolve;
  });
  #loops: Promise<void>[] = [];

  private constructor(writer: QueueRedis, reader: Redis, options: WorkQueueOptions<J>) {
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
    this.#loops = [this.#readLoop(handle), this.#reclaimLoop(handle)];
  }

  /** Stops taking jobs, then waits up to `graceMs` for the ones in hand. Unfinished ones stay
   * claimed until their lease lapses, when another worker takes them. */
  async stop(graceMs: number): Promise<number> {
    this.#stopping = true;
    this.#wake();
    await Promise.all(this.#loops);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.#working]), deadline]);
    const unfinished = this.#working.size;
    this.#reader.disconnect();
    await this.#writer.quit().catch(() => this.#writer.disconnect());
    return unfinished;
  }

  async #readLoop(handle: JobHandler<J>): Promise<void> {
    while (!this.#stopping) {
      const room = this.#options.concurrency - this.#working.size;
      if (room <= 0) {
        await Promise.race(this.#working);
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
        const [, entries] = (await this.#writer.xautoclaim(this.#stream, GROUP, this.#consumer, leaseMs, '0-0', 'COUNT', 10)) as [string, StreamEntry[]];
        for (const [id, fields] of entries) {
          const pending = (await this.#writer.xpending(this.#stream, GROUP, id, id, 1)) as [string, string, number, number][];
          this.#work(handle, id, fields, pending[0]?.[3] ?? 2);
        }
      } catch (error) {
        this.#options.log.error({ error: error instanceof Error ? error.message : String(error) }, 'could not reclaim lapsed work; trying again');
      }
    }
  }

  /** Works on one job under a renewed lease, then marks it done. */
  #work(handle: JobHandler<J>, id: string, fields: string[], attempt: number): void {
    const { log, schema, config } = this.#options;
    const task = (async () => {
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
      // Renewing the lease: a claim by this same consumer resets the job's idle time.
      const renew = setInterval(
        () => {
          void this.#writer.xclaim(this.#stream, GROUP, this.#consumer, 0, id, 'JUSTID').catch(() => {});
        },
        Math.max(50, config.leaseMs / 3),
      );
      try {
        log.debug({ jobId: id, attempt }, 'working on a queued job');
        await handle(parsed.data, { id, attempt });
        await this.#done(id);
      } catch (error) {
        // Left claimed: it is taken again once the lease lapses.
        log.error({ jobId: id, attempt, error: error instanceof Error ? error.message : String(error) }, 'a queued job failed; it will be retried');
      } finally {
        clearInterval(renew);
      }
    })();
    this.#working.add(task);
    void task.finally(() => this.#working.delete(task));
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
