import { describe, expect, it } from 'vitest';
import { AnswerDesk, type QuestionStatus } from '../../../adapters/shared/answer-desk.ts';
import { createLogger } from '../../../src/index.ts';

const log = createLogger({ level: 'silent' });
const meta = (n: number) => ({ kind: 'mention', user: `U${n}`, channel: 'C1', text: `question ${n}` });
const never = () => Promise.resolve();

describe('the answer desk', () => {
  it('works on at most its cap of questions at once, answers every queued one in order, and drains', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, 2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const release: Array<() => void> = [];
    const work = (n: number) => async (): Promise<QuestionStatus> => {
      running++;
      most = Math.max(most, running);
      order.push(n);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return 'answered';
    };
    const tasks = [1, 2, 3, 4, 5].map((n) => desk.handle(meta(n), work(n), never));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2]);
    expect(desk.inFlight).toBe(5);
    while (order.length < 5 || release.length > 0) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(tasks);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(await desk.drain(1_000)).toBe(0);
  });

  it('frees the slot of a question whose work fails', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, 1);
    await desk.handle(meta(1), () => Promise.reject(new Error('boom')), never);
    let answered = false;
    await desk.handle(meta(2), async () => {
      answered = true;
      return 'answered';
    }, never);
    expect(answered).toBe(true);
  });
});
