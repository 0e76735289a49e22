/**
 * The interactive terminal chat: one question a line, answers with their sources, follow-ups
 * carried from the previous exchange.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { explanationText, type Answer, type Engine } from '../../src/index.ts';
import { renderText } from '../../src/index.ts';
import { chartOfAnswer, csvOfAnswer } from '../shared/chart-of-answer.ts';
import { writeAnswerFiles } from './chart-files.ts';

const GREETING = `Forcewatch — police misconduct and complaints figures for England and Wales, every figure cited.
Ask a question in your own words, or type /force <name> for a force card, /sources for the documents,
/explain to see how your last question was read (or /explain <question>), /quit to leave.`;

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Called with each answer once it is shown (the terminal records declined ones). */
  onAnswer?: (answer: Answer) => void;
}

/** Runs the chat on standard input and output until the user quits or input ends. */
export async function runChat(engine: Engine, { input = process.stdin, output = process.stdout, onAnswer }: ChatOptions = {}): Promise<void> {
  // Iterating lines (rather than asking question by question) keeps every line of piped input.
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true, prompt: '> ' });
  output.write(`${GREETING}\n\n`);
  rl.prompt();
  let previous: Answer | undefined;
  // The question before the last answer, so "/explain" reads the last question as it was asked.
  let asked: { question: string; before: Answer | undefined } | undefined;
  for await (const line of rl) {
    const text = line.trim();
    if (/^\/?(quit|exit|bye)$/i.test(text)) break;
    const explainAsked = /^\/explain\b\s*(.*)$/i.exec(text);
    if (explainAsked) {
      const question = explainAsked[1] !== '' ? explainAsked[1] : asked?.question;
      const before = explainAsked[1] !== '' ? previous : asked?.before;
      output.write(question === undefined ? '\nAsk a question first, or type /explain <question>.\n\n' : `\n${explanationText(engine.explain(question, before ? { previous: before } : undefined))}\n\n`);
    } else if (text !== '') {
      let answer: Answer;
      if (/^\/force\b/i.test(text)) answer = engine.forceCard(text.replace(/^\/force\s*/i, ''));
      else if (/^\/sources$/i.test(text)) answer = engine.answer('what sources do you have?');
      else {
        asked = { question: text, before: previous };
        answer = engine.answer(text, previous ? { previous } : undefined);
      }
      previous = answer;
      output.write(`\n${renderText(answer)}\n\n`);
      await writeOffered(answer, output);
      onAnswer?.(answer);
    }
    rl.prompt();
  }
  rl.close();
}

/** A terminal cannot show an image: the chart or CSV asked for ("show me a chart", "as a CSV") is
 * written to a new file in the working directory, and the chat says where. Other answers' charts
 * are not written unasked, which would litter the directory. */
async function writeOffered(answer: Answer, output: NodeJS.WritableStream): Promise<void> {
  if (answer.status !== 'answered' || answer.type !== 'chart') return;
  const chart = chartOfAnswer(answer);
  const csv = csvOfAnswer(answer);
  if (chart === undefined && csv === undefined) return;
  const paths = {
    ...(chart === undefined ? {} : { chart: freshName('png') }),
    ...(csv === undefined ? {} : { csv: freshName('csv') }),
  };
  await writeAnswerFiles(chart, csv, paths, output);
  output.write('\n');
}

function freshName(extension: string): string {
  for (let n = 1; ; n += 1) {
    const name = `forcewatch-${extension === 'csv' ? 'data' : 'chart'}-${n}.${extension}`;
    if (!existsSync(name)) return name;
  }
}
