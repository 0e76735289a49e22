/**
 * `npm run index:build [-- --data <folder>] [--out <file>]`: validates the data and saves its passage
 * index, so an engine started with `indexFile` loads it instead of tokenising and stemming every
 * passage. The file records what it was built from; an engine given a stale one builds as usual.
 */
import { join } from 'node:path';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { writePassageIndexFile } from '../../src/search/index-file.ts';
import { PassageIndex } from '../../src/search/passages.ts';
import { describeStartupError } from '../shared/startup-error.ts';

/** Where the index goes unless `--out` says otherwise: beside the data it indexes. */
export const DEFAULT_INDEX_FILE = 'passage-index.json';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

try {
  const dir = option('--data') ?? BUNDLED_DATA_DIR;
  const out = option('--out') ?? join(dir, DEFAULT_INDEX_FILE);
  const started = performance.now();
  const { documents } = loadDataset(dir);
  const index = new PassageIndex(documents);
  writePassageIndexFile(out, index, documents);
  process.stdout.write(`Passage index of ${documents.length} documents written to ${out} in ${Math.round(performance.now() - started)} ms.\n`);
} catch (error) {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
}
