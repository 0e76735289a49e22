/** A chart's rows as a CSV file a spreadsheet opens: a header, one row a point, and each row's sources. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/chart/index.ts';
import { RATES, TREND } from './support/specs.ts';

const lines = (csv: string) => csv.split('\r\n').filter((l) => l !== '');

describe('toCsv', () => {
  it('has a header naming the axes, then one row a point with its value, citation, source and address', () => {
    const [header, ...rows] = lines(toCsv(TREND));
    expect(header).toBe('Financial year (April to March),Complaint cases logged (number),Our calculation,Working,Citation,Source,URL');
    expect(rows).toEqual([
      '2020-21,67732,no,,[1],"Wired-Gov, News report on IOPC police complaints figures, 2020-21",https://example.org/a',
      '2021-22,75020,no,,[2],"Independent Office for Police Conduct, Police complaints statistics, Table 1",https://example.org/b',
      '2022-23,81142,no,,[2],"Independent Office for Police Conduct, Police complaints statistics, Table 1",https://example.org/b',
    ]);
  });

  it('marks our calculations with their working and the sources of their inputs', () => {
    const [, ours] = lines(toCsv(RATES));
    expect(ours).toBe(
      'Hertfordshire Constabulary,512.3,yes,"1,972 ÷ 3,849 × 1,000 = 512.3",[1][3],"Hemel Today, News report on Home Office police misconduct figures | BBC Shared Data Unit, workforce figures",https://example.org/herts https://example.org/bbc',
    );
  });

  it('quotes cells holding quotes, and keeps a spreadsheet from running a cell as a formula', () => {
    const [, , theirs] = lines(toCsv(RATES));
    expect(theirs).toBe(
      `"Hampshire, ""Isle of Wight""",391.4,no,,[2],"'=HYPERLINK(""https://evil.example""), a title that looks like a formula",https://example.org/hants`,
    );
  });

  it('ends every line with CRLF, as RFC 4180 asks', () => {
    const csv = toCsv(TREND);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
