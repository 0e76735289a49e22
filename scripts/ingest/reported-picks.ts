/**
 * What a kept row of a reported-figures file states: one pick per figure, each with the metric, the
 * value and, where the row's sentence holds other numbers too, the number as written there. Rows
 * whose value cell packs several figures ("48979 cases; 115235 allegations") are listed by hand in
 * `reported-national.ts` and `reported-news.ts`; every pick is still checked against its quote.
 */
import type { Period } from '../../src/model/data.ts';
import { financialYear } from './common.ts';

/** One figure a row states. */
export interface FigurePick {
  metric: string;
  value: number;
  /** The number as the quote writes it ("1,802"), when the quote holds several numbers. */
  stated?: string;
  /** The part of the row's sentence that holds this figure, when the whole sentence is more than it. */
  quote?: string;
  /** The period, when it is not the row's: a financial year ("2021-22") or a period made below. */
  period?: string | Period;
  /** The force, when it is not the row's: a national average beside a force's figure. */
  force?: string;
  /** The source's hedge ("about", "nearly"). */
  qualifier?: string;
  note?: string;
}

/** A calendar year, or a run of calendar years ("2021 to 2024"), as a source states it. */
export function calendarYears(from: number, to: number, wording: string): Period {
  const id = from === to ? String(from) : `${from}-${to}`;
  const label = from === to ? String(from) : `${from} to ${to}`;
  return { id, label, wording, kind: 'calendar-years', start: `${from}-01`, end: `${to}-12` };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A stated run of months that is neither a financial nor a calendar year ("October 2021 to March 2022"). */
export function months(start: string, end: string, wording: string): Period {
  const name = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1] ?? ''} ${ym.slice(0, 4)}`;
  return { id: `${start}-to-${end}`, label: `${name(start)} to ${name(end)}`, wording, kind: 'months', start, end };
}

/** The financial year starting in April of `start`, with the source's own wording for it. */
export function fy(start: number, wording: string): Period {
  return financialYear(start, wording);
}
