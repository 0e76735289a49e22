/**
 * Figures reported in news articles, force disclosures and official releases
 * (`news_and_official_force_figures.csv`, `national_figures.csv`). One source document per article
 * address, holding the supporting sentences; each figure quotes its row's sentence. Rows are left
 * out, with the reason kept in the ingest report, when they are marked low reliability, come from
 * one of the curated seed articles, give a compound value, a period that is not a financial year, or
 * a metric the vocabulary does not hold.
 */
import { z } from 'zod';
import type { SourceMeta } from '../../src/model/data.ts';
import { readRows, type Row } from './csv.ts';
import { Collector, NEWS_LICENCE, OGL, parseFinancialYear, plainInteger, shortHash, slugify } from './common.ts';

/** The news file's metric wordings that name a measure of the vocabulary, and the metric they are. */
const NEWS_METRICS: Record<string, string> = {
  'complaint allegations against police officers handled under formal complaints process': 'complaint-allegations',
  'complaint allegations against police officers (Home Office misconduct stats)': 'complaint-allegations',
  'complaint allegations against police officers (Home Office)': 'complaint-allegations',
  'complaint allegations against officers (Home Office)': 'complaint-allegations',
  'complaint allegations against officers (Home Office, first edition)': 'complaint-allegations',
  'complaint allegations against police officers (Movius.ai analysis of Home Office data)': 'complaint-allegations',
  'complaint allegations resulting in no action': 'complaint-allegations-no-action',
  'complaint allegations resulting in no further action': 'complaint-allegations-no-action',
  'complaint allegations with no action': 'complaint-allegations-no-action',
  'complaint allegations referred to misconduct proceedings': 'complaint-allegations-misconduct-proceedings',
  'complaint allegations referred to reflective practice review process': 'complaint-allegations-reflective-practice',
  'complaint allegations withdrawn': 'complaint-allegations-withdrawn',
  'complaint allegations against officers investigated subject to special procedures': 'special-procedures-allegations',
  'complaint allegations investigated subject to special procedures': 'special-procedures-allegations',
  'conduct matter allegations (officers)': 'conduct-matter-allegations',
  'conduct matter allegations': 'conduct-matter-allegations',
  'conduct matter allegations referred to misconduct proceedings': 'conduct-matter-allegations-misconduct-proceedings',
  'conduct matter allegations referred to reflective practice review process': 'conduct-matter-allegations-reflective-practice',
  'conduct matter allegations with no action': 'conduct-matter-allegations-no-action',
  'recordable conduct matter allegations': 'recordable-conduct-matter-allegations',
  'public complaints against officers (Home Office)': 'complaint-cases-home-office',
  'complaints logged (IOPC annual stats)': 'complaint-cases-logged',
  'complaints logged (IOPC)': 'complaint-cases-logged',
  'allegations logged (IOPC annual stats)': 'allegations-logged',
  'complaint allegations logged (IOPC annual stats)': 'allegations-logged',
  'complaint allegations logged (IOPC)': 'allegations-logged',
  // Old-system counts are their own measure: the seed articles' "complaints recorded" are recent.
  'complaints recorded (IPCC)': 'complaints-recorded-old-system',
  'allegations recorded (IPCC)': 'allegations-recorded',
  'allegations recorded (IOPC)': 'allegations-recorded',
  'officers added to police barred list (College of Policing)': 'barred-list-officers',
};

/** Metrics whose value cell adds context after the figure ("183 (workforce 33,293)"): the leading number is the figure. */
const LEADING_NUMBER = new Set(['barred-list-officers']);

/**
 * National rows, by period and metric wording: which metrics they state and the values. Most cells
 * hold several figures ("1675 / 940"), so each is listed by hand; every value is still checked
 * against the row's supporting sentence. The Home Office national complaint-allegation totals are left
 * out: the curated seed articles give that series with unstated years, and dated totals beside them
 * would make "the latest year" mean a different figure from the one those articles report.
 */
const NATIONAL: Record<string, Array<{ metric: string; value: number; period?: string; note?: string }>> = {
  '2020-21|complaint cases logged': [{ metric: 'complaint-cases-logged', value: 67732 }],
  '2020-21|complaint cases recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 36365 }],
  '2020-21|allegations logged': [{ metric: 'allegations-logged', value: 109151 }],
  '2021-22|complaints logged': [{ metric: 'complaint-cases-logged', value: 75020 }],
  '2021-22|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 35738 }],
  '2022-23|complaints logged': [{ metric: 'complaint-cases-logged', value: 81142 }],
  '2022-23|allegations logged': [{ metric: 'allegations-logged', value: 134952 }],
  '2022-23|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 31620 }],
  '2023-24|complaints logged': [{ metric: 'complaint-cases-logged', value: 85458 }],
  '2023-24|allegations logged': [{ metric: 'allegations-logged', value: 151538 }],
  '2023-24|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 32511 }],
  '2024-25|complaints logged (43 forces)': [{ metric: 'complaint-cases-logged', value: 94940, note: 'The IOPC gives this 2024/25 total for 43 forces.' }],
  '2024-25|complaints recorded formally (Schedule 3)': [{ metric: 'complaint-cases-recorded-formally', value: 32172 }],
  'YE 31 Mar 2021|public complaint cases against officers (formally handled, finalised)': [{ metric: 'complaint-cases-home-office', value: 14393 }],
  'YE 31 Mar 2021|conduct matters / recordable conduct matters (officers)': [{ metric: 'conduct-matter-allegations', value: 1675 }, { metric: 'recordable-conduct-matter-allegations', value: 940 }],
  'YE 31 Mar 2023|recordable conduct matter allegations': [{ metric: 'recordable-conduct-matter-allegations', value: 2402 }, { metric: 'recordable-conduct-matter-allegations', value: 1802, period: '2021-22' }],
  '2019-20|officers added to barred list (dismissed while serving / post-resignation / post-retirement)': [{ metric: 'barred-list-officers', value: 232 }],
  '2021-22|regular officers added to barred list': [{ metric: 'barred-list-officers', value: 299 }],
  '2022-23|regular officers / staff / specials added to barred list': [{ metric: 'barred-list-officers', value: 394 }],
  '2023-24|regular officers / staff / specials added to barred list': [{ metric: 'barred-list-officers', value: 593 }],
  '2024-25|regular officers / staff / specials added to barred list': [{ metric: 'barred-list-officers', value: 735 }],
};

const LOW_RELIABILITY = /low[- ]reliability|low[- ]quality|verify/i;

/** Publishers of official pages, by host; any other host is a news outlet named by its host. */
const OFFICIAL_HOSTS: Record<string, string> = {
  'gov.uk': 'Home Office',
  'policeconduct.gov.uk': 'Independent Office for Police Conduct',
  'college.police.uk': 'College of Policing',
  'production.copweb.aws.college.police.uk': 'College of Policing',
  'collegeofpolicing-newsroom.prgloo.com': 'College of Policing',
};

/** Publishers of the news pages national figures come from, by host. */
const NEWS_HOSTS: Record<string, string> = {
  'wired-gov.net': 'Wired-Gov (IOPC press release)',
  'policeprofessional.com': 'Police Professional',
  'independent.co.uk': 'The Independent (PA)',
  'urdupoint.com': 'UrduPoint (PA copy)',
  'touch.policeoracle.com': 'Police Oracle',
  'bt24news.com': 'bt24news (Express copy)',
  'braintreeandwithamtimes.co.uk': 'Braintree and Witham Times',
  'chad.co.uk': 'Chad (Mansfield)',
  'readingchronicle.co.uk': 'Reading Chronicle',
  'petersfieldpost.co.uk': 'Petersfield Post',
  'itv.com': 'ITV News',
  'hellorayo.co.uk': 'Cool FM / Hello Rayo (PA)',
};

function host(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '');
}

/** Compares addresses without scheme, "www." or trailing slash. */
export function sameAddress(url: string): string {
  return url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '').replace(/\.\//, '/');
}

/** A title read from the address: "…/23269519.hampshire-police-faced-1000-misconduct-allegations/" */
function titleFromAddress(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const last = [...parts].reverse().find((p) => /[a-z]{3,}-[a-z]/i.test(p)) ?? parts.at(-1) ?? host(url);
  const words = decodeURIComponent(last).replace(/\.(html?|cfm)$/i, '').replace(/^\d+[.-]/, '').replace(/-\d{5,}$/, '').replace(/[-_+]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whose figures a report passes on, in the words answers use. */
function basedOn(underlying: string, metric: string): string {
  if (/movius/i.test(`${underlying} ${metric}`)) return 'a Movius.ai analysis of Home Office figures';
  if (/^Home Office/i.test(underlying)) return 'Home Office figures';
  if (/^IOPC/i.test(underlying)) return 'IOPC figures';
  if (/^IPCC/i.test(underlying)) return 'IPCC figures';
  if (/College of Policing/i.test(underlying)) return 'College of Policing figures';
  return underlying.trim();
}

const NewsRow = z.object({
  force_id: z.string(),
  force: z.string(),
  period: z.string().min(1),
  metric: z.string().min(1),
  value: z.string().min(1),
  underlying_statistical_source: z.string(),
  source_url: z.url(),
  publisher: z.string().min(1),
  supporting_text: z.string().min(1),
  notes: z.string(),
});
type NewsRow = z.infer<typeof NewsRow>;

const NationalRow = z.object({
  scope: z.string().min(1),
  source_org: z.string().min(1),
  period: z.string().min(1),
  metric: z.string().min(1),
  value: z.string().min(1),
  source_url: z.url(),
  supporting_text: z.string().min(1),
  notes: z.string(),
});

/** A kept row of a reported-figures file, waiting to be turned into a document and figures. */
export interface Report {
  file: string;
  row: number;
  force: string;
  periodText: string;
  metricText: string;
  picks: Array<{ metric: string; value: number; period?: string; note?: string }>;
  url: string;
  publisher: string;
  official: boolean;
  underlying: string;
  quote: string;
}

/** One document per address, holding the supporting sentences of every row kept from it. */
export function addReports(out: Collector, reports: Report[]): void {
  const byUrl = new Map<string, Report[]>();
  for (const r of reports) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
  const idOf = new Map<string, string>();
  for (const [url, rows] of byUrl) {
    const first = rows[0] as Report;
    const id = `${slugify(first.publisher.replace(/\(.*?\)/g, ''), 30)}-${shortHash(url)}`;
    idOf.set(url, id);
    const foi = rows.every((r) => /\bFOI\b|freedom of information|disclosure/i.test(`${r.underlying} ${r.metricText}`));
    const meta: SourceMeta = {
      id,
      title: titleFromAddress(url),
      titleFrom: 'address',
      publisher: first.publisher,
      url,
      published: null,
      dateInferred: false,
      dateReason: 'The shared data gives no publication date for this page; each figure carries its own period.',
      kind: first.official ? 'statistics release' : foi ? 'FOI coverage' : 'news article',
      sourceType: first.official ? 'official statistics release' : foi ? 'force disclosure (FOI)' : 'news report of official statistics',
      origin: `shared/data/${first.file} rows ${rows.map((r) => r.row).join(', ')}`,
      forces: [...new Set(rows.map((r) => r.force))],
      licence: first.official ? OGL : NEWS_LICENCE,
      text: [...new Set(rows.map((r) => r.quote))].join('\n\n'),
    };
    const bases = [...new Set(rows.map((r) => basedOn(r.underlying, r.metricText)))];
    if (!first.official && bases.length === 1) meta.basedOn = bases[0] as string;
    out.addSource(meta);
  }
  for (const r of reports) {
    const source = idOf.get(r.url) as string;
    const doc = out.sources.find((s) => s.id === source);
    for (const pick of r.picks) {
      const period = pick.period !== undefined ? parseFinancialYear(pick.period) : parseFinancialYear(r.periodText);
      if (!period) continue;
      const figure = {
        id: `${r.force}-${pick.metric}-${period.id}-${source}`,
        force: r.force,
        period,
        metric: pick.metric,
        value: pick.value,
        source,
        quote: r.quote,
        ...(pick.note !== undefined ? { note: pick.note } : {}),
      };
      // A document passing on several bodies' figures names the body on each figure instead.
      if (doc?.basedOn === undefined && !r.official) Object.assign(figure, { basedOn: basedOn(r.underlying, r.metricText) });
      out.addFigure(figure, { file: r.file, row: r.row });
    }
  }
}

/** Whether a row should be left out, and why; undefined when it is kept. */
function newsReason(r: NewsRow, seeds: Set<string>, metric: string | undefined): string | undefined {
  if (LOW_RELIABILITY.test(`${r.publisher} ${r.notes}`)) return 'marked low reliability or "verify" in the shared data';
  if (seeds.has(sameAddress(r.source_url))) return 'from a seed article already curated in data/';
  if (r.force_id === '') return 'no force (an average or aggregate)';
  if (metric === undefined) return `metric "${r.metric}" has no measure in the vocabulary`;
  if (!parseFinancialYear(r.period)) return `period "${r.period}" is not a financial year`;
  return undefined;
}

/** Reads the per-force reported figures (documents are made by {@link addReports}). `seedUrls` are the curated articles' addresses. */
export function collectNews(dir: string, out: Collector, seedUrls: string[]): Report[] {
  const file = 'news_and_official_force_figures.csv';
  const seeds = new Set(seedUrls.map(sameAddress));
  const reports: Report[] = [];
  for (const { row, value: r } of readRows(dir, file, NewsRow, out.problems) as Row<NewsRow>[]) {
    const metric = NEWS_METRICS[r.metric];
    const reason = newsReason(r, seeds, metric);
    if (reason !== undefined || metric === undefined) {
      out.skip(file, row, reason ?? 'no metric');
      continue;
    }
    if (!out.forces.ids.has(r.force_id)) {
      out.problems.push({ file, row, message: `force_id "${r.force_id}" is not in the force register` });
      continue;
    }
    const lead = LEADING_NUMBER.has(metric) ? /^(\d[\d,]*)\s*\(/.exec(r.value)?.[1] : undefined;
    const value = plainInteger(lead ?? r.value);
    if (value === undefined) {
      out.skip(file, row, `compound value "${r.value}"`);
      continue;
    }
    // A force's or PCC's own page is a disclosure, not an official statistics release.
    const disclosure = /\(official/i.test(r.publisher);
    reports.push({
      file, row, force: r.force_id, periodText: r.period, metricText: r.metric, picks: [{ metric, value }],
      url: r.source_url,
      publisher: r.publisher.replace(/\s*\(PA\/RADAR-style\)$/, ''),
      official: false,
      underlying: disclosure ? `${r.underlying_statistical_source} (force disclosure)` : r.underlying_statistical_source,
      quote: r.supporting_text,
    });
  }
  return reports;
}

/** Reads the England and Wales series listed in {@link NATIONAL}; other rows are reported as left out. */
export function collectNational(dir: string, out: Collector): Report[] {
  const file = 'national_figures.csv';
  const reports: Report[] = [];
  for (const { row, value: r } of readRows(dir, file, NationalRow, out.problems)) {
    const picks = NATIONAL[`${r.period}|${r.metric}`];
    if (!picks) {
      out.skip(file, row, `"${r.metric}" (${r.period}) is not one of the series ingested`);
      continue;
    }
    const h = host(r.source_url);
    const officialPublisher = OFFICIAL_HOSTS[h];
    reports.push({
      file, row, force: 'england-and-wales', periodText: r.period, metricText: r.metric, picks,
      url: r.source_url,
      publisher: officialPublisher ?? NEWS_HOSTS[h] ?? h,
      official: officialPublisher !== undefined,
      underlying: `${r.source_org} figures`,
      quote: r.supporting_text,
    });
  }
  return reports;
}
