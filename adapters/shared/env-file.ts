/**
 * Reading `.env` at start-up, as `.env.example` tells people to: every entry point calls this
 * before it reads the environment. Variables already set in the environment win over the file.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The file read, from the working directory. */
export const ENV_FILE = '.env';

/**
 * Loads `path` into `process.env` when it exists.
 *
 * @returns the file's absolute path when it was read (for the start-up log line), else undefined.
 */
export function loadEnvFileIfPresent(path: string = ENV_FILE): string | undefined {
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return resolve(path);
}
