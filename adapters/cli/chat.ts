/**
 * The interactive terminal chat: one question a line, answers with their sources, follow-ups
 * carried from the previous exchange. A line that fails is answered with the engine's one failure
 * sentence; what went wrong goes to the log (standard error, shown only at LOG_LEVEL=debug), never
 * into the chat.
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { explanationText, FAILURE_TEXT, renderText, type Answer, type Engine, type Logger } from '../../src/index.ts';
import { chartOfAnswer, csvOfAnswer } from '../shared/chart-of-answer.ts';
import { writeAnswerFiles } from './chart-files.ts';
import { CHAT_SYNTAX, forceCardAsked } from './syntax.ts';

const GREETING = `Forcewatch — police misconduct and complaints figures for England and Wales, every figure cited.
Ask a question in your own words, or type /force <name> for a force card (/force <name> --all for every figure),
/sources for the documents, /explain to see how your last question was read (or /explain <question>), /quit to leave.`;

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Where a failure is logged; nowhere when absent. */
  log?: Logger;
  /** Called with each answer once it is shown (the terminal records declined ones). */
  onAnswer?: (answer: Answer) => void;
}

/** What the chat remembers between lines. */
interface ChatState {
  previous: Answer | undefined;
  /** The question before the last answer, so "/explain" reads the last question as it was asked. */
  asked: { question: string; before: Answer | undefined } | undefined;
}

/** Runs the chat on standard input and output until the user quits or input ends. */
export async function runChat(engine: Engine, { input = process.stdin, output = process.stdout, log, onAnswer }: ChatOptions = {}): Promise<void> {
  // Iterating lines (rather than asking question by question) keeps every line of piped input.
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true, prompt: '> ' });
  output.write(`${GREETING}\n\n`);
  rl.prompt();
  const state: ChatState = { previous: undefined, asked: undefined };
  for await (const line of rl) {
    const text = line.trim();
    if (/^\/?(quit|exit|bye)$/i.test(text)) break;
    try {
      await respond(engine, text, state, output, onAnswer);
    } catch (error) {
      log?.error({ err: error }, 'terminal chat: could not answer a line');
      output.write(`\n${FAILURE_TEXT}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}

/** Answers one line of the chat. */
async function respond(engine: Engine, text: string, state: ChatState, output: NodeJS.WritableStream, onAnswer: ChatOptions['onAnswer']): Promise<void> {
  const explainAsked = /^\/explain\b\s*(.*)$/i.exec(text);
  if (explainAsked) {
    const question = explainAsked[1] !== '' ? explainAsked[1] : state.asked?.question;
    const before = explainAsked[1] !== '' ? state.previous : state.asked?.before;
    output.write(
      question === undefined
        ? '\nAsk a question first, or type /explain <question>.\n\n'
        : `\n${explanationText(engine.explain(question, before ? { previous: before } : undefined))}\n\n`,
    );
    return;
  }
  if (text === '') return;
  const card = forceCardAsked(text);
  let answer: Answer;
  if (card) answer = engine.forceCard(card.name, { full: card.all });
  else if (/^\/sources$/i.test(text)) answer = engine.answer('what sources do you have?');
  else {
    state.asked = { question: text, before: state.previous };
    answer = engine.answer(text, state.previous ? { previous: state.previous } : undefined);
  }
  state.previous = answer;
  output.write(`\n${renderText(answer, { syntax: CHAT_SYNTAX })}\n\n`);
  await writeOffered(answer, output);
  onAnswer?.(answer);
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
