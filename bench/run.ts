/**
 * `npm run bench` (about 13 minutes on the busy 2-core machine) and `npm run bench:smoke` (under a
 * minute): runs the benchmark, prints the report, and (full run) writes it into BENCHMARKS.md.
 *
 *   --smoke              tiny sizes and counts, nothing written unless --out is given
 *   --sections=a,b       scale, chart, startup, slack (default: all)
 *   --sizes=1000,10000   generated corpus sizes in documents (default 1000,10000,100000)
 *   --slack-connections=1,200  only the Slack levels with these numbers of connections (both ways)
 *   --seed=TEXT          corpus seed (default forcewatch)
 *   --fresh              regenerate corpora instead of reusing the cached ones
 *   --out=FILE           write the report there (default BENCHMARKS.md for the full run)
 *   --no-write           print only
 */
import { fileURLToPath } from 'node:url';
import { fullOptions, runBench, smokeOptions, type Section } from './bench.ts';
import { textReport, writeResults } from './report.ts';

const SECTIONS: readonly Section[] = ['scale', 'chart', 'startup', 'slack'];

function value(name: string): string | undefined {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg?.slice(name.length + 3);
}

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

const known = ['smoke', 'fresh', 'no-write', 'sections', 'sizes', 'slack-connections', 'seed', 'out'];
const unknown = process.argv.slice(2).filter((a) => !known.some((k) => a === `--${k}` || a.startsWith(`--${k}=`)));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')} (see the header of bench/run.ts)\n`);
  process.exit(2);
}

const smoke = flag('smoke');
const options = smoke ? smokeOptions() : fullOptions();
const sections = value('sections');
if (sections !== undefined) {
  const chosen = sections.split(',').map((s) => s.trim());
  const bad = chosen.filter((s) => !SECTIONS.includes(s as Section));
  if (bad.length > 0) {
    process.stderr.write(`bench: unknown section ${bad.join(', ')}; choose from ${SECTIONS.join(', ')}\n`);
    process.exit(2);
  }
  options.sections = SECTIONS.filter((s) => chosen.includes(s));
}
const sizes = value('sizes');
if (sizes !== undefined)
  options.sizes = sizes
    .split(',')
    .map((s) => Number(s.replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
const slackConnections = value('slack-connections');
if (slackConnections !== undefined) {
  const chosen = slackConnections.split(',').map(Number);
  options.slack.levels = options.slack.levels.filter((level) => chosen.includes(level.connections));
  if (options.slack.levels.length === 0) {
    process.stderr.write(`bench: no Slack level has ${slackConnections} connections\n`);
    process.exit(2);
  }
}
options.seed = value('seed') ?? options.seed;
options.fresh = flag('fresh');
const started = Date.now();
options.onProgress = (line) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const args = process.argv.slice(2);
const command = `npm run ${smoke ? 'bench:smoke' : 'bench'}${args.filter((a) => a !== '--smoke').length > 0 ? ` -- ${args.filter((a) => a !== '--smoke').join(' ')}` : ''}`;
const result = await runBench(options);
process.stdout.write(`\n${textReport(result, command)}\n`);

const out = value('out') ?? (smoke ? undefined : fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)));
if (out !== undefined && !flag('no-write')) {
  writeResults(out, result, command);
  process.stderr.write(`Results written to ${out}\n`);
}
