/**
 * What every IOPC 2024/25 table shares: the release its documents belong to (title, address, date),
 * and reading a per-force table into one document and one figure per cell, whose quote is its row.
 */
import { z } from 'zod';
import type { Figure, Period, SourceMeta } from '../../src/model/data.ts';
import type { Row } from './csv.ts';
import { type Collector, financialYear, OGL, slugify } from './common.ts';

export const PUBLISHER = 'Independent Office for Police Conduct';
const RELEASE = 'Police complaints: statistics for England and Wales 2024/25';
/** The release's own page: the stored copies were read from listing pages (`readAt`), and no deeper
 * address for the tables is recorded, so this folder address is the one cited. */
const RELEASE_URL = 'https://www.policeconduct.gov.uk/complaint-statistics-24-25/';
/** The release date of the IOPC's 2024/25 statistics: stated by the IOPC, not inferred from the page. */
const RELEASED = '2025-11-27';
const RELEASE_DATE_REASON =
  'The IOPC published its 2024/25 complaints statistics on 27 November 2025 (the release date); the stored copy of the table page itself carries no date.';
/** A cell that must hold a whole number. */
export const required = z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number);
export const forceId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a force id');

/** The period every 2024/25 table covers. */
export const PERIOD: Period = financialYear(2024, '2024/25');

export interface Column<T> {
  /** Column heading used in the citation. */
  heading: string;
  metric: string;
  value: (row: T) => number | undefined;
  /** What a reader should know about this cell, if anything. */
  note?: (row: T) => string | undefined;
}

/** Where a table was published and read: its document id, number and title, and the listing page. */
export interface TableOrigin {
  file: string;
  id: string;
  /** How citations name it: "Table 6" (or its title where the page gives no number). */
  name: string;
  /** Its title as the IOPC page gives it: "Table 6: Number of allegations logged - …". */
  title: string;
  /** The listing page the stored copy was read from. */
  readAt: string;
}

export interface TableSpec<T extends { force_id: string; iopc_label: string }> extends TableOrigin {
  /** One line a row: the row as published. */
  line: (row: T) => string;
  columns: Column<T>[];
  /** Columns whose force rows must add up to the published Total row. */
  totals: string[];
}

/** A table's document: titled with the release and the table's own number and title. */
export function tableSource(spec: TableOrigin, forces: string[], text: string): SourceMeta {
  return {
    id: spec.id,
    title: `${RELEASE} — ${spec.title}`,
    titleFrom: 'headline',
    publisher: PUBLISHER,
    url: RELEASE_URL,
    readAt: spec.readAt,
    published: RELEASED,
    dateInferred: false,
    dateReason: RELEASE_DATE_REASON,
    kind: 'statistics table',
    sourceType: 'official statistics table',
    origin: `shared/data/${spec.file}`,
    forces,
    licence: OGL,
    text,
  };
}

/** Adds one table: its document, one figure per cell, and a check that forces sum to the Total row. */
export function ingestTable<T extends { force_id: string; iopc_label: string }>(out: Collector, spec: TableSpec<T>, rows: Row<T>[]): void {
  const kept = rows.filter(({ row, value }) => {
    if (out.forces.ids.has(value.force_id)) return true;
    out.problems.push({ file: spec.file, row, message: `force_id "${value.force_id}" is not in the force register` });
    return false;
  });
  for (const { row, value } of kept)
    if (value.force_id !== 'england-and-wales' && out.forces.find(value.iopc_label) !== value.force_id)
      out.problems.push({ file: spec.file, row, message: `IOPC label "${value.iopc_label}" is not a name of "${value.force_id}" in the register` });
  const header = `Police force | ${spec.columns.map((c) => c.heading).join(' | ')}`;
  const text = [spec.title, header, ...kept.map(({ value }) => spec.line(value))].join('\n');
  out.addSource(tableSource(spec, [...new Set(kept.map(({ value }) => value.force_id))], text));
  for (const { row, value } of kept)
    for (const col of spec.columns) {
      const v = col.value(value);
      if (v === undefined) continue;
      const figure: Figure = {
        id: `${spec.id}-${value.force_id}-${slugify(col.metric)}`,
        force: value.force_id,
        period: PERIOD,
        metric: col.metric,
        value: v,
        source: spec.id,
        quote: spec.line(value),
        table: { name: spec.name, row: value.iopc_label, column: col.heading },
        ...(col.note?.(value) !== undefined ? { note: col.note(value) as string } : {}),
      };
      out.addFigure(figure, { file: spec.file, row });
    }
  for (const metric of spec.totals) {
    const col = spec.columns.find((c) => c.metric === metric);
    const total = kept.find(({ value }) => value.force_id === 'england-and-wales');
    if (!col || !total) continue;
    const sum = kept.filter(({ value }) => value.force_id !== 'england-and-wales').reduce((t, { value }) => t + (col.value(value) ?? 0), 0);
    if (sum !== col.value(total.value))
      out.problems.push({
        file: spec.file,
        row: total.row,
        message: `column "${col.heading}": forces sum to ${sum}, the Total row says ${col.value(total.value)}`,
      });
  }
}
