/**
 * Numbers as sources write them and as answers print them: "1,938", "1938", "five", "96 percent".
 * The grounding check and the data check both read numbers through here, so a quote and an answer
 * are compared the same way.
 */

import { memoised } from './memo.ts';

const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const DIGITS = /(?<![\d.]|\d,)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|(?<![\d.]|\d,)\d+(?:\.\d+)?(?!\d|,\d)/g;

/** Every number written in digits in `text`, thousands separators removed. */
export function digitNumbers(text: string): number[] {
  return digitNumbersAt(text).map((n) => n.value);
}

/** Every number written in digits in `text`, with where it starts. */
export function digitNumbersAt(text: string): Array<{ value: number; at: number }> {
  // An `exec` loop on the one pattern, rather than `matchAll`'s copy of it: the grounding check reads
  // every answer's text through here.
  const found: Array<{ value: number; at: number }> = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m !== null; m = DIGITS.exec(text))
    found.push({ value: Number(m[0].includes(',') ? m[0].replace(/,/g, '') : m[0]), at: m.index });
  return found;
}

/** A whole number written as one word or in digits ("three", "3"), or undefined. */
export function wordNumber(word: string): number | undefined {
  return /^\d+$/.test(word) ? Number(word) : WORDS[word];
}

const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

/** A place written as an ordinal ("second", "3rd"), from the second to the tenth; undefined for
 * "first", which a ranking's lead already names. */
export function ordinalNumber(word: string): number | undefined {
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  const n = digits ? Number(digits[1]) : ORDINALS[word];
  return n !== undefined && n >= 2 && n <= 10 ? n : undefined;
}

/** A place from the second to the tenth as a word ("second"), which no grounding check reads as a figure. */
export function ordinalWord(n: number): string {
  return Object.keys(ORDINALS).find((w) => ORDINALS[w] === n) ?? ordinal(n);
}

/** A place as answers print it: "2nd", "11th", "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Every number in `text`, in digits or as a word ("five", "a dozen"). */
export function numbersIn(text: string): number[] {
  const words = [...text.toLowerCase().matchAll(/[a-z]+/g)].map((m) => WORDS[m[0]]).filter((n): n is number => n !== undefined);
  return [...digitNumbers(text), ...words];
}

/** Whether `text` states `value`, in digits or in words. */
export function statesValue(text: string, value: number): boolean {
  return numbersIn(text).includes(value);
}

/** The different numbers `text` states, in digits or in words. */
export function distinctNumbers(text: string): number[] {
  return [...new Set(numbersIn(text))];
}

/** Whether `stated` (a number as written: "1,938", "five", "96%") reads as exactly `value`. */
export function readsAs(stated: string, value: number): boolean {
  const found = numbersIn(stated);
  return found.length === 1 && found[0] === value;
}

/** Whether `text` holds `stated` as a whole number, not inside a longer one ("6" is not in "46",
 * "six" is not in "sixteen"); digits may touch letters, as pages print them ("128new"). */
export function holdsWritten(text: string, stated: string): boolean {
  const escaped = stated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const edge = /^\d/.test(stated) ? ['(?<![\\d.,]|\\d[.,])', '(?!\\d|[.,]\\d)'] : ['(?<!\\p{L})', '(?!\\p{L})'];
  return new RegExp(`${edge[0]}${escaped}${edge[1]}`, 'iu').test(text);
}

/** The first number in `text` that reads as `value`, as `text` writes it ("1,938", "Five"). */
export function writtenAs(text: string, value: number): string | undefined {
  const digits = digitNumbersAt(text).find((n) => n.value === value);
  if (digits !== undefined) {
    const number = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/y;
    number.lastIndex = digits.at;
    return number.exec(text)?.[0];
  }
  return [...text.matchAll(/[A-Za-z]+/g)].find((m) => WORDS[m[0].toLowerCase()] === value)?.[0];
}

const grouping = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** `Intl` formatting, remembered (for up to 50,000 values): answers print the same held figures again
 * and again, and formatting them was a twentieth of a force card's time. */
const formatted: (value: number) => string = memoised((value: number) => grouping.format(value), 50_000);

/** "1,938"; one decimal place at most. */
export function formatNumber(value: number): string {
  // A memo's keys can't tell 0 from -0, which prints "-0".
  return value === 0 ? grouping.format(value) : formatted(value);
}

/** A value with its unit: "1,938" or "96%". */
export function formatValue(value: number, unit: 'count' | 'percent'): string {
  return unit === 'percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** Rounds to one decimal place, the precision answers print computed figures at. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
