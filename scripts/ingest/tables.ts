/**
 * The IOPC 2024/25 per-force tables. Each table is one source document whose text holds its rows as
 * published (force label and figures, one row a line), so every figure's quote is its table row and
 * its `table` names the table, row and column: complaint cases finalised and Table 27 here, Table 6
 * in `table6.ts`, the national Table 18 in `table18.ts`.
 */
import { z } from 'zod';
import { readRows } from './csv.ts';
import type { Collector } from './common.ts';
import { forceId, ingestTable, required } from './iopc-table.ts';
import { LOGGED_FILE, LOGGED_TABLE, Logged, unreadableCells } from './table6.ts';
import { ingestTable18 } from './table18.ts';

/** An optional count: blank or "-" in the table means no reviews, which is not zero. */
const count = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === '' || s === '-') return undefined;
    if (!/^\d+$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `not a whole number: "${s}"` });
      return z.NEVER;
    }
    return Number(s);
  });

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

/** A review-table cell as the page shows it: "-" for no reviews, "n/a" for no percentage. */
function cell(n: number | undefined, pct = false): string {
  return n === undefined ? (pct ? 'n/a' : '-') : String(n);
}

/** Reads the IOPC 2024/25 tables. */
export function ingestIopcTables(dir: string, out: Collector): void {
  const finalisedFile = 'iopc_2024_25_complaint_cases_finalised_by_force.csv';
  ingestTable<Finalised>(
    out,
    {
      file: finalisedFile,
      id: 'iopc-2024-25-complaint-cases-finalised',
      // The stored page gives this table no number.
      name: 'Complaint cases finalised and average days to finalise, by force, 2024/25',
      title: 'Complaint cases finalised and average days to finalise, by force, 2024/25',
      readAt: 'https://www.policeconduct.gov.uk/node?page=3',
      // The stored page was re-laid out one row per line with the cells separated by spaces.
      line: (r) => r.source_text,
      columns: [
        {
          heading: 'Valid complaint cases finalised outside Schedule 3',
          metric: 'complaint-cases-finalised-outside-schedule-3',
          value: (r) => r.valid_complaint_cases_finalised_outside_schedule3,
        },
        {
          heading: 'Average days to finalise outside Schedule 3',
          metric: 'average-days-outside-schedule-3',
          value: (r) => r.avg_days_to_finalise_outside_schedule3,
        },
        {
          heading: 'Valid complaint cases finalised under Schedule 3',
          metric: 'complaint-cases-finalised-under-schedule-3',
          value: (r) => r.valid_complaint_cases_finalised_under_schedule3,
        },
        {
          heading: 'Average days to finalise under Schedule 3 (including suspension)',
          metric: 'average-days-under-schedule-3',
          value: (r) => r.avg_days_to_finalise_under_schedule3_inc_suspension,
        },
        {
          heading: 'Average days to finalise under Schedule 3 (excluding suspension)',
          metric: 'average-days-under-schedule-3-excluding-suspension',
          value: (r) => r.avg_days_to_finalise_under_schedule3_exc_suspension,
        },
      ],
      totals: ['complaint-cases-finalised-outside-schedule-3', 'complaint-cases-finalised-under-schedule-3'],
    },
    readRows(dir, finalisedFile, Finalised, out.problems),
  );

  const reviewsFile = 'iopc_2024_25_iopc_review_outcomes_by_force.csv';
  ingestTable<Reviews>(
    out,
    {
      file: reviewsFile,
      id: 'iopc-2024-25-table-27-review-outcomes',
      name: 'Table 27',
      title: 'Table 27: Outcome of reviews completed by the IOPC in 2024/25',
      readAt: 'https://www.policeconduct.gov.uk/node?page=1',
      // The stored page ran each row's digits together; the cells are given here separated by spaces,
      // split as the shared data did (the unique split where each % = N / valid and columns sum to Total).
      line: (r) =>
        [
          r.iopc_label,
          cell(r.iopc_reviews_not_investigated_valid_completed),
          cell(r.not_investigated_outcome_not_reasonable_and_proportionate_n),
          cell(r.not_investigated_outcome_not_reasonable_and_proportionate_pct, true),
          cell(r.iopc_reviews_investigation_valid_completed),
          cell(r.investigation_outcome_not_reasonable_and_proportionate_n),
          cell(r.investigation_outcome_not_reasonable_and_proportionate_pct, true),
        ].join(' '),
      columns: [
        {
          heading: 'IOPC reviews - not investigated: valid completed (N)',
          metric: 'iopc-reviews-not-investigated',
          value: (r) => r.iopc_reviews_not_investigated_valid_completed,
        },
        {
          heading: 'IOPC reviews - not investigated: outcome not reasonable and proportionate (N)',
          metric: 'iopc-reviews-not-investigated-not-reasonable',
          value: (r) => r.not_investigated_outcome_not_reasonable_and_proportionate_n,
        },
        {
          heading: 'IOPC reviews - not investigated: outcome not reasonable and proportionate (%)',
          metric: 'iopc-reviews-not-investigated-not-reasonable-share',
          value: (r) => r.not_investigated_outcome_not_reasonable_and_proportionate_pct,
        },
        {
          heading: 'IOPC reviews - investigation: valid completed (N)',
          metric: 'iopc-reviews-investigated',
          value: (r) => r.iopc_reviews_investigation_valid_completed,
        },
        {
          heading: 'IOPC reviews - investigation: outcome not reasonable and proportionate (N)',
          metric: 'iopc-reviews-investigated-not-reasonable',
          value: (r) => r.investigation_outcome_not_reasonable_and_proportionate_n,
        },
        {
          heading: 'IOPC reviews - investigation: outcome not reasonable and proportionate (%)',
          metric: 'iopc-reviews-investigated-not-reasonable-share',
          value: (r) => r.investigation_outcome_not_reasonable_and_proportionate_pct,
        },
      ],
      totals: [
        'iopc-reviews-not-investigated',
        'iopc-reviews-not-investigated-not-reasonable',
        'iopc-reviews-investigated',
        'iopc-reviews-investigated-not-reasonable',
      ],
    },
    readRows(dir, reviewsFile, Reviews, out.problems),
  );

  const logged = readRows(dir, LOGGED_FILE, Logged, out.problems);
  ingestTable(out, LOGGED_TABLE, logged);
  out.unreadable.push(...unreadableCells(logged.filter(({ value }) => out.forces.ids.has(value.force_id))));
  ingestTable18(dir, out);
}
