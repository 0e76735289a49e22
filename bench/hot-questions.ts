/**
 * `tsx bench/hot-questions.ts [--size N] [--passes N] [--top N] [--profile] [--question TEXT]…`: the
 * engine loaded once (on the bundled data, or a generated corpus of N documents, as the scale section
 * generates it), its passage index completed, then the question set (or only the questions given)
 * asked in timed passes; prints the slowest by median, and with `--profile` where the time of the
 * slowest went (the profiler run over their answers alone). For finding a slow question's cause
 * without a whole scale run.
 */
import { parseArgs } from 'node:util';
import { loadEngine, type Answer } from '../src/index.ts';
import { corpus } from './corpus.ts';
import { profileWork } from './profile.ts';
import { questionSet, type SetQuestion } from './question-set.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    passes: { type: 'string', default: '5' },
    top: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    question: { type: 'string', multiple: true },
  },
});

const seed = 'forcewatch';
const dataDir = values.size === undefined ? undefined : corpus(Number(values.size), seed).dir;
let indexed: () => void = () => undefined;
const complete = new Promise<void>((resolve) => (indexed = resolve));
const engine = loadEngine(dataDir === undefined ? { onIndexed: () => indexed() } : { dataDir, onIndexed: () => indexed() });
// The index's later tiers are finished in the background; nothing else keeps the process alive meanwhile.
const hold = setInterval(() => undefined, 60_000);
await complete;
clearInterval(hold);

const asked: SetQuestion[] = (values.question ?? []).map((text, i) => ({ id: `asked:${i}`, text, via: 'answer' }));
const questions = asked.length > 0 ? asked : questionSet(seed);

/** Asks every question once, in order (a follow-up with its question's answer); each one's ms. */
function pass(set: readonly SetQuestion[]): number[] {
  const answers = new Map<string, Answer>();
  return set.map((q) => {
    const previous = q.after === undefined ? undefined : answers.get(q.after);
    const started = performance.now();
    const answer = q.via === 'forceCard' ? engine.forceCard(q.text) : engine.answer(q.text, previous ? { previous } : undefined);
    const ms = performance.now() - started;
    answers.set(q.id, answer);
    return ms;
  });
}

pass(questions);
const times: number[][] = questions.map(() => []);
for (let r = 0; r < Number(values.passes); r++) for (const [i, ms] of pass(questions).entries()) times[i]?.push(ms);
const slowest = questions
  .map((q, i) => ({ q, ms: median(times[i] ?? []) }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, Number(values.top));
const all = times.flat().sort((a, b) => a - b);
process.stdout.write(
  `${dataDir ?? 'bundled data'}: ${questions.length} questions, ${values.passes} passes; every answer p50 ${all[Math.floor(all.length / 2)]?.toFixed(2)} ms, p99 ${all[Math.floor(all.length * 0.99)]?.toFixed(2)} ms, max ${all.at(-1)?.toFixed(2)} ms\n`,
);
for (const { q, ms } of slowest) process.stdout.write(`${ms.toFixed(2).padStart(8)} ms  ${q.text}\n`);

if (values.profile) {
  // The slowest asked on their own (a follow-up without its question), often enough for the sampler to see them.
  const hot = slowest.map(({ q }) => ({ ...q, after: undefined }));
  const summary = await profileWork(() => {
    for (let r = 0; r < 20; r++) pass(hot);
  }, 200);
  process.stdout.write(`\nprofile of the slowest, ${summary.ms.toFixed(0)} ms; by self time:\n`);
  for (const f of summary.hot) process.stdout.write(`${f.selfMs.toFixed(1).padStart(8)} ms  ${f.name}\n`);
  process.stdout.write('our functions by total time:\n');
  for (const f of summary.own) process.stdout.write(`${f.totalMs.toFixed(1).padStart(8)} ms  ${f.name}\n`);
}
