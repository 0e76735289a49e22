import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { ForceResolver } from '../../src/understand/forces.ts';

const data = loadDataset(BUNDLED_DATA_DIR);
const resolver = new ForceResolver(data.forces, data.outside);
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
    for (const q of [
      'How many allegations were made against police officers?',
      'What did the National Police Chiefs’ Council say?',
      'officers who met the threshold',
      'figures for a city',
    ]) {
      expect(find(q).forces, q).toEqual([]);
    }
    // Winchester is two letters from Manchester, and a Hampshire town.
    expect(find('the weather in Winchester').forces).toEqual(['hampshire']);
  });

  it('asks which force when a word fits several', () => {
    expect(find('complaints in Yorkshire').ambiguous?.candidates).toEqual(expect.arrayContaining(['west-yorkshire', 'south-yorkshire', 'north-yorkshire']));
    expect(find('allegations in London').ambiguous?.candidates).toEqual(expect.arrayContaining(['metropolitan', 'city-of-london']));
  });

  it('notices a force it does not know, and forces outside England and Wales', () => {
    expect(find('How many allegations against Narnia Police?').unknown).toBe('narnia');
    expect(find('Police Scotland complaints').outOfScope?.force.jurisdiction).toBe('Scotland');
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

describe('places named by area, outside England and Wales, and regions', () => {
  it.each([
    ['I live in Portsmouth. How many complaints?', 'hampshire'],
    ['complaints logged in Sheffield', 'south-yorkshire'],
    ['allegations against the police in Milton Keynes', 'thames-valley'],
    ['How many allegations were logged against Met officers?', 'metropolitan'],
    ["the Met's complaint cases", 'metropolitan'],
    ['Met staff allegations', 'metropolitan'],
  ])('%s → %s', (q, id) => {
    expect(find(q).forces).toEqual([id]);
  });

  it('says which force a named place has', () => {
    expect(find('I live in Portsmouth').places).toEqual([{ place: 'Portsmouth', force: 'hampshire' }]);
  });

  it('takes a capitalised place only, in a question written with capitals', () => {
    expect(find('I was reading the IOPC figures: how many complaints were there?').forces).toEqual([]);
    expect(find('How many complaints were logged in Reading?').forces).toEqual(['thames-valley']);
  });

  it('takes a place beside a force only as a force of its own', () => {
    expect(find('Kent figures for people living in Sheffield').forces).toEqual(['kent']);
    expect(find('swindon police vs gloucestershire').forces).toEqual(['wiltshire', 'gloucestershire']);
    expect(find('Middlesbrough compared with England and Wales').forces).toEqual(['cleveland', 'england-and-wales']);
  });

  it.each([
    ['complaints in Glasgow', 'Police Scotland'],
    ['how many allegations in Belfast?', 'the Police Service of Northern Ireland'],
    ['Jersey police complaints', 'the States of Jersey Police'],
  ])('%s is outside England and Wales, covered by %s', (q, name) => {
    const m = find(q);
    expect(m.forces).toEqual([]);
    expect(m.outOfScope?.force.name).toBe(name);
  });

  it('reads "Wales" as the four Welsh forces, not two', () => {
    const m = find('complaint cases finalised in Wales');
    expect(m.ambiguous?.region).toBe('Wales');
    expect(new Set(m.ambiguous?.candidates)).toEqual(new Set(['dyfed-powys', 'gwent', 'north-wales', 'south-wales']));
    expect(find('complaints in England and Wales').forces).toEqual(['england-and-wales']);
  });
});

describe('names that are words too', () => {
  it('reads a capitalised "Met" as the Met, and a lower-case "met" as the verb', () => {
    expect(find('How many Met complaints were there?').forces).toEqual(['metropolitan']);
    expect(find('We met the Kent figures: how many complaint cases?').forces).toEqual(['kent']);
  });
});
