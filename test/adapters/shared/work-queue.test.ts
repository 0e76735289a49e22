/**
 * The durable work queue on the real Redis, each run under its own key prefix: a stored job is
 * worked on once among several workers; a job whose worker stops renewing its lease (a crash) is
 * taken up by another, told it is a second attempt; a job that releases its place lets the next one
 * in while it stays claimed; a job stored under a key is stored once however
 * many replicas store it; a group Redis lost is made again; a stored job this version cannot read is dropped with an error rather
 * than retried for ever.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkQueue, type JobContext } from '../../../adapters/shared/queue/work-queue.ts';
import { createLogger } from '../../../src/index.ts';
import { deletePrefix, keysUnder, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';

const prefix = testPrefix('work-queue');
const log = createLogger({ level: 'silent' });
const Job = z.object({ n: z.number() });
type Job = z.infer<typeof Job>;
const open = (name: string) => WorkQueue.open({ config: { url: TEST_REDIS_URL, prefix, leaseMs: 600 }, name, schema: Job, concurrency: 4, log });
const until = async (done: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

describe('the work queue', () => {
  it('gives each stored job to one of several workers, once', async () => {
    const [a, b] = await Promise.all([open('once'), open('once')]);
    const seen: number[] = [];
    const handle = async (job: Job) => void seen.push(job.n);
    a.start(handle);
    b.start(handle);
    for (let n = 0; n < 20; n += 1) await a.enqueue({ n });
    await until(() => seen.length === 20);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    await Promise.all([a.stop(1_000), b.stop(1_000)]);
  });

  it('lets another worker take up a job whose worker stopped renewing its lease, as a second attempt', async () => {
    const crashed = await open('lease');
    crashed.start(() => new Promise<void>(() => {})); // takes the job and never finishes it
    await crashed.enqueue({ n: 7 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await crashed.stop(0); // stops renewing, leaving the job claimed
    const taken: JobContext[] = [];
    const survivor = await open('lease');
    survivor.start(async (_job, context) => void taken.push(context));
    await until(() => taken.length === 1);
    expect(taken[0]?.attempt).toBe(2);
    await survivor.stop(1_000);
  });

  it('takes its next job once a job releases its place, and keeps the released one claimed until it is done', async () => {
    const queue = await WorkQueue.open({ config: { url: TEST_REDIS_URL, prefix, leaseMs: 600 }, name: 'release', schema: Job, concurrency: 1, log });
    let finishFirst: () => void = () => {};
    const seen: number[] = [];
    queue.start(async (job, { release }) => {
      seen.push(job.n);
      if (job.n !== 1) return;
      // An answer posted, its chart still to come.
      release();
      await new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
    });
    await queue.enqueue({ n: 1 });
    await queue.enqueue({ n: 2 });
    await until(() => seen.length === 2);
    // Past two leases: a worker elsewhere finds nothing lapsed to take, as the released job's lease is renewed.
    const other = await open('release');
    const taken: number[] = [];
    other.start(async (job) => void taken.push(job.n));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(taken).toEqual([]);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const pending = async () => ((await redis.xpending(`${prefix}queue:release`, 'workers')) as [number])[0];
      expect(await pending()).toBe(1);
      finishFirst();
      // Stopping waits for the jobs in hand, now done.
      await queue.stop(1_000);
      expect(await pending()).toBe(0);
    } finally {
      redis.disconnect();
      await other.stop(1_000);
    }
    expect(seen).toEqual([1, 2]);
  });

  it('holds no more jobs than it may, released ones included, and takes the next once one of them is done', async () => {
    const queue = await WorkQueue.open({ config: { url: TEST_REDIS_URL, prefix, leaseMs: 600 }, name: 'held', schema: Job, concurrency: 1, inHandMax: 2, log });
    const finish = new Map<number, () => void>();
    const seen: number[] = [];
    queue.start(async (job, { release }) => {
      seen.push(job.n);
      release();
      await new Promise<void>((resolve) => finish.set(job.n, resolve));
    });
    for (const n of [1, 2, 3]) await queue.enqueue({ n });
    await until(() => seen.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual([1, 2]);
    finish.get(1)?.();
    await until(() => seen.length === 3);
    for (const n of [2, 3]) finish.get(n)?.();
    await queue.stop(1_000);
  });

  it('stores a job once per key, whichever replica stores it first, and keeps the key for its time', async () => {
    const [a, b] = await Promise.all([open('keyed'), open('keyed')]);
    const seen: number[] = [];
    const handle = async (job: Job) => void seen.push(job.n);
    a.start(handle);
    b.start(handle);
    const stored = await Promise.all([a.enqueueOnce('m1', 60_000, { n: 1 }), b.enqueueOnce('m1', 60_000, { n: 1 })]);
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(await b.enqueueOnce('m2', 60_000, { n: 2 })).toBe(true);
    expect(await a.enqueueOnce('m2', 60_000, { n: 2 })).toBe(false);
    await until(() => seen.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seen.sort()).toEqual([1, 2]);
    const once = (await keysUnder(prefix)).filter(({ key }) => key.includes('queue:keyed:once:'));
    expect(once.map(({ key }) => key.slice(key.lastIndexOf(':') + 1)).sort()).toEqual(['m1', 'm2']);
    for (const { ttlMs } of once) expect(ttlMs).toBeGreaterThan(50_000);
    await Promise.all([a.stop(1_000), b.stop(1_000)]);
  });

  it('makes its group again when Redis has lost it (restarted empty), and works on the jobs stored since', async () => {
    const queue = await open('lost');
    const seen: number[] = [];
    queue.start(async (job) => void seen.push(job.n));
    const redis = new Redis(TEST_REDIS_URL);
    try {
      await redis.del(`${prefix}queue:lost`);
    } finally {
      redis.disconnect();
    }
    // Stored while no group exists: XADD makes the stream again, without one.
    await queue.enqueue({ n: 9 });
    await until(() => seen.length === 1);
    expect(seen).toEqual([9]);
    await queue.stop(1_000);
  });

  it('drops a stored job it cannot read', async () => {
    const writer = await WorkQueue.open({
      config: { url: TEST_REDIS_URL, prefix, leaseMs: 600 },
      name: 'unreadable',
      schema: z.unknown(),
      concurrency: 1,
      log,
    });
    await writer.enqueue({ something: 'else' });
    await writer.stop(0);
    const reader = await open('unreadable');
    const seen: Job[] = [];
    reader.start(async (job) => void seen.push(job));
    await reader.enqueue({ n: 1 });
    await until(() => seen.length === 1);
    expect(seen).toEqual([{ n: 1 }]);
    await reader.stop(1_000);
  });
});
