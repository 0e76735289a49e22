/**
 * `npm run eval`: runs the project's regression question set through the engine and fails when the
 * pass rate drops below the threshold or any question without data is answered.
 */
import { loadEngine } from '../../src/index.ts';
import { answerCases, loadCases } from './cases.ts';
import { judge } from './judge.ts';

/** Share of cases that must pass. */
const THRESHOLD = 0.95;

const cases = loadCases();
const answers = answerCases(loadEngine(), cases);
let passed = 0;
let guardFailed = 0;
for (const c of cases) {
  const answer = answers.get(c.id);
  if (!answer) throw new Error(`no answer for ${c.id}`);
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
