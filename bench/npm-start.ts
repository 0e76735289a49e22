/**
 * `npm start` as a user runs it: the build step, then Node with the start script's V8 flags on
 * dist/start.js, with no chat credentials, so the terminal chat opens on the bundled data. Timed from
 * spawn to the chat's first prompt, with the process's RSS read at that moment: what the user waits
 * for and what the bot costs, on the real entry point rather than an engine-only child.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { epochNow } from './child.ts';
import { median } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The V8 flags `npm start` runs the bot with (package.json), so what is measured runs as in production. */
export function startFlags(): string[] {
  const pkg = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));
  return pkg.scripts.start.split(/\s+/).filter((arg) => arg.startsWith('--max-'));
}

export interface NpmStartResult {
  runs: number;
  /** `node scripts/build.mjs`, the first half of `npm start` (median, ms). */
  buildMs: number;
  /** Spawn of `node <flags> dist/start.js` → the chat's first prompt (median and each run, ms). */
  toPromptMs: number;
  all: number[];
  /** RSS at the prompt (median, bytes); undefined where /proc is not there to read it. */
  rss?: number;
  failure?: string;
}

/** The resident set of a running process, from /proc (Linux). */
function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** One start: resolves at the first prompt (then ends the chat), or with why it never came. */
function startOnce(stateDir: string, deadlineMs: number): Promise<{ ms: number; rss?: number } | { failure: string }> {
  return new Promise((resolve) => {
    const started = epochNow();
    // A clean environment: no chat credentials (so the terminal chat opens), a throwaway state folder.
    const child = spawn(process.execPath, [...startFlags(), join(ROOT, 'dist', 'start.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', FORCEWATCH_STATE_DIR: stateDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let settled = false;
    const settle = (value: { ms: number; rss?: number } | { failure: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdin.end('/quit\n');
      resolve(value);
    };
    const timer = setTimeout(() => {
      settle({ failure: `no prompt within ${deadlineMs} ms` });
      child.kill('SIGKILL');
    }, deadlineMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      // The prompt follows the greeting's blank line.
      if (out.includes('\n\n> ')) {
        const ms = epochNow() - started;
        const rss = rssOf(child.pid ?? 0);
        settle(rss === undefined ? { ms } : { ms, rss });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-2_000);
    });
    child.on('exit', (code) => settle({ failure: `exited with code ${String(code)} before the prompt: ${err.trim()}` }));
  });
}

/** Builds as `npm start` does, then starts the chat `runs` times; with `warm`, after one untimed
 * start, which brings the bundle and the data into the file cache, as for a restarted bot. */
export async function measureNpmStart(runs: number, warm: boolean, deadlineMs = 30_000): Promise<NpmStartResult> {
  const stateDir = mkdtempSync(join(tmpdir(), 'forcewatch-bench-start-'));
  const builds: number[] = [];
  const starts: Array<{ ms: number; rss?: number }> = [];
  let failure: string | undefined;
  try {
    for (let i = warm ? -1 : 0; i < runs && failure === undefined; i++) {
      const t = epochNow();
      const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
      if (built.status !== 0) {
        failure = `the build failed: ${built.stderr.trim()}`;
        break;
      }
      const buildMs = epochNow() - t;
      const once = await startOnce(stateDir, deadlineMs);
      if ('failure' in once) failure = once.failure;
      else if (i >= 0) {
        builds.push(buildMs);
        starts.push(once);
      }
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
  const rss = starts.map((s) => s.rss).filter((r): r is number => r !== undefined);
  const result: NpmStartResult = { runs: starts.length, buildMs: median(builds), toPromptMs: median(starts.map((s) => s.ms)), all: starts.map((s) => s.ms) };
  if (rss.length > 0) result.rss = median(rss);
  if (failure !== undefined) result.failure = failure;
  return result;
}
