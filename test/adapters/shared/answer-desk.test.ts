import { describe, expect, it } from 'vitest';
import { AnswerDesk, type QuestionStatus } from '../../../adapters/shared/answer-desk.ts';
import { createLogger } from '../../../src/index.ts';

const log = createLogger({ level: 'silent' });
const meta = (n: number) => ({ kind: 'mention', user: `U${n}`, channel: 'C1', text: `question ${n}` });
const never = () => Promise.resolve();

/** Work that records when it starts and runs until released. */
function held() {
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
  return { work, release, order, running: () => running, most: () => most };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Turns of the event loop until `done()` holds (at most 100). */
const turnsUntil = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await turn();
};

describe('the answer desk', () => {
  it('works on at most its cap of questions at once, answers every queued one in order, and drains', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 2, duringBurst: 2, quietMs: 0 });
    const h = held();
    const tasks = [1, 2, 3, 4, 5].map((n) => desk.handle(meta(n), h.work(n), never));
    await turnsUntil(() => h.order.length >= 2);
    await turn();
    expect(h.order).toEqual([1, 2]);
    expect(desk.inFlight).toBe(5);
    while (h.order.length < 5 || h.release.length > 0) {
      h.release.shift()?.();
      await turn();
    }
    await Promise.all(tasks);
    expect(h.order).toEqual([1, 2, 3, 4, 5]);
    expect(h.most()).toBe(2);
    expect(await desk.drain(1_000)).toBe(0);
  });

  it('frees the slot of a question whose work fails', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 1, duringBurst: 1, quietMs: 0 });
    await desk.handle(meta(1), () => Promise.reject(new Error('boom')), never);
    let answered = false;
    await desk.handle(
      meta(2),
      async () => {
        answered = true;
        return 'answered';
      },
      never,
    );
    expect(answered).toBe(true);
  });
});

describe('the answer desk during a burst', () => {
  it('works on only its burst share while questions keep waiting, and still answers every one, in order', async () => {
    // A burst that never ends by itself: one question starts a turn, so the rest wait, and the
    // share is all that runs.
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 3, duringBurst: 1, quietMs: 60_000 });
    const h = held();
    const tasks = Array.from({ length: 8 }, (_, i) => desk.handle(meta(i + 1), h.work(i + 1), never));
    await turnsUntil(() => h.order.length >= 1);
    for (let i = 0; i < 5; i++) await turn();
    expect(h.order).toEqual([1]);
    while (h.order.length < 8 || h.release.length > 0) {
      h.release.shift()?.();
      await turn();
    }
    await Promise.all(tasks);
    expect(h.order).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(h.most()).toBe(1);
    expect(await desk.drain(1_000)).toBe(0);
  });

  it('goes back to its full cap once questions stop arriving', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 3, duringBurst: 1, quietMs: 20 });
    const h = held();
    const tasks = Array.from({ length: 6 }, (_, i) => desk.handle(meta(i + 1), h.work(i + 1), never));
    // During the burst only the first runs…
    await turnsUntil(() => h.order.length >= 1);
    expect(h.order).toEqual([1]);
    // …and once it is over the waiting ones fill the cap, without any answer finishing first.
    while (h.order.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.order).toEqual([1, 2, 3]);
    expect(h.running()).toBe(3);
    while (h.order.length < 6 || h.release.length > 0) {
      h.release.shift()?.();
      await turn();
    }
    await Promise.all(tasks);
    expect(h.order).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await desk.drain(1_000)).toBe(0);
  });

  it('refuses a burst share of zero, which would stop answering', () => {
    expect(() => new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 3, duringBurst: 0, quietMs: 20 })).toThrow(RangeError);
  });
});

describe('work that follows answers', () => {
  it('waits while questions wait their turn, so a burst’s answers are not held up by its charts', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 1, duringBurst: 1, quietMs: 0 });
    const h = held();
    const events: string[] = [];
    const tasks = [1, 2, 3].map((n) =>
      desk.handle(
        meta(n),
        async (ctx) => {
          const status = await h.work(n)();
          events.push(`answer ${n}`);
          void desk.later(async () => {
            events.push(`chart ${n}`);
          }, ctx.log);
          return status;
        },
        never,
      ),
    );
    while (h.order.length < 3 || h.release.length > 0) {
      h.release.shift()?.();
      await turn();
    }
    await Promise.all(tasks);
    await turnsUntil(() => events.length >= 6);
    // Question 3 waited until answer 2 was out; no chart started before it had its turn.
    expect(events.slice(0, 2)).toEqual(['answer 1', 'answer 2']);
    expect(events.filter((e) => e.startsWith('chart')).sort()).toEqual(['chart 1', 'chart 2', 'chart 3']);
  });

  it('is waited for by a shutdown, and a failure in it is logged, not thrown', async () => {
    const desk = new AnswerDesk('slack', log, { limits: undefined, logMessageText: false }, { max: 2, duringBurst: 2, quietMs: 0 });
    let finished = false;
    const failing = desk.later(() => Promise.reject(new Error('upload refused')));
    void desk.later(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = true;
    });
    await expect(failing).resolves.toBeUndefined();
    expect(desk.inFlight).toBe(1);
    expect(await desk.drain(1_000)).toBe(0);
    expect(finished).toBe(true);
  });
});
