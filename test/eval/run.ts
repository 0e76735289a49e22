/**
 * `npm run eval`: runs the project's regression question set through the engine and fails when the
 * pass rate drops below the threshold or any question without data is answered.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadEngine, type Answer } from '../../src/index.ts';
import { EvalCase, judge } from './judge.ts';

/** Share of cases that must pass. */
const THRESHOLD = 0.95;

// Every `questions*.jsonl` here belongs to the set: one file per area keeps ids and reviews apart.
const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((f) => /^questions.*\.jsonl$/.test(f)).sort();
if (files.length === 0) throw new Error('test/eval holds no questions*.jsonl files');
const cases = files.flatMap((name) =>
  readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .map((line, i) => ({ line, where: `test/eval/${name}:${i + 1}` }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, where }) => {
      const parsed = EvalCase.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${where}: ${parsed.error.message}`);
      return parsed.data;
    }),
);
const ids = new Set<string>();
for (const c of cases) {
  if (ids.has(c.id)) throw new Error(`question id ${c.id} is used twice in test/eval`);
  ids.add(c.id);
}
const engine = loadEngine();
const answers = new Map<string, Answer>();
let passed = 0;
let guardFailed = 0;
for (const c of cases) {
  const previous = c.after ? answers.get(c.after) : undefined;
  const answer = c.mode === 'force' || c.mode === 'force-all' ? engine.forceCard(c.q, { full: c.mode === 'force-all' }) : engine.answer(c.q, previous ? { previous } : undefined);
  answers.set(c.id, answer);
  const why = judge(c, answer);
  if (why.length === 0) passed++;
  else {
    if (c.status === 'not_answered' || c.status === 'no_data') guardFailed++;
    process.stdout.write(`${c.id} ${JSON.stringify(c.q)}: ${why.join('; ')}\n    -> ${answer.text.slice(0, 240).replace(/\n/g, ' | ')}\n`);
  }
}
const share = passed / cases.length;
process.stdout.write(`eval: ${passed} passed, ${cases.length - passed} failed\n`);
const ok = share >= THRESHOLD && guardFailed === 0;
process.stdout.write(`${ok ? 'PASS' : 'FAIL'}: ${(share * 100).toFixed(1)}% (threshold ${THRESHOLD * 100}%), ${guardFailed} no-data questions answered\n`);
process.exitCode = ok ? 0 : 1;
