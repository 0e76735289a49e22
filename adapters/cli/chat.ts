/**
 * The interactive terminal chat: one question a line, answers with their sources, follow-ups
 * carried from the previous exchange.
 */
import { createInterface } from 'node:readline/promises';
import type { Answer, Engine } from '../../src/index.ts';
import { renderText } from '../shared/render-text.ts';

const GREETING = `Forcewatch — police misconduct and complaints figures for England and Wales, every figure cited.
Ask a question in your own words, or type /force <name> for a force card, /sources for the documents, /quit to leave.`;

/** Runs the chat on standard input and output until the user quits or input ends. */
export async function runChat(engine: Engine, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  output.write(`${GREETING}\n\n`);
  let previous: Answer | undefined;
  const ask = async (): Promise<string | undefined> => {
    try {
      return await rl.question('> ');
    } catch {
      return undefined;
    }
  };
  rl.on('close', () => undefined);
  for (let line = await ask(); line !== undefined; line = await ask()) {
    const text = line.trim();
    if (text === '') continue;
    if (/^\/?(quit|exit|bye)$/i.test(text)) break;
    let answer: Answer;
    if (/^\/force\b/i.test(text)) answer = engine.forceCard(text.replace(/^\/force\s*/i, ''));
    else if (/^\/sources$/i.test(text)) answer = engine.answer('what sources do you have?');
    else answer = engine.answer(text, previous ? { previous } : undefined);
    previous = answer;
    output.write(`\n${renderText(answer)}\n\n`);
  }
  rl.close();
}
