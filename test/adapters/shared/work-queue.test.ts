/**
 * The durable work queue on the real Redis, each run under its own key prefix: a stored job is
 * worked on once among several workers; a job whose worker stops renewing its lease (a crash) is
 * taken up by another, told it is a second attempt; a stored job this version cannot read is
 * dropped with an error rather than retried for ever.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkQueue, type JobContext } from '../../../adapters/shared/queue/work-queue.ts';
import { createLogger } from '../../../src/index.ts';
import { deletePrefix, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';

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

beforeAll(requireRedis);
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
