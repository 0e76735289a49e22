/**
 * IOPC 2024/25 Table 6: allegations logged by what was complained about, per force. The stored page
 * ran each row's digits together, so the shared data split the category cells by constraint (they
 * sum to the row's total, which is certain) and plausibility, and rated each row's split.
 *
 * Which rows' categories are served: only a split rated "high", the one split consistent with the
 * total, whose cells are as published (the product's rule: categories only where the split is
 * certain). A "medium" split is the likeliest of several that fit, a "low" one a guess among many:
 * neither's cells are figures; each is recorded as unreadable, so a question about it is declined
 * saying why, and the row's text carries its total only. The total column is rated high in every row
 * and always served.
 */
import { z } from 'zod';
import { formatNumber } from '../../src/text/numbers.ts';
import type { Unreadable } from '../../src/model/data.ts';
import type { Row } from './csv.ts';
import { forceId, PERIOD, required, type Column, type TableSpec } from './iopc-table.ts';

export const LOGGED_FILE = 'iopc_2024_25_allegations_logged_by_category_by_force.csv';
const ID = 'iopc-2024-25-table-6-allegations-logged';
const NAME = 'Table 6';

/** The category columns in the published order: CSV field, heading as published, outcome id. */
const CATEGORIES = [
  ['delivery_of_duties_and_service', 'Delivery of duties and service', 'delivery-of-duties-and-service'],
  ['police_powers_policies_and_procedures', 'Police powers, policies and procedures', 'police-powers-policies-and-procedures'],
  ['handling_of_or_damage_to_property_premises', 'Handling of or damage to property / premises', 'handling-of-or-damage-to-property'],
  ['access_and_or_disclosure_of_information', 'Access and/or disclosure of information', 'access-and-disclosure-of-information'],
  ['use_of_police_vehicles', 'Use of police vehicles', 'use-of-police-vehicles'],
  ['discriminatory_behaviour', 'Discriminatory behaviour', 'discriminatory-behaviour'],
  ['abuse_of_position_corruption', 'Abuse of position / corruption', 'abuse-of-position-corruption'],
  ['individual_behaviours', 'Individual behaviours', 'individual-behaviours'],
  ['sexual_conduct', 'Sexual conduct', 'sexual-conduct'],
  ['discreditable_conduct', 'Discreditable conduct', 'discreditable-conduct'],
  ['other', 'Other', 'other-category'],
] as const;
type CategoryField = (typeof CATEGORIES)[number][0];

export const Logged = z.object({
  force_id: forceId,
  iopc_label: z.string().min(1),
  period: z.literal('2024-25'),
  allegations_logged_total: required,
  total_confidence: z.string().startsWith('high', 'the total column must be high confidence'),
  ...(Object.fromEntries(CATEGORIES.map(([field]) => [field, required])) as Record<CategoryField, typeof required>),
  category_parse_confidence: z.string().regex(/^(high|medium|low)\b/, 'must start high, medium or low'),
});
export type Logged = z.infer<typeof Logged>;

/** Whether a row's category split is served (see the module comment). */
function served(row: Logged): boolean {
  return row.category_parse_confidence.startsWith('high');
}

/** The row as the document text holds it: label, categories where served, and the total. */
function line(row: Logged): string {
  const cells = served(row) ? CATEGORIES.map(([field]) => formatNumber(row[field])) : [];
  return [row.iopc_label, ...cells, formatNumber(row.allegations_logged_total)].join(' ');
}

/** Table 6 for {@link ingestTable}: the categories of served rows and every row's total. */
export const LOGGED_TABLE: TableSpec<Logged> = {
  file: LOGGED_FILE,
  id: ID,
  name: NAME,
  title: 'Table 6: Number of allegations logged - what has been complained about in 2024/25',
  readAt: 'https://www.policeconduct.gov.uk/node?page=5',
  line,
  columns: [
    ...CATEGORIES.map(
      ([field, heading, outcome]): Column<Logged> => ({
        heading,
        metric: `allegations-logged-${outcome}`,
        value: (row) => (served(row) ? row[field] : undefined),
      }),
    ),
    { heading: 'Grand total', metric: 'allegations-logged', value: (r) => r.allegations_logged_total },
  ],
  totals: [],
};

/** The category cells of rows not served: known to exist, but not readable as figures. */
export function unreadableCells(rows: ReadonlyArray<Row<Logged>>): Unreadable[] {
  return rows
    .filter(({ value }) => !served(value))
    .flatMap(({ value: row }) =>
      CATEGORIES.map(([, heading, outcome]) => ({
        force: row.force_id,
        metric: `allegations-logged-${outcome}`,
        period: PERIOD,
        source: ID,
        table: { name: NAME, row: row.iopc_label, column: heading },
        reason: `the stored copy of Table 6 ran this row's digits together and more than one split of them fits the row's published total, so no category figure of the row is certain`,
      })),
    );
}
