/**
 * Questions about the sources' text, asked as reporters ask them: when a paper published its story,
 * what a named person or force said or did, and what the sources do not say.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/engine.ts';

const engine = loadEngine();

describe('when a source was published', () => {
  it('gives an inferred date from the record, marked inferred with the reason', () => {
    const a = engine.answer('roughly when did the Daily Echo run its story on sexual allegations against Hampshire officers?');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/^Daily Echo \(Southampton\) published this article \(“DOZENS of sexual assault allegations/);
    expect(a.text).toContain('in October 2021 (date inferred): No date is printed.');
    expect(a.citations[0]?.sourceId).toBe('daily-echo-sexual-assault-foi');
  });

  it('gives a printed date as it is, for the story of several by the paper the question describes', () => {
    const a = engine.answer('What date was the Hemel Today article on Hertfordshire misconduct allegations published?');
    expect(a.text).toMatch(/published this article \(“Nine in 10 formal allegations.*\) on 18 January 2023\.$/);
  });

  it('says plainly when no date is known', () => {
    expect(engine.answer('When was the Petersfield Post article published?').text).toMatch(/^We don't know when Petersfield Post published this article/);
  });
});

describe('people and speakers the sources name', () => {
  it('declines a fact about a person that no sentence states, rather than quoting sentences naming them', () => {
    expect(engine.answer('how old is David Carrick?').status).toBe('no_data');
    expect(engine.answer("what is david carrick's rank?").status).toBe('no_data');
  });

  it('answers a count about a person from the sentence stating it', () => {
    expect(engine.answer('how many women did Carrick offend against, per the Hemel Today piece?').text).toContain('at least a dozen women');
  });

  it('finds a force as speaker whichever of its names the source uses', () => {
    const a = engine.answer('What did Hampshire police say it has had to do since February 2020 under IOPC guidance?');
    expect(a.text).toMatch(
      /^What the sources report from Hampshire police:\n"Since February 2020, under the IOPC guidance, we are required to record every complaint/,
    );
  });

  it('reads an initialism as typed as well as spelt out', () => {
    expect(engine.answer('What date was the FOI response on sexual assault allegations against Hampshire officers?').text).toContain(
      '“A further two were under investigation at the time of the FOI response on July 20.”',
    );
  });
});
