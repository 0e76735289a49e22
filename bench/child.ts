/**
 * Running a benchmark step in a child process of its own: a fresh Node (with tsx's loader for a
 * TypeScript script; plain, for a script bundled as `npm start` bundles the bot) and exposed gc, so memory and start-up are measured without the parent's heap, talking back over the
 * IPC channel. A watchdog stops a child that runs past its deadline, or whose current answer has
 * taken too long, and says which; what the child reported before that is kept.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

/** Heap limit for children: well above what 100,000 documents need, so the limit is memory, not V8's default. */
export const CHILD_HEAP_MB = 16_384;

/** Node options for a benchmark child. */
export function childExecArgv(extra: readonly string[] = [], typescript = true): string[] {
  return [...(typescript ? ['--import', 'tsx'] : []), '--expose-gc', `--max-old-space-size=${CHILD_HEAP_MB}`, ...extra];
}

/** A script of bench/ by file name. */
export function benchScript(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

/**
 * Starts `script` under Node with tsx's loader and an IPC channel. Not pinned to a CPU: tried, and on
 * this machine a process pinned to one CPU shares it with V8's own GC and compiler threads, which
 * multiplied the bundled data's p99 several times over; the answering loop is single-threaded anyway.
 */
export function startChild(script: string, args: readonly string[], options: { execArgv?: readonly string[]; stderr: 'inherit' | 'pipe' }): ChildProcess {
  return fork(script, [...args], { execArgv: childExecArgv(options.execArgv, script.endsWith('.ts')), stdio: ['ignore', 'inherit', options.stderr, 'ipc'] });
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface ChildRun<M> {
  /** Messages received, parsed, in order. */
  messages: M[];
  /** Epoch ms just before the process was spawned. */
  spawnedAt: number;
  exitCode: number | null;
  /** Why the watchdog stopped the child, if it did. */
  stopped?: string;
  stderr: string;
}

export interface ChildOptions<M> {
  script: string;
  args: readonly string[];
  schema: z.ZodType<M, unknown>;
  execArgv?: readonly string[];
  /** Whole-run limit. */
  deadlineMs: number;
  /** For each message: a limit on the time until the next one (e.g. one answer's time), or undefined. */
  nextWithin?: (message: M) => number | undefined;
  /** Why a child stopped after `message` for running past `nextWithin` (for the report). */
  describeStall?: (message: M, ms: number) => string;
  onMessage?: (message: M) => void;
}

/** Runs a child to completion (or until the watchdog stops it). */
export function runChild<M>(options: ChildOptions<M>): Promise<ChildRun<M>> {
  return new Promise((resolve) => {
    const messages: M[] = [];
    let stderr = '';
    let stopped: string | undefined;
    const spawnedAt = epochNow();
    const child = startChild(options.script, options.args, {
      ...(options.execArgv === undefined ? {} : { execArgv: options.execArgv }),
      stderr: 'pipe',
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the tail only: a child that logs a lot must not fill the parent's memory.
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    const stop = (why: string) => {
      if (stopped !== undefined) return;
      stopped = why;
      child.kill('SIGKILL');
    };
    const deadline = setTimeout(() => stop(`ran past its ${Math.round(options.deadlineMs / 1000)} s deadline`), options.deadlineMs);
    let stall: NodeJS.Timeout | undefined;
    child.on('message', (raw: unknown) => {
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        stop(`sent a message the benchmark cannot read: ${parsed.error.message}`);
        return;
      }
      const message = parsed.data;
      messages.push(message);
      options.onMessage?.(message);
      clearTimeout(stall);
      const within = options.nextWithin?.(message);
      if (within !== undefined) stall = setTimeout(() => stop(options.describeStall?.(message, within) ?? `went quiet for ${within} ms`), within);
    });
    child.on('exit', (code) => {
      clearTimeout(deadline);
      clearTimeout(stall);
      const run: ChildRun<M> = { messages, spawnedAt, exitCode: code, stderr };
      if (stopped !== undefined) run.stopped = stopped;
      resolve(run);
    });
  });
}

/** In a child: sends one message and resolves once it is handed to the channel. */
export function sendToParent(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('bench: this script runs as a child of bench/run.ts (no IPC channel)'));
      return;
    }
    process.send(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}
