import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Answer, type Engine } from '../../src/index.ts';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

/** Asks each question in turn, each a follow-up of the one before; returns every answer. */
function converse(...questions: string[]): Answer[] {
  const answers: Answer[] = [];
  for (const q of questions) {
    const previous = answers.at(-1);
    answers.push(engine.answer(q, previous ? { previous } : undefined));
  }
  return answers;
}

describe('places', () => {
  it('answers a town for the force that polices it, never the previous force', () => {
    const [, portsmouth] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'and in Portsmouth?');
    expect(portsmouth?.facts[0]?.force).toBe('hampshire');
    expect(portsmouth?.facts.some((f) => f.force === 'kent')).toBe(false);
  });

  it('says which force covers a place outside England and Wales, and that we do not', () => {
    const [, glasgow] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'what about Glasgow?');
    expect(glasgow?.status).toBe('no_data');
    expect(glasgow?.text).toContain('Police Scotland');
    expect(glasgow?.facts).toEqual([]);
  });

  it('answers a figure asked of "Wales" for each of the four Welsh forces, and no other', () => {
    const a = engine.answer('How many complaint cases were finalised in Wales in 2024/25?');
    expect(a.status).toBe('answered');
    expect(new Set(a.facts.map((f) => f.force))).toEqual(new Set(['dyfed-powys', 'gwent', 'north-wales', 'south-wales']));
  });

  it('offers the four Welsh forces when "Wales" comes with no measure to answer', () => {
    const a = engine.answer('What about Wales?');
    expect(a.status).toBe('unclear');
    for (const name of ['Dyfed-Powys', 'Gwent', 'North Wales', 'South Wales']) expect(a.text).toContain(name);
  });
});

describe('the last answer as a subject', () => {
  it('tells where the last answer’s figures come from', () => {
    const [first, where] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'Where does that figure come from?');
    expect(where?.type).toBe('provenance');
    expect(where?.text).toContain('Independent Office for Police Conduct');
    expect(where?.text).toContain(first?.citations[0]?.url ?? 'no citation');
  });

  it('keeps the subject after a question about the source: "and nationally?" is the same measure', () => {
    const [, , national] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'who published that?', 'and nationally?');
    expect(national?.facts[0]).toMatchObject({ force: 'england-and-wales', metric: 'complaint-cases-finalised-under-schedule-3' });
  });

  it('says plainly that a chart is not available rather than repeating the answer', () => {
    const [first, chart] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'show me a chart');
    expect(chart?.type).toBe('chart');
    expect(chart?.text).not.toBe(first?.text);
    expect(chart?.facts).toEqual([]);
  });
});

describe('input we cannot read', () => {
  it.each(['blah blah', 'asdkjh qwe zzz', 'you are useless'])('answers "%s" after a force question with the short help, never an overview', (q) => {
    const [, reply] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', q);
    expect(reply?.status).not.toBe('answered');
    expect(reply?.text.length).toBeLessThan(300);
    expect(reply?.facts).toEqual([]);
  });

  it('keeps the subject after gibberish, so "what about Essex?" still asks the same thing', () => {
    const [, , essex] = converse('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?', 'blah blah', 'what about Essex?');
    expect(essex?.facts[0]).toMatchObject({ force: 'essex', metric: 'complaint-cases-finalised-under-schedule-3' });
  });
});

describe('"latest" and "last year" for the measure that answers', () => {
  it('answers the latest count of allegations with the latest year held, and says which year', () => {
    const a = engine.answer("What's the latest count of allegations against South Yorkshire Police?");
    expect(a.facts[0]).toMatchObject({ force: 'south-yorkshire', metric: 'allegations-logged', periodId: '2024-25' });
    expect(a.text).toContain('2024-25');
  });

  it('keeps the year asked: allegations against Hampshire in 2021-22 are the Home Office figure', () => {
    const a = engine.answer('How many allegations were made against Hampshire police in 2021-22?');
    expect(a.facts[0]).toMatchObject({ metric: 'complaint-allegations', value: 1938 });
  });
});

describe('a measure asked as a whole', () => {
  it('answers "complaint cases finalised" with the sum of its parts, outside and under Schedule 3, as our calculation', () => {
    const a = engine.answer('How many complaint cases did Kent Police finalise in 2024/25?');
    expect(a.facts.map((f) => f.metric).sort()).toEqual([
      'complaint-cases-finalised',
      'complaint-cases-finalised-outside-schedule-3',
      'complaint-cases-finalised-under-schedule-3',
    ]);
    expect(a.text).toMatch(/^Kent Police: 3,336 complaint cases finalised/);
    expect(a.text).toContain('1,927 + 1,409 = 3,336');
  });

  it('answers one part alone when the question names it', () => {
    const a = engine.answer('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?');
    expect(a.facts.map((f) => f.metric)).toEqual(['complaint-cases-finalised-under-schedule-3']);
  });
});

describe('loose words and what is held', () => {
  it('answers "misconduct complaints" for a force with a measure those words fit that it holds, never declining', () => {
    const a = engine.answer('How many misconduct complaints did Kent get?');
    expect(a.status).toBe('answered');
    expect(a.facts.every((f) => f.force === 'kent')).toBe(true);
  });

  it('declines a subject we hold nothing on ("noise complaints") rather than giving the total', () => {
    const a = engine.answer('How many noise complaints did Essex police get?');
    expect(a.status).toBe('no_data');
    expect(a.text).toContain('“noise”');
    expect(a.facts).toEqual([]);
  });

  it('says so when a question naming no force is answered for the one force holding the figure', () => {
    const a = engine.answer('How many domestic abuse allegations against officers?');
    expect(a.text).toMatch(/names no force: this figure is held for South Wales Police only/);
  });
});

describe('a force against England and Wales', () => {
  it("gives a count as the force's part of the national total, never more or fewer", () => {
    const a = engine.answer('Is the Met worse than the national average for complaints?');
    expect(a.text).toMatch(/% of England and Wales's/);
    expect(a.text).not.toMatch(/England and Wales had more/);
    expect(a.facts.some((f) => f.computed?.operation === 'share')).toBe(true);
  });
});
