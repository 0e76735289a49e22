import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/index.ts';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

describe('what a decline says we hold', () => {
  it('names the closest measures held for the force, each with its newest period, the same when asked again', () => {
    const held =
      'For Gwent Police we hold, among others: complaint allegations (2021-22); cases finalised outside Schedule 3 (2024-25); average days (outside Schedule 3) (2024-25).';
    const first = engine.answer('How many conduct matters did Gwent have in 2021-22?');
    const again = engine.answer('How many conduct matters did Gwent have in 2021-22?');
    expect(first.status).toBe('no_data');
    expect(first.text).toContain(held);
    expect(again.text).toBe(first.text);
  });

  it('names the wider breakdown held, in its newest period, for a breakdown held only within it', () => {
    const a = engine.answer('How many racism allegations were logged against the Met?');
    expect(a.text).toContain(
      'The nearest we hold is discriminatory behaviour (allegations logged, 2024-25), which counts race discrimination with the other kinds.',
    );
    expect(engine.answer('How many racism allegations were logged against the Met?').text).toBe(a.text);
  });
});
