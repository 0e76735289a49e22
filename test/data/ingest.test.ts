import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ingest } from '../../scripts/ingest/build.ts';
import { formatRowProblem, rowsOf, type RowProblem } from '../../scripts/ingest/csv.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR, loadEngine, type Engine } from '../../src/engine.ts';

/** ../shared/data beside the clone: present on the development machine, absent on a fresh CI clone. */
const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const hasShared = existsSync(join(SHARED, 'forces.csv'));

describe('data:ingest', () => {
  // CI clones the repository alone, so the shared folder may be missing: the committed output is then
  // all there is to test, and the re-run comparison is skipped rather than failed.
  it.skipIf(!hasShared)('re-running over ../shared/data gives the committed files byte for byte', () => {
    const { files } = ingest(SHARED, BUNDLED_DATA_DIR);
    for (const [name, text] of files) expect(readFileSync(join(BUNDLED_DATA_DIR, 'ingested', name), 'utf8'), name).toBe(text);
  });

  it.skipIf(!hasShared)("reports the shared data's known bad rows by file and row, and nothing else", () => {
    const { problems } = ingest(SHARED, BUNDLED_DATA_DIR);
    expect([...new Set(problems.map((p) => `${p.file}:${p.row}`))]).toEqual([
      'bbc_sdu_iopc_recommendations.csv:17',
      'bbc_sdu_iopc_recommendations.csv:127',
      'bbc_sdu_iopc_recommendations.csv:1322',
    ]);
  });

  it('keeps the committed table figures adding up to the published England and Wales totals', () => {
    const { figures } = loadDataset(BUNDLED_DATA_DIR);
    const table = figures.filter((f) => f.source === 'iopc-2024-25-complaint-cases-finalised');
    for (const metric of ['complaint-cases-finalised-outside-schedule-3', 'complaint-cases-finalised-under-schedule-3']) {
      const rows = table.filter((f) => f.metric === metric);
      const total = rows.find((f) => f.force === 'england-and-wales')?.value;
      const sum = rows.filter((f) => f.force !== 'england-and-wales').reduce((t, f) => t + f.value, 0);
      expect(rows.length, metric).toBe(45);
      expect(sum, metric).toBe(total);
    }
  });

  it('ingests nothing from the curated seed articles', () => {
    const { documents } = loadDataset(BUNDLED_DATA_DIR);
    const seedUrls = new Set(documents.filter((d) => !d.origin.startsWith('shared/')).map((d) => d.url));
    const ingestedUrls = documents.filter((d) => d.origin.startsWith('shared/')).map((d) => d.url);
    expect(ingestedUrls.filter((u) => seedUrls.has(u))).toEqual([]);
  });

  it('reports bad CSV rows with their file and row, and keeps the good ones', () => {
    const problems: RowProblem[] = [];
    const schema = z.object({ force_id: z.string().regex(/^[a-z-]+$/), value: z.string().regex(/^\d+$/).transform(Number) });
    const text = 'force_id,value\nkent,12\nKent Police,x\n"essex",3,extra\nsurrey,7\n';
    const rows = rowsOf('figures.csv', text, schema, problems);
    expect(rows.map((r) => [r.row, r.value.value])).toEqual([
      [2, 12],
      [5, 7],
    ]);
    const lines = problems.map(formatRowProblem);
    expect(lines).toContain('figures.csv:3: force_id: Invalid string: must match pattern /^[a-z-]+$/');
    expect(lines.some((l) => l.startsWith('figures.csv:3: value:'))).toBe(true);
    expect(lines).toContain('figures.csv:4: has 3 fields, the header has 2');
  });

  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const problems: RowProblem[] = [];
    const rows = rowsOf('q.csv', 'a,b\n"x, ""y""","line\nbreak"\n', z.object({ a: z.string(), b: z.string() }), problems);
    expect(problems).toEqual([]);
    expect(rows[0]?.value).toEqual({ a: 'x, "y"', b: 'line\nbreak' });
  });
});

describe('answers from the ingested data', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = loadEngine();
  });

  it('cites a table figure by publisher, table, row and column, quoting the row as published', () => {
    const a = engine.answer('How many complaint cases did Kent finalise under Schedule 3 in 2024/25?');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('1,409');
    const c = a.citations[0];
    expect(c?.publisher).toBe('Independent Office for Police Conduct');
    expect(c?.sourceType).toBe('official statistics table');
    expect(c?.location).toContain('row “Kent”');
    expect(c?.location).toContain('column “Valid complaint cases finalised under Schedule 3”');
    expect(c?.quote).toBe('Kent 1,927 24 1,409 114 104');
    // The release's own page is the address; the listing page it was read from is recorded apart.
    expect(c?.url).toBe('https://www.policeconduct.gov.uk/complaint-statistics-24-25/');
    expect(engine.sources().find((s) => s.id === c?.sourceId)?.readAt).toBe('https://www.policeconduct.gov.uk/node?page=3');
  });

  it('shows both values, each cited, when sources conflict (Thames Valley 2021-22)', () => {
    const a = engine.answer('How many complaint allegations did Thames Valley Police have in 2021-22?');
    expect(a.status).toBe('answered');
    expect(a.text).toContain('3,757');
    expect(a.text).toContain('4,585');
    expect(a.text).toMatch(/sources differ/);
    expect(new Set(a.citations.map((c) => c.sourceId)).size).toBe(2);
  });

  it('shows a conflict, never a change or rank worked from one side of it', () => {
    const change = engine.answer('How have Thames Valley complaint allegations changed?');
    expect(change.text).toMatch(/3,757[\s\S]*4,585/);
    expect(change.text).toMatch(/compute no change from either/);
    const ranking = engine.answer('Which force had the most complaint allegations in 2021-22?');
    expect(ranking.text).toMatch(/Left out because their sources differ: Thames Valley Police \(3,757 \[\d+\] or 4,585 \[\d+\]\)/);
    const compare = engine.answer('Compare Thames Valley and Hampshire complaint allegations in 2021-22');
    expect(compare.status).not.toBe('answered');
    expect(compare.text).toMatch(/3,757[\s\S]*4,585/);
  });

  it('says case-to-answer figures cover IOPC-investigated cases only', () => {
    const a = engine.answer('How many officers had a misconduct case to answer in Kent?');
    expect(a.status).toBe('answered');
    expect(a.text).toMatch(/only cases the IOPC investigated itself/);
    expect(a.citations[0]?.publisher).toBe('BBC Shared Data Unit');
    expect(a.citations[0]?.sourceType).toBe('analysis by a third party');
  });

  it('finds IOPC recommendations by force and topic, citing the recommendation page', () => {
    const a = engine.answer('What has the IOPC recommended to Sussex Police about custody?');
    expect(a.status).toBe('answered');
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) expect(c.url).toMatch(/^https:\/\/policeconduct\.gov\.uk\/recommendations\//);
  });

  it('answers mixed measures separately and never adds them', () => {
    const a = engine.answer('Hampshire conduct matters and case to answer');
    expect(a.text).toMatch(/different measures/);
    expect(a.text).toContain('101');
  });

  it('offers rates per 1,000 workforce for counts but never for averages', () => {
    const counts = engine.answer('Compare complaint cases finalised under schedule 3 in Kent and Essex in 2024/25');
    expect(counts.text).toMatch(/per 1,000 workforce/);
    const days = engine.answer('Compare average days to finalise under schedule 3 in Kent and Essex');
    expect(days.status).toBe('answered');
    expect(days.text).not.toMatch(/per 1,000 workforce/);
  });

  it('ranks by rate per 1,000 workforce when the question asks for a rate, with the working for each force', () => {
    const a = engine.answer('Which force had the most misconduct allegations in 2021-22 relative to its size?');
    expect(a.type).toBe('ranking');
    expect(a.text).toMatch(/per 1,000 workforce in 2021-22/);
    // Each place shows its count, its workforce and the division, so a reader can check the order.
    const lines = a.text.split('\n').filter((l) => l.startsWith('• '));
    expect(lines.length).toBeGreaterThan(1);
    const rates = lines.map((l) => Number(/: ([\d.,]+) per 1,000 workforce \(our calculation: [\d,]+ ÷ [\d,]+ × 1,000/.exec(l)?.[1]?.replace(/,/g, '')));
    expect(rates.every((r) => Number.isFinite(r))).toBe(true);
    expect([...rates].sort((x, y) => y - x)).toEqual(rates);
    expect(a.facts.some((f) => f.computed?.operation === 'ratio')).toBe(true);
  });
});
