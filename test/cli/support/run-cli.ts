/**
 * Runs the real `forcewatch` command (bin/forcewatch.js) as a user would, with an environment of
 * the test's choosing: never the developer's DATABASE_URL or state folder, so nothing a test asks
 * is recorded anywhere but where the test looks.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../../bin/forcewatch.js', import.meta.url));

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export interface CliOptions {
  input?: string;
  cwd?: string;
  /** Added to a clean environment (PATH, LOG_LEVEL=warn); undefined leaves a variable out. */
  env?: Record<string, string | undefined>;
}

export function forcewatch(args: string[], options: CliOptions = {}): CliRun {
  const env = Object.entries({ PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...options.env }).filter((e): e is [string, string] => e[1] !== undefined);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd,
    encoding: 'utf8',
    env: Object.fromEntries(env),
    timeout: 60_000,
    // `sources --json` alone is over a megabyte, the default limit.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
