/**
 * Operating settings shared by both chat adapters, read from the environment once with zod:
 * rate limits, how long and how often to retry a platform API call, how long a shutdown waits for
 * answers in flight, and whether question text may be logged. Every variable has a default, so
 * none is required; a malformed one stops start-up with a message naming it.
 */
import { z } from 'zod';
import type { RateLimits } from './rate-limit.ts';

/** What the adapters need beyond their platform credentials. */
export interface AdapterSettings {
  /** Undefined: no limits (tests and the benchmark); `npm start` always sets them. */
  limits?: RateLimits;
  /** Per-request timeout for Slack Web API and Discord REST calls. */
  apiTimeoutMs: number;
  /** Retries after a failed call (a 5xx, a timeout, a 429 after its Retry-After). */
  apiRetries: number;
  /** A 429 asking to wait longer than this is not waited for: the call fails and the user is told. */
  maxRetryAfterMs: number;
  /** Log the text of questions (debug only: it may come from DMs and private channels). */
  logMessageText: boolean;
}

/** What the process-level runner needs. */
export interface RunSettings {
  /** How long a SIGTERM/SIGINT waits for answers in flight before closing anyway. */
  shutdownGraceMs: number;
  /** Keep serving Slack when Discord's gateway closes for good (a bad token, disallowed intents);
   * otherwise the process stops with a non-zero exit, so a supervisor notices. */
  continueWithoutDiscord: boolean;
  /** A port for `/healthz` when there is no Slack HTTP endpoint to serve it beside. */
  healthPort?: number;
}

/** Defaults for code that starts an adapter without reading the environment (tests, benchmark). */
export const DEFAULT_ADAPTER_SETTINGS: AdapterSettings = {
  apiTimeoutMs: 10_000,
  apiRetries: 2,
  maxRetryAfterMs: 30_000,
  logMessageText: false,
};

/** Every variable read here, for `.env.example` and the docs. */
export const SETTINGS_ENV_VARS = [
  'RATE_LIMIT_USER_MAX',
  'RATE_LIMIT_USER_WINDOW_SECONDS',
  'RATE_LIMIT_CHANNEL_MAX',
  'RATE_LIMIT_CHANNEL_WINDOW_SECONDS',
  'API_TIMEOUT_MS',
  'API_RETRIES',
  'API_MAX_RETRY_AFTER_SECONDS',
  'SHUTDOWN_GRACE_MS',
  'LOG_MESSAGE_TEXT',
  'CONTINUE_WITHOUT_DISCORD',
  'HEALTH_PORT',
] as const;

/** A blank value (`NAME=` copied from .env.example) means the default. */
const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const whole = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: (issue) => `${name} ${JSON.stringify(issue.input)} must be a whole number` })
      .transform(Number)
      .refine((n) => n >= min && n <= max, { error: `${name} must be between ${min} and ${max}` })
      .default(fallback),
  );

/** An optional TCP port: unset (or blank) means none. */
const optionalPort = (name: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: (issue) => `${name} ${JSON.stringify(issue.input)} must be a port number such as 3001` })
      .transform(Number)
      .refine((n) => n <= 65_535, { error: `${name} must be at most 65535` })
      .optional(),
  );

const flag = (name: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  );

const SettingsEnv = z.object({
  RATE_LIMIT_USER_MAX: whole('RATE_LIMIT_USER_MAX', 0, 10_000, 30),
  RATE_LIMIT_USER_WINDOW_SECONDS: whole('RATE_LIMIT_USER_WINDOW_SECONDS', 1, 86_400, 60),
  RATE_LIMIT_CHANNEL_MAX: whole('RATE_LIMIT_CHANNEL_MAX', 0, 100_000, 120),
  RATE_LIMIT_CHANNEL_WINDOW_SECONDS: whole('RATE_LIMIT_CHANNEL_WINDOW_SECONDS', 1, 86_400, 60),
  API_TIMEOUT_MS: whole('API_TIMEOUT_MS', 100, 120_000, DEFAULT_ADAPTER_SETTINGS.apiTimeoutMs),
  API_RETRIES: whole('API_RETRIES', 0, 10, DEFAULT_ADAPTER_SETTINGS.apiRetries),
  API_MAX_RETRY_AFTER_SECONDS: whole('API_MAX_RETRY_AFTER_SECONDS', 1, 3_600, DEFAULT_ADAPTER_SETTINGS.maxRetryAfterMs / 1000),
  SHUTDOWN_GRACE_MS: whole('SHUTDOWN_GRACE_MS', 0, 600_000, 10_000),
  LOG_MESSAGE_TEXT: flag('LOG_MESSAGE_TEXT'),
  CONTINUE_WITHOUT_DISCORD: flag('CONTINUE_WITHOUT_DISCORD'),
  HEALTH_PORT: optionalPort('HEALTH_PORT'),
});

/** A malformed setting; `code` matches the adapters' config errors so start-up reports it alike. */
export class SettingsError extends Error {
  readonly code = 'CONFIG' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SettingsError';
  }
}

/**
 * Reads the shared settings from the environment.
 *
 * @throws {SettingsError} (`code: 'CONFIG'`) naming every malformed variable.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv): AdapterSettings & RunSettings {
  const parsed = SettingsEnv.safeParse(Object.fromEntries(SETTINGS_ENV_VARS.map((name) => [name, env[name]])));
  if (!parsed.success) {
    throw new SettingsError(`Settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`, { cause: parsed.error });
  }
  const v = parsed.data;
  return {
    limits: {
      perUser: { max: v.RATE_LIMIT_USER_MAX, windowMs: v.RATE_LIMIT_USER_WINDOW_SECONDS * 1000 },
      perChannel: { max: v.RATE_LIMIT_CHANNEL_MAX, windowMs: v.RATE_LIMIT_CHANNEL_WINDOW_SECONDS * 1000 },
    },
    apiTimeoutMs: v.API_TIMEOUT_MS,
    apiRetries: v.API_RETRIES,
    maxRetryAfterMs: v.API_MAX_RETRY_AFTER_SECONDS * 1000,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    logMessageText: v.LOG_MESSAGE_TEXT,
    continueWithoutDiscord: v.CONTINUE_WITHOUT_DISCORD,
    ...(v.HEALTH_PORT === undefined ? {} : { healthPort: v.HEALTH_PORT }),
  };
}
