/**
 * Answers about the IOPC's learning recommendations, as a reader checking them against the BBC
 * Shared Data Unit's spreadsheet would: counts they can repeat by filtering its force column, every
 * response asked for, and citations that name the force the recommendation was made to.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Engine, loadEngine } from '../../src/index.ts';

let engine: Engine;
beforeAll(() => {
  engine = loadEngine();
});

describe('IOPC learning recommendations', () => {
  it("counts a force's recommendations by the dataset's force column, and says so", () => {
    const answer = engine.answer('How many IOPC recommendations has Greater Manchester Police received?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('71 IOPC learning recommendations');
    expect(answer.text).toContain('force column');
    // Pages naming the force only in their tags are said apart, never added into the count.
    expect(answer.text).toMatch(/Not counted: 15 more pages/);
    expect(answer.text).not.toContain('86');
    const count = answer.facts.find((f) => f.value === 71);
    expect(count?.computed?.working).toContain('force column names Greater Manchester Police');
  });

  it('reads where the figure comes from as no topic', () => {
    const answer = engine.answer("Going by the BBC's spreadsheet, how many IOPC recommendations did Avon and Somerset get?");
    expect(answer.text).toContain('35 IOPC learning recommendations');
    expect(answer.text).not.toContain('mentioning');
  });

  it('gives every response asked for, not only the first', () => {
    const answer = engine.answer('How many IOPC recommendations did Bedfordshire Police accept, and how many did it reject?');
    expect(answer.text).toContain('7 as accepted');
    expect(answer.text).toContain('0 as not accepted');
    expect(answer.text).toContain('25 IOPC learning recommendations');
  });

  it("finds the recommendation on a topic and tells its date and response when asked 'was it accepted?' in the same question", () => {
    const answer = engine.answer('Did the IOPC recommend anything to Cleveland Police about CCTV in custody, and was it accepted?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toMatch(/17 June 2020; accepted\)/);
  });

  it('names the force in the citation where the page heading misspells it', () => {
    const answer = engine.answer('Did Cambridgeshire ever say no to an IOPC recommendation?');
    expect(answer.citations[0]?.title).toContain('Cambridge Constabulary');
    expect(answer.citations[0]?.title).toContain('Cambridgeshire Constabulary');
  });

  it('ranks forces by the force column, leaving out the forces asked', () => {
    const answer = engine.answer('Not counting the Met, which force had the most IOPC recommendations on record?');
    expect(answer.text).toMatch(/^West Midlands Police received the most/);
    expect(answer.text).toContain('• West Midlands Police: 103');
    expect(answer.text).toContain('Left out as asked: Metropolitan Police Service.');
  });
});

describe('IOPC learning recommendations, asked one after another', () => {
  // What is worked out once per dataset (which documents are recommendations, the stems of each)
  // must give each question the answer it gets when asked first.
  const questions = [
    'Which force has received the most IOPC learning recommendations?',
    'What has the IOPC recommended to Sussex Police about custody?',
    'Has the IOPC told British Transport Police to change anything about restraint or use of force?',
    'How many IOPC learning recommendations concern discrimination?',
    'Which category holds the most IOPC learning recommendations?',
  ];

  it('gives each question the answer it gets when asked first, in any order', () => {
    const asked = questions.map((q) => engine.answer(q));
    for (const [i, q] of [...questions.entries()].reverse()) {
      const fresh = loadEngine().answer(q);
      expect(fresh.text).toBe(asked[i]?.text);
      expect(fresh.citations).toEqual(asked[i]?.citations);
    }
  });
});
