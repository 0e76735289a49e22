/** The machine a benchmark ran on, as the report states it: numbers mean little without it. */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** Load average when the benchmark started: a busy shared machine shows here. */
  loadAverage: number[];
  freeMemoryGiB: number;
  /** The code measured: commit, and whether the work tree had changes. */
  commit: string;
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${type()} ${release()}`,
    loadAverage: loadavg(),
    freeMemoryGiB: freemem() / 2 ** 30,
    commit: commit(),
  };
}
