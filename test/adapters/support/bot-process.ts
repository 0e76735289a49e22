/**
 * A bot entry point run as its own process, as `npm start` or `npm run start:slack` would run it but
 * without npm in between, so a test signals exactly that process. Its log (standard error) is kept.
 * What it records for `forcewatch report` goes to a state folder of its own (removed when it exits)
 * unless the test names one: never the working copy's ./state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where the scripts run from. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process has logged so far. */
  log(): string;
  /** Resolves with the first match of `pattern` in the log; rejects if the process exits or time runs out first. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

/** Starts `script` (relative to the repository root) with exactly `env` plus PATH (and a state
 * folder of its own when `env` names none). */
export function spawnBot(script: string, env: Record<string, string>): BotProcess {
  const stateDir = env.FORCEWATCH_STATE_DIR === undefined ? mkdtempSync(join(tmpdir(), 'forcewatch-bot-state-')) : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...(stateDir === undefined ? {} : { FORCEWATCH_STATE_DIR: stateDir }), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (stateDir !== undefined) child.once('exit', () => rmSync(stateDir, { recursive: true, force: true }));
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const waitForLog = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = pattern.exec(log);
        if (match !== null) {
          clearInterval(timer);
          clearTimeout(deadline);
          resolve(match);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          clearTimeout(deadline);
          reject(new Error(`${script} exited with ${child.exitCode}; its log:\n${log}`));
        }
      }, 20);
      const deadline = setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`no log line of ${script} matching ${String(pattern)}; its log:\n${log}`));
      }, timeoutMs);
    });
  return { child, log: () => log, waitForLog };
}

/** Stops a bot: SIGTERM (a graceful stop) by default, or SIGKILL (a crash); resolves once it has exited. */
export async function stopBot(bot: BotProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = bot?.child;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
