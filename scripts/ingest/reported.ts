/**
 * Figures reported in news articles, force disclosures and official releases
 * (`news_and_official_force_figures.csv`, `national_figures.csv`). One source document per article
 * address, holding the supporting sentences; each figure quotes its row's sentence (or the part of it
 * that holds the figure). Rows are left out, with the reason kept in the ingest report, when they are
 * marked low reliability, come from one of the curated seed articles, or are refused by hand with a
 * reason (`NATIONAL_REFUSED`, `NEWS_REFUSED`).
 */
import { z } from 'zod';
import type { Figure, Period, SourceMeta } from '../../src/model/data.ts';
import { readRows, type Row } from './csv.ts';
import { BBC_LICENCE, type Collector, NEWS_LICENCE, OGL, parseFinancialYear, plainInteger, shortHash, slugify } from './common.ts';
import { NATIONAL, NATIONAL_REFUSED } from './reported-national.ts';
import { NEWS_PICKS, NEWS_REFUSED } from './reported-news.ts';
import type { FigurePick } from './reported-picks.ts';
import { basedOn, publisherOf, sameAddress } from './reported-publishers.ts';
import { describe } from './titles.ts';

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

/** Counts whose share of the whole a report often gives beside them ("4,002, or 90 per cent"), and
 * the metric of that share: the report's own share is kept, so an answer gives it rather than our rounding. */
const SHARE_METRICS: Record<string, string> = {
  'complaint-allegations-no-action': 'complaint-allegations-no-action-share',
};

/** "3,894 (89 per cent)", "4,002, or 90 per cent", "1,758 (89%)": the count, then its share. */
const SHARE_BESIDE = /(\d[\d,]*)(?:\s*\(|,\s*or\s+)(\d+(?:\.\d+)?)(\s*per cent|%)/g;

const LOW_RELIABILITY = /low[- ]reliability|low[- ]quality|verify/i;

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

/** What kind of publisher a document has: a public body, a third party's own analysis, or news. */
type Origin = ReturnType<typeof publisherOf>['origin'];

/** A kept row of a reported-figures file, waiting to be turned into a document and figures. */
export interface Report {
  file: string;
  row: number;
  force: string;
  periodText: string;
  metricText: string;
  picks: FigurePick[];
  url: string;
  publisher: string;
  origin: Origin;
  underlying: string;
  quote: string;
}

const DOCUMENT: Record<Origin | 'foi', Pick<SourceMeta, 'kind' | 'sourceType' | 'licence'>> = {
  official: { kind: 'statistics release', sourceType: 'official statistics release', licence: OGL },
  analysis: { kind: 'analysis', sourceType: 'analysis by a third party', licence: BBC_LICENCE },
  foi: { kind: 'FOI coverage', sourceType: 'force disclosure (FOI)', licence: NEWS_LICENCE },
  news: { kind: 'news article', sourceType: 'news report of official statistics', licence: NEWS_LICENCE },
};

function periodOf(pick: FigurePick, r: Report): Period | undefined {
  if (typeof pick.period === 'object') return pick.period;
  return parseFinancialYear(pick.period ?? r.periodText);
}

/** One document per address, holding the supporting sentences of every row kept from it. */
export function addReports(out: Collector, reports: Report[]): void {
  const byUrl = new Map<string, Report[]>();
  for (const r of reports) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), r]);
  const idOf = new Map<string, string>();
  const name = (id: string) => out.forces.forces.find((f) => f.id === id)?.name ?? id;
  for (const [url, rows] of byUrl) {
    const first = rows[0] as Report;
    const id = `${slugify(first.publisher.replace(/\(.*?\)/g, ''), 30)}-${shortHash(url)}`;
    idOf.set(url, id);
    const foi = rows.every((r) => /\bFOI\b|freedom of information|disclosure/i.test(`${r.underlying} ${r.metricText}`));
    const kind = first.origin === 'news' && foi ? 'foi' : first.origin;
    const forces = [...new Set(rows.flatMap((r) => r.picks.map((p) => p.force ?? r.force)))];
    const bases = [...new Set(rows.map((r) => basedOn(r.underlying, r.metricText)))];
    const periods = rows.flatMap((r) => r.picks.map((p) => periodOf(p, r))).filter((p): p is Period => p !== undefined);
    const meta: SourceMeta = {
      id,
      title: describe({ kind: kind === 'analysis' ? 'official' : kind === 'foi' ? 'foi' : kind, bases, places: forces.map(name), periods }),
      titleFrom: 'description',
      publisher: first.publisher,
      url,
      published: null,
      dateInferred: false,
      dateReason: 'The shared data gives no publication date for this page; each figure carries its own period.',
      ...DOCUMENT[kind],
      origin: `shared/data/${first.file} rows ${rows.map((r) => r.row).join(', ')}`,
      forces,
      text: [...new Set(rows.map((r) => r.quote))].join('\n\n'),
    };
    if (first.origin === 'news' && bases.length === 1) meta.basedOn = bases[0] as string;
    out.addSource(meta);
  }
  for (const r of reports) {
    const source = idOf.get(r.url) as string;
    const doc = out.sources.find((s) => s.id === source);
    for (const pick of r.picks) {
      const period = periodOf(pick, r);
      if (!period) {
        out.problems.push({
          file: r.file,
          row: r.row,
          message: `period "${typeof pick.period === 'string' ? pick.period : r.periodText}" is not a financial year`,
        });
        continue;
      }
      const force = pick.force ?? r.force;
      const figure: Figure = {
        id: `${force}-${pick.metric}-${period.id}-${source}`,
        force,
        period,
        metric: pick.metric,
        value: pick.value,
        ...(pick.qualifier !== undefined ? { qualifier: pick.qualifier } : {}),
        source,
        quote: pick.quote ?? r.quote,
        ...(pick.stated !== undefined ? { stated: pick.stated } : {}),
        ...(pick.note !== undefined ? { note: pick.note } : {}),
      };
      // A document passing on several bodies' figures names the body on each figure instead.
      if (doc?.basedOn === undefined && r.origin === 'news') figure.basedOn = basedOn(r.underlying, r.metricText);
      out.addFigure(figure, { file: r.file, row: r.row });
    }
  }
}

/** Whether a row should be left out, and why; undefined when it is kept. */
function newsReason(r: NewsRow, key: string, seeds: Set<string>, picks: FigurePick[] | undefined): string | undefined {
  if (LOW_RELIABILITY.test(`${r.publisher} ${r.notes}`)) return 'marked low reliability or "verify" in the shared data';
  if (seeds.has(sameAddress(r.source_url))) return 'from a seed article already curated in data/';
  const refused = NEWS_REFUSED[key];
  if (refused !== undefined) return refused;
  if (picks !== undefined) return undefined;
  if (r.force_id === '') return 'no force (an average or aggregate)';
  if (NEWS_METRICS[r.metric] === undefined) return `metric "${r.metric}" has no measure in the vocabulary`;
  if (!parseFinancialYear(r.period)) return `period "${r.period}" is not a financial year`;
  return undefined;
}

/** The figure a row with one plain value states (its metric and value), with the share the quote
 * gives beside it where its metric has one; undefined for a packed value. */
function singlePick(r: NewsRow): FigurePick[] | undefined {
  const metric = NEWS_METRICS[r.metric] as string;
  const value = plainInteger(r.value);
  if (value === undefined) return undefined;
  const shareMetric = SHARE_METRICS[metric];
  const beside = shareMetric === undefined ? undefined : [...r.supporting_text.matchAll(SHARE_BESIDE)].find((m) => plainInteger(m[1] ?? '') === value);
  if (shareMetric === undefined || beside === undefined) return [{ metric, value }];
  const [, count = '', share = '', unit = ''] = beside;
  return [
    { metric, value, stated: count },
    { metric: shareMetric, value: Number(share), stated: `${share}${unit}` },
  ];
}

/** Reads the per-force reported figures (documents are made by {@link addReports}). `seedUrls` are the curated articles' addresses. */
export function collectNews(dir: string, out: Collector, seedUrls: string[]): Report[] {
  const file = 'news_and_official_force_figures.csv';
  const seeds = new Set(seedUrls.map(sameAddress));
  const reports: Report[] = [];
  for (const { row, value: r } of readRows(dir, file, NewsRow, out.problems) as Row<NewsRow>[]) {
    const key = `${r.force_id}|${r.period}|${r.metric}`;
    const reason = newsReason(r, key, seeds, NEWS_PICKS[key]);
    if (reason !== undefined) {
      out.skip(file, row, reason);
      continue;
    }
    const force = r.force_id === '' ? 'england-and-wales' : r.force_id;
    if (!out.forces.ids.has(force)) {
      out.problems.push({ file, row, message: `force_id "${r.force_id}" is not in the force register` });
      continue;
    }
    const picks = NEWS_PICKS[key] ?? singlePick(r);
    if (picks === undefined) {
      out.problems.push({ file, row, message: `value "${r.value}" holds several figures and no pick in reported-news.ts says which` });
      continue;
    }
    // A force's or PCC's own page is a disclosure, not an official statistics release.
    const disclosure = /\(official/i.test(r.publisher);
    reports.push({
      file,
      row,
      force,
      periodText: r.period,
      metricText: r.metric,
      picks,
      url: r.source_url,
      publisher: r.publisher.replace(/\s*\(PA\/RADAR-style\)$/, ''),
      origin: 'news',
      underlying: disclosure ? `${r.underlying_statistical_source} (force disclosure)` : r.underlying_statistical_source,
      quote: r.supporting_text,
    });
  }
  return reports;
}

/** Reads the England and Wales series listed in {@link NATIONAL}; other rows are reported as left out. */
export function collectNational(dir: string, out: Collector, seedUrls: string[]): Report[] {
  const file = 'national_figures.csv';
  const seeds = new Set(seedUrls.map(sameAddress));
  const reports: Report[] = [];
  for (const { row, value: r } of readRows(dir, file, NationalRow, out.problems)) {
    const key = `${r.period}|${r.metric}`;
    const picks = NATIONAL[key];
    const reason = seeds.has(sameAddress(r.source_url)) ? 'from a seed article already curated in data/' : NATIONAL_REFUSED[key];
    if (reason !== undefined || !picks) {
      out.skip(file, row, reason ?? `"${r.metric}" (${r.period}) has no figures listed in reported-national.ts`);
      continue;
    }
    const { publisher, origin } = publisherOf(r.source_url);
    reports.push({
      file,
      row,
      force: 'england-and-wales',
      periodText: r.period,
      metricText: r.metric,
      picks,
      url: r.source_url,
      publisher,
      origin,
      underlying: `${r.source_org} figures`,
      quote: r.supporting_text,
    });
  }
  return reports;
}
