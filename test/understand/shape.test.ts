import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { readQuestion } from '../../src/understand/frame.ts';
import { questionReaders } from '../../src/understand/readers.ts';
import { readShape, type Shape } from '../../src/understand/shape.ts';
import { words } from '../../src/text/words.ts';

const data = loadDataset(BUNDLED_DATA_DIR);
const readers = questionReaders(data);
const read = (q: string) => readQuestion(q, readers);
/** The shape as read from the phrase book's slots. */
const shapeOf = (q: string): Shape => {
  const mention = readers.resolver.find(q, readers.matcher.vocabulary);
  const ws = words(q);
  return readShape(ws, readers.phrases.find(ws), mention);
};

describe('the shape of the answer asked for', () => {
  it.each<[string, Partial<Shape>]>([
    ['Which force had the most complaints last year?', { rank: true, direction: 'highest' }],
    ['Which force takes longest to deal with complaints?', { rank: true, direction: 'highest' }],
    ['Which force is quickest to finalise complaints?', { rank: true, direction: 'lowest' }],
    ['Shortest average time to finalise a complaint handled outside Schedule 3 - which force or forces?', { rank: true, direction: 'lowest' }],
    ['Bottom of the table for complaint cases finalised outside Schedule 3', { rank: true, direction: 'lowest' }],
    ['Top three forces by misconduct allegations in 2021-22', { rank: true, direction: 'highest', limit: 3 }],
    ['top 10 forces for allegations logged', { rank: true, limit: 10 }],
    ['bottom five forces by complaint cases', { rank: true, direction: 'lowest', limit: 5 }],
    ['Excluding the Met, which two forces had the most IOPC reviews?', { rank: true, limit: 2, excluded: ['metropolitan'] }],
    ['Apart from the Met, which force logged the most allegations?', { excluded: ['metropolitan'] }],
    ['Leaving out Kent and Essex, which force had the fewest complaints?', { direction: 'lowest', excluded: ['kent', 'essex'] }],
    ['Rank the four Welsh police forces by complaint cases', { rank: true, limit: 4 }],
    ['Which force had the most allegations per 1,000 workforce?', { perHead: true }],
    ['Which force had the most misconduct allegations relative to its size?', { perHead: true }],
    ['highest rate per head of complaints', { perHead: true, direction: 'highest' }],
    ['allowing for size, which force had most complaints?', { perHead: true }],
    ['How many forces had more than 1,000 complaint cases finalised under Schedule 3?', { countForces: true, threshold: { op: 'more', value: 1000 } }],
    ['How many police forces logged fewer than 500 allegations?', { countForces: true, threshold: { op: 'fewer', value: 500 } }],
    ['how many forces had over 2,500 allegations logged in 2024/25', { countForces: true, threshold: { op: 'more', value: 2500 } }],
    ['What was the total number of complaint cases finalised across all forces?', { total: true }],
    ['complaint cases finalised by all forces combined', { total: true }],
    ['Is Kent slower than the national average?', { target: 'average', rank: false }],
    ["How does Leicestershire's average time compare with the average for all forces?", { target: 'average', rank: false, total: false }],
    ['Was South Wales Police above or below the England and Wales figure?', { target: 'national' }],
  ])('%s', (q, expected) => {
    expect(shapeOf(q)).toMatchObject(expected);
  });

  it.each(['How many complaint cases did Kent finalise in 2024/25?', 'How many complaints were made over 2021-22?', 'What is a conduct matter?'])(
    'reads no ranking, threshold or exclusion into "%s"',
    (q) => {
      const shape = shapeOf(q);
      expect(shape.rank).toBe(false);
      expect(shape.threshold).toBeUndefined();
      expect(shape.excluded).toEqual([]);
    },
  );
});

describe('intent and scope from the shape', () => {
  it.each([
    [
      'Excluding the Met, which two forces had the most IOPC reviews of complaint investigations completed in 2024-25?',
      'rank',
      { kind: 'every-force', except: ['metropolitan'] },
    ],
    ['Is Kent slower than the national average?', 'compare', { kind: 'forces', forces: ['kent'] }],
    ['Rank the four Welsh police forces by complaint cases finalised outside Schedule 3 in 2024/25', 'rank', { kind: 'region', region: 'Wales' }],
    ['Which had more complaint cases finalised, Kent or Essex?', 'compare', { kind: 'forces', forces: ['kent', 'essex'] }],
    ['Police staff added to the barred list: 2024/25 versus 2023/24?', 'change', { kind: 'unnamed' }],
  ])('%s → %s', (q, intent, scope) => {
    const frame = read(q);
    expect(frame.intent).toBe(intent);
    expect(frame.scope).toMatchObject(scope);
  });
});

describe('what an exclusion leaves out', () => {
  it('leaves out only a force right after it, or joined to it', () => {
    expect(read('Average days under Schedule 3 excluding suspension for Lancashire').scope).toMatchObject({ kind: 'forces', forces: ['lancashire'] });
    expect(read('Apart from the Met and Kent, which force had the most allegations?').scope).toEqual({ kind: 'every-force', except: ['metropolitan', 'kent'] });
  });
});
