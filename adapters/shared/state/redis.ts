/**
 * The state port in Redis (ioredis), used when REDIS_URL is set: every replica and every restart
 * shares it. Claims are `SET NX PX`; conversations and kept values are JSON strings with a TTL; a
 * rate-limit window is a sorted set of hit times, checked and recorded by one Lua script (atomic
 * across replicas, on Redis's clock so replicas' clocks need not agree).
 *
 * A Redis that stops answering must not silence the bot: a failed call is logged and treated as
 * "go ahead" (a claim is granted, a window has room, a conversation or kept value is forgotten), so
 * an outage costs at worst a duplicate answer, a follow-up without context or a 👍 that cannot be
 * matched to its answer, never a lost answer.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../../../src/index.ts';
import { parseExchange, type PreviousExchange } from './exchange.ts';
import type { StatePort, WindowHit } from './port.ts';

/**
 * KEYS: one sorted set per window. ARGV: a unique member for this hit, then max and windowMs per
 * key. Returns the wait in ms per window; records the hit in every window only when all are 0.
 */
const TAKE_WINDOWS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waits = {}
local open = true
for i, key in ipairs(KEYS) do
  local max = tonumber(ARGV[2 * i])
  local window = tonumber(ARGV[2 * i + 1])
  local wait = 0
  if max > 0 then
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
    local count = redis.call('ZCARD', key)
    if count >= max then
      local nth = redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')
      wait = math.max(1, tonumber(nth[2]) + window - now)
      open = false
    end
  end
  waits[i] = wait
end
if open then
  for i, key in ipairs(KEYS) do
    local max = tonumber(ARGV[2 * i])
    local window = tonumber(ARGV[2 * i + 1])
    if max > 0 then
      redis.call('ZADD', key, now, ARGV[1] .. ':' .. i)
      redis.call('PEXPIRE', key, window)
    end
  end
end
return waits
`;

/** How long start-up waits for Redis to answer before it gives up. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/** A Redis URL fit for a log line: the host, port and database, never a user name or password. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = '';
      parsed.password = '';
      return parsed.toString().replace('//', '//[redacted]@');
    }
    return parsed.toString();
  } catch {
    return '[unparseable REDIS_URL]';
  }
}

/** A Redis that could not be reached at start-up. `code` matches config errors: the operator fixes it. */
export class RedisStartError extends Error {
  readonly code = 'CONFIG' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RedisStartError';
  }
}

type WindowsRedis = Redis & { takeWindows(numKeys: number, ...args: (string | number)[]): Promise<number[]> };

export class RedisState implements StatePort {
  readonly kind = 'redis' as const;
  readonly #redis: WindowsRedis;
  readonly #log: Logger;

  private constructor(redis: WindowsRedis, log: Logger) {
    this.#redis = redis;
    this.#log = log;
  }

  /**
   * Connects to `url`, every key under `prefix`.
   *
   * @throws {RedisStartError} when Redis does not answer within {@link REDIS_CONNECT_TIMEOUT_MS}.
   */
  static async connect(url: string, prefix: string, logger: Logger): Promise<RedisState> {
    const log = logger.child({ component: 'state', state: 'redis' });
    const redis = new Redis(url, {
      keyPrefix: prefix,
      lazyConnect: true,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      // A call waits through one reconnection at most, then fails (and the caller goes ahead).
      maxRetriesPerRequest: 1,
    });
    redis.defineCommand('takeWindows', { lua: TAKE_WINDOWS });
    // ioredis reports each failed reconnection here; without a listener it prints to the console.
    redis.on('error', (error: Error) => log.warn({ error: error.message, url: redactRedisUrl(url) }, 'Redis connection error'));
    try {
      await redis.connect();
      await redis.ping();
    } catch (cause) {
      redis.disconnect();
      throw new RedisStartError(`Redis at ${redactRedisUrl(url)} did not answer (${cause instanceof Error ? cause.message : String(cause)}); check REDIS_URL`, { cause });
    }
    log.info({ url: redactRedisUrl(url), prefix }, 'state held in Redis');
    return new RedisState(redis as WindowsRedis, log);
  }

  async #orElse<T>(what: string, fallback: T, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.#log.error({ error: error instanceof Error ? error.message : String(error), call: what }, 'Redis call failed; going ahead without it');
      return fallback;
    }
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.#orElse('claim', true, async () => (await this.#redis.set(`claim:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK');
  }

  release(key: string): Promise<void> {
    return this.#orElse('release', undefined, async () => {
      await this.#redis.del(`claim:${key}`);
    });
  }

  remember(keys: readonly string[], exchange: PreviousExchange, ttlMs: number): Promise<void> {
    return this.#orElse('remember', undefined, async () => {
      const json = JSON.stringify(exchange);
      const batch = this.#redis.multi();
      for (const key of keys) batch.set(`conversation:${key}`, json, 'PX', ttlMs);
      await batch.exec();
    });
  }

  recall(key: string): Promise<PreviousExchange | undefined> {
    return this.#orElse('recall', undefined, async () => {
      const json = await this.#redis.get(`conversation:${key}`);
      return json === null ? undefined : parseExchange(json);
    });
  }

  keep(key: string, json: string, ttlMs: number): Promise<void> {
    return this.#orElse('keep', undefined, async () => {
      await this.#redis.set(`kept:${key}`, json, 'PX', ttlMs);
    });
  }

  kept(key: string): Promise<string | undefined> {
    return this.#orElse('kept', undefined, async () => (await this.#redis.get(`kept:${key}`)) ?? undefined);
  }

  takeWindows(hits: readonly WindowHit[]): Promise<number[]> {
    const open = hits.map(() => 0);
    if (hits.every(({ limit }) => limit.max <= 0)) return Promise.resolve(open);
    return this.#orElse('takeWindows', open, async () => {
      const args = hits.flatMap(({ limit }) => [limit.max, limit.windowMs]);
      const waits = await this.#redis.takeWindows(hits.length, ...hits.map(({ key }) => `window:${key}`), randomUUID(), ...args);
      return waits.map(Number);
    });
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.#redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
