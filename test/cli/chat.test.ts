/**
 * The terminal chat when things go wrong: a failing answer shows the engine's one failure sentence,
 * never an error, a log line or a stack trace; its logs go to standard error, and only at
 * LOG_LEVEL=debug.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../adapters/cli/chat.ts';
import { FAILURE_TEXT, loadEngine, type Engine } from '../../src/index.ts';
import { logSink } from '../adapters/slack/support/log-sink.ts';
import { forcewatch } from './support/run-cli.ts';

const real = loadEngine();
/** The real engine, but every answer fails as a bug would, with a stack trace. */
const failing: Engine = {
  ...real,
  answer: () => {
    throw new TypeError('engine exploded (test): cannot read properties of undefined');
  },
  forceCard: () => {
    throw new RangeError('force card exploded (test)');
  },
};

async function chat(engine: Engine, lines: string): Promise<{ shown: string; logged: Record<string, unknown>[] }> {
  let shown = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      shown += chunk.toString();
      done();
    },
  });
  const sink = logSink();
  await runChat(engine, { input: Readable.from([lines]), output, log: sink.logger });
  return { shown, logged: sink.records() };
}

describe('the terminal chat, when answering fails', () => {
  it('shows the one failure sentence for each failed line, and goes on answering', async () => {
    const { shown, logged } = await chat(failing, 'How many allegations in Kent?\n/force kent --all\n/explain How many in Kent?\n');
    expect(shown.split(FAILURE_TEXT)).toHaveLength(3);
    expect(shown).toContain('Read as:');
    for (const leak of ['exploded', 'TypeError', 'RangeError', '    at ', '"level"', '{"']) expect(shown).not.toContain(leak);
    // What went wrong is in the log, stack and all, for whoever runs it at LOG_LEVEL=debug.
    const errors = logged.filter((r) => r.msg === 'terminal chat: could not answer a line');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors[0])).toContain('engine exploded (test)');
  });

  it('writes no log line into the chat, and none to standard error unless LOG_LEVEL=debug', () => {
    const question = 'How many allegations did Hampshire have in 2021-22?\n';
    const quiet = forcewatch([], { input: question, env: { LOG_LEVEL: 'info' } });
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain('1,938');
    expect(quiet.err).toBe('');
    const debug = forcewatch([], { input: question, env: { LOG_LEVEL: 'debug' } });
    expect(debug.out).toContain('1,938');
    expect(debug.out).not.toContain('"level"');
    expect(debug.err).toContain('"msg":"engine ready"');
  });
});
