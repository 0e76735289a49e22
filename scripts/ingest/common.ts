/**
 * Helpers every ingester shares: normalised periods, stable ids, force lookup by published name,
 * and the collector that gathers documents, figures and the rows left out (with why).
 */
import { createHash } from 'node:crypto';
import type { Figure, Force, Period, SourceMeta, Unreadable } from '../../src/model/data.ts';
import { valueProblem } from '../../src/data/figure-values.ts';
import { distinctNumbers, writtenAs } from '../../src/text/numbers.ts';
import { fold } from '../../src/text/words.ts';
import type { RowProblem } from './csv.ts';

/** Open Government Licence terms, as the shared data README gives them for public-body pages. */
export const OGL = 'Open Government Licence v3.0';
/** News articles: only the short factual excerpt is kept, for citation. */
export const NEWS_LICENCE = 'Copyright of the publisher; only a short factual excerpt is kept, for citation';
/** The BBC Shared Data Unit repository publishes no licence. */
export const BBC_LICENCE = 'No licence published (all rights reserved): used as reference, credited to the BBC Shared Data Unit';

/** A lower-case slug of `text`, at most `max` characters, cut at a word boundary. */
export function slugify(text: string, max = 60): string {
  const s = fold(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/** Six hex digits identifying `text`: stable across runs, so ids never depend on row order. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** The financial year starting in April of `startYear`: id and label "2021-22". */
export function financialYear(startYear: number, wording: string): Period {
  const id = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  return { id, label: id, wording, kind: 'financial-year', start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}

/**
 * Reads the period wordings the shared files use for a financial year: "2021-22", "2021-22 (YE 31
 * Mar 2022)", "YE 31 Mar 2022", "2024/25". Anything else (quarters, calendar years, "latest release")
 * is not a financial year and returns undefined: such rows are left out rather than guessed.
 */
export function parseFinancialYear(text: string): Period | undefined {
  const t = text.trim();
  const fy = /^(\d{4})[-/](\d{2})(?:\s*\(YE 31 Mar (\d{4})\))?$/.exec(t);
  if (fy) {
    const start = Number(fy[1]);
    if ((start + 1) % 100 !== Number(fy[2])) return undefined;
    if (fy[3] !== undefined && Number(fy[3]) !== start + 1) return undefined;
    return financialYear(start, t);
  }
  const ye = /^YE 31 Mar (\d{4})$/.exec(t);
  if (ye) return financialYear(Number(ye[1]) - 1, t);
  return undefined;
}

/** "1,938" or "1938" as a number; undefined for anything else ("20 / 5 (25%)"). */
export function plainInteger(text: string): number | undefined {
  const t = text.trim();
  return /^\d{1,3}(?:,\d{3})+$|^\d+$/.test(t) ? Number(t.replace(/,/g, '')) : undefined;
}

/** Finds forces by any name or alias in the register, comparing folded names ("&" as "and"). */
export class ForceNames {
  private readonly byName = new Map<string, string>();
  readonly ids: Set<string>;

  constructor(readonly forces: Force[]) {
    this.ids = new Set(forces.map((f) => f.id));
    for (const f of forces) for (const n of [f.name, f.shortName, ...f.aliases]) this.byName.set(ForceNames.key(n), f.id);
  }

  static key(name: string): string {
    return fold(name)
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }

  /** The force id for a published name, if the register knows it. */
  find(name: string): string | undefined {
    return this.byName.get(ForceNames.key(name));
  }
}

/** A row of a shared file that was read but not ingested, and why (kept in the ingest report). */
export interface Skipped {
  file: string;
  row: number;
  reason: string;
}

/** Gathers what the ingesters produce (documents, figures, unreadable cells, rows left out), checking each figure against its quote as it is added. */
export class Collector {
  readonly sources: SourceMeta[] = [];
  readonly figures: Figure[] = [];
  readonly skipped: Skipped[] = [];
  readonly problems: RowProblem[] = [];
  /** Published cells that could not be read reliably: known, never served as figures. */
  readonly unreadable: Unreadable[] = [];
  private readonly sourceIds = new Set<string>();
  private readonly figureIds = new Set<string>();
  private readonly texts = new Map<string, string>();

  constructor(readonly forces: ForceNames) {}

  addSource(meta: SourceMeta): void {
    if (this.sourceIds.has(meta.id)) throw new Error(`ingest: duplicate source id "${meta.id}"`);
    this.sourceIds.add(meta.id);
    this.sources.push(meta);
    this.texts.set(meta.id, meta.text ?? '');
  }

  hasSource(id: string): boolean {
    return this.sourceIds.has(id);
  }

  /**
   * Adds a figure unless its quote is missing from its source or does not state its value (saying
   * which of the quote's numbers it is, where the quote holds several): such a
   * row is reported with its file and row and left out, never patched.
   */
  addFigure(figure: Figure, at: { file: string; row: number }): boolean {
    const text = this.texts.get(figure.source);
    if (text === undefined || !text.includes(figure.quote)) {
      this.problems.push({ ...at, message: `quote not found in source "${figure.source}": "${figure.quote}"` });
      return false;
    }
    const said = Collector.sayWhich(figure);
    const wrong = valueProblem(said);
    if (wrong !== undefined) {
      this.problems.push({ ...at, message: wrong });
      return false;
    }
    if (!this.forces.ids.has(figure.force)) {
      this.problems.push({ ...at, message: `unknown force "${figure.force}"` });
      return false;
    }
    let id = figure.id;
    for (let n = 2; this.figureIds.has(id); n++) id = `${figure.id}-${n}`;
    this.figureIds.add(id);
    this.figures.push({ ...said, id });
    return true;
  }

  /**
   * A quote holding several different numbers must say which is the figure (`stated`); a table figure
   * is located by its column instead. An ingester that knows better sets `stated` itself.
   */
  private static sayWhich(figure: Figure): Figure {
    if (figure.stated !== undefined || figure.table !== undefined || distinctNumbers(figure.quote).length < 2) return figure;
    const stated = writtenAs(figure.quote, figure.value);
    if (stated === undefined) return figure;
    // Keep the field order of the data files: `stated` follows the quote.
    const { restates, table, basedOn, note, ...head } = figure;
    return { ...head, stated, ...(restates ? { restates } : {}), ...(table ? { table } : {}), ...(basedOn ? { basedOn } : {}), ...(note ? { note } : {}) };
  }

  skip(file: string, row: number, reason: string): void {
    this.skipped.push({ file, row, reason });
  }
}
