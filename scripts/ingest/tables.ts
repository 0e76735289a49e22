/**
 * The IOPC 2024/25 per-force tables. Each table is one source document whose text holds its rows as
 * published (force label and figures, one row a line), so every figure's quote is its table row and
 * its `table` names the table, row and column.
 */
import { z } from 'zod';
import type { Figure, Period, SourceMeta } from '../../src/model/data.ts';
import { formatNumber } from '../../src/text/numbers.ts';
import { readRows, type Row } from './csv.ts';
import { Collector, financialYear, OGL, slugify } from './common.ts';

const PUBLISHER = 'Independent Office for Police Conduct';
const RELEASE = 'Police complaints: statistics for England and Wales 2024/25';
const UNDATED = 'The stored copy of the IOPC page carries no publication date; the table covers the financial year 2024/25.';
const PERIOD: Period = financialYear(2024, '2024/25');

/** An optional count: blank or "-" in the table means no reviews, which is not zero. */
const count = z.string().trim().transform((s, ctx) => {
  if (s === '' || s === '-') return undefined;
  if (!/^\d+$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `not a whole number: "${s}"` });
    return z.NEVER;
  }
  return Number(s);
});
const required = z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number);
const forceId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a force id');

interface Column<T> {
  /** Column heading used in the citation. */
  heading: string;
  metric: string;
  value: (row: T) => number | undefined;
}

interface TableSpec<T extends { force_id: string; iopc_label: string }> {
  file: string;
  id: string;
  /** The table's name as the IOPC page gives it. */
  name: string;
  url: string;
  /** One line a row: the row as published. */
  line: (row: T) => string;
  columns: Column<T>[];
  /** Columns whose force rows must add up to the published Total row. */
  totals: string[];
}

function tableSource(spec: { id: string; name: string; url: string; file: string }, forces: string[], text: string): SourceMeta {
  return {
    id: spec.id,
    title: `${RELEASE} — ${spec.name}`,
    titleFrom: 'headline',
    publisher: PUBLISHER,
    url: spec.url,
    published: null,
    dateInferred: false,
    dateReason: UNDATED,
    kind: 'statistics table',
    sourceType: 'official statistics table',
    origin: `shared/data/${spec.file}`,
    forces,
    licence: OGL,
    text,
  };
}

/** Adds one table: its document, one figure per cell, and a check that forces sum to the Total row. */
function ingestTable<T extends { force_id: string; iopc_label: string }>(out: Collector, spec: TableSpec<T>, rows: Row<T>[]): void {
  const kept = rows.filter(({ row, value }) => {
    if (out.forces.ids.has(value.force_id)) return true;
    out.problems.push({ file: spec.file, row, message: `force_id "${value.force_id}" is not in the force register` });
    return false;
  });
  for (const { row, value } of kept)
    if (value.force_id !== 'england-and-wales' && out.forces.find(value.iopc_label) !== value.force_id)
      out.problems.push({ file: spec.file, row, message: `IOPC label "${value.iopc_label}" is not a name of "${value.force_id}" in the register` });
  const header = `Police force | ${spec.columns.map((c) => c.heading).join(' | ')}`;
  const text = [spec.name, header, ...kept.map(({ value }) => spec.line(value))].join('\n');
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
      };
      out.addFigure(figure, { file: spec.file, row });
    }
  for (const metric of spec.totals) {
    const col = spec.columns.find((c) => c.metric === metric);
    const total = kept.find(({ value }) => value.force_id === 'england-and-wales');
    if (!col || !total) continue;
    const sum = kept.filter(({ value }) => value.force_id !== 'england-and-wales').reduce((t, { value }) => t + (col.value(value) ?? 0), 0);
    if (sum !== col.value(total.value))
      out.problems.push({ file: spec.file, row: total.row, message: `column "${col.heading}": forces sum to ${sum}, the Total row says ${col.value(total.value)}` });
  }
}

const Finalised = z.object({
  force_id: forceId,
  iopc_label: z.string().min(1),
  period: z.literal('2024-25'),
  valid_complaint_cases_finalised_outside_schedule3: required,
  avg_days_to_finalise_outside_schedule3: required,
  valid_complaint_cases_finalised_under_schedule3: required,
  avg_days_to_finalise_under_schedule3_inc_suspension: required,
  avg_days_to_finalise_under_schedule3_exc_suspension: required,
  source_text: z.string().min(1),
});
type Finalised = z.infer<typeof Finalised>;

const Reviews = z.object({
  force_id: forceId,
  iopc_label: z.string().min(1),
  period: z.literal('2024-25'),
  iopc_reviews_not_investigated_valid_completed: count,
  not_investigated_outcome_not_reasonable_and_proportionate_n: count,
  not_investigated_outcome_not_reasonable_and_proportionate_pct: count,
  iopc_reviews_investigation_valid_completed: count,
  investigation_outcome_not_reasonable_and_proportionate_n: count,
  investigation_outcome_not_reasonable_and_proportionate_pct: count,
});
type Reviews = z.infer<typeof Reviews>;

const Logged = z.object({
  force_id: forceId,
  iopc_label: z.string().min(1),
  period: z.literal('2024-25'),
  allegations_logged_total: required,
  total_confidence: z.string().startsWith('high', 'the total column must be high confidence'),
});
type Logged = z.infer<typeof Logged>;

/** A review-table cell as the page shows it: "-" for no reviews, "n/a" for no percentage. */
function cell(n: number | undefined, pct = false): string {
  return n === undefined ? (pct ? 'n/a' : '-') : String(n);
}

/** Reads the three IOPC 2024/25 per-force tables. */
export function ingestIopcTables(dir: string, out: Collector): void {
  const finalisedFile = 'iopc_2024_25_complaint_cases_finalised_by_force.csv';
  ingestTable<Finalised>(out, {
    file: finalisedFile,
    id: 'iopc-2024-25-complaint-cases-finalised',
    name: 'Complaint cases finalised and average days to finalise, by force, 2024/25',
    url: 'https://www.policeconduct.gov.uk/node?page=3',
    // The stored page was re-laid out one row per line with the cells separated by spaces.
    line: (r) => r.source_text,
    columns: [
      { heading: 'Valid complaint cases finalised outside Schedule 3', metric: 'complaint-cases-finalised-outside-schedule-3', value: (r) => r.valid_complaint_cases_finalised_outside_schedule3 },
      { heading: 'Average days to finalise outside Schedule 3', metric: 'average-days-outside-schedule-3', value: (r) => r.avg_days_to_finalise_outside_schedule3 },
      { heading: 'Valid complaint cases finalised under Schedule 3', metric: 'complaint-cases-finalised-under-schedule-3', value: (r) => r.valid_complaint_cases_finalised_under_schedule3 },
      { heading: 'Average days to finalise under Schedule 3 (including suspension)', metric: 'average-days-under-schedule-3', value: (r) => r.avg_days_to_finalise_under_schedule3_inc_suspension },
      { heading: 'Average days to finalise under Schedule 3 (excluding suspension)', metric: 'average-days-under-schedule-3-excluding-suspension', value: (r) => r.avg_days_to_finalise_under_schedule3_exc_suspension },
    ],
    totals: ['complaint-cases-finalised-outside-schedule-3', 'complaint-cases-finalised-under-schedule-3'],
  }, readRows(dir, finalisedFile, Finalised, out.problems));

  const reviewsFile = 'iopc_2024_25_iopc_review_outcomes_by_force.csv';
  ingestTable<Reviews>(out, {
    file: reviewsFile,
    id: 'iopc-2024-25-table-27-review-outcomes',
    name: 'Table 27: Outcome of reviews completed by the IOPC in 2024/25',
    url: 'https://www.policeconduct.gov.uk/node?page=1',
    // The stored page ran each row's digits together; the cells are given here separated by spaces,
    // split as the shared data did (the unique split where each % = N / valid and columns sum to Total).
    line: (r) => [
      r.iopc_label,
      cell(r.iopc_reviews_not_investigated_valid_completed),
      cell(r.not_investigated_outcome_not_reasonable_and_proportionate_n),
      cell(r.not_investigated_outcome_not_reasonable_and_proportionate_pct, true),
      cell(r.iopc_reviews_investigation_valid_completed),
      cell(r.investigation_outcome_not_reasonable_and_proportionate_n),
      cell(r.investigation_outcome_not_reasonable_and_proportionate_pct, true),
    ].join(' '),
    columns: [
      { heading: 'IOPC reviews - not investigated: valid completed (N)', metric: 'iopc-reviews-not-investigated', value: (r) => r.iopc_reviews_not_investigated_valid_completed },
      { heading: 'IOPC reviews - not investigated: outcome not reasonable and proportionate (N)', metric: 'iopc-reviews-not-investigated-not-reasonable', value: (r) => r.not_investigated_outcome_not_reasonable_and_proportionate_n },
      { heading: 'IOPC reviews - not investigated: outcome not reasonable and proportionate (%)', metric: 'iopc-reviews-not-investigated-not-reasonable-share', value: (r) => r.not_investigated_outcome_not_reasonable_and_proportionate_pct },
      { heading: 'IOPC reviews - investigation: valid completed (N)', metric: 'iopc-reviews-investigated', value: (r) => r.iopc_reviews_investigation_valid_completed },
      { heading: 'IOPC reviews - investigation: outcome not reasonable and proportionate (N)', metric: 'iopc-reviews-investigated-not-reasonable', value: (r) => r.investigation_outcome_not_reasonable_and_proportionate_n },
      { heading: 'IOPC reviews - investigation: outcome not reasonable and proportionate (%)', metric: 'iopc-reviews-investigated-not-reasonable-share', value: (r) => r.investigation_outcome_not_reasonable_and_proportionate_pct },
    ],
    totals: ['iopc-reviews-not-investigated', 'iopc-reviews-not-investigated-not-reasonable', 'iopc-reviews-investigated', 'iopc-reviews-investigated-not-reasonable'],
  }, readRows(dir, reviewsFile, Reviews, out.problems));

  const loggedFile = 'iopc_2024_25_allegations_logged_by_category_by_force.csv';
  ingestTable<Logged>(out, {
    file: loggedFile,
    id: 'iopc-2024-25-table-6-allegations-logged',
    name: 'Table 6: Number of allegations logged - what has been complained about in 2024/25',
    url: 'https://www.policeconduct.gov.uk/node?page=5',
    // Only the label and the Grand total: the category cells ran together in the stored page and
    // most splits are ambiguous, so they are not published here at all.
    line: (r) => `${r.iopc_label} ${formatNumber(r.allegations_logged_total)}`,
    columns: [{ heading: 'Grand total', metric: 'allegations-logged', value: (r) => r.allegations_logged_total }],
    totals: [],
  }, readRows(dir, loggedFile, Logged, out.problems));
}
