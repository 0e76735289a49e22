/**
 * Draws one chart as a PNG and prints its size, then lets the process end by itself (no
 * `process.exit`): the render worker, idle, must not hold it open. Run from the sources (tsx) and
 * bundled, by test/chart/worker.test.ts.
 */
import { loadChartRenderer } from '../../../src/chart/index.ts';
import { TREND } from './specs.ts';

const png = await (await loadChartRenderer()).png(TREND);
process.stdout.write(`drew ${png.length} bytes, signature ${png.subarray(1, 4).toString('latin1')}\n`);
