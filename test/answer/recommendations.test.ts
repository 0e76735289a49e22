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

describe('IOPC learning recommendations, as reporters phrase them', () => {
  it('reads the words of the question itself ("kinds of things", "racked up") as no topic', () => {
    const kinds = engine.answer('What sorts of things has the IOPC told Kent Police to change?');
    expect(kinds.status).toBe('answered');
    expect(kinds.text).not.toContain('mentioning');
    expect(kinds.text).toContain('• Death and serious injury: 13');
    // What kinds of things: a few of them quoted under the categories, those giving their words first.
    expect(kinds.text).toContain('The most recent, those quoting the recommendation first:');
    const racked = engine.answer('How many IOPC recommendations has Essex Police racked up?');
    expect(racked.text).toContain('We hold 47 IOPC learning recommendations to Essex Police (');
  });

  it('reads "anything from the IOPC to a force about something" as a search of its recommendations', () => {
    const answer = engine.answer('anything from the watchdog to Merseyside Police about CCTV?');
    expect(answer.type).toBe('recommendation');
    expect(answer.text).toContain('St Anne st, Liverpool');
  });

  it("ranks the IOPC's categories for the main theme, and counts them too where a number was asked", () => {
    const answer = engine.answer('Kent: how many IOPC recommendations, and what is the most common theme?');
    expect(answer.text).toMatch(/^We hold 44 IOPC learning recommendations to Kent Police \(/);
    expect(answer.text).toContain("The IOPC's category “Death and serious injury” holds the most");
  });

  it('counts each force named side by side, never their sum unasked', () => {
    const answer = engine.answer('Sussex v Surrey: how many IOPC recommendations each?');
    expect(answer.text).toContain('• Sussex Police: 32');
    expect(answer.text).toContain('• Surrey Police: 18');
    expect(answer.text).not.toContain('50');
  });

  it("gives the whole beside the part: all of a force's beside those in a category, every force's beside one force's", () => {
    const category = engine.answer('How many IOPC recommendations to Kent, and how many of them are about custody and detention?');
    expect(category.text).toContain("We hold 4 IOPC learning recommendations to Kent Police in the IOPC's category “Custody and detention”");
    expect(category.text).toContain('In all, whatever the topic, we hold 44 to Kent Police');
    const response = engine.answer("How many IOPC recommendations were accepted, and how many of those were Kent's?");
    expect(response.text).toContain('We hold 15 IOPC learning recommendations to Kent Police recorded as accepted');
    expect(response.text).toContain('Across every force we hold 202 recorded as accepted');
  });

  it('narrows by a month typed with its year, and says what dates it holds where that month has none', () => {
    const january = engine.answer('What did the IOPC recommend to Surrey Police in January 2017?');
    expect(january.text).toContain('We hold 1 IOPC learning recommendation to Surrey Police from January 2017');
    expect(january.text).toContain('firearms licensing');
    const march = engine.answer('IOPC recommendations to Kent in March 2021');
    expect(march.status).toBe('no_data');
    expect(march.text).toMatch(/Those we hold to Kent Police are dated from 28 January 2015 \[\d+\] to 8 February 2021 \[\d+\]/);
  });

  it('counts none with the response asked as 0 of those held, not as nothing held', () => {
    const answer = engine.answer('How many IOPC recommendations did Sussex get in 2020, and how many were accepted?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('We hold 0 IOPC learning recommendations to Sussex Police from 2020 recorded as accepted, of 2 we hold');
  });

  it('ranks the categories for a breakdown by category', () => {
    const answer = engine.answer("What's the breakdown of IOPC recommendations to Kent by category?");
    expect(answer.text).not.toContain('mentioning');
    expect(answer.text).toContain('• Death and serious injury: 13');
  });

  it('counts from the year named on for "since", and reads "themes" as no misspelt Thames Valley', () => {
    const since = engine.answer('How many IOPC recommendations has the Met had since 2019?');
    expect(since.text).toContain('We hold 93 IOPC learning recommendations to Metropolitan Police Service from 2019 onwards');
    const themes = engine.answer('Top 3 themes of IOPC recommendations to GMP');
    expect(themes.text).not.toContain('Thames Valley');
    expect(themes.text).toContain('• Custody and detention: 8');
    expect(themes.text).not.toContain('Road traffic incidents');
  });

  it('reads "did it decline" as not accepted, and "did it accept the recommendation on…" as asking its response', () => {
    const declined = engine.answer('What IOPC recommendation did Sussex Police decline?');
    expect(declined.text).toContain('We hold 2 IOPC learning recommendations to Sussex Police recorded as not accepted');
    const accepted = engine.answer("Did Wiltshire accept the IOPC's recommendation on transporting detainees?");
    expect(accepted.text).toContain('20 July 2020; awaiting a response');
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
