/**
 * Where feedback is stored and whether questions' words are kept, read from the environment once
 * with zod: FORCEWATCH_STATE_DIR (the embedded database's folder, default ./state), DATABASE_URL
 * (PostgreSQL instead, when set) and RECORD_QUESTIONS (default false).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

/** Every variable read here, for `.env.example` and the docs. */
export const FEEDBACK_ENV_VARS = ['FORCEWATCH_STATE_DIR', 'DATABASE_URL', 'RECORD_QUESTIONS'] as const;

/** The state folder when FORCEWATCH_STATE_DIR is not set, relative to the working directory. */
export const DEFAULT_STATE_DIR = 'state';

/** Which database holds the store. */
export type StoreLocation = { kind: 'embedded'; stateDir: string } | { kind: 'postgres'; url: string };

export interface FeedbackConfig {
  store: StoreLocation;
  /** Keep the words of questions in records (off by default: questions may come from DMs). */
  recordQuestions: boolean;
}

/** A malformed variable; `code` matches the adapters' config errors so start-up reports it alike. */
export class FeedbackConfigError extends Error {
  readonly code = 'CONFIG' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedbackConfigError';
  }
}

/** A blank value (`NAME=` copied from .env.example) means unset. */
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const FeedbackEnv = z.object({
  FORCEWATCH_STATE_DIR: z.preprocess(blank, z.string().default(DEFAULT_STATE_DIR)),
  DATABASE_URL: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, { error: 'DATABASE_URL must be a PostgreSQL URL: postgres://user@host:5432/database' })
      .optional(),
  ),
  RECORD_QUESTIONS: z.preprocess(
    blank,
    z
      .enum(['true', 'false', '1', '0'], { error: 'RECORD_QUESTIONS must be true or false' })
      .transform((v) => v === 'true' || v === '1')
      .default(false),
  ),
});

/**
 * Reads the feedback settings; relative paths are taken from `cwd`.
 *
 * @throws {FeedbackConfigError} (`code: 'CONFIG'`) naming every malformed variable.
 */
export function feedbackConfigFromEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): FeedbackConfig {
  const parsed = FeedbackEnv.safeParse(Object.fromEntries(FEEDBACK_ENV_VARS.map((name) => [name, env[name]])));
  if (!parsed.success) {
    throw new FeedbackConfigError(`Feedback store: ${parsed.error.issues.map((issue) => issue.message).join('; ')}.`, { cause: parsed.error });
  }
  const v = parsed.data;
  return {
    store: v.DATABASE_URL !== undefined ? { kind: 'postgres', url: v.DATABASE_URL } : { kind: 'embedded', stateDir: resolve(cwd, v.FORCEWATCH_STATE_DIR) },
    recordQuestions: v.RECORD_QUESTIONS,
  };
}
