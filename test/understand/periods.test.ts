import { describe, expect, it } from 'vitest';
import { findPeriods } from '../../src/understand/periods.ts';

const ids = (q: string) =>
  findPeriods(q).asks.map((a) => ('id' in a ? a.id : a.kind === 'range' ? `${a.from}..${a.to}` : a.kind === 'year' ? `y${a.year}` : a.kind));

describe('reading periods from questions', () => {
  it.each([
    ['allegations in 2021-22', '2021-22'],
    ['allegations in 2021/22', '2021-22'],
    ['allegations in 2021-2022', '2021-22'],
    ['allegations in 2021–22', '2021-22'],
    ['in the year to March 2022', '2021-22'],
    ['in the year ending 31 March 2022', '2021-22'],
    ['in the year to April 2022', '2021-22'],
    ['FY2019-20 figures', '2019-20'],
  ])('reads "%s" as the financial year %s', (q, id) => {
    expect(ids(q)).toEqual([id]);
  });

  it('reads a span of years as a range', () => {
    expect(ids('between 2016 and 2020')).toEqual(['2016..2020']);
    expect(ids('from 2016 to 2020')).toEqual(['2016..2020']);
  });

  it('reads relative periods', () => {
    expect(ids('in the most recent year')).toEqual(['latest']);
    expect(ids('last year')).toEqual(['latest']);
    expect(ids('the year before the most recent one')).toEqual(['previous']);
    expect(ids('and the year before?')).toEqual(['previous']);
  });

  it('keeps years far in the past or future, so they can be declined', () => {
    expect(ids('in 1850')).toEqual(['y1850']);
    expect(ids('in 2099')).toEqual(['y2099']);
  });

  it('notices "since" as a change from that period', () => {
    expect(findPeriods('changed since 2021-22').since).toBe(true);
  });

  it('reads two periods in order', () => {
    expect(ids('between 2021-22 and 2022-23')).toEqual(['2021-22', '2022-23']);
  });

  it('reads "the two years to March 2016" as the years ending then', () => {
    expect(ids('in the two years to March 2016')).toEqual(['2014..2016']);
    expect(ids('the two years to the end of March 2016')).toEqual(['2014..2016']);
    expect(ids('over the five years to 2020')).toEqual(['2016..2020']);
  });

  it('reads "the year prior to the latest one" as the year before', () => {
    expect(ids('in the year prior to the latest one')).toEqual(['previous']);
  });
});
