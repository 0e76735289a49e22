/**
 * IOPC 2024/25 Table 18 (England and Wales): allegations finalised under Schedule 3 by the nature of
 * the allegation (category and subcategory) and how they were handled (investigated or not). One
 * document, a row a line ("Race 1,468 72 558 28 2,026") under its category's heading; each cell is a
 * figure for `england-and-wales`. The stored table stops after "Organisational corruption".
 */
import { z } from 'zod';
import { formatNumber } from '../../src/text/numbers.ts';
import { readRows } from './csv.ts';
import type { Collector } from './common.ts';
import { PERIOD, required, tableSource } from './iopc-table.ts';

const FILE = 'iopc_2024_25_allegations_finalised_schedule3_by_subcategory_national.csv';
const ID = 'iopc-2024-25-table-18-allegations-finalised-schedule-3';
const NAME = 'Table 18';
const MEASURE = 'allegations-finalised-under-schedule-3';

/** Category and subcategory as published, and the outcome id each row is counted under. Two
 * categories have one subcategory, the category itself, so they share its Table 6 outcome. */
const SUBCATEGORIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Delivery of duties and service', 'Police action following contact', 'police-action-following-contact'],
  ['Delivery of duties and service', 'Decisions', 'service-decisions'],
  ['Delivery of duties and service', 'General level of service', 'general-level-of-service'],
  ['Delivery of duties and service', 'Information', 'service-information'],
  ['Police powers, policies and procedures', 'Stops, and stop and search', 'stop-and-search'],
  ['Police powers, policies and procedures', 'Searches of premises and seizure of property', 'searches-of-premises'],
  ['Police powers, policies and procedures', 'Power to arrest and detain', 'power-to-arrest-and-detain'],
  ['Police powers, policies and procedures', 'Detention in police custody', 'detention-in-custody'],
  ['Police powers, policies and procedures', 'Bail, identification and interview procedures', 'bail-identification-interview'],
  ['Police powers, policies and procedures', 'Use of force', 'use-of-force'],
  ['Police powers, policies and procedures', 'Evidential procedures', 'evidential-procedures'],
  ['Police powers, policies and procedures', 'Out of court disposals', 'out-of-court-disposals'],
  ['Police powers, policies and procedures', 'Other policies and procedures', 'other-policies-and-procedures'],
  ['Police powers, policies and procedures', 'No subcategory recorded', 'no-subcategory-recorded'],
  ['Handling of or damage to property / premises', 'Handling of or damage to property/ premises', 'handling-of-or-damage-to-property'],
  ['Access and/or disclosure of information', 'Use of police systems', 'use-of-police-systems'],
  ['Access and/or disclosure of information', 'Disclosure of information', 'disclosure-of-information'],
  ['Access and/or disclosure of information', 'Handling of information', 'handling-of-information'],
  ['Access and/or disclosure of information', 'Accessing and handling of information from other sources', 'information-from-other-sources'],
  ['Use of police vehicles', 'Use of police vehicles', 'use-of-police-vehicles'],
  ['Discriminatory behaviour', 'Age', 'age-discrimination'],
  ['Discriminatory behaviour', 'Disability', 'disability-discrimination'],
  ['Discriminatory behaviour', 'Gender reassignment', 'gender-reassignment-discrimination'],
  ['Discriminatory behaviour', 'Marriage and civil partnership', 'marriage-and-civil-partnership-discrimination'],
  ['Discriminatory behaviour', 'Pregnancy and maternity', 'pregnancy-and-maternity-discrimination'],
  ['Discriminatory behaviour', 'Race', 'race-discrimination'],
  ['Discriminatory behaviour', 'Religion or belief', 'religion-or-belief-discrimination'],
  ['Discriminatory behaviour', 'Sex', 'sex-discrimination'],
  ['Discriminatory behaviour', 'Sexual orientation', 'sexual-orientation-discrimination'],
  ['Discriminatory behaviour', 'Other', 'other-discrimination'],
  ['Abuse of position / corruption', 'Abuse of position for financial purpose', 'abuse-of-position-financial'],
  ['Abuse of position / corruption', 'Abuse of position for sexual purpose', 'abuse-of-position-sexual'],
  ['Abuse of position / corruption', 'Abuse of position for the purpose of pursuing an inappropriate emotional relationship', 'abuse-of-position-emotional'],
  ['Abuse of position / corruption', 'Abuse of position for other purpose', 'abuse-of-position-other'],
  ['Abuse of position / corruption', 'Obstruction of justice', 'obstruction-of-justice'],
  ['Abuse of position / corruption', 'Organisational corruption', 'organisational-corruption'],
];

const Row18 = z.object({
  scope: z.string().startsWith('England and Wales'),
  period: z.literal('2024-25'),
  allegation_category: z.string().min(1),
  allegation_subcategory: z.string().min(1),
  not_investigated_n: required,
  not_investigated_pct: required,
  investigated_n: required,
  investigated_pct: required,
  total_finalised_under_schedule3: required,
});
type Row18 = z.infer<typeof Row18>;

const COLUMNS: ReadonlyArray<{ heading: string; measure: string; share?: true; value: (r: Row18) => number }> = [
  { heading: 'Not investigated (N)', measure: `${MEASURE}-not-investigated`, value: (r) => r.not_investigated_n },
  { heading: 'Not investigated (%)', measure: `${MEASURE}-not-investigated`, share: true, value: (r) => r.not_investigated_pct },
  { heading: 'Investigated (N)', measure: `${MEASURE}-investigated`, value: (r) => r.investigated_n },
  { heading: 'Investigated (%)', measure: `${MEASURE}-investigated`, share: true, value: (r) => r.investigated_pct },
  { heading: 'Total', measure: MEASURE, value: (r) => r.total_finalised_under_schedule3 },
];

/** The catalogue's metric for a measure's cell about one subcategory: "sch3-race-discrimination-investigated-share". */
function metricId(measure: string, outcome: string, share: boolean): string {
  const handling = measure.slice(MEASURE.length);
  return `sch3-${outcome}${handling}${share ? '-share' : ''}`;
}

/** Where a row's cells disagree with each other: the parts must add up and the percentages fit them. */
function inconsistency(r: Row18): string | undefined {
  if (r.not_investigated_n + r.investigated_n !== r.total_finalised_under_schedule3) return 'not investigated + investigated is not the total';
  const fits = (n: number, pct: number) => r.total_finalised_under_schedule3 > 0 && Math.abs((n / r.total_finalised_under_schedule3) * 100 - pct) <= 0.5 + 1e-9;
  if (!fits(r.not_investigated_n, r.not_investigated_pct) || !fits(r.investigated_n, r.investigated_pct)) return 'a percentage does not fit its count';
  return undefined;
}

/** Reads Table 18 into one document and one figure per cell, each checked against its row. */
export function ingestTable18(dir: string, out: Collector): void {
  const rows = readRows(dir, FILE, Row18, out.problems);
  const line = (r: Row18) => [r.allegation_subcategory, ...COLUMNS.map((c) => formatNumber(c.value(r)))].join(' ');
  const text: string[] = [
    'Table 18: Nature of allegations finalised under Schedule 3 by how they were handled, 2024/25',
    `Subcategory | ${COLUMNS.map((c) => c.heading).join(' | ')}`,
  ];
  for (const { value } of rows) {
    if (!text.includes(value.allegation_category)) text.push(value.allegation_category);
    text.push(line(value));
  }
  out.addSource({
    ...tableSource(
      {
        file: FILE,
        id: ID,
        name: NAME,
        title: 'Table 18: Nature of allegations finalised under Schedule 3 by how they were handled in 2024/25',
        readAt: 'https://www.policeconduct.gov.uk/node?page=3',
      },
      ['england-and-wales'],
      text.join('\n'),
    ),
  });
  for (const { row, value } of rows) {
    const outcome = SUBCATEGORIES.find(([c, s]) => c === value.allegation_category && s === value.allegation_subcategory)?.[2];
    const wrong = inconsistency(value);
    if (outcome === undefined || wrong !== undefined) {
      out.problems.push({
        file: FILE,
        row,
        message:
          outcome === undefined
            ? `subcategory "${value.allegation_subcategory}" of "${value.allegation_category}" has no outcome in the catalogue`
            : (wrong ?? ''),
      });
      continue;
    }
    for (const col of COLUMNS) {
      const metric = metricId(col.measure, outcome, col.share === true);
      out.addFigure(
        {
          id: `${ID}-${metric}`,
          force: 'england-and-wales',
          period: PERIOD,
          metric,
          value: col.value(value),
          source: ID,
          quote: line(value),
          table: { name: NAME, row: `${value.allegation_category}: ${value.allegation_subcategory}`, column: col.heading },
        },
        { file: FILE, row },
      );
    }
  }
}
