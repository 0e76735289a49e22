/**
 * `npm run data:check [-- --data <folder>]`: validates every data file and lists every problem with
 * its file and line; exits non-zero when there is any.
 */
import { inspectDataset, formatProblem } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';

const at = process.argv.indexOf('--data');
const dir = at >= 0 ? (process.argv[at + 1] ?? BUNDLED_DATA_DIR) : BUNDLED_DATA_DIR;
const { dataset, problems } = inspectDataset(dir);
if (problems.length > 0) {
  process.stderr.write(`${problems.map(formatProblem).join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} found.\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `Data OK: ${dataset.documents.length} documents, ${dataset.figures.length} figures, ${dataset.metrics.length} metrics, ${dataset.forces.length} forces and areas; every quote found verbatim in its source and stating its value.\n`,
  );
}
