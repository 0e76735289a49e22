/**
 * Reading the shared CSV files: a small RFC 4180 reader (quoted fields, doubled quotes, newlines
 * inside quotes) and a row validator that names the file and row of every bad row.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';

/** One thing wrong with a CSV row: `file:row` (row 1 is the header, so data starts at row 2). */
export interface RowProblem {
  file: string;
  row: number;
  message: string;
}

/** "forces.csv:12: force_id: must be a lower-case slug" */
export function formatRowProblem(p: RowProblem): string {
  return `${p.file}:${p.row}: ${p.message}`;
}

/** Splits CSV text into records of fields; a trailing newline does not make an empty record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A validated row with the row number it came from. */
export interface Row<T> {
  row: number;
  value: T;
}

/**
 * Reads `dir/name` and parses each data row with `schema`; rows that fail are left out and reported
 * with their file and row, so one bad row never stops the rest.
 */
export function readRows<T>(dir: string, name: string, schema: z.ZodType<T>, problems: RowProblem[]): Row<T>[] {
  return rowsOf(basename(name), readFileSync(join(dir, name), 'utf8'), schema, problems);
}

/** {@link readRows} over text already read (tests feed bad rows through here). */
export function rowsOf<T>(file: string, text: string, schema: z.ZodType<T>, problems: RowProblem[]): Row<T>[] {
  const [header, ...records] = parseCsv(text);
  if (!header) {
    problems.push({ file, row: 1, message: 'no header row' });
    return [];
  }
  const out: Row<T>[] = [];
  records.forEach((fields, i) => {
    const row = i + 2;
    if (fields.length === 1 && fields[0] === '') return;
    if (fields.length !== header.length) {
      problems.push({ file, row, message: `has ${fields.length} fields, the header has ${header.length}` });
      return;
    }
    const record = Object.fromEntries(header.map((h, k) => [h, fields[k] ?? '']));
    const parsed = schema.safeParse(record);
    if (parsed.success) out.push({ row, value: parsed.data });
    else for (const issue of parsed.error.issues) problems.push({ file, row, message: `${issue.path.join('.') || 'row'}: ${issue.message}` });
  });
  return out;
}
