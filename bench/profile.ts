/**
 * Reading V8 CPU profiles (`node --cpu-prof`, or the inspector's Profiler): the functions that took
 * the most time, by self time and by total time, so the benchmark can name the hot function behind a
 * missed target rather than guess.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const CallFrameSchema = z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number(), columnNumber: z.number() });
const ProfileNode = z.object({ id: z.number(), callFrame: CallFrameSchema, children: z.array(z.number()).optional() });
/** The parts of a `.cpuprofile` we read. */
export const CpuProfile = z.object({
  nodes: z.array(ProfileNode),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfile>;
type CallFrame = z.infer<typeof CallFrameSchema>;

/** One function's share of a profile. */
export interface HotFunction {
  /** "check (src/answer/draft.ts)", or "(anonymous in overview) (src/answer/force-card.ts)" */
  name: string;
  selfMs: number;
  totalMs: number;
  /** Self time as a share of the whole profile (0–1). */
  selfShare: number;
  totalShare: number;
}

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Frames that are not the code being measured: idle time, the profiler's own inspector traffic. */
function synthetic(frame: CallFrame): boolean {
  return (
    SYNTHETIC.has(frame.functionName) ||
    frame.url.startsWith('node:inspector') ||
    (frame.url === '' && (frame.functionName === 'dispatch' || frame.functionName === '#onMessage'))
  );
}

const SYNTHETIC = new Set(['(idle)', '(program)', '(root)']);

/**
 * Every function's self and total (self plus callees) time. Recursion is counted once per sample
 * in the total, so totals never exceed the profile. Anonymous functions are named after the
 * nearest named function that calls them, since tsx's transform leaves line numbers useless
 * (everything reports line 1).
 */
function functionTimes(profile: CpuProfile): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    const known = names.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    let name = '?';
    if (frame) {
      const where = frame.url === '' ? '' : ` (${frame.url.startsWith('file://') ? relative(REPO_ROOT, fileURLToPath(frame.url)) : frame.url})`;
      if (frame.functionName !== '') name = `${frame.functionName}${where}`;
      else {
        let caller = parent.get(id);
        while (caller !== undefined && byId.get(caller)?.callFrame.functionName === '') caller = parent.get(caller);
        const callerName = caller === undefined ? undefined : byId.get(caller)?.callFrame.functionName;
        name = `(anonymous in ${callerName ?? '?'})${where}`;
      }
    }
    names.set(id, name);
    return name;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || synthetic(node.callFrame)) return;
    all += dt;
    const name = nameOf(id);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || synthetic(frame)) continue;
      const key = nameOf(at);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  return [...total].map(([name, t]) => {
    const ms = self.get(name) ?? 0;
    return { name, selfMs: ms, totalMs: t, selfShare: all > 0 ? ms / all : 0, totalShare: all > 0 ? t / all : 0 };
  });
}

/** The `limit` functions with the most self time: where the CPU actually was. */
export function hotFunctions(profile: CpuProfile, limit = 8): HotFunction[] {
  return functionTimes(profile)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}

/** Functions of our own code (src/, adapters/) with the most total time: which of ours to change. */
export function hotOwnFunctions(profile: CpuProfile, limit = 5): HotFunction[] {
  return functionTimes(profile)
    .filter((f) => / \((src|adapters)\//.test(f.name))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, limit);
}

/** Reads a `.cpuprofile` file written by `node --cpu-prof`. */
export function readCpuProfile(path: string): CpuProfile {
  return CpuProfile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** What a profiled stretch of code spent its time on. */
export interface ProfileSummary {
  ms: number;
  /** Functions by self time. */
  hot: HotFunction[];
  /** Our own functions by total time. */
  own: HotFunction[];
  /** Total time (ms) of each function asked for by name, e.g. the load's phases. */
  phases?: Record<string, number>;
}

/**
 * Runs `work` under V8's sampling profiler (the inspector's, as `--cpu-prof` uses) and summarises
 * where the time went. `intervalUs` trades detail for overhead: 1,000 µs costs a few per cent.
 */
export async function profileWork(work: () => void, intervalUs = 1_000, phaseNames: readonly string[] = []): Promise<ProfileSummary> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const started = performance.now();
    // If `work` throws, disconnecting the session (below) stops the profiler with it.
    work();
    const ms = performance.now() - started;
    const { profile } = await session.post('Profiler.stop');
    const parsed = CpuProfile.parse(profile);
    const summary: ProfileSummary = { ms, hot: hotFunctions(parsed), own: hotOwnFunctions(parsed, 15) };
    if (phaseNames.length > 0) {
      const times = functionTimes(parsed);
      // Named functions only ("PassageIndex (src/…)"), so a same-named callee elsewhere is not counted.
      summary.phases = Object.fromEntries(
        phaseNames.map((name) => [name, times.filter((f) => f.name.startsWith(`${name} (src/`)).reduce((t, f) => Math.max(t, f.totalMs), 0)]),
      );
    }
    return summary;
  } finally {
    session.disconnect();
  }
}
