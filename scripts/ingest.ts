/**
 * `npm run data:ingest [-- --from <dir>] [--check]`: turns the shared source data (../shared/data
 * beside the repository by default) into `data/ingested/*.jsonl`, which is committed so the engine
 * never reads the shared folder at runtime. Bad rows are listed as file:row (on standard error and in
 * `skipped.tsv`) and left out; `--strict` makes any bad row fail the run. `--check` writes nothing
 * and fails when the committed files differ from a fresh run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ingest } from './ingest/build.ts';
import { formatRowProblem } from './ingest/csv.ts';

/** The shared data folder, found from this file rather than the working directory. */
export const DEFAULT_SHARED_DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

const Args = z.object({ from: z.string().min(1), check: z.boolean(), strict: z.boolean() });

function parseArgs(argv: string[]): z.infer<typeof Args> {
  const at = argv.indexOf('--from');
  return Args.parse({ from: at >= 0 ? argv[at + 1] : DEFAULT_SHARED_DIR, check: argv.includes('--check'), strict: argv.includes('--strict') });
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.from)) {
    process.stderr.write(`No shared data at ${args.from}: pass --from <dir>.\n`);
    process.exitCode = 2;
    return;
  }
  const { files, problems, skipped } = ingest(args.from, DATA_DIR);
  for (const p of problems) process.stderr.write(`${formatRowProblem(p)}\n`);
  const outDir = join(DATA_DIR, 'ingested');
  if (args.check) {
    const stale = [...files].filter(([name, text]) => !existsSync(join(outDir, name)) || readFileSync(join(outDir, name), 'utf8') !== text).map(([n]) => n);
    if (stale.length > 0) process.stderr.write(`Out of date: ${stale.join(', ')}. Run npm run data:ingest.\n`);
    process.exitCode = stale.length > 0 || (args.strict && problems.length > 0) ? 1 : 0;
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  const count = (name: string) => (files.get(name) ?? '').split('\n').filter((l) => l.trim() !== '').length;
  process.stdout.write(
    `Wrote data/ingested: ${count('sources.jsonl')} sources, ${count('figures.jsonl')} figures, ${skipped.length} rows left out (see skipped.tsv); ${problems.length} bad rows left out (listed above).\n`,
  );
  if (args.strict && problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
