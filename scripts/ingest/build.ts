/**
 * Runs every ingester over the shared data folder and renders the files of `data/ingested/`. Pure
 * apart from reading: the same inputs always give the same bytes, so the output can be committed and
 * checked by re-running.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Force, SourceMeta } from '../../src/model/data.ts';
import { ingestCaseToAnswer, ingestWorkforce } from './bbc.ts';
import { Collector, ForceNames, type Skipped } from './common.ts';
import { readRows, type RowProblem } from './csv.ts';
import { ingestRecommendations } from './recommendations.ts';
import { addReports, collectNational, collectNews } from './reported.ts';
import { ingestIopcTables } from './tables.ts';

/** What an ingest run produces: file name → contents, plus what was wrong and what was left out. */
export interface IngestResult {
  files: Map<string, string>;
  problems: RowProblem[];
  skipped: Skipped[];
}

function jsonLines(items: unknown[]): string {
  return items.map((i) => JSON.stringify(i)).join('\n') + (items.length > 0 ? '\n' : '');
}

/** Reads JSON lines with a schema; the curated files are already checked by the data check. */
function curated<T>(dataDir: string, name: string, schema: z.ZodType<T>): T[] {
  return readFileSync(join(dataDir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => schema.parse(JSON.parse(l)));
}

const ForceRow = z.object({
  force_id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a force id'),
  official_name: z.string().min(1),
  iopc_table_label: z.string(),
  in_iopc_complaints_stats: z.enum(['yes', 'no']),
});

/** Forces out of the product's scope, as the data README explains. */
const OUT_OF_SCOPE = new Set(['northern-ireland']);

/** forces.csv against the register: every in-scope force present, its name and IOPC label known. */
function checkForces(dir: string, names: ForceNames, problems: RowProblem[]): void {
  const file = 'forces.csv';
  for (const { row, value } of readRows(dir, file, ForceRow, problems)) {
    if (OUT_OF_SCOPE.has(value.force_id)) continue;
    if (!names.ids.has(value.force_id)) {
      problems.push({ file, row, message: `force "${value.force_id}" is not in data/forces.jsonl` });
      continue;
    }
    for (const name of [value.official_name, value.iopc_table_label].filter((n) => n !== ''))
      if (names.find(name) !== value.force_id) problems.push({ file, row, message: `"${name}" is not a name of "${value.force_id}" in data/forces.jsonl` });
  }
}

/** The summary after the rows: how many rows each reason left out, most first (ties by reason). */
function reasonCounts(reasons: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const sorted = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return ['', `# Lines above per reason (${reasons.length} in all)`, ...sorted.map(([reason, n]) => `# ${n}\t${reason}`)];
}

/**
 * Ingests `sharedDir` against the curated data in `dataDir` (its force register and seed articles).
 * Problems are rows that could not be read or checked; skipped rows were read and deliberately left out.
 */
export function ingest(sharedDir: string, dataDir: string): IngestResult {
  const register = curated(dataDir, 'forces.jsonl', Force);
  const seeds = curated(dataDir, 'sources.jsonl', SourceMeta).map((s) => s.url);
  const names = new ForceNames(register);
  const out = new Collector(names);
  checkForces(sharedDir, names, out.problems);
  ingestIopcTables(sharedDir, out);
  // Some addresses hold both national and force figures: one document each, so read both first.
  addReports(out, [...collectNational(sharedDir, out, seeds), ...collectNews(sharedDir, out, seeds)]);
  ingestCaseToAnswer(sharedDir, out);
  ingestWorkforce(sharedDir, out);
  ingestRecommendations(sharedDir, out);
  const rows = [
    ...out.problems.map((p) => ({ at: `${p.file}:${p.row}`, reason: `bad row: ${p.message}` })),
    ...out.skipped.map((s) => ({ at: `${s.file}:${s.row}`, reason: s.reason })),
  ];
  const report = `${[
    '# Rows of ../shared/data read but not ingested, and why (written by npm run data:ingest)',
    ...rows.map((r) => `${r.at}\t${r.reason}`),
    ...reasonCounts(rows.map((r) => r.reason)),
  ].join('\n')}\n`;
  const files = new Map<string, string>([
    ['sources.jsonl', jsonLines(out.sources)],
    ['figures.jsonl', jsonLines(out.figures)],
    ['unreadable.jsonl', jsonLines(out.unreadable)],
    ['skipped.tsv', report],
  ]);
  return { files, problems: out.problems, skipped: out.skipped };
}
