/**
 * Word normalisation shared by question understanding and the passage index, so a question's
 * "allegation" meets a document's "allegations": lower case, accents folded, Porter stems.
 */
import { stemmer } from 'stemmer';
import { memoised } from './memo.ts';

/** Lower-cases, folds accents and curly quotes, and turns punctuation into spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, ' and ');
}

/** The words of `text`, folded, without punctuation (hyphens split words; "re-vetted" → re, vetted). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/'s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** A word in British spelling, as the sources and the catalogue write it: "finalize" → "finalise",
 * "behavior" → "behaviour", "organization" → "organisation". */
export function britishSpelling(word: string): string {
  return word
    .replace(/iz(e|ed|es|ing|ation|ations)$/, 'is$1')
    .replace(/yz(e|ed|es|ing)$/, 'ys$1')
    .replace(/(behavi|hon|lab|col|fav|harb)or(s?)$/, '$1our$2');
}

/** Porter stem of one folded word. Remembered (for up to 100,000 distinct words): answering stems
 * the same few thousand words of the sources over and over, and the stemmer's regular expressions
 * were the largest cost of a definition. */
export const stem: (word: string) => string = memoised(stemOf, 100_000);

/** Words the Porter stemmer folds onto a word of another meaning: "informal" and "informally" are
 * not "information" (it stems all three to "inform"). */
const OWN_STEMS: Readonly<Record<string, string>> = { informal: 'informal', informally: 'informal' };

function stemOf(word: string): string {
  return OWN_STEMS[word] ?? stemmer(word);
}

/** The stems of the words of `text`. */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** Edit distance (Levenshtein, with two neighbouring letters swapped counted as one edit), stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      // Two letters typed the wrong way round ("cumbira") are one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Words that carry no meaning for matching a question to data or passages. */
export const STOPWORDS = new Set(
  (
    'a an the of in on at to for from by with and or but is are was were be been being do does did ' +
    'have has had how many much what which who whom whose when where why there their they them it its ' +
    'this that these those than then so as if about into over under between up down me my we our you your ' +
    'i he she his her can could would should will shall may might must any some all each per vs versus ' +
    'tell show give get got please number figure figures total made make against'
  ).split(' '),
);

/** The text with its first letter in capitals, for a label that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label a question opens with, before a colon or a spaced dash ("Mansfield Chad - …",
 * "Hampshire Chronicle: …"), as typed; undefined where there is none. */
export function openingLabel(text: string): string | undefined {
  return /^\s*([^:?!.\n]{2,48}?)\s*(?::\s|\s[-–—]\s)/.exec(text)?.[1];
}
