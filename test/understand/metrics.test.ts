import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { MetricMatcher } from '../../src/understand/metrics.ts';

const data = loadDataset(BUNDLED_DATA_DIR);
const matcher = new MetricMatcher(data.measures, data.outcomes);
const measures = (q: string) => [...matcher.find(q).measures.keys()];

describe('finding measures in questions', () => {
  it.each([
    ['How many special procedures cases in Hampshire?', 'special-procedures-allegations'],
    ['How many special prosedures cases in Hampshire?', 'special-procedures-allegations'],
    ['misconduckt allegations against Herts', 'complaint-allegations'],
    ['recordable conduct matters Hampshire 2021/22', 'recordable-conduct-matter-allegations'],
  ])('finds the measure in "%s", with a typo in a long word', (q, id) => {
    expect(measures(q)).toContain(id);
  });

  it('takes a word two typos away for nothing', () => {
    expect(measures('How many special prosedurrs cases in Hampshire?')).not.toContain('special-procedures-allegations');
  });

  it('prefers the longest phrase: a recordable conduct matter is not a conduct matter', () => {
    expect(measures('Recordable conduct matters Hampshire 2021/22')).not.toContain('conduct-matter-allegations');
  });
});
