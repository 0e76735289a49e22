/**
 * Which state port a process uses, from the environment: Redis when REDIS_URL is set (every
 * replica pointing at the same Redis and prefix shares it), in the process otherwise.
 */
import { z } from 'zod';
import type { Logger } from '../../../src/index.ts';
import { SettingsError } from '../settings.ts';
import { InProcessState } from './in-process.ts';
import type { StatePort } from './port.ts';
import { RedisState } from './redis.ts';

/** Every variable read here, for `.env.example` and the docs. */
export const STATE_ENV_VARS = ['REDIS_URL', 'REDIS_KEY_PREFIX'] as const;

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
});

/** Where the state is held, as read from the environment. */
export type StateConfig = { kind: 'in-process' } | { kind: 'redis'; url: string; prefix: string };

/**
 * Reads the state settings.
 *
 * @throws {SettingsError} (`code: 'CONFIG'`) naming a malformed variable (never echoing the URL:
 *   it may carry a password).
 */
export function stateConfigFromEnv(env: NodeJS.ProcessEnv): StateConfig {
  const parsed = StateEnv.safeParse({ REDIS_URL: env.REDIS_URL, REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX });
  if (!parsed.success) {
    throw new SettingsError(`Settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`);
  }
  const { REDIS_URL, REDIS_KEY_PREFIX } = parsed.data;
  return REDIS_URL === undefined ? { kind: 'in-process' } : { kind: 'redis', url: REDIS_URL, prefix: REDIS_KEY_PREFIX };
}

/** Opens the state a config names; connecting to Redis first, so a wrong REDIS_URL stops start-up. */
export async function openState(config: StateConfig, logger: Logger): Promise<StatePort> {
  return config.kind === 'redis' ? RedisState.connect(config.url, config.prefix, logger) : new InProcessState();
}
