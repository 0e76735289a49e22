/**
 * `npm run index:build [-- --data <folder>] [--out <file>] [--snapshot <file>]`: validates the data,
 * then saves a snapshot of the validated dataset and its passage index (by default both beside the
 * data), so an engine started with `snapshotFile` and `indexFile` reads them instead of checking every
 * file and tokenising and stemming every passage. Each file records what it was made from; an engine
 * given a stale one validates or builds as usual.
 */
import { dirname } from 'node:path';
import { writeDatasetSnapshot } from '../../src/data/snapshot.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { writePassageIndexFile } from '../../src/search/index-file.ts';
import { PassageIndex } from '../../src/search/passages.ts';
import { savedFilePaths } from '../shared/saved-files.ts';
import { describeStartupError } from '../shared/startup-error.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

try {
  const dir = option('--data') ?? BUNDLED_DATA_DIR;
  const out = option('--out') ?? savedFilePaths(dir).indexFile;
  // The snapshot goes beside the index unless told otherwise, so the two travel together.
  const snapshot = option('--snapshot') ?? savedFilePaths(dirname(out)).snapshotFile;
  const started = performance.now();
  const { dataset, fingerprint } = writeDatasetSnapshot(dir, snapshot);
  const { documents, figures } = dataset;
  const index = new PassageIndex(documents);
  writePassageIndexFile(out, index, documents, fingerprint);
  process.stdout.write(
    `Dataset snapshot of ${documents.length} documents and ${figures.length} figures written to ${snapshot}; passage index written to ${out}; in ${Math.round(performance.now() - started)} ms.\n`,
  );
} catch (error) {
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exitCode = 1;
}
