/**
 * Reading the period a question asks about: financial years in their many spellings ("2021-22",
 * "2021/22", "2021-2022", "year to March 2022"), year ranges ("between 2016 and 2020"), single
 * years, and relative periods ("latest", "last year", "the year before").
 */
import type { Period } from '../model/data.ts';
import { fold } from '../text/words.ts';

import type { PeriodAsk } from '../model/frame.ts';

export type { PeriodAsk };

export interface PeriodMention {
  asks: PeriodAsk[];
  /** "since 2021-22": the change from that period to the latest. */
  since: boolean;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

// The patterns `findPeriods` builds from MONTHS, compiled once rather than for each question.
/** "the two years to March 2016" */
const YEARS_TO = new RegExp(
  `\\b(?:the\\s+)?(?:last\\s+|past\\s+)?(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:financial\\s+)?years\\s+(?:to|ending|ended|up\\s+to)\\s+(?:the\\s+end\\s+of\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:(${MONTHS})\\s+)?((?:19|20)\\d\\d)\\b`,
  'g',
);
/** "year to March 2022", and the statisticians' shorthand "YE Mar 24", "y/e March 2024", "FYE March 2024" */
const YEAR_TO_SPRING =
  /\b(?:(?:the\s+)?(?:financial\s+)?(?:years?|yr)\s+(?:to|ending|ended|end(?:ing)?\s+in)|f?ye|y\s*\/\s*e)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(march|april|mar|apr)\s+((?:19|20)?\d\d)\b/g;
/** "March 2023 - Feb 2024", "between October 2021 and March 2022", "15 Dec 2017 to 31 Mar 2018" */
const MONTHS_TO_MONTHS = new RegExp(
  `\\b(?:(?:between|from)\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?<first>${MONTHS})\\s+(?<from>(?:19|20)\\d\\d)\\s*(?:-|–|—|to|until|till|and)\\s*(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?<last>${MONTHS})\\s+(?<to>(?:19|20)\\d\\d)\\b`,
  'g',
);
/** "April to June 2025", "Jan-Mar 2024": months of one year, or running into it ("November to February 2024"). */
const MONTHS_OF_A_YEAR = new RegExp(
  `\\b(?:(?:between|from)\\s+)?(?<first>${MONTHS})\\s*(?:-|–|—|to|until|till|and)\\s*(?<last>${MONTHS})\\s+(?<to>(?:19|20)\\d\\d)\\b`,
  'g',
);
/** "2017 to 21": a range in shorthand, never a day before a month ("2017 to 31 Mar 2018"). */
const YEAR_TO_YEAR = new RegExp(`\\b(?:fy\\s*)?((?:19|20)\\d\\d)\\s*(?:-|\\/|–|—|to)\\s*((?:19|20)?\\d\\d)\\b(?!\\s+(?:${MONTHS})\\b)`, 'g');
/** "2019", "May 2019" (the month kept). */
const YEAR = new RegExp(`\\b(?:(${MONTHS})\\s+)?((?:1[89]|2[01])\\d\\d)\\b`, 'g');
/** The months in order, by the three letters every spelling in MONTHS starts with. */
const MONTH_STARTS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** "up to mid-2021", "(to June 2021)", "until 2019", "scraped to 30 June 2021": every year held up to
 * then, as a range. A bare "to" bounds only a date ("to 30 June 2021"), never a year alone. */
const DAY = '(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)';
const UP_TO = new RegExp(
  `(?:\\bup\\s+to|\\buntil|\\btill|\\(\\s*to|\\bto(?=\\s+${DAY}?(?:${MONTHS})\\b))\\s+((?:the\\s+end\\s+of\\s+|(?:early|mid|late)[\\s-]*)?${DAY}?(?:(?:${MONTHS})\\s+)?((?:19|20)\\d\\d))\\b`,
  'g',
);

/** What may stand between "the latest" and the year it names: "the latest IOPC year (2024/25)". */
const RESTATING =
  /^[\s(,:–—-]*(?:(?:the|iopc|official|home|office|figures?|data|year|years|stats?|statistics|available|held|published|one|i\.?e\.?|which is|that is|so)\b[\s(),:–—-]*)*$/;

/** The first year a range "up to" a year starts from: before any figure we hold. */
const EARLIEST = 1900;

/** Words that set aside the period right after them ("not the 2020/21 figure", "rather than 2023"). */
const NEGATED_BEFORE = /\b(?:not|rather than|instead of|as opposed to)\s+(?:the\s+|in\s+)?$/;

/** "the Police Reform Act 2002": a law's name, not a period asked. */
const ACT_BEFORE = /\bact\s+(?:of\s+)?$/;

/** "by April 2021": the date something was done by, not a period asked. */
const DEADLINE_BEFORE = /\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?$/;

/** "2021-22" for the financial year starting in `start`. */
export function financialYearId(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Finds the periods a question mentions, in the order it mentions them. */
export function findPeriods(question: string, publishers: ReadonlySet<string> = new Set()): PeriodMention {
  const q = fold(question);
  const found: Array<{ at: number; end: number; ask: PeriodAsk }> = [];
  const used: Array<[number, number]> = [];
  const free = (from: number, to: number) => used.every(([a, b]) => to <= a || from >= b);
  const add = (m: RegExpMatchArray, ask: PeriodAsk) => {
    const at = m.index ?? 0;
    if (!free(at, at + m[0].length)) return;
    used.push([at, at + m[0].length]);
    // "… in 2024/25, not the 2020/21 number": a year set aside is not asked; nor is a deadline
    // ("finalised by April 2021").
    const before = q.slice(Math.max(0, at - 20), at);
    // Nor is an Act's year ("the Police Reform Act 2002"), nor the month a paper printed its story
    // ("Hemel Today (January 2023)", "PoliticsHome Feb 2024").
    const paper = /(?:(\w+)\W+)?(\w+)\W*$/.exec(before);
    const dated = ask.kind === 'year' && ask.month !== undefined && [paper?.[1], paper?.[2]].some((w) => publishers.has(w ?? ''));
    if (!NEGATED_BEFORE.test(before) && !dated && !(ask.kind === 'year' && (DEADLINE_BEFORE.test(before) || ACT_BEFORE.test(before))))
      found.push({ at, end: at + m[0].length, ask });
  };
  const fy = (start: number): PeriodAsk => ({ kind: 'financial-year', id: financialYearId(start), label: financialYearId(start) });

  // "the two years to (the end of) March 2016": the years ending then, as a range of years
  const COUNT: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
  for (const m of q.matchAll(YEARS_TO)) {
    const n = COUNT[m[1] ?? ''] ?? Number(m[1]);
    const to = Number(m[3]);
    // Years to a month early in the year (March 2016) start in the year n before; calendar years end in December.
    const from = m[2] !== undefined && /^(?:jan|feb|mar|apr|may|jun)/.test(m[2]) ? to - n : to - n + 1;
    if (n >= 2 && n <= 20) add(m, { kind: 'range', from, to, label: `the ${m[1]} years to ${m[2] ? `${m[2]} ` : ''}${m[3]}` });
  }
  // "year to/ending (31) March 2022": the financial year ending then (April counts: sources say "year to April 2022")
  for (const m of q.matchAll(YEAR_TO_SPRING)) {
    const end = Number(m[2]);
    add(m, fy((end < 100 ? 2000 + end : end) - 1));
  }
  // "2018 to early 2022", "between 2018 and early 2022": a range, whatever part of its last year it reaches.
  for (const m of q.matchAll(/\b(?:between\s+)?((?:19|20)\d\d)\s*(?:-|–|—|to|and)\s*(?:early|mid|late|the end of|the start of)\s+((?:19|20)\d\d)\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a) add(m, { kind: 'range', from: a, to: b, label: m[0].replace(/^between\s+/, '').trim() });
  }
  for (const m of q.matchAll(YEAR_TO_YEAR)) {
    const a = Number(m[1]);
    const raw = m[2] ?? '';
    const b = raw.length === 2 ? Math.floor(a / 100) * 100 + Number(raw) : Number(raw);
    if (b === a + 1) add(m, fy(a));
    else if (b > a) add(m, { kind: 'range', from: a, to: b, label: `${a} to ${b}` });
  }
  // "24-25", "21/22": a financial year in two-digit shorthand (never "24/7" or a date: the years follow each other).
  for (const m of q.matchAll(/(?<![\d/.-])(\d\d)\s*(?:-|\/|–)\s*(\d\d)(?![\d/.-])/g)) {
    const a = Number(m[1]);
    if (Number(m[2]) === a + 1 && a >= 5 && a <= 40) add(m, fy(2000 + a));
  }
  // "March 2023 - Feb 2024", "between April 2013 and March 2022": one run of months, as a range of the years it spans.
  // "April 2024 to March 2025", "1 April 2024 to 31 March 2025": exactly a financial year, named so.
  for (const m of q.matchAll(MONTHS_TO_MONTHS)) {
    const a = Number(m.groups?.from);
    const b = Number(m.groups?.to);
    if (b === a + 1 && m.groups?.first?.startsWith('apr') && m.groups.last?.startsWith('mar')) add(m, fy(a));
    else if (b >= a) add(m, { kind: 'range', from: a, to: b, label: m[0].replace(/^(?:between|from)\s+/, '').trim() });
  }
  for (const m of q.matchAll(MONTHS_OF_A_YEAR)) {
    const to = Number(m.groups?.to);
    const [first, last] = [m.groups?.first, m.groups?.last].map((x) => MONTH_STARTS.indexOf((x ?? '').slice(0, 3)));
    const from = (first ?? 0) > (last ?? 0) ? to - 1 : to;
    add(m, { kind: 'range', from, to, label: m[0].replace(/^(?:between|from)\s+/, '').trim() });
  }
  for (const m of q.matchAll(/\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until|till)\s+((?:19|20)\d\d)\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > a) add(m, { kind: 'range', from: a, to: b, label: `${a} to ${b}` });
  }
  for (const m of q.matchAll(UP_TO)) add(m, { kind: 'range', from: EARLIEST, to: Number(m[2]), label: `the years to ${m[1]}` });
  for (const m of q.matchAll(YEAR)) {
    const month = m[1] === undefined ? undefined : MONTH_STARTS.indexOf(m[1].slice(0, 3)) / 3 + 1;
    add(m, { kind: 'year', year: Number(m[2]), ...(month !== undefined ? { month } : {}), label: m[2] ?? '' });
  }
  for (const m of q.matchAll(
    /\b(?:the\s+)?(?:year|period)\s+before(?:\s+(?:that|the\s+(?:most\s+recent|latest)(?:\s+one)?|last))?\b|\b(?:the\s+)?previous\s+year\b|\b(?:the\s+)?year\s+prior(?:\s+to\s+(?:that|the\s+(?:most\s+recent|latest|last)(?:\s+(?:one|year))?))?\b|\bprior\s+year\b|\b(?:the\s+)?preceding\s+year\b|\b(?:a|the|one)\s+year\s+earlier\b/g,
  ))
    add(m, { kind: 'previous', label: 'the year before' });
  // "last year" is the latest year held, unless a follow-up's previous answer gives it another meaning.
  for (const m of q.matchAll(/\blast\s+year\b/g)) add(m, { kind: 'latest', label: 'last year' });
  for (const m of q.matchAll(
    /\b(?:latest|most\s+recent|this\s+year|recent(?:ly)?|current(?:ly)?|now|nowadays|these\s+days|newest|up to date|last\s+(?:12|twelve)\s+months|(?:the\s+)?year\s+to\s+march)\b/g,
  ))
    add(m, { kind: 'latest', label: 'the latest year' });

  found.sort((a, b) => a.at - b.at);
  // "the latest IOPC year (2024/25)", "2024/25, the most recent": the latest named beside the year
  // it is is that one year, not a change from one to the other.
  const restated = (f: (typeof found)[number]) =>
    f.ask.kind === 'latest' &&
    found.some((g) => {
      if (g.ask.kind === 'latest' || g.ask.kind === 'previous') return false;
      const between = g.at >= f.end ? q.slice(f.end, g.at) : g.end <= f.at ? q.slice(g.end, f.at) : '-';
      return RESTATING.test(between);
    });
  // "in 2023/24 — just the 2023/24 figure" asks one year, not a change from it to itself.
  const asks = found
    .filter((f) => !restated(f))
    .map((f) => f.ask)
    .filter((ask, i, all) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(ask)) === i);
  // "How much did it change from 2023/24?", one year named: the change since then, as "since" asks.
  return { asks, since: /\bsince\b/.test(q) || (asks.length === 1 && CHANGED_FROM.test(q)) };
}

/** "changed from 2023/24", "rise on 2023-24": a change counted from the year named. */
const CHANGED_FROM =
  /\b(?:change[sd]?|rise|risen|rose|fall|fallen|fell|grow|grown|grew|increase[sd]?|decrease[sd]?|(?:gone|went|go) (?:up|down)|moved?)\s+(?:from|on)\s+(?:the\s+)?(?:(?:19|20)\d\d|\d\d\s*[-/]\s*\d\d)/;

/** Sort key placing periods in time: dated ones by their end, unstated ones after, by sequence. */
export function periodOrder(p: Period): number {
  if (p.end !== undefined) {
    const [y, m] = p.end.split('-');
    return Number(y) * 12 + (m ? Number(m) : 12);
  }
  return 1_000_000 + (p.sequence ?? 0);
}

/** Whether a held period answers a period the question asked about (relative asks are resolved elsewhere). */
export function periodMatches(p: Period, ask: PeriodAsk): boolean {
  switch (ask.kind) {
    case 'financial-year':
    case 'held':
      return p.id === ask.id;
    case 'range': {
      if (p.end === undefined) return false;
      const end = Number(p.end.slice(0, 4));
      // A point in time ("at the time of the HMIC report") is its end alone.
      const start = p.start ? Number(p.start.slice(0, 4)) : end;
      return start >= ask.from && end <= ask.to;
    }
    case 'year': {
      if (p.end === undefined) return false;
      const end = Number(p.end.slice(0, 4));
      const start = p.start ? Number(p.start.slice(0, 4)) : end;
      // A financial year touches two calendar years; it answers the one it mostly covers or ends in.
      if (p.kind === 'financial-year') return ask.year === start || ask.year === end;
      return ask.year >= start && ask.year <= end;
    }
    default:
      return false;
  }
}
