/**
 * The real Redis the multi-replica and state tests run against (127.0.0.1:6379, or REDIS_TEST_URL).
 * Each test file takes its own key prefix and deletes its keys afterwards: CI and other people's
 * test runs share the server. With no Redis reachable the tests fail saying so; they never skip.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** Throws a message saying what is missing when no Redis answers at `url` ({@link TEST_REDIS_URL}). */
export async function requireRedis(url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `These tests need a Redis server at ${url} and none answered (${error instanceof Error ? error.message : String(error)}). ` +
        'Start one (redis-server --port 6379) or set REDIS_TEST_URL; they do not skip.',
    );
  } finally {
    redis.disconnect();
  }
}

/** A key prefix no other run uses. */
export function testPrefix(name: string): string {
  return `forcewatch-test:${name}:${process.pid}:${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under `prefix`. */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The keys held under `prefix`, each with its time to live in ms (-1: none). */
export async function keysUnder(prefix: string): Promise<{ key: string; ttlMs: number }[]> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}*`);
    return await Promise.all(keys.map(async (key) => ({ key, ttlMs: await redis.pttl(key) })));
  } finally {
    redis.disconnect();
  }
}
