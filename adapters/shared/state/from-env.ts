/**
 * Which state port a process uses, from the environment: Redis when REDIS_URL is set (every
 * replica pointing at the same Redis and prefix shares it, and its work queue), in the process
 * otherwise. QUEUE_LEASE_MS is how long a worker's claim on a job lasts without renewal: how soon
 * work left by a killed process is taken up by another.
 */
import { z } from 'zod';
import type { Logger } from '../../../src/index.ts';
import { DEFAULT_LEASE_MS } from '../queue/work-queue.ts';
import { SettingsError } from '../settings.ts';
import { InProcessState } from './in-process.ts';
import type { StatePort } from './port.ts';
import { RedisState } from './redis.ts';

/** Every variable read here, for `.env.example` and the docs. */
export const STATE_ENV_VARS = ['REDIS_URL', 'REDIS_KEY_PREFIX', 'QUEUE_LEASE_MS'] as const;

/** Keys live under this prefix unless REDIS_KEY_PREFIX says otherwise. */
export const DEFAULT_KEY_PREFIX = 'forcewatch:';

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const StateEnv = z.object({
  REDIS_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379' }).optional(),
  ),
  REDIS_KEY_PREFIX: z.preprocess(
    blankIsUnset,
    z.string().regex(/^[\w:.-]{1,100}$/, 'REDIS_KEY_PREFIX may hold letters, digits and _ : . - (at most 100)').default(DEFAULT_KEY_PREFIX),
  ),
  QUEUE_LEASE_MS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^\d+$/, 'QUEUE_LEASE_MS must be a whole number of milliseconds')
      .transform(Number)
      .refine((n) => n >= 500 && n <= 600_000, 'QUEUE_LEASE_MS must be between 500 and 600000')
      .default(DEFAULT_LEASE_MS),
  ),
});

/** Where the state is held, as read from the environment. */
export type StateConfig = { kind: 'in-process' } | { kind: 'redis'; url: string; prefix: string; leaseMs: number };

/**
 * Reads the state settings.
 *
 * @throws {SettingsError} (`code: 'CONFIG'`) naming a malformed variable (never echoing the URL:
 *   it may carry a password).
 */
export function stateConfigFromEnv(env: NodeJS.ProcessEnv): StateConfig {
  const parsed = StateEnv.safeParse({ REDIS_URL: env.REDIS_URL, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX, QUEUE_LEASE_MS: env.QUEUE_LEASE_MS });
  if (!parsed.success) {
    throw new SettingsError(`Settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`);
  }
  const { REDIS_URL, REDIS_KEY_PREFIX, QUEUE_LEASE_MS } = parsed.data;
  return REDIS_URL === undefined ? { kind: 'in-process' } : { kind: 'redis', url: REDIS_URL, prefix: REDIS_KEY_PREFIX, leaseMs: QUEUE_LEASE_MS };
}

/** Opens the state a config names; connecting to Redis first, so a wrong REDIS_URL stops start-up. */
export async function openState(config: StateConfig, logger: Logger): Promise<StatePort> {
  return config.kind === 'redis' ? RedisState.connect(config.url, config.prefix, logger) : new InProcessState();
}
