/**
 * The IOPC's learning recommendations (scraped to 30 June 2021 by the BBC Shared Data Unit): one
 * document of kind "recommendation" per recommendation page, with its force, topic, date and text,
 * linking to the IOPC page so an answer can cite it.
 */
import { z } from 'zod';
import { readRows } from './csv.ts';
import { type Collector, OGL, slugify } from './common.ts';

/** Spreadsheet errors the scrape left in place of a value. */
const SHEET_ERROR = /^#(N\/A|VALUE!|REF!)$/;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Wednesday, 21 April, 2021" → "2021-04-21". */
export function longDate(text: string): string | undefined {
  const m = /(\d{1,2}) ([A-Za-z]+),? (\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf((m[2] ?? '').toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

const RecRow = z.object({
  iopc_url: z.url(),
  force: z.string(),
  category: z.string(),
  heading: z.string().min(1),
  page_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$|^$/, 'must be YYYY-MM-DD'),
  recommendation: z.string(),
  date_of_recommendation: z.string(),
  accepted: z.string(),
  tags: z.string(),
});

/** The accepted column as the IOPC records it; blank (most pages) means no response is recorded. */
const ACCEPTED: Record<string, 'yes' | 'no' | 'awaiting response'> = { yes: 'yes', no: 'no', 'awaiting response': 'awaiting response' };

/** Whether a heading is the IOPC's for a recommendation to national bodies rather than a force. */
const NATIONAL = /^National recommendations? [-–] /;

/** "National recommendation - The College of Policing, June 2021" → "The College of Policing";
 * undefined where the heading names an investigation rather than who it is addressed to. */
export function nationalAddressee(heading: string): string | undefined {
  const name = heading
    .trim()
    .replace(NATIONAL, '')
    .replace(/,?\s*(?:[-–]\s*)?(?:\d{1,2} )?(?:[A-Z][a-z]+[-–])?[A-Z][a-z]+,? \d{4}$/, '')
    .replace(/\s*[-–]$/, '')
    .trim();
  return name === '' || /\binvestigation\b/i.test(name) ? undefined : name;
}

/** The force a heading names after its last dash: "Man found dead … - Lincolnshire Police, March 2020". */
function headingForce(out: Collector, heading: string): string | undefined {
  const tail = heading
    .split(/ [-–] /)
    .at(-1)
    ?.split(',')[0];
  return tail === undefined ? undefined : out.forces.find(tail);
}

/** The tags column is a Python list literal: "['Custody and detention', 'Sussex Police']". */
function tagsOf(text: string): string[] {
  return [...text.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
}

/** Zero-width spaces and runs of spaces are page debris; the wording is kept as scraped. */
function clean(text: string): string {
  return text
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Reads every recommendation with a force the register knows; the rest are reported as left out. */
export function ingestRecommendations(dir: string, out: Collector): void {
  const file = 'bbc_sdu_iopc_recommendations.csv';
  const rows = readRows(dir, file, RecRow, out.problems);
  const categories = new Set(rows.map((r) => r.value.category).filter((c) => c !== '' && !SHEET_ERROR.test(c)));
  for (const { row, value: r } of rows) {
    const tags = tagsOf(r.tags);
    // The force column is "#N/A" for some pages: the tags usually still name the force.
    const named = [r.force, ...tags].map((n) => (SHEET_ERROR.test(n) ? undefined : out.forces.find(n))).filter((f): f is string => f !== undefined);
    // The force the IOPC's own listing files it under: what "recommendations to Kent" counts.
    const filedUnder = SHEET_ERROR.test(r.force) ? undefined : out.forces.find(r.force);
    const fromHeading = named.length === 0 ? headingForce(out, r.heading) : undefined;
    const forces = [...new Set([...named, ...(fromHeading ? [fromHeading] : [])])].filter((f) => out.forces.forces.find((x) => x.id === f)?.kind !== 'area');
    // A national recommendation is addressed to a national body, held for England and Wales.
    const national = forces.length === 0 && NATIONAL.test(clean(r.heading));
    const addressee = national ? nationalAddressee(clean(r.heading)) : undefined;
    if (national) forces.push('england-and-wales');
    if (forces.length === 0) {
      out.skip(
        file,
        row,
        r.heading === '404 error'
          ? 'the scraped page was a "404 error" page, with no recommendation'
          : `no force of the register and no national body named (force "${r.force}", heading "${clean(r.heading)}")`,
      );
      continue;
    }
    const accepted = ACCEPTED[r.accepted.trim().toLowerCase()];
    const category = !SHEET_ERROR.test(r.category) && r.category !== '' ? r.category : tags.find((t) => categories.has(t));
    const recommended = longDate(r.date_of_recommendation);
    const body = clean(r.recommendation);
    let id = `iopc-recommendation-${slugify(decodeURIComponent(new URL(r.iopc_url).pathname.split('/').filter(Boolean).at(-1) ?? ''), 70)}`;
    for (let n = 2; out.hasSource(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    out.addSource({
      id,
      title: clean(r.heading),
      titleFrom: 'headline',
      publisher: 'Independent Office for Police Conduct',
      url: r.iopc_url,
      published: recommended ?? (r.page_date === '' ? null : r.page_date),
      dateInferred: recommended === undefined && r.page_date !== '',
      ...(recommended === undefined
        ? {
            dateReason:
              r.page_date === ''
                ? 'The scrape gives no date for this page.'
                : 'The date of the recommendation is not given; this is the date shown on the IOPC page.',
          }
        : {}),
      kind: 'recommendation',
      // The nearest type the vocabulary has: findings of the oversight body from its own investigations.
      sourceType: 'inspection report',
      basedOn: 'an IOPC investigation',
      origin: `shared/data/${file} row ${row}`,
      forces,
      licence: OGL,
      text: body === '' ? clean(r.heading) : `${clean(r.heading)}\n\n${body}`,
      ...(category !== undefined ? { category } : {}),
      ...(addressee !== undefined ? { addressee } : {}),
      ...(filedUnder !== undefined && forces.includes(filedUnder) ? { filedUnder } : {}),
      ...(accepted !== undefined ? { accepted } : {}),
    });
  }
}
