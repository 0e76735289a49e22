/**
 * The `forcewatch` command: ask one question, answer a stream of questions as JSON lines, show a
 * force card, list sources, or (with no arguments) open the terminal chat.
 */
import { createInterface } from 'node:readline';
import { BUNDLED_DATA_DIR, createLogger, explanationText, loadEngine, type Answer, type Engine } from '../../src/index.ts';
import { renderText } from '../shared/render-text.ts';
import { savedFileOptions } from '../shared/saved-files.ts';
import { runChat } from './chat.ts';
import { describeStartupError } from '../shared/startup-error.ts';

const USAGE = `Usage:
  forcewatch                         open the terminal chat
  forcewatch ask "<question>"        answer one question
  forcewatch ask --json "<question>" print the answer as JSON
  forcewatch ask --explain "<question>"  show how the question was read, then the answer
  forcewatch ask --jsonl             read questions from standard input, one a line; write one JSON answer a line
  forcewatch force <name> [--json]   every figure we hold for a force
  forcewatch sources [--json]        the documents we hold`;

function print(answer: Answer, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderText(answer)}\n`);
}

async function answerLines(engine: Engine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(engine.answer(line))}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes('--json');
  const explaining = rest.includes('--explain');
  const args = rest.filter((a) => a !== '--json' && a !== '--jsonl' && a !== '--explain');
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== undefined && !['ask', 'force', 'sources'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
    return 2;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const engine = loadEngine({ logger, ...savedFileOptions(BUNDLED_DATA_DIR) });
  switch (command) {
    case undefined:
      await runChat(engine);
      return 0;
    case 'ask':
      if (rest.includes('--jsonl')) {
        await answerLines(engine);
        return 0;
      }
      if (args.length === 0) {
        process.stderr.write(`ask needs a question.\n${USAGE}\n`);
        return 2;
      }
      if (explaining) {
        const explanation = engine.explain(args.join(' '));
        process.stdout.write(json ? `${JSON.stringify(explanation)}\n` : `${explanationText(explanation)}\n\n`);
      }
      print(engine.answer(args.join(' ')), json);
      return 0;
    case 'force':
      print(engine.forceCard(args.join(' ')), json);
      return 0;
    default: {
      const sources = engine.sources();
      if (json) process.stdout.write(`${JSON.stringify(sources)}\n`);
      else for (const s of sources) process.stdout.write(`${s.id}\n  ${s.title} — ${s.publisher}, ${s.published ?? 'date not known'}${s.dateInferred ? ' (inferred)' : ''}\n  ${s.url}\n`);
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exitCode = 1;
  },
);
