/**
 * `tsx scripts/dump-answers.ts [--data DIR] FILE.jsonl…`: every question of the given question sets
 * (the regression and practice sets' format: `id`, `q`, optional `after`, and `mode`: `force` for a
 * force card's summary, `force-all` for the whole card) answered by the engine, printed as text with
 * each answer's citations, for diffing the answers of two versions of the code. A follow-up (`after`)
 * is asked with the answer to the question it follows. Fields the engine does not read (`why`,
 * expectations) are ignored.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadEngine, type Answer } from '../src/index.ts';

const Question = z.object({ id: z.string(), q: z.string(), after: z.string().optional(), mode: z.enum(['ask', 'force', 'force-all']).optional() });

const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true });
if (positionals.length === 0) {
  process.stderr.write('usage: tsx scripts/dump-answers.ts [--data DIR] FILE.jsonl…\n');
  process.exit(2);
}
const engine = loadEngine(values.data === undefined ? {} : { dataDir: values.data });
const out: string[] = [];
for (const file of positionals) {
  // Ids are unique within a file; a follow-up names a question of its own file.
  const answers = new Map<string, Answer>();
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  for (const line of lines) {
    const question = Question.parse(JSON.parse(line));
    const previous = question.after === undefined ? undefined : answers.get(question.after);
    const answer =
      question.mode === 'force' || question.mode === 'force-all'
        ? engine.forceCard(question.q, { full: question.mode === 'force-all' })
        : engine.answer(question.q, previous ? { previous } : undefined);
    answers.set(question.id, answer);
    const cited = answer.citations.map((c) => `  [${c.n}] ${c.sourceId}: ${c.quote}`);
    out.push(
      `## ${file.split('/').at(-1) ?? file} ${question.id}: ${question.q}`,
      `${answer.status} ${answer.type ?? '-'} ${answer.reason ?? ''}`.trim(),
      answer.text,
      ...cited,
      '',
    );
  }
}
process.stdout.write(`${out.join('\n')}\n`);
