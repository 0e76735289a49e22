/**
 * Whether a figure's value is the number its quote states. A quote holding one number must state the
 * value; a quote holding several ("from 1,802 in 2021-22 to 2,402") must be told which by the
 * figure's `stated`, the number as the quote writes it, and that text must be in the quote and read as
 * the value. A table figure's quote is its row, located by `table`; its value need only be in the row.
 */
import type { Figure } from '../model/data.ts';
import { digitNumbers, distinctNumbers, holdsWritten, readsAs } from '../text/numbers.ts';

type Checked = Pick<Figure, 'quote' | 'value' | 'stated' | 'table'>;

/**
 * A checker that reads each distinct quote's numbers once (a table row or a sentence often proves
 * several figures): it returns what is wrong with a figure's value, or undefined.
 */
export function valueChecker(): (figure: Checked) => string | undefined {
  const numbers = new Map<string, number[]>();
  const numbersOf = (quote: string) => {
    let found = numbers.get(quote);
    if (found === undefined) {
      found = distinctNumbers(quote);
      numbers.set(quote, found);
    }
    return found;
  };
  return ({ quote, value, stated, table }) => {
    if (stated !== undefined) {
      if (!holdsWritten(quote, stated)) return `stated "${stated}" is not a number of the quote: "${quote}"`;
      if (!readsAs(stated, value)) return `stated "${stated}" does not read as the value ${value}`;
      return undefined;
    }
    const found = numbersOf(quote);
    if (!found.includes(value)) return `quote does not state the value ${value}: "${quote}"`;
    if (table === undefined && found.length > 1)
      return `the quote holds several numbers (${found.slice(0, 6).join(', ')}${found.length > 6 ? ', …' : ''}): "stated" must say which is the value ${value}`;
    return undefined;
  };
}

/** {@link valueChecker} for one figure. */
export function valueProblem(figure: Checked): string | undefined {
  return valueChecker()(figure);
}

/** Digits that name rather than count: a year or financial year, a table, a schedule. */
const NAMING_DIGITS = /\b(?:19|20)\d\d(?:[-/]\d\d)?\b|\b(?:Table|Schedule) \d+(?:\.\d+)?\b/g;

/**
 * What is wrong with a figure's note, or undefined. A note travels with every answer that shows its
 * figure and is cited only through that figure, so it may repeat numbers of the figure's quote but
 * never add one (a restated total, another table's count) that no shown quote proves.
 */
export function noteProblem({ note, quote }: Pick<Figure, 'note' | 'quote'>): string | undefined {
  if (note === undefined) return undefined;
  const quoted = new Set(distinctNumbers(quote));
  const added = digitNumbers(note.replace(NAMING_DIGITS, ' ')).filter((n) => !quoted.has(n));
  return added.length === 0 ? undefined : `note states ${added.join(', ')}, which its quote does not: "${note}"`;
}
