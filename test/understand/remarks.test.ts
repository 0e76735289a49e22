import { describe, expect, it } from 'vitest';
import { remarksOf } from '../../src/understand/remarks.ts';
import { words } from '../../src/text/words.ts';

/** The question's words outside its remarks, as the parser reads them. */
function asked(text: string): string {
  const { before, after } = remarksOf(text);
  return words(text).slice(before.words, after.words).join(' ');
}

describe('remarks around a question', () => {
  it('sets a statement before the question apart', () => {
    expect(asked('I live in Reading. How many cases did the force finalise?')).toBe('how many cases did the force finalise');
  });

  it('sets a statement after the question apart', () => {
    expect(asked('How many complaints were logged in 2023/24? It feels like it goes up every year.')).toBe('how many complaints were logged in 2023 24');
  });

  it('keeps words after a question mark that have no stop of their own', () => {
    expect(asked('How quickly do forces reply? Average working days in 2022/23')).toBe('how quickly do forces reply average working days in 2022 23');
  });

  it('reads no remark in a stop inside a number, an abbreviation or short fragments', () => {
    for (const q of [
      'how many forces had a rate of 2.4 per 1,000 or higher?',
      'Nationally, how many sexual conduct allegations (e.g. sexual assault) were finalised?',
      'kent. sched 3. avg days?',
    ])
      expect(asked(q)).toBe(words(q).join(' '));
  });

  it('reads no remark in a sentence that asks something', () => {
    expect(asked('Tell me how many complaints Kent logged. And Essex?')).toBe('tell me how many complaints kent logged and essex');
  });
});
