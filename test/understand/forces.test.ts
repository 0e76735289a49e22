import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { ForceResolver } from '../../src/understand/forces.ts';

const resolver = new ForceResolver(loadDataset(BUNDLED_DATA_DIR).forces);
const vocabulary = new Set(['allegations', 'misconduct', 'complaints']);
const find = (q: string) => resolver.find(q, vocabulary);

describe('finding forces in questions', () => {
  it.each([
    ['How many allegations did Hampshire police face?', 'hampshire'],
    ['hants allegations', 'hampshire'],
    ['Herts misconduct', 'hertfordshire'],
    ['complaints against the Met', 'metropolitan'],
    ['GMP complaints', 'greater-manchester'],
    ['TVP 2021-22', 'thames-valley'],
    ['Devon & Cornwall allegations', 'devon-and-cornwall'],
    ['Devon and Cornwall Police', 'devon-and-cornwall'],
    ['allegations against Hampshre police', 'hampshire'],
    ['Hertfordshre constabulary', 'hertfordshire'],
    ['British Transport Police complaints', 'btp'],
  ])('finds the force in "%s"', (q, id) => {
    expect(find(q).forces).toEqual([id]);
  });

  it('finds two forces in the order named', () => {
    expect(find('Which had more, Hertfordshire or Hampshire?').forces).toEqual(['hertfordshire', 'hampshire']);
  });

  it('does not take everyday words for forces', () => {
    for (const q of ['How many allegations were made against police officers?', 'What did the National Police Chiefs’ Council say?', 'officers who met the threshold', 'figures for a city', 'the weather in Winchester']) {
      expect(find(q).forces, q).toEqual([]);
    }
  });

  it('asks which force when a word fits several', () => {
    expect(find('complaints in Yorkshire').ambiguous?.candidates).toEqual(expect.arrayContaining(['west-yorkshire', 'south-yorkshire', 'north-yorkshire']));
    expect(find('allegations in London').ambiguous?.candidates).toEqual(expect.arrayContaining(['metropolitan', 'city-of-london']));
  });

  it('notices a force it does not know, and forces outside England and Wales', () => {
    expect(find('How many allegations against Narnia Police?').unknown).toBe('narnia');
    expect(find('Police Scotland complaints').outOfScope).toMatch(/police scotland/i);
  });
});

describe('names that are not forces of ours', () => {
  it('names an unknown force even when a year follows "Police in"', () => {
    expect(find('How many allegations against officers in Springfield Police in 2021-22?').unknown).toBe('springfield');
  });

  it('never takes a body named "… Police Complaints Commission" for a force', () => {
    const m = find('What share were referred to the Independent Police Complaints Commission?');
    expect(m.unknown).toBeUndefined();
    expect(m.forces).toEqual([]);
  });

  it('asks which force for a name several share, rather than calling it unknown', () => {
    const m = find('How many allegations against Yorkshire police in 2021-22?');
    expect(m.unknown).toBeUndefined();
    expect(m.ambiguous?.candidates.length).toBeGreaterThan(1);
  });
});
