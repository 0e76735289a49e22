/**
 * The per-force rows of `news_and_official_force_figures.csv`: which metric each wording of the
 * file's metric column is, and, by hand, what the rows whose value cell packs several figures (or
 * whose period, or force, needs saying) state. The ingest checks every value against its quote.
 */
import type { Period } from '../../src/model/data.ts';
import { calendarYears, fy, months, type FigurePick } from './reported-picks.ts';

const PER_1000 = 'As the article publishes it; the IOPC rates are per 1,000 employees (officers and staff).';
const EW = 'england-and-wales';

/** "The latest release of data by the IOPC" in February 2024: the article does not say which year it covers. */
const POLITICSHOME: Period = {
  id: 'politicshome-latest-release',
  label: 'the latest IOPC release as of February 2024 (year not stated)',
  wording: 'the latest release of data by the Independent Office of Police Conduct (IOPC)',
  kind: 'unstated',
  sequence: 1,
};

/** Rows read but not ingested, by force, period and metric wording, and why. */
export const NEWS_REFUSED: Record<string, string> = {
  '|2024-25 (YE 31 Mar 2025)|complaint allegations against officers (Home Office)':
    'a total over four Yorkshire and Humber forces from an aggregator site: no one force\u2019s figure, and not national',
  'sussex|2020-21 (YE 31 Mar 2021)|referred to misconduct proceedings':
    'the article says "none were referred" without a number, and a figure is held only where its quote states it',
};

/** Rows whose value cell packs several figures, or whose period or force needs saying, and what they state. */
export const NEWS_PICKS: Record<string, FigurePick[]> = {
  ...barred({ metropolitan: [183, 33293], 'greater-manchester': [43, 8112], 'thames-valley': [40, 5000], 'west-midlands': [37, 7991] }),
  'hampshire|2020-21 (YE 31 Mar 2021)|allegations finalised': [{ metric: 'allegations-finalised', value: 939 }],
  'hampshire|2009-10|allegations per 1,000 officers (IPCC)': [{ metric: 'allegations-recorded-per-1000-officers', value: 323 }],
  ...rates(
    '2024-25',
    'complaint-cases-logged-per-1000-employees',
    {
      hertfordshire: 330,
      essex: 495,
      bedfordshire: 405,
      cambridgeshire: 406,
      'thames-valley': 424,
    },
    'complaints logged per 1,000 employees (IOPC)',
  ),
  'hertfordshire|2024-25|IOPC independent investigations (count / with findings)': [
    { metric: 'iopc-independent-investigations', value: 20 },
    { metric: 'iopc-independent-investigations-findings-made', value: 5, stated: 'five' },
    { metric: 'iopc-independent-investigations-findings-made-share', value: 25, stated: '25%' },
  ],
  'hertfordshire|2023-24|IOPC independent investigations (count / with findings)': [
    { metric: 'iopc-independent-investigations', value: 16 },
    { metric: 'iopc-independent-investigations-findings-made', value: 4, stated: 'four' },
  ],
  'hertfordshire|2023-24|complaint allegations (force FOI)': [
    { metric: 'force-complaint-allegations', value: 1523 },
    { metric: 'force-officers-complained-about', value: 641 },
  ],
  'hertfordshire|2023-24|officers referred to misconduct proceedings (force FOI)': [
    { metric: 'force-officers-referred-to-proceedings', value: 21 },
    { metric: 'force-officers-referred-to-proceedings-accelerated-hearing', value: 6, stated: 'six' },
  ],
  'essex|2020-21 (YE 31 Mar 2021)|referred to misconduct proceedings': [
    { metric: 'complaint-allegations-misconduct-proceedings', value: 7, stated: 'seven' },
    { metric: 'complaint-allegations-no-action-share', value: 91, stated: '91' },
  ],
  'thames-valley|2022-23|allegations logged per 1,000 employees (IOPC)': [
    { metric: 'allegations-logged-per-1000-employees', value: 747, stated: '747', note: PER_1000 },
  ],
  'metropolitan|2022-23|allegations logged per 1,000 employees (IOPC)': [
    { metric: 'allegations-logged-per-1000-employees', value: 423, stated: '423', note: PER_1000 },
  ],
  'thames-valley|2022-23|discriminatory behaviour allegations (IOPC)': [
    {
      metric: 'allegations-logged-discriminatory-behaviour',
      value: 254,
      quote: 'The average amount of discriminatory behaviour allegations of all the police forces last year was 92 - but Thames Valley Police received 254.',
    },
  ],
  'thames-valley|2022-23|sexual conduct allegations (IOPC)': [{ metric: 'allegations-logged-sexual-conduct', value: 24 }],
  'thames-valley|2024 (calendar)|gross misconduct hearings / officers dismissed (force data to HMICFRS)': [
    { metric: 'misconduct-hearings-held', value: 64, period: calendarYears(2024, 2024, '2024') },
    { metric: 'dismissals', value: 49, period: calendarYears(2024, 2024, '2024') },
  ],
  'thames-valley|2024-25 (HMICFRS inspection)|average working days to complete complaint investigations': [
    {
      metric: 'average-days-complaint-investigations',
      value: 206,
      period: fy(2024, 'at the HMICFRS inspection (2024-25)'),
      note: 'Working days; similar forces took 173 days on average.',
    },
  ],
  'north-wales|2024 Q2 (Jul-Sep 2024)|complaints logged in quarter (IOPC bulletin)': [
    {
      metric: 'complaint-cases-logged-in-quarter',
      value: 284,
      period: months('2024-07', '2024-09', 'the second quarter of last year'),
      note: 'The article says "the second quarter of last year"; the IOPC bulletin\u2019s second quarter of 2024/25 is July to September 2024.',
    },
  ],
  'north-wales|2023 Q2 (same period 2023)|complaints logged in quarter (IOPC bulletin)': [
    { metric: 'complaint-cases-logged-in-quarter', value: 310, period: months('2023-07', '2023-09', 'the same period in 2023') },
  ],
  'cleveland|2023-24 (latest IOPC release as of Feb 2024; likely 2023/24 Q2 YTD or 2022/23)|complaint allegations logged per 1,000 employees (IOPC)':
    politicsHome(1232, '1,232'),
  'durham|2023-24 (latest IOPC release as of Feb 2024)|complaint allegations logged per 1,000 employees (IOPC)': politicsHome(986, '986'),
  '|2023-24 (latest IOPC release as of Feb 2024)|complaint allegations logged per 1,000 employees - average (IOPC)': [
    {
      ...(politicsHome(547, '547')[0] as FigurePick),
      force: EW,
      quote:
        'PoliticsHome analysed figures for every UK police force from the latest release of data by the Independent Office of Police Conduct (IOPC) and found on average 547 complaint allegations were logged per 1,000 police staff.',
      note: 'The average over forces, as PoliticsHome computed it.',
    },
  ],
  "avon-and-somerset|2020-21|'delivery of duties and service' allegations (IOPC)": [
    { metric: 'allegations-logged-delivery-of-duties-and-service', value: 1592 },
  ],
  "avon-and-somerset|2020-21|'discriminatory behaviour' allegations (IOPC)": [
    { metric: 'allegations-logged-discriminatory-behaviour', value: 181 },
    { metric: 'allegations-logged-police-powers-policies-and-procedures', value: 618 },
    { metric: 'allegations-logged-individual-behaviours', value: 568 },
    { metric: 'allegations-logged-abuse-of-position-corruption', value: 91 },
  ],
  // The article gives the year's complaints as 1,984 and, two paragraphs on, as 1,987: both are kept, so an answer says the source differs.
  'avon-and-somerset|2020-21|complaints logged (IOPC annual stats)': [
    {
      metric: 'complaint-cases-logged',
      value: 1984,
      stated: '1,984',
      quote: 'A TOTAL of 1,984 complaints were logged by Avon and Somerset Police in the last financial year',
    },
    {
      metric: 'complaint-cases-logged',
      value: 1987,
      stated: '1,987',
      quote: 'The 1,987 complaints the force was subject to were made up of 3,309 allegations.',
    },
  ],
  'avon-and-somerset|2020-21|complaints logged per 1,000 employees (IOPC)': [{ metric: 'complaint-cases-logged-per-1000-employees', value: 329 }],
  'greater-manchester|2017-18 (Q4 YTD, 1 Apr 2017-31 Mar 2018)|allegations recorded per 1,000 employees (IOPC bulletin, old regime)': bulletin(
    'allegations-recorded-per-1000-employees',
    '225',
    '264',
    '274',
  ),
  'greater-manchester|2017-18 (Q4 YTD)|% complaint cases recorded within 10 days (IOPC bulletin)': bulletin(
    'complaints-recorded-old-system-within-10-days-share',
    '55%',
    '82%',
    '84%',
  ),
  'greater-manchester|2017-18 (Q4 YTD)|average days to finalise complaint cases (not inc sub judice)': bulletin(
    'average-days-to-finalise-complaint-cases-old-system',
    '168',
    '134',
    '108',
  ),
  'greater-manchester|2018-Feb 2022 (IOPC reports)|officers with IOPC case to answer for misconduct (BBC SDU analysis)': [
    { metric: 'case-to-answer-officers', value: 8, stated: 'eight' },
    { metric: 'case-to-answer-officers-misconduct-proven', value: 3, stated: 'three' },
    { metric: 'case-to-answer-officers-cleared', value: 5, stated: 'five' },
  ].map((p) => ({
    ...p,
    period: {
      id: 'iopc-reports-2018-2022',
      label: 'IOPC reports published 2018 to early 2022',
      wording: 'in that time',
      kind: 'calendar-years',
      start: '2018',
      end: '2022',
    },
  })),
  'west-yorkshire|Aug 2014-Jul 2015|complaint cases recorded (IPCC)': [
    { metric: 'complaints-recorded-old-system', value: 1518, period: months('2014-08', '2015-07', 'for the same period 12 months later') },
    { metric: 'complaints-recorded-old-system', value: 991, period: months('2013-08', '2014-07', 'between August 2013 and July 2014') },
  ],
  'metropolitan|2023 (calendar)|officers facing misconduct hearings (London Assembly figures)': [
    { metric: 'officers-facing-misconduct-hearings', value: 163, period: calendarYears(2023, 2023, 'Last year') },
    { metric: 'officers-facing-misconduct-hearings-gross-misconduct', value: 153, period: calendarYears(2023, 2023, 'Last year') },
    { metric: 'officers-facing-misconduct-hearings', value: 79, period: calendarYears(2015, 2015, 'in 2015') },
  ],
  'metropolitan|Apr 2013-Mar 2022|internal misconduct allegations / cases / individuals (Casey Review)': [
    { metric: 'misconduct-allegations-force-data', value: 18589, period: months('2013-04', '2022-03', 'from April 2013 – March 2022') },
    { metric: 'misconduct-cases-force-data', value: 10252, period: months('2013-04', '2022-03', 'from April 2013 – March 2022') },
    {
      metric: 'people-in-misconduct-cases-force-data',
      value: 8917,
      period: months('2013-04', '2022-03', 'from April 2013 – March 2022'),
      note: 'The dataset counts 12,856 involvements of officers and staff; 8,917 different people.',
    },
  ],
  'lancashire|2013-14|allegations recorded per 1,000 employees (IPCC)': withAverage('allegations-recorded-per-1000-employees', 265, 251),
  'south-yorkshire|2020-21|average working days to log a complaint / contact complainant (IOPC)': [
    { metric: 'average-days-to-log-complaint', value: 16, quote: 'SYP took an average of 16 days to log a complaint – the national average was six.' },
    {
      metric: 'average-days-to-log-complaint',
      value: 6,
      stated: 'six',
      force: EW,
      quote: 'SYP took an average of 16 days to log a complaint – the national average was six.',
    },
    {
      metric: 'average-days-to-contact-complainant',
      value: 16,
      quote: 'SYP also took an average of 16 days to contact the complainant, compared to a national average of seven.',
    },
    {
      metric: 'average-days-to-contact-complainant',
      value: 7,
      stated: 'seven',
      force: EW,
      quote: 'SYP also took an average of 16 days to contact the complainant, compared to a national average of seven.',
    },
  ],
  'south-yorkshire|2020-21|complaints finalised (IOPC)': [
    { metric: 'complaint-cases-finalised', value: 755 },
    { metric: 'complaint-cases-finalised-outside-schedule-3', value: 224, note: 'The article says "finalised informally".' },
    { metric: 'complaint-cases-finalised-under-schedule-3', value: 531, note: 'The article says "considered formally under schedule 3 and finalised".' },
  ],
  'sussex|Apr-Dec 2023|complaint allegations against officers and staff (force figures)': [
    {
      metric: 'force-complaint-allegations',
      value: 1844,
      period: months('2023-04', '2023-12', 'between April 1 and December 31 last year'),
      note: 'Against officers and staff.',
    },
  ],
  'sussex|Mar 2023-Feb 2024|complaint review requests to PCC (received / upheld / not upheld)': [
    ...[
      { metric: 'complaint-review-requests', value: 210 },
      { metric: 'complaint-review-requests-invalid', value: 6, stated: 'six' },
      { metric: 'complaint-review-requests-not-upheld', value: 149 },
      { metric: 'complaint-review-requests-upheld', value: 24 },
      { metric: 'complaint-review-requests-still-being-reviewed', value: 37 },
    ].map((p) => ({ ...p, period: months('2023-03', '2024-02', 'between March 1 2023 and February 29 2024') })),
  ],
  'surrey|2021-22 (YE 31 Mar 2022)|public complaints recorded / meeting misconduct investigation threshold (force statement)': [
    { metric: 'complaint-cases-force-data', value: 2494 },
    { metric: 'complaint-cases-force-data-misconduct-investigation-threshold', value: 10 },
  ],
  'surrey|2021-22|complaints received by PSD (PCC figures)': [{ metric: 'complaints-received-force-data', value: 2537 }],
  'surrey|2021-22|requests for independent complaint reviews to PCC': [
    { metric: 'complaint-review-requests', value: 133 },
    { metric: 'complaint-review-requests-valid', value: 109 },
  ],
  'dorset|2018-2023 (calendar years)|complaint investigations (force FOI)': [2018, 2019, 2020, 2021, 2022, 2023].map((year, i) => ({
    metric: 'complaint-investigations-force-data',
    value: [526, 461, 650, 704, 820, 619][i] as number,
    period: calendarYears(year, year, String(year)),
    ...(year === 2023 ? { note: 'Part of the year only: the disclosure was made during 2023.' } : {}),
  })),
  'dorset|2021-2024|officers subject to conduct allegations / misconduct hearings / dismissals (force FOI)': [
    { metric: 'officers-subject-to-conduct-allegations', value: 146 },
    { metric: 'misconduct-hearings-held', value: 19 },
    { metric: 'dismissals', value: 4, stated: 'four' },
    { metric: 'misconduct-hearings-held-final-written-warning', value: 6, stated: 'six' },
    { metric: 'misconduct-hearings-held-would-have-been-dismissed', value: 7, stated: 'seven' },
  ].map((p) => ({ ...p, period: calendarYears(2021, 2024, 'between 2021 and 2024') })),
  'devon-and-cornwall|Oct 2021-Mar 2022|officers and staff facing VAWG-related misconduct claims (NPCC report)': [
    {
      metric: 'vawg-misconduct-claims',
      value: 20,
      stated: 'Twenty',
      period: months('2021-10', '2022-03', 'the six months to March 2022'),
      note: 'Officers and staff.',
    },
  ],
  'nottinghamshire|2020-21 (YE 31 Mar 2021)|referred to misconduct proceedings': [
    { metric: 'complaint-allegations-misconduct-proceedings', value: 34 },
    { metric: 'complaint-allegations-no-action-share', value: 87 },
  ],
  'nottinghamshire|2021-22 (YE 31 Mar 2022)|dismissal sanctions after misconduct hearings (force)': [
    { metric: 'dismissals', value: 12, stated: 'Twelve' },
    { metric: 'dismissals', value: 20, period: '2020-21' },
  ],
  'nottinghamshire|2020-2024 (calendar years)|referrals to IOPC (IOPC FOI)': [
    [2020, 37],
    [2021, 64],
    [2022, 61],
    [2023, 92],
    [2024, 149],
  ].map(([year, value]) => ({
    metric: 'referrals-to-iopc',
    value: value as number,
    stated: String(value),
    period: calendarYears(year as number, year as number, `in ${year}`),
  })),
  'leicestershire|2018-19|allegations recorded (IOPC)': [
    { metric: 'allegations-recorded', value: 1124 },
    { metric: 'allegations-recorded', value: 1334, period: '2017-18' },
  ],
  'leicestershire|2018-19|allegations finalised / locally resolved / investigated (IOPC)': [
    { metric: 'allegations-finalised-old-system', value: 1149 },
    { metric: 'allegations-finalised-old-system-local-resolution', value: 521 },
  ],
  'leicestershire|2020-21|discriminatory behaviour / abuse of position allegations (IOPC)': [
    { metric: 'allegations-logged-discriminatory-behaviour', value: 75 },
    { metric: 'allegations-logged-abuse-of-position-corruption', value: 67 },
  ],
  'kent|2008-09|complaints recorded (IPCC)': [
    {
      metric: 'complaints-recorded-old-system',
      value: 862,
      note: 'The year is read from the page ("Police complaints 2009"); the article says "the past 12 months".',
    },
    { metric: 'complaints-recorded-old-system', value: 695, period: '2007-08' },
  ],
  'kent|Apr 2014-Mar 2015|misconduct allegations against staff (force data)': [
    { metric: 'misconduct-allegations-force-data-police-staff', value: 170, period: fy(2014, 'Between April 2014 and March this year') },
  ],
  'staffordshire|2020-21|complaints logged (IOPC annual stats)': [
    { metric: 'complaint-cases-logged', value: 1322 },
    { metric: 'complaint-cases-recorded-formally', value: 433 },
    { metric: 'allegations-logged', value: 1968 },
  ],
  'staffordshire|2020-21 (YE 31 Mar 2021)|complaint cases / allegations against officers (Home Office, first edition)': [
    { metric: 'complaint-cases-home-office', value: 139 },
    { metric: 'complaint-allegations', value: 501 },
    { metric: 'officers-in-complaint-cases-home-office', value: 288 },
  ],
  'staffordshire|2020-21 (YE 31 Mar 2021)|complaint allegations with no action': [
    { metric: 'complaint-allegations-no-action', value: 439 },
    { metric: 'complaint-allegations-no-action-share', value: 96, note: 'Of the allegations whose result is known.' },
  ],
  'staffordshire|2023 (six months to Oct 2023)|officers dismissed (force performance meeting)': [
    {
      metric: 'dismissals',
      value: 9,
      stated: 'Nine',
      period: months('2023-04', '2023-09', 'in six months (to October 2023)'),
      note: 'The six months before the commissioner\u2019s meeting of October 2023.',
    },
  ],
  'west-mercia|2018-19|allegations recorded (IOPC)': [
    { metric: 'allegations-recorded', value: 839 },
    { metric: 'allegations-recorded', value: 886, period: '2017-18' },
  ],
  'west-mercia|2018-19|complaints recorded (IOPC)': [
    { metric: 'complaints-recorded-old-system', value: 713 },
    { metric: 'complaints-recorded-old-system', value: 686, period: '2017-18' },
  ],
  'dyfed-powys|2020-21 (YE 31 Mar 2021)|referred to misconduct proceedings': [
    { metric: 'complaint-allegations-misconduct-proceedings', value: 5, stated: 'five' },
    { metric: 'complaint-allegations-no-action-share', value: 96 },
  ],
  'dyfed-powys|2020-21 (YE 31 Mar 2021)|conduct matter allegations / recordable conduct matter allegations': [
    { metric: 'conduct-matter-allegations', value: 31 },
    { metric: 'recordable-conduct-matter-allegations', value: 7, stated: 'seven' },
    { metric: 'conduct-matter-allegations-misconduct-proceedings', value: 21 },
  ],
  'south-wales|Apr 2011-Apr 2012|allegations logged (police authority)': [
    { metric: 'allegations-recorded', value: 1047, period: fy(2011, 'between April 2011 and April 2012') },
  ],
  'south-wales|Jan 2018-Sep 2021|officers/staff accused of domestic abuse (TBIJ/ITV FOI)': [
    { metric: 'domestic-abuse-accused', value: 19 },
    { metric: 'domestic-abuse-accused-still-employed', value: 16 },
  ].map((p) => ({ ...p, period: months('2018-01', '2021-09', 'January 2018 to September 2021') })),
  'cleveland|2013-14|allegations recorded per 1,000 employees (IPCC)': withAverage('allegations-recorded-per-1000-employees', 436, 251),
  'durham|2013-14|allegations recorded per 1,000 employees (IPCC)': [
    { metric: 'allegations-recorded-per-1000-employees', value: 174, note: 'The article says "per 1,000 staff".' },
  ],
  'norfolk|2022 (calendar)|officers subject to misconduct investigations (force data)': [
    { metric: 'officers-in-disciplinary-procedure', value: 57 },
    { metric: 'dismissals', value: 2, stated: 'two' },
  ].map((p) => ({ ...p, period: calendarYears(2022, 2022, 'in 2022') })),
  'norfolk|Oct-Dec 2017|new complaint cases / misconduct cases (Joint PSD quarterly report)': [
    { metric: 'complaint-cases-force-data', value: 128 },
    { metric: 'misconduct-cases-force-data', value: 12 },
  ].map((p) => ({ ...p, period: months('2017-10', '2017-12', 'During this period (October to December 2017)') })),
  'merseyside|2013-14|complaints recorded / allegations / allegations per 1,000 employees (IPCC)': [
    { metric: 'complaints-recorded-old-system', value: 695 },
    { metric: 'allegations-recorded', value: 2189 },
    ...withAverage('allegations-recorded-per-1000-employees', 313, 251),
  ],
  'merseyside|2015-16|complaint cases recorded (IPCC)': [
    { metric: 'complaints-recorded-old-system', value: 458 },
    { metric: 'complaints-recorded-old-system', value: 617, period: '2014-15' },
  ],
  'derbyshire|2020-21 (YE 31 Mar 2021)|complaint allegations against officers (Home Office, first edition)': [
    { metric: 'complaint-allegations', value: 625, note: 'The article says "complaints"; the Home Office counts these as allegations.' },
    { metric: 'complaint-allegations-no-action-share', value: 99 },
    { metric: 'officers-in-complaint-cases-home-office', value: 454 },
  ],
  'lincolnshire|2013-14|allegations recorded / per 1,000 employees (IPCC)': [
    { metric: 'allegations-recorded', value: 728 },
    ...withAverage('allegations-recorded-per-1000-employees', 365, 251),
  ],
  'lincolnshire|2014-15|complaints recorded (IPCC)': [
    { metric: 'complaints-recorded-old-system', value: 567 },
    { metric: 'complaints-recorded-old-system', value: 510, period: '2013-14' },
  ],
  'lincolnshire|2011-12|complaints recorded / allegations (IPCC)': [{ metric: 'complaints-recorded-old-system', value: 490 }],
  'wiltshire|2020-21|allegations logged / complaints (IOPC annual stats)': [
    { metric: 'allegations-logged', value: 1726 },
    { metric: 'complaint-cases-logged', value: 1062 },
  ],
  'wiltshire|2018-19|allegations recorded / per 1,000 employees (IOPC, old regime)': [
    { metric: 'allegations-recorded', value: 833 },
    { metric: 'allegations-recorded', value: 809, period: '2017-18' },
    ...withAverage('allegations-recorded-per-1000-employees', 360, 264),
  ],
  'gloucestershire|2020-21|complaint cases per 1,000 employees (IOPC)': withAverage('complaint-cases-logged-per-1000-employees', 431, 290),
};

/** Rates several forces' rows give from one article, each row a force. */
function rates(period: string, metric: string, values: Record<string, number>, wording: string): Record<string, FigurePick[]> {
  return Object.fromEntries(Object.entries(values).map(([force, value]) => [`${force}|${period}|${wording}`, [{ metric, value, stated: String(value) }]]));
}

/** "Thames Valley Police (40 out of 5,000)": the officers added to the barred list and the workforce
 * the same report gives for the force, which rates per 1,000 are then worked from. */
function barred(forces: Record<string, [number, number]>): Record<string, FigurePick[]> {
  const stated = (n: number) => n.toLocaleString('en-GB');
  return Object.fromEntries(
    Object.entries(forces).map(([force, [officers, workforce]]) => [
      `${force}|2024-25|officers added to police barred list (College of Policing)`,
      [
        { metric: 'barred-list-officers', value: officers, stated: stated(officers) },
        { metric: 'reported-workforce', value: workforce, stated: stated(workforce) },
      ],
    ]),
  );
}

/** A rate of allegations logged per 1,000 employees from the PoliticsHome analysis. */
function politicsHome(value: number, stated: string): FigurePick[] {
  return [
    {
      metric: 'allegations-logged-per-1000-employees',
      value,
      stated,
      period: POLITICSHOME,
      note: 'The article says "per 1,000 staff" and "per 1,000 officers"; the IOPC\u2019s rate is per 1,000 employees.',
    },
  ];
}

/** A force's rate and the England and Wales average the same sentence gives. */
function withAverage(metric: string, value: number, average: number): FigurePick[] {
  return [
    { metric, value, stated: String(value) },
    { metric, value: average, stated: String(average), force: EW, note: 'The England and Wales figure, as the article gives it.' },
  ];
}

/** An IOPC bulletin row: the force's year to date, the same period a year before, and the national figure. */
function bulletin(metric: string, year: string, before: string, national: string): FigurePick[] {
  const value = (s: string) => Number(s.replace('%', ''));
  return [
    { metric, value: value(year), stated: year, period: '2017-18' },
    { metric, value: value(before), stated: before, period: '2016-17' },
    { metric, value: value(national), stated: national, period: '2017-18', force: EW, note: 'The national figure the bulletin gives beside the force\u2019s.' },
  ];
}
