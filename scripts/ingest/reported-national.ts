/**
 * The England and Wales rows of `national_figures.csv`, by period and metric wording: the figures
 * each states. Most value cells hold several figures ("1675 / 940"), so each is listed by hand; the
 * ingest checks every value against its quote. Rows that are left out are listed with the reason.
 */
import { months, type FigurePick } from './reported-picks.ts';

const FINALISED_TOTAL =
  'the same England and Wales totals are held from the Total row of the IOPC 2024/25 complaint cases finalised table (iopc_2024_25_complaint_cases_finalised_by_force.csv)';
const TABLE_27_TOTAL = 'the same England and Wales totals are held from the Total row of IOPC Table 27 (iopc_2024_25_iopc_review_outcomes_by_force.csv)';
const TABLE_18 = 'the same national row is held from IOPC Table 18 (iopc_2024_25_allegations_finalised_schedule3_by_subcategory_national.csv)';

/** Rows read but not ingested, by period and metric wording, and why. */
export const NATIONAL_REFUSED: Record<string, string> = {
  '2024-25|complaint cases finalised outside Schedule 3 / under Schedule 3 (valid)': FINALISED_TOTAL,
  '2024-25|IOPC reviews completed - not investigated (valid) / outcome not reasonable and proportionate': TABLE_27_TOTAL,
  '2024-25|IOPC reviews completed - investigation (valid) / outcome not reasonable and proportionate': TABLE_27_TOTAL,
  '2024-25|use of force allegations finalised under Schedule 3 (not investigated / investigated / total)': TABLE_18,
  '2024-25|race discrimination allegations finalised under Schedule 3 (not investigated / investigated / total)': TABLE_18,
  '2024-25|abuse of position for sexual purpose allegations finalised under Schedule 3 (not investigated / investigated / total)': TABLE_18,
};

const byCategory = (metric: string, value: number, stated: string): FigurePick => ({ metric, value, stated });

/** National rows and the figures they state. */
export const NATIONAL: Record<string, FigurePick[]> = {
  '2020-21|complaint cases logged': [{ metric: 'complaint-cases-logged', value: 67732 }],
  '2020-21|complaint cases recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 36365 }],
  '2020-21|allegations logged': [{ metric: 'allegations-logged', value: 109151 }],
  '2020-21|people who complained': [{ metric: 'people-who-complained', value: 62606 }],
  '2020-21|people serving with the police subject to a complaint': [{ metric: 'people-subject-to-complaint', value: 38982 }],
  '2020-21|allegations finalised informally (outside Schedule 3) / avg working days': [
    { metric: 'allegations-finalised-outside-schedule-3', value: 32012 },
    { metric: 'average-days-allegations-outside-schedule-3', value: 20, note: 'The IOPC counts these in working days.' },
  ],
  '2020-21|allegations handled formally but not investigated': [{ metric: 'allegations-handled-formally-not-investigated', value: 45205 }],
  '2021-22|complaints logged': [{ metric: 'complaint-cases-logged', value: 75020 }],
  '2021-22|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 35738 }],
  '2021-22|average working days to contact complainant (range)': [
    {
      metric: 'average-days-to-contact-complainant',
      value: 9,
      stated: 'nine',
      note: 'Working days; the forces\u2019 own averages ranged from one day to 44 working days.',
    },
  ],
  '2022-23|complaints logged': [{ metric: 'complaint-cases-logged', value: 81142 }],
  '2022-23|allegations logged': [{ metric: 'allegations-logged', value: 134952 }],
  '2022-23|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 31620 }],
  '2022-23|complaints finalised (formally / informally)': [
    { metric: 'complaint-cases-finalised', value: 78725 },
    {
      metric: 'complaint-cases-finalised-under-schedule-3',
      value: 30521,
      note: 'The release says "finalised formally": complaint cases handled under Schedule 3.',
    },
    {
      metric: 'complaint-cases-finalised-outside-schedule-3',
      value: 48204,
      note: 'The release says "finalised informally": complaint cases handled outside Schedule 3.',
    },
  ],
  '2022-23|average working days to contact complainant': [{ metric: 'average-days-to-contact-complainant', value: 5, stated: 'five', note: 'Working days.' }],
  '2022-23|average days to finalise informal allegations / formal handling': [
    { metric: 'average-days-allegations-outside-schedule-3', value: 16 },
    { metric: 'average-days-allegations-outside-schedule-3', value: 21, period: '2021-22' },
    { metric: 'average-days-allegations-under-schedule-3', value: 159 },
  ],
  '2023-24|complaints logged': [{ metric: 'complaint-cases-logged', value: 85458 }],
  '2023-24|allegations logged': [{ metric: 'allegations-logged', value: 151538 }],
  '2023-24|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 32511 }],
  '2023-24|average working days to contact complainant': [{ metric: 'average-days-to-contact-complainant', value: 6, stated: 'six', note: 'Working days.' }],
  '2023-24|share of allegations by category': [
    byCategory('allegations-logged-delivery-of-duties-and-service-share', 53, '53%'),
    byCategory('allegations-logged-police-powers-policies-and-procedures-share', 21, '21%'),
    byCategory('allegations-logged-individual-behaviours-share', 13, '13%'),
  ],
  '2023-24|discriminatory behaviour allegations': [
    byCategory('allegations-logged-discriminatory-behaviour', 4575, '4,575'),
    byCategory('allegations-logged-discriminatory-behaviour-share', 3, '3%'),
  ],
  '2023-24|discreditable conduct allegations': [
    byCategory('allegations-logged-discreditable-conduct', 1019, '1,019'),
    byCategory('allegations-logged-discreditable-conduct-share', 1, '1%'),
  ],
  '2023-24|complaints finalised (formally / informally)': [
    { metric: 'complaint-cases-finalised', value: 81776 },
    {
      metric: 'complaint-cases-finalised-under-schedule-3',
      value: 31182,
      note: 'The release says "finalised formally": complaint cases handled under Schedule 3.',
    },
    {
      metric: 'complaint-cases-finalised-outside-schedule-3',
      value: 50594,
      note: 'The release says "finalised informally": complaint cases handled outside Schedule 3.',
    },
  ],
  '2024-25|complaints logged (43 forces)': [{ metric: 'complaint-cases-logged', value: 94940, note: 'The IOPC gives this 2024/25 total for 43 forces.' }],
  '2024-25|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 32172 }],
  'YE 31 Mar 2021|public complaint cases against officers (formally handled, finalised)': [
    { metric: 'complaint-cases-home-office', value: 14393 },
    { metric: 'complaint-cases-home-office-no-action-share', value: 92, stated: '92%' },
  ],
  'YE 31 Mar 2021|complaint allegations against officers': [
    {
      metric: 'complaint-allegations',
      value: 44087,
      note: 'The first year of the complaints system in force since February 2020; the Home Office warns against comparing its figures year on year.',
    },
  ],
  'YE 31 Mar 2021|conduct matters / recordable conduct matters (officers)': [
    { metric: 'conduct-matter-allegations', value: 1675 },
    { metric: 'recordable-conduct-matter-allegations', value: 940 },
  ],
  'YE 31 Mar 2022|complaint cases finalised (officers) / complaint allegations / allegations under Schedule 3': [
    { metric: 'complaint-cases-finalised-home-office', value: 48979 },
    { metric: 'complaint-allegations-all-handling', value: 115235 },
    { metric: 'complaint-allegations', value: 87786 },
  ],
  'YE 31 Mar 2022|complaint allegations against officers handled under formal process / % no action': [
    {
      metric: 'complaint-allegations',
      value: 87786,
      note: 'The next year\u2019s release restates this total slightly lower; ask how many allegations there were in 2021-22 to see both.',
    },
    { metric: 'complaint-allegations-no-action-share', value: 88 },
  ],
  'YE 31 Mar 2022|proceedings type for allegations referred to proceedings (officers): police complaints / conduct matters / RCMs': [
    ...proceedings('complaint-allegations', [105, 46, 6, 157]),
    ...proceedings('conduct-matter-allegations', [471, 189, 124, 784]),
    ...proceedings('recordable-conduct-matter-allegations', [200, 126, 175, 501]),
  ],
  'YE 31 Mar 2022|complaint allegations (officers) referred to proceedings: gross misconduct / misconduct / not misconduct': [
    {
      metric: 'complaint-allegations-misconduct-proceedings',
      value: 158,
      note: 'The release\u2019s table of proceedings types gives a slightly lower count; ask for the proceedings types to see both.',
    },
    { metric: 'complaint-allegations-gross-misconduct-proven', value: 38, stated: '38' },
    { metric: 'complaint-allegations-misconduct-proven', value: 78, stated: '78' },
    { metric: 'complaint-allegations-not-misconduct', value: 38, stated: '38' },
  ],
  'YE 31 Mar 2022|conduct matter allegations (officers) referred to proceedings: gross misconduct / misconduct / not misconduct': [
    {
      metric: 'conduct-matter-allegations-misconduct-proceedings',
      value: 791,
      note: 'The release\u2019s table of proceedings types gives a slightly lower count; ask for the proceedings types to see both.',
    },
    { metric: 'conduct-matter-allegations-gross-misconduct-proven', value: 284 },
    { metric: 'conduct-matter-allegations-misconduct-proven', value: 414 },
    { metric: 'conduct-matter-allegations-not-misconduct', value: 86 },
  ],
  'YE 31 Mar 2022|officers found guilty in criminal proceedings': [
    { metric: 'officers-guilty-criminal-proceedings', value: 68 },
    { metric: 'officers-guilty-criminal-proceedings-sexual-offences', value: 10, stated: '10', quote: 'including sexual offences (10)' },
    { metric: 'officers-guilty-criminal-proceedings-violence', value: 10, stated: '10', quote: 'violence against the person (10)' },
    { metric: 'officers-guilty-criminal-proceedings-traffic-offences', value: 23 },
  ],
  'YE 31 Mar 2023|individuals referred to formal misconduct proceedings (officers / staff)': [
    { metric: 'individuals-referred-to-proceedings', value: 1300 },
    { metric: 'officers-referred-to-proceedings', value: 972 },
    { metric: 'individuals-referred-to-proceedings-police-staff', value: 328 },
  ],
  'YE 31 Mar 2023|officers referred to misconduct meeting / misconduct proven': [
    { metric: 'officers-referred-to-proceedings-meeting', value: 519 },
    { metric: 'officers-referred-to-proceedings-meeting-share', value: 53 },
    { metric: 'misconduct-meeting-officers', value: 518, note: 'Officers referred to a misconduct meeting whose finding was known.' },
    { metric: 'misconduct-meeting-officers-misconduct-proven', value: 409 },
    { metric: 'misconduct-meeting-officers-misconduct-proven-share', value: 79 },
  ],
  'YE 31 Mar 2023|officers referred to misconduct hearing / gross misconduct proven / misconduct proven': [
    { metric: 'officers-referred-to-proceedings-hearing', value: 266 },
    { metric: 'officers-referred-to-proceedings-hearing-share', value: 27 },
    { metric: 'misconduct-hearing-officers', value: 266 },
    { metric: 'misconduct-hearing-officers-gross-misconduct-proven', value: 207 },
    { metric: 'misconduct-hearing-officers-gross-misconduct-proven-share', value: 78 },
    { metric: 'misconduct-hearing-officers-misconduct-proven', value: 25 },
    { metric: 'misconduct-hearing-officers-misconduct-proven-share', value: 9 },
  ],
  'YE 31 Mar 2023|officers referred to accelerated misconduct hearing': [
    { metric: 'officers-referred-to-proceedings-accelerated-hearing', value: 187 },
    { metric: 'officers-referred-to-proceedings-accelerated-hearing-share', value: 19 },
  ],
  'YE 31 Mar 2023|complaint allegations involving police officers (formal process) / % no further action': [
    { metric: 'complaint-allegations', value: 86160 },
    {
      metric: 'complaint-allegations',
      value: 87768,
      period: '2021-22',
      note: 'This release restates 2021-22; the year\u2019s own release gave a slightly higher total.',
    },
    { metric: 'complaint-allegations-no-action-share', value: 89 },
  ],
  'YE 31 Mar 2023|recordable conduct matter allegations': [
    { metric: 'recordable-conduct-matter-allegations', value: 2402 },
    { metric: 'recordable-conduct-matter-allegations', value: 1802, period: '2021-22' },
  ],
  'YE 31 Mar 2024|individuals referred to formal misconduct proceedings (officers / staff)': [
    { metric: 'individuals-referred-to-proceedings', value: 1698 },
    { metric: 'officers-referred-to-proceedings', value: 1312 },
    { metric: 'individuals-referred-to-proceedings-police-staff', value: 386 },
  ],
  'YE 31 Mar 2024|officers referred to misconduct meeting': [
    { metric: 'officers-referred-to-proceedings-meeting', value: 585 },
    { metric: 'officers-referred-to-proceedings-meeting-share', value: 45 },
  ],
  '15 Dec 2017 - 31 Mar 2018|added to police barred list (officers / specials / staff)': barred(
    months('2017-12', '2018-03', '15 Dec 2017 - 31 Mar 2018'),
    70,
    3,
    31,
    { officers: '70', specials: 'three' },
  ),
  '2019-20|officers added to barred list (dismissed while serving / post-resignation / post-retirement)': barred(undefined, 232, 32, 132),
  '2021-22|regular officers added to barred list': [{ metric: 'barred-list-officers', value: 299 }],
  '2022-23|regular officers / staff / specials added to barred list': barred(undefined, 394, 34, 170),
  '2023-24|regular officers / staff / specials added to barred list': barred(undefined, 593, 30, 233),
  '2023-24|barred list reasons (top)': [
    { metric: 'barred-list-reasons-dishonesty', value: 125 },
    { metric: 'barred-list-reasons-sexual-offences-or-misconduct', value: 74 },
    { metric: 'barred-list-reasons-discriminatory-behaviour', value: 71 },
    { metric: 'barred-list-reasons-unlawful-access-or-disclosure', value: 66 },
  ],
  '2024-25|regular officers / staff / specials added to barred list': barred(undefined, 735, 31, 280),
  '2024-25|barred list reasons (top)': [
    { metric: 'barred-list-reasons', value: 1149 },
    { metric: 'barred-list-reasons-dishonesty', value: 126 },
    { metric: 'barred-list-reasons-discriminatory-behaviour', value: 95 },
    { metric: 'barred-list-reasons-unlawful-access-or-disclosure', value: 82 },
    { metric: 'barred-list-reasons-inappropriate-communications', value: 81 },
    { metric: 'barred-list-reasons-sexual-offences-or-misconduct', value: 72 },
  ],
  'Oct 2021 - Mar 2022|officers implicated in VAWG-related misconduct claims': [
    { metric: 'vawg-misconduct-claims', value: 1539, period: months('2021-10', '2022-03', 'the six months to March 2022') },
  ],
  '2018 - Feb 2022|officers with IOPC case to answer: outcomes (regional analysis)': caseToAnswer([
    { metric: 'case-to-answer-officers', value: 244 },
    { metric: 'case-to-answer-officers-no-action', value: 105 },
    { metric: 'case-to-answer-officers-management-action', value: 87 },
    { metric: 'case-to-answer-officers-written-warning', value: 40 },
    { metric: 'case-to-answer-officers-dismissed', value: 10 },
  ]),
  '2018 - Feb 2022|gross misconduct proven at panels after IOPC case to answer / led to dismissal': caseToAnswer([
    { metric: 'case-to-answer-proven-cases', value: 118 },
    { metric: 'case-to-answer-proven-cases-dismissed', value: 55 },
  ]),
  '2020-21|complaint cases logged per 1,000 employees (average)': [
    { metric: 'complaint-cases-logged-per-1000-employees', value: 290, stated: '290', note: 'The England and Wales average rate.' },
  ],
  '2014-15|allegations recorded (all forces)': [{ metric: 'allegations-recorded', value: 69571 }],
  '2013-14|complaints recorded / allegations per 1,000 employees': [
    {
      metric: 'complaints-recorded-old-system',
      value: 34863,
      quote: 'A total of 34,863 complaints were recorded during 2013-14, reflecting a 15% increase compared to 2012-13',
    },
  ],
  '2011-12|complaints recorded': [{ metric: 'complaints-recorded-old-system', value: 30143 }],
};

/** Home Office Table 1.1: allegations referred to a meeting, a hearing, an accelerated hearing, and all three. */
function proceedings(measure: string, [meeting, hearing, accelerated, total]: number[]): FigurePick[] {
  const note = 'Allegations involving police officers referred to proceedings, by type of proceedings (Home Office Table 1.1).';
  return [
    { metric: `${measure}-proceedings-meeting`, value: meeting as number, note },
    { metric: `${measure}-proceedings-hearing`, value: hearing as number, note },
    { metric: `${measure}-proceedings-accelerated-hearing`, value: accelerated as number, note },
    { metric: `${measure}-misconduct-proceedings`, value: total as number, note },
  ].map((p) => ({ ...p, stated: String(p.value) }));
}

/** Regular officers, specials and staff added to the barred list in one period. */
function barred(
  period: FigurePick['period'],
  officers: number,
  specials: number,
  staff: number,
  stated: { officers?: string; specials?: string } = {},
): FigurePick[] {
  const at = period === undefined ? {} : { period };
  return [
    { metric: 'barred-list-officers', value: officers, ...at, ...(stated.officers ? { stated: stated.officers } : {}) },
    { metric: 'barred-list-specials', value: specials, ...at, ...(stated.specials ? { stated: stated.specials } : {}) },
    { metric: 'barred-list-staff', value: staff, ...at },
  ];
}

/** The BBC Shared Data Unit's totals over the IOPC reports it read (2018 to early 2022). */
function caseToAnswer(picks: FigurePick[]): FigurePick[] {
  // The period the BBC pages' figures carry (scripts/ingest/bbc.ts), so these are read beside them.
  const period = {
    id: 'iopc-reports-2018-2022',
    label: 'IOPC reports published 2018 to early 2022',
    wording: '2018 - Feb 2022',
    kind: 'calendar-years',
    start: '2018',
    end: '2022',
  } as const;
  return picks.map((p) => ({
    ...p,
    period,
    note: 'The BBC Shared Data Unit\u2019s total over the IOPC investigation reports it analysed; it covers only cases the IOPC investigated itself.',
  }));
}
