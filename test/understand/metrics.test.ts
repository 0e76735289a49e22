import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { readQuestion } from '../../src/understand/frame.ts';
import { questionReaders } from '../../src/understand/readers.ts';
import { MetricMatcher, measuresNamedTogether, rankMetrics } from '../../src/understand/metrics.ts';

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

describe('phrases split by a force name, broad words and Schedule 3', () => {
  // The force resolver's spans, as the question parser passes them.
  const top = (q: string, skip: Array<[number, number]> = []) => {
    const found = [...matcher.find(q, skip).measures].sort((a, b) => b[1] - a[1]);
    return found[0]?.[0];
  };

  it('reads "allegations Nottinghamshire police logged" as allegations logged', () => {
    expect(top('allegations nottinghamshire police logged last year', [[1, 2]])).toBe('allegations-logged');
  });

  it('reads "complaint cases did Kent finalise" as cases finalised, not a bare "complaints"', () => {
    expect(measures('how many complaint cases did kent finalise').some((id) => id.startsWith('complaint-cases-finalised'))).toBe(true);
  });

  it('reads a bare "Schedule 3" as under Schedule 3, and "outside Schedule 3" as outside', () => {
    expect(top('schedule 3 complaint cases finalised 2024-25')).toBe('complaint-cases-finalised-under-schedule-3');
    expect(top('complaint cases finalised outside schedule 3')).toBe('complaint-cases-finalised-outside-schedule-3');
  });

  it('hears "leaving out time spent on suspension" as the average excluding suspension', () => {
    expect(top('leaving out time spent on suspension, how long to finalise schedule 3 cases')).toBe('average-days-under-schedule-3-excluding-suspension');
  });

  it('marks a measure matched only by broad words as loose, and one named by its phrase as not', () => {
    expect(matcher.find('how many allegations').loose.has('allegations-logged')).toBe(true);
    expect(matcher.find('how many allegations were logged').loose.has('allegations-logged')).toBe(false);
  });
});

describe('measures named side by side', () => {
  it('places each measure by its own phrase, past a phrase both share and loose words', () => {
    const q = 'How did IOPC reviews of Essex Police complaints turn out in 2024/25, for both non-investigated and investigated complaints?';
    expect(measuresNamedTogether(matcher.find(q)).map((part) => part[0]?.id)).toEqual(['iopc-reviews-not-investigated', 'iopc-reviews-investigated']);
  });

  it('counts a loose word apart only where "and" joins it to a measure named outright', () => {
    const joined = measuresNamedTogether(matcher.find('Wiltshire allegations and complaints logged in 2020/21'));
    expect(joined.map((part) => part[0]?.id)).toContain('complaint-cases-logged');
    expect(joined).toHaveLength(2);
    expect(measuresNamedTogether(matcher.find('police complaints and allegations in Kent'))).toEqual([]);
  });

  it('answers a count and a time taken asked together, with a period between them', () => {
    const q = 'City of London Police complaint cases finalised outside Schedule 3 in 2024/25 and the average days';
    const parts = measuresNamedTogether(matcher.find(q));
    expect(parts[0]?.[0]?.id).toBe('complaint-cases-finalised-outside-schedule-3');
    expect(parts[1]?.map((f) => f.id)).toContain('average-days-outside-schedule-3');
  });

  it('finds no second part in one measure named by several adjacent phrases', () => {
    expect(measuresNamedTogether(matcher.find('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?'))).toEqual([]);
  });
});

describe('an outcome inside a measure phrase', () => {
  it('still names the outcome for a measure the question names: "officers were sacked after an IOPC case to answer"', () => {
    const q = 'How many officers were sacked after an IOPC case to answer in West Yorkshire?';
    const ranked = rankMetrics(data.metrics, readQuestion(q, questionReaders(data)).measure, { share: false, defaultMeasure: 'complaint-allegations' });
    expect(ranked[0]?.metric.id).toBe('case-to-answer-officers-dismissed');
  });
});
