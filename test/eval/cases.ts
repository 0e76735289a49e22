/**
 * The regression question set: every `questions*.jsonl` in this folder, parsed, and each question
 * answered in order (a follow-up after the answer it follows), for `npm run eval` and the tests
 * that check every answer's invariants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Answer, Engine } from '../../src/index.ts';
import { EvalCase } from './judge.ts';

/** Every case of the set, in file order; ids are unique across files. */
export function loadCases(): EvalCase[] {
  // One file per area keeps ids and reviews apart.
  const dir = new URL('./', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => /^questions.*\.jsonl$/.test(f))
    .sort();
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
  return cases;
}

/** Each case's answer, by id: a force card for `force` modes, a follow-up after the answer it follows. */
export function answerCases(engine: Engine, cases: readonly EvalCase[]): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const c of cases) {
    const previous = c.after ? answers.get(c.after) : undefined;
    const answer =
      c.mode === 'force' || c.mode === 'force-all'
        ? engine.forceCard(c.q, { full: c.mode === 'force-all' })
        : engine.answer(c.q, previous ? { previous } : undefined);
    answers.set(c.id, answer);
  }
  return answers;
}
