/**
 * The state port's contract, run against both implementations: in the process, and on the real
 * Redis (several connections standing for several replicas). Claims are granted once, conversations
 * and kept values come back as they were stored until their time is up, windows count every
 * replica's hits, and REDIS_URL is read with zod.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/index.ts';
import { stateConfigFromEnv, openState } from '../../../adapters/shared/state/from-env.ts';
import { InProcessState } from '../../../adapters/shared/state/in-process.ts';
import type { StatePort } from '../../../adapters/shared/state/port.ts';
import { RedisState, redactRedisUrl } from '../../../adapters/shared/state/redis.ts';
import { RateLimiter } from '../../../adapters/shared/rate-limit.ts';
import { deletePrefix, keysUnder, requireRedis, testPrefix, TEST_REDIS_URL } from '../support/redis.ts';

const logger = createLogger({ level: 'silent' });
const prefix = testPrefix('state');
const EXCHANGE = {
  question: 'How many complaints in Kent?',
  frame: { type: 'lookup' as const, forces: ['kent'], periods: ['2021-22'], measure: 'complaints' },
};

/** Two views of one state: two connections to Redis, or the one object in the process. */
type Replicas = { a: StatePort; b: StatePort; close(): Promise<void> };

const kinds: [string, () => Promise<Replicas>][] = [
  [
    'in the process',
    async () => {
      const state = new InProcessState();
      return { a: state, b: state, close: async () => {} };
    },
  ],
  [
    'in Redis, across two connections',
    async () => {
      const a = await RedisState.connect(TEST_REDIS_URL, prefix, logger);
      const b = await RedisState.connect(TEST_REDIS_URL, prefix, logger);
      return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
    },
  ],
];

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

describe.each(kinds)('state %s', (_name, open) => {
  let replicas: Replicas;
  beforeAll(async () => {
    replicas = await open();
  });
  afterAll(() => replicas.close());

  it('grants a claim once, to whichever replica asks first, until it is released', async () => {
    const { a, b } = replicas;
    const key = `event:${Math.random()}`;
    const results = await Promise.all([a.claim(key, 60_000), b.claim(key, 60_000), a.claim(key, 60_000), b.claim(key, 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await b.release(key);
    expect(await a.claim(key, 60_000)).toBe(true);
  });

  it('lets a claim lapse after its time', async () => {
    const key = `lapse:${Math.random()}`;
    expect(await replicas.a.claim(key, 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await replicas.b.claim(key, 50)).toBe(true);
  });

  it('gives back a conversation remembered by the other replica, under each of its messages', async () => {
    await replicas.a.remember(['m1', 'm2'], EXCHANGE, 60_000);
    expect(await replicas.b.recall('m2')).toEqual(EXCHANGE);
    expect(await replicas.b.recall('never-posted')).toBeUndefined();
  });

  it('gives back a value kept by the other replica until its time is up', async () => {
    const key = `answer:${Math.random()}`;
    await replicas.a.keep(key, '{"id":"a1"}', 150);
    expect(await replicas.b.kept(key)).toBe('{"id":"a1"}');
    expect(await replicas.b.kept('answer:never-kept')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await replicas.b.kept(key)).toBeUndefined();
  });

  it('counts both replicas’ questions against one per-user limit', async () => {
    const limits = { perUser: { max: 3, windowMs: 60_000 }, perChannel: { max: 100, windowMs: 60_000 } };
    const user = `u${Math.random()}`;
    const decisions = await Promise.all(
      Array.from({ length: 6 }, (_, i) => new RateLimiter(limits, i % 2 === 0 ? replicas.a : replicas.b, 'slack').check(user, 'C1')),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused).toMatchObject({ allowed: false, scope: 'user' });
    if (refused?.allowed === false) expect(refused.retryAfterMs).toBeGreaterThan(55_000);
  });
});

describe('state in Redis', () => {
  it('treats a stored conversation of another shape as forgotten rather than passing it on', async () => {
    const state = await RedisState.connect(TEST_REDIS_URL, prefix, logger);
    await state.remember(['odd'], { question: 'q', frame: { type: 'not-a-type' } } as unknown as typeof EXCHANGE, 60_000);
    expect(await state.recall('odd')).toBeUndefined();
    await state.close();
  });

  it('keeps every key under its prefix, each with an expiry', async () => {
    const keys = await keysUnder(prefix);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every(({ key }) => key.startsWith(prefix))).toBe(true);
    expect(keys.filter(({ ttlMs }) => ttlMs <= 0)).toEqual([]);
  });

  it('stops start-up with a clear message when REDIS_URL points at nothing, never echoing a password', async () => {
    const config = stateConfigFromEnv({ REDIS_URL: 'redis://admin:hunter2@127.0.0.1:1/0' });
    const error = await openState(config, logger).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'CONFIG' });
    expect(String((error as Error).message)).toMatch(/Redis at redis:\/\/\[redacted\]@127\.0\.0\.1:1\/0 did not answer.*check REDIS_URL/);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });
});

describe('stateConfigFromEnv', () => {
  it('holds state in the process when REDIS_URL is unset or blank', () => {
    expect(stateConfigFromEnv({})).toEqual({ kind: 'in-process' });
    expect(stateConfigFromEnv({ REDIS_URL: ' ' })).toEqual({ kind: 'in-process' });
  });

  it('reads REDIS_URL and a key prefix, and refuses what is not a redis URL', () => {
    expect(stateConfigFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'bot-a:' })).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      prefix: 'bot-a:',
      leaseMs: 30_000,
    });
    expect(() => stateConfigFromEnv({ REDIS_URL: 'http://example.com' })).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it('redacts credentials in a Redis URL', () => {
    expect(redactRedisUrl('redis://:s3cret@cache.internal:6380/2')).toBe('redis://[redacted]@cache.internal:6380/2');
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});

describe('the Redis tests’ guard', () => {
  it('fails, saying what is missing, when no Redis answers: the tests that need one never skip', async () => {
    await expect(requireRedis('redis://127.0.0.1:1')).rejects.toThrow(
      /These tests need a Redis server at redis:\/\/127\.0\.0\.1:1 and none answered.*they do not skip/,
    );
  });
});
