/**
 * The BBC Shared Data Unit's analysis of IOPC investigation reports (2018 to early 2022): per-force
 * counts of cases with a misconduct case to answer, and the workforce figures the analysis used.
 * Third-party analysis of IOPC-investigated cases only: every figure carries a note saying so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Period } from '../../src/model/data.ts';
import { readRows } from './csv.ts';
import { BBC_LICENCE, type Collector, plainInteger } from './common.ts';

const PUBLISHER = 'BBC Shared Data Unit';
const REPO = 'https://github.com/BBC-Data-Unit/police_misconduct';
/** The commit the shared data was read from (shared/data README). */
const COMMIT = '8505d4f';

/** Said wherever a case-to-answer figure is used. */
export const CASE_TO_ANSWER_NOTE =
  'The case-to-answer figures cover only cases the IOPC investigated itself (reports published 2018 to early 2022, as analysed by the BBC Shared Data Unit), not all misconduct cases the force handled.';

const ANALYSIS_PERIOD: Period = {
  id: 'iopc-reports-2018-2022',
  label: 'IOPC reports published 2018 to early 2022',
  wording: 'IOPC reports published 2018 - early 2022',
  kind: 'calendar-years',
  start: '2018',
  end: '2022',
};

const WORKFORCE_PERIOD: Period = {
  id: 'bbc-sdu-workforce',
  label: "the workforce figure the BBC Shared Data Unit used in 2022 (the count's own date is not stated)",
  wording: 'total workforce used',
  kind: 'point-in-time',
  // Dated by the analysis that used it, so a card lists it beside 2021-22 rather than as the newest figure.
  end: '2022',
  inferred: 'The BBC Shared Data Unit used these figures in its 2022 analysis of IOPC reports; when the workforce was counted is not stated.',
};

const nonNegative = z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number);
const OUTCOMES = [
  'case_to_answer',
  'left_before_hearing',
  'misconduct_proven',
  'cleared',
  'no_further_action',
  'management_action',
  'written_warning',
  'dismissed',
] as const;
/** Every officers' and staff count of the page, "officers_cleared", "staff_cleared"… */
const COUNTS = (['officers', 'staff'] as const).flatMap((who) => OUTCOMES.map((o) => `${who}_${o}` as const));

const CaseRow = z.object({
  force: z.string().min(1),
  period: z.literal('IOPC reports published 2018 - early 2022'),
  iopc_reports_with_case_to_answer: nonNegative,
  cases_involving_death_or_serious_injury: nonNegative,
  ...(Object.fromEntries(COUNTS.map((f) => [f, nonNegative])) as Record<(typeof COUNTS)[number], typeof nonNegative>),
  source_text: z.string(),
});
type CaseRow = z.infer<typeof CaseRow>;

/** Where each count sits in the page's sentences: the sentence is the quote, the number is checked.
 * Most sentences give officers then staff ("6 officers and 0 staff faced no further action"). */
const FIELDS: Array<{ metric: string; field: keyof CaseRow; pattern: RegExp }> = [
  { metric: 'case-to-answer-reports', field: 'iopc_reports_with_case_to_answer', pattern: /In (\d+) of those reports/ },
  {
    metric: 'case-to-answer-reports-death-or-serious-injury',
    field: 'cases_involving_death_or_serious_injury',
    pattern: /(\d+|None) of the cases referred to death or serious injury/,
  },
  ...(['officers', 'staff'] as const).flatMap((who) => {
    const pick = (officers: string, staff: string) => new RegExp(who === 'officers' ? officers : staff);
    return [
      {
        metric: `case-to-answer-${who}`,
        field: `${who}_case_to_answer` as const,
        pattern: pick('identified (\\d+) officer\\(s\\)', 'identified \\d+ officer\\(s\\) and (\\d+) police staff'),
      },
      {
        metric: `case-to-answer-${who}-left-before-hearing`,
        field: `${who}_left_before_hearing` as const,
        pattern: pick('(\\d+) officer\\(s\\) and \\d+ staff had retired or left', '\\d+ officer\\(s\\) and (\\d+) staff had retired or left'),
      },
      {
        metric: `case-to-answer-${who}-misconduct-proven`,
        field: `${who}_misconduct_proven` as const,
        pattern: pick('misconduct was proven against (\\d+) officer\\(s\\)', 'misconduct was proven against \\d+ officer\\(s\\) and (\\d+) staff'),
      },
      {
        metric: `case-to-answer-${who}-cleared`,
        field: `${who}_cleared` as const,
        pattern: pick('cleared (\\d+) officer\\(s\\)', 'cleared \\d+ officer\\(s\\) and (\\d+) staff'),
      },
      ...(
        [
          ['no-action', 'no_further_action', 'faced no further action'],
          ['management-action', 'management_action', 'were given management action'],
          ['written-warning', 'written_warning', 'were given a written warning'],
          ['dismissed', 'dismissed', 'were dismissed'],
        ] as const
      ).map(([metric, field, words]) => ({
        metric: `case-to-answer-${who}-${metric}`,
        field: `${who}_${field}` as const,
        pattern: pick(`(\\d+) officers and \\d+ staff ${words}`, `\\d+ officers and (\\d+) staff ${words}`),
      })),
    ];
  }),
];

/** The page's sentences; the pages leave some full stops out, so a "sentence" may run on. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function pageUrl(force: string): string {
  return `${REPO}/blob/${COMMIT}/rfiles/site/${encodeURIComponent(force)}.md`;
}

/** One document per force page, one figure per count, each quoting the sentence that states it. */
export function ingestCaseToAnswer(dir: string, out: Collector): void {
  const file = 'bbc_sdu_iopc_case_to_answer_by_force.csv';
  for (const { row, value } of readRows(dir, file, CaseRow, out.problems)) {
    const force = out.forces.find(value.force);
    if (force === undefined) {
      out.problems.push({ file, row, message: `force "${value.force}" is not in the force register` });
      continue;
    }
    if (value.source_text.trim() === '') {
      out.skip(file, row, `${value.force}: the BBC page is empty`);
      continue;
    }
    const id = `bbc-sdu-case-to-answer-${force}`;
    out.addSource({
      id,
      // No headline is recorded for the page: the title describes it (the answers say so).
      title: `BBC Shared Data Unit: police misconduct — ${value.force} (analysis of IOPC investigation reports)`,
      titleFrom: 'description',
      publisher: PUBLISHER,
      url: pageUrl(value.force),
      published: '2022',
      dateInferred: true,
      dateReason: 'The page is undated; it covers IOPC reports published up to early 2022, so it was written in 2022.',
      kind: 'analysis',
      sourceType: 'analysis by a third party',
      basedOn: 'IOPC investigation reports',
      origin: `shared/data/${file} row ${row}`,
      forces: [force],
      licence: BBC_LICENCE,
      text: value.source_text,
    });
    const parts = sentences(value.source_text);
    for (const f of FIELDS) {
      const expected = value[f.field] as number;
      const sentence = parts.find((s) => f.pattern.test(s));
      const said = sentence ? f.pattern.exec(sentence)?.[1] : undefined;
      if (said === 'None' && expected === 0) {
        out.skip(file, row, `${value.force}: ${f.field} is given as "None" in words, which the data check cannot read as 0, so it is not held`);
        continue;
      }
      const stated = said === undefined ? undefined : Number(said);
      if (sentence === undefined || stated !== expected) {
        out.problems.push({ file, row, message: `${f.field}: the page text does not state ${expected} where expected` });
        continue;
      }
      out.addFigure(
        {
          id: `${id}-${f.metric}`,
          force,
          period: ANALYSIS_PERIOD,
          metric: f.metric,
          value: expected,
          source: id,
          quote: sentence,
          basedOn: 'IOPC investigation reports',
          note: CASE_TO_ANSWER_NOTE,
        },
        { file, row },
      );
    }
  }
}

/** "North Wales Police,8,2781," as "North Wales Police | 8 | 2781". */
function relaid(line: string): string {
  return line
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' | ');
}

const RateRow = z.object({
  force_id: z.string().min(1),
  force: z.string().min(1),
  officers_and_staff_with_iopc_misconduct_case_to_answer_2018_2022: nonNegative,
  total_workforce_used: nonNegative,
  rate_per_1000_workforce: z
    .string()
    .trim()
    // Kept as written ("1.0"): a quote and an answer give the rate as the source does.
    .regex(/^\d+(\.\d)?$/, 'must be a rate to one decimal place'),
});
type RateRow = z.infer<typeof RateRow>;

const RATES_ID = 'bbc-sdu-case-to-answer-rates';
/** Said wherever the published rate is used. */
const RATE_NOTE =
  'The BBC Shared Data Unit compared forces by this rate (its funnel plot of officers and staff with an IOPC case to answer against workforce); its file gives the count and the workforce, and the rate, to one decimal place, is the one tabulated from them with the shared data.';

/** "Dorset Police | 7 | 2623 | 2.7": a rate row as its document holds it. */
function rateLine(r: RateRow): string {
  return [r.force, r.officers_and_staff_with_iopc_misconduct_case_to_answer_2018_2022, r.total_workforce_used, r.rate_per_1000_workforce].join(' | ');
}

/**
 * Workforce figures from the analysis's funnel-plot input (`iopc_forfunnel.csv`, quoted row by row as
 * the repository holds it). City of London's denominator repeats Cheshire's and is left out.
 */
export function ingestWorkforce(dir: string, out: Collector): void {
  const file = 'bbc_sdu_iopc_case_to_answer_rate_per_1000_staff.csv';
  const rawPath = join('raw', 'police_misconduct', 'iopc_forfunnel.csv');
  const raw = readFileSync(join(dir, rawPath), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => /\d/.test(l));
  const id = 'bbc-sdu-iopc-funnel-workforce';
  const rows = readRows(dir, file, RateRow, out.problems);
  /** Both documents are of the funnel file: its rows as the repository holds them, and their rates. */
  const funnelDoc = (meta: { id: string; title: string; origin: string; forces: string[]; text: string }) =>
    out.addSource({
      ...meta,
      titleFrom: 'description',
      publisher: PUBLISHER,
      url: `${REPO}/blob/${COMMIT}/iopc_forfunnel.csv`,
      published: '2022',
      dateInferred: true,
      dateReason: 'The file is undated; it belongs to the analysis of IOPC reports published up to early 2022.',
      kind: 'analysis',
      sourceType: 'analysis by a third party',
      licence: BBC_LICENCE,
    });
  const rated = rows.filter((r) => out.forces.ids.has(r.value.force_id) && r.value.force_id !== 'city-of-london');
  funnelDoc({
    id,
    title: 'BBC Shared Data Unit: officers and staff with an IOPC misconduct case to answer, and workforce, by force (iopc_forfunnel.csv)',
    origin: `shared/data/${rawPath}`,
    forces: [...new Set(rows.map((r) => r.value.force_id).filter((f) => out.forces.ids.has(f)))],
    // Cells re-laid out with " | " between them: a bare "8,2781" would read as one number.
    text: ['item name | indicator number | sample size', ...raw.filter((l) => !l.startsWith('item name')).map(relaid)].join('\n'),
  });
  funnelDoc({
    id: RATES_ID,
    title: 'BBC Shared Data Unit: officers and staff with an IOPC misconduct case to answer per 1,000 workforce, by force (the rates of its funnel plot)',
    origin: `shared/data/${file}`,
    forces: [...new Set(rated.map((r) => r.value.force_id))],
    text: ['force | officers and staff with a case to answer | workforce | rate per 1,000 workforce', ...rated.map((r) => rateLine(r.value))].join('\n'),
  });
  for (const { row, value } of rows) {
    if (!out.forces.ids.has(value.force_id)) {
      out.problems.push({ file, row, message: `force_id "${value.force_id}" is not in the force register` });
      continue;
    }
    if (value.force_id === 'city-of-london') {
      const reason = "its workforce (3,744) repeats Cheshire's, likely an error in the source";
      out.skip(file, row, `City of London: ${reason}, so neither it nor the rate worked from it is held`);
      // Held as doubtful cells, so a question about them is told why no figure is given.
      const cell = (column: string) => ({ name: 'iopc_forfunnel.csv', row: value.force, column });
      out.unreadable.push(
        { force: value.force_id, metric: 'workforce', period: WORKFORCE_PERIOD, source: id, table: cell('sample size (workforce)'), reason, doubtful: true },
        {
          force: value.force_id,
          metric: 'case-to-answer-rate-per-1000-workforce',
          period: ANALYSIS_PERIOD,
          source: id,
          table: cell('rate per 1,000 workforce'),
          reason,
          doubtful: true,
        },
      );
      continue;
    }
    const line = raw.find((l) => l.startsWith(`${value.force},`));
    const cells = line?.split(',');
    if (!line || plainInteger(cells?.[2] ?? '') !== value.total_workforce_used) {
      out.problems.push({ file, row, message: `workforce ${value.total_workforce_used} not found for "${value.force}" in ${rawPath}` });
      continue;
    }
    out.addFigure(
      {
        id: `${id}-${value.force_id}`,
        force: value.force_id,
        period: WORKFORCE_PERIOD,
        metric: 'workforce',
        value: value.total_workforce_used,
        source: id,
        quote: relaid(line),
        table: { name: 'iopc_forfunnel.csv', row: value.force, column: 'sample size (workforce)' },
        note: 'The workforce figure is the one the BBC Shared Data Unit used for its 2018 to early 2022 analysis; its date is not stated, so any rate per head of workforce worked from it is approximate.',
      },
      { file, row },
    );
    const n = value.officers_and_staff_with_iopc_misconduct_case_to_answer_2018_2022;
    const base = { force: value.force_id, period: ANALYSIS_PERIOD, basedOn: 'IOPC investigation reports' };
    out.addFigure(
      {
        ...base,
        id: `${id}-${value.force_id}-count`,
        metric: 'case-to-answer-officers-and-staff',
        value: n,
        source: id,
        quote: relaid(line),
        table: { name: 'iopc_forfunnel.csv', row: value.force, column: 'indicator number (officers and staff with a case to answer)' },
        note: CASE_TO_ANSWER_NOTE,
      },
      { file, row },
    );
    if (Math.round((n / value.total_workforce_used) * 10_000) / 10 !== Number(value.rate_per_1000_workforce)) {
      out.problems.push({
        file,
        row,
        message: `rate ${value.rate_per_1000_workforce} is not ${n} ÷ ${value.total_workforce_used} × 1,000 to one decimal place`,
      });
      continue;
    }
    out.addFigure(
      {
        ...base,
        id: `${RATES_ID}-${value.force_id}`,
        metric: 'case-to-answer-rate-per-1000-workforce',
        value: Number(value.rate_per_1000_workforce),
        source: RATES_ID,
        quote: rateLine(value),
        note: RATE_NOTE,
      },
      { file, row },
    );
  }
}
