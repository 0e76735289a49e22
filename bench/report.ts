/**
 * The benchmark's report: tables for the terminal and the same tables as Markdown for
 * BENCHMARKS.md, where they replace only the part between the results markers, so the written
 * analysis around them survives each run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { TARGETS, type BenchResult } from './bench.ts';
import type { RowResult } from './answering.ts';
import type { ProfileSummary } from './profile.ts';
import { QUESTIONS, type RowName } from './questions.ts';
import type { SizeResult } from './scale.ts';
import { slackErrors } from './slack.ts';

export const RESULTS_START = '<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** A missed target: shouted in the terminal, bold in Markdown. */
const MISSED = 'MISSED';

interface Table {
  title?: string;
  headers: string[];
  rows: string[][];
  /** Right-aligned columns (numbers). */
  right: number[];
}

/** A block of the report: a table, or lines of text. */
type Block = { table: Table } | { text: string[] };

/** "0.128", "1.52", "60.5", "1,234": milliseconds to about three significant digits. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-GB');
}

function seconds(msValue: number | undefined): string {
  if (msValue === undefined || Number.isNaN(msValue)) return '—';
  return msValue < 10_000 ? `${(msValue / 1000).toFixed(2)} s` : `${(msValue / 1000).toFixed(1)} s`;
}

function mb(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return '—';
  return `${(bytes / 2 ** 20).toLocaleString('en-GB', { maximumFractionDigits: bytes < 10 * 2 ** 20 ? 1 : 0 })} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0) return '—';
  const r = a / b;
  return `${r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-GB')}×`;
}

function rowOf(size: SizeResult, row: RowName): RowResult | undefined {
  return size.rows.find((r) => r.row === row);
}

/** How cost grew over a tenfold step in documents: what the report calls faster than linear. */
function growth(from: number | undefined, to: number | undefined, docsFactor: number): string {
  if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to) || from === 0) return '—';
  const r = to / from;
  if (r > docsFactor * 1.5) return 'faster than linear';
  if (r > docsFactor / 1.5) return 'about linear';
  if (r > 1.5) return 'slower than linear';
  return 'flat';
}

/** The hot path in one line: the deepest of our functions still holding at least half the time
 * (below the engine's entry points), and the function with the most self time. */
function hotLine(profile: ProfileSummary | undefined): string {
  if (!profile) return '';
  const own = profile.own.filter((f) => f.totalShare >= 0.5).at(-1) ?? profile.own[0];
  const hot = profile.hot[0];
  const parts: string[] = [];
  if (own) parts.push(`${own.name}: ${(own.totalShare * 100).toFixed(0)}% of the time`);
  if (hot) parts.push(`hottest self time: ${hot.name} ${(hot.selfShare * 100).toFixed(0)}%`);
  return parts.join('; ');
}

function targetsBlock(result: BenchResult): Block {
  const rows: string[][] = [];
  const bundled = result.scale.find((s) => s.label === 'bundled');
  const tenK = result.scale.find((s) => s.documents === 10_000);
  const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : MISSED);
  const worst = (size: SizeResult | undefined, key: 'p50' | 'p99') => {
    const rs = (size?.rows ?? []).filter((r) => r.stats.n > 0);
    return rs.reduce<RowResult | undefined>((w, r) => (w === undefined || r.stats[key] > w.stats[key] ? r : w), undefined);
  };
  const bundledP50 = worst(bundled, 'p50');
  const bundledP99 = worst(bundled, 'p99');
  rows.push([`bundled: p50 < ${TARGETS.bundled.p50} ms, every row`, bundledP50 ? `slowest: ${bundledP50.row} ${ms(bundledP50.stats.p50)} ms` : '—', met(bundledP50 && bundledP50.stats.p50 < TARGETS.bundled.p50)]);
  rows.push([`bundled: p99 < ${TARGETS.bundled.p99} ms, every row`, bundledP99 ? `slowest: ${bundledP99.row} ${ms(bundledP99.stats.p99)} ms` : '—', met(bundledP99 && bundledP99.stats.p99 < TARGETS.bundled.p99)]);
  const tenKP99 = worst(tenK, 'p99');
  const over = (tenK?.rows ?? []).filter((r) => r.stats.p99 >= TARGETS.tenThousand.p99).map((r) => r.row);
  rows.push([
    `10,000 docs: p99 < ${TARGETS.tenThousand.p99} ms, every row`,
    tenKP99 ? `slowest: ${tenKP99.row} ${ms(tenKP99.stats.p99)} ms${over.length > 0 ? `; over: ${over.join(', ')}` : ''}` : '—',
    met(tenK && tenKP99 ? tenKP99.stats.p99 < TARGETS.tenThousand.p99 && !tenK.stopped : undefined),
  ]);
  const startTenK = result.startup?.cases.find((c) => c.documents === 10_000 && c.label.endsWith('docs'));
  const startTenKIndex = result.startup?.cases.find((c) => c.documents === 10_000 && c.label.includes('saved files'));
  rows.push(['10,000 docs: process start → ready < 3 s', startTenK ? seconds(startTenK.startToReadyMs) : '—', met(startTenK ? startTenK.startToReadyMs < TARGETS.tenThousand.readyMs : undefined)]);
  rows.push([
    '10,000 docs: ready < 1 s from saved files',
    startTenKIndex ? `${seconds(startTenKIndex.startToReadyMs)}${startTenKIndex.indexFromFile ? '' : ' (index file not used!)'}` : '—',
    met(startTenKIndex ? startTenKIndex.startToReadyMs < TARGETS.tenThousand.readyFromIndexMs && startTenKIndex.indexFromFile : undefined),
  ]);
  const rss = tenK?.load?.memory.rss;
  rows.push(['10,000 docs: RSS < 150 MB', rss === undefined ? '—' : `${mb(rss)} with the index complete (${mb(tenK?.load?.memory.rssAfterGc)} after GC)`, met(rss === undefined ? undefined : rss < TARGETS.tenThousand.rssBytes)]);
  const slack = result.slack?.levels.find((l) => l.connections === TARGETS.slack.connections && l.rate === undefined);
  rows.push(['Slack, 200 connections: 0 errors', slack ? count(slackErrors(slack)) : '—', met(slack ? slackErrors(slack) === 0 : undefined)]);
  rows.push(['Slack, 200 connections: p99 ack < 100 ms', slack ? `${ms(slack.ack.p99)} ms` : '—', met(slack ? slack.ack.p99 < TARGETS.slack.ackP99 : undefined)]);
  return { table: { title: 'Targets', headers: ['target', 'measured', ''], rows, right: [] } };
}

function bundledBlock(result: BenchResult): Block[] {
  const bundled = result.scale.find((s) => s.label === 'bundled');
  if (!bundled) return [];
  const rows = bundled.rows.map((r) => [
    r.row,
    ms(r.stats.p50),
    ms(r.stats.p95),
    ms(r.stats.p99),
    ms(r.stats.max),
    count(Math.round(r.stats.qps)),
    count(r.stats.n),
    String(QUESTIONS[r.row].length),
  ]);
  const blocks: Block[] = [
    {
      table: {
        title: `1. In-process answering, bundled data (${count(bundled.documents)} documents, ${count(bundled.figures)} figures)`,
        headers: ['question type', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'answers/s, 1 core', 'answers timed', 'questions'],
        rows,
        right: [1, 2, 3, 4, 5, 6, 7],
      },
    },
  ];
  blocks.push(...checkNotes([bundled]));
  const profiled = bundled.rows.filter((r) => r.profile);
  if (profiled.length > 0)
    blocks.push({ text: ['Profiled (rows missing a bundled target):', ...profiled.map((r) => `- ${r.row}: ${hotLine(r.profile)}`)] });
  return blocks;
}

/** Questions that took another path than their row measures, and answers that failed. */
function checkNotes(sizes: SizeResult[]): Block[] {
  const lines: string[] = [];
  for (const size of sizes)
    for (const r of size.rows) {
      for (const u of r.unexpected) lines.push(`- ${size.label}, ${r.row}: answered as ${u.split(' → ')[1] ?? u} — “${u.split(' → ')[0] ?? ''}”`);
      for (const e of r.errors) lines.push(`- ${size.label}, ${r.row}: ERROR ${e}`);
    }
  return lines.length === 0 ? [] : [{ text: ['Answers of another type than their row, or failed:', ...lines] }];
}

function scaleBlocks(result: BenchResult): Block[] {
  const sizes = result.scale;
  if (sizes.length === 0) return [];
  const heads = sizes.map((s) => s.label);
  const phase = (s: SizeResult, name: string) => s.load?.profile?.phases?.[name];
  const summary: string[][] = [
    ['documents', ...sizes.map((s) => count(s.documents))],
    ['figures', ...sizes.map((s) => count(s.figures))],
    ['source text', ...sizes.map((s) => mb(s.textBytes))],
    ['corpus generation', ...sizes.map((s) => (s.corpus ? (s.corpus.cached ? 'cached' : seconds(s.corpus.generatedMs)) : '—'))],
    ['process start → ready', ...sizes.map((s) => seconds(s.startToReadyMs))],
    ['loadEngine()', ...sizes.map((s) => seconds(s.load?.loadMs))],
    ['  read + validate data', ...sizes.map((s) => seconds(phase(s, 'loadDataset')))],
    ['  figure table', ...sizes.map((s) => seconds(phase(s, 'FigureStore')))],
    ['  passage index, first tiers', ...sizes.map((s) => seconds(phase(s, 'loadOrBuildPassageIndex')))],
    ['passage index complete (after ready)', ...sizes.map((s) => seconds(s.load?.indexedMs))],
    ['RSS, index complete', ...sizes.map((s) => mb(s.load?.memory.rss))],
    ['heap used after GC', ...sizes.map((s) => mb(s.load?.memory.heapUsedAfterGc))],
    ['peak RSS', ...sizes.map((s) => mb(s.load?.memory.peakRss))],
  ];
  const blocks: Block[] = [
    {
      table: {
        title: '2. Scale: generated corpora (10 figures a document), each size in a child process of its own',
        headers: ['', ...heads],
        rows: summary,
        right: heads.map((_, i) => i + 1),
      },
    },
    { text: ['Load phases are read from a sampling profile of the load (1 ms interval, a few per cent of overhead).'] },
  ];
  const rows = sizes[0]?.rows.map((r) => r.row) ?? [];
  const last = sizes.at(-1);
  const bundled = sizes[0];
  const tenK = sizes.find((s) => s.documents === 10_000);
  const oneK = sizes.find((s) => s.documents === 1_000);
  const latency = (key: 'p50' | 'p99'): Block => ({
    table: {
      title: `Answer latency ${key} (ms) by size, with growth measured in the same run`,
      headers: ['question type', ...heads, `${last?.label ?? ''} ÷ bundled`, '1k → 10k', '10k → 100k'],
      rows: rows.map((row) => {
        const v = (s: SizeResult | undefined) => (s ? rowOf(s, row)?.stats[key] : undefined);
        return [
          row,
          ...sizes.map((s) => {
            const r = rowOf(s, row);
            if (!r) return s.stopped ? 'stopped' : '—';
            return r.stats.n === 0 ? 'error' : ms(r.stats[key]);
          }),
          ratio(v(last), v(bundled)),
          `${ratio(v(tenK), v(oneK))} (${growth(v(oneK), v(tenK), 10)})`,
          `${ratio(v(last), v(tenK))} (${growth(v(tenK), v(last), 10)})`,
        ];
      }),
      right: [...heads.map((_, i) => i + 1), heads.length + 1],
    },
  });
  blocks.push(latency('p50'), latency('p99'));
  blocks.push({
    table: {
      title: 'Answer size: citations and characters of text (median over the row’s questions)',
      headers: ['question type', ...heads.map((h) => `${h} citations`), ...heads.map((h) => `${h} chars`)],
      rows: rows.map((row) => [
        row,
        ...sizes.map((s) => (rowOf(s, row) ? count(rowOf(s, row)?.citations ?? 0) : '—')),
        ...sizes.map((s) => (rowOf(s, row) ? count(rowOf(s, row)?.textChars ?? 0) : '—')),
      ]),
      right: [...heads.map((_, i) => i + 1), ...heads.map((_, i) => heads.length + i + 1)],
    },
  });
  blocks.push({
    table: {
      title: 'Throughput (answers per second, one core) and samples',
      headers: ['question type', ...heads.map((h) => `${h} answers/s`), ...heads.map((h) => `${h} n`)],
      rows: rows.map((row) => [
        row,
        ...sizes.map((s) => (rowOf(s, row) ? count(Math.round(rowOf(s, row)?.stats.qps ?? 0)) : '—')),
        ...sizes.map((s) => (rowOf(s, row) ? count(rowOf(s, row)?.stats.n ?? 0) : '—')),
      ]),
      right: [...heads.map((_, i) => i + 1), ...heads.map((_, i) => heads.length + i + 1)],
    },
  });
  const hot: string[] = [];
  for (const s of sizes) {
    if (s.documents >= 10_000 && s.load?.profile) hot.push(`- ${s.label}, load: ${hotLine(s.load.profile)}`);
    for (const r of s.rows) if (r.profile && s.label !== 'bundled') hot.push(`- ${s.label}, ${r.row}: ${hotLine(r.profile)}`);
  }
  if (hot.length > 0) blocks.push({ text: ['Where the time goes (sampling profiles of rows missing their target, taken apart from the timed runs):', ...hot] });
  const stops = sizes.filter((s) => s.stopped !== undefined || s.failure !== undefined).map((s) => `- ${s.label}: ${s.stopped ?? `failed: ${s.failure ?? ''}`}`);
  if (stops.length > 0) blocks.push({ text: ['Stopped or failed (rows after the stop were not measured at that size):', ...stops] });
  blocks.push(...checkNotes(sizes.filter((s) => s.label !== 'bundled')));
  return blocks;
}

function startupBlocks(result: BenchResult): Block[] {
  const startup = result.startup;
  if (!startup) return [];
  const blocks: Block[] = [
    {
      table: {
        title: '3. Start-up: process start → engine ready (a fresh Node process running the engine bundled as `npm start` bundles the bot)',
        headers: ['case', 'runs', 'start → ready (median)', 'each run', 'Node + imports', 'load', 'RSS at ready', 'heap after GC', 'index from file'],
        rows: startup.cases.map((c) => [
          c.label,
          String(c.runs),
          seconds(c.startToReadyMs),
          c.all.map((v) => ms(v)).join(', '),
          seconds(c.importedMs),
          seconds(c.loadMs),
          mb(c.rss),
          mb(c.heapUsedAfterGc),
          c.indexFromFile ? 'yes' : 'no',
        ]),
        right: [1, 2, 4, 5, 6, 7],
      },
    },
  ];
  const npm = startup.npmStart;
  if (npm)
    blocks.push({
      table: {
        title: '`npm start` with no credentials: the real entry point (dist/start.js, the start script’s Node flags), spawn → the terminal chat’s prompt',
        headers: ['runs', 'build step', 'start → prompt (median)', 'each run', 'RSS at the prompt'],
        rows: [[String(npm.runs), seconds(npm.buildMs), seconds(npm.toPromptMs), npm.all.map((v) => ms(v)).join(', '), mb(npm.rss)]],
        right: [0, 1, 2, 4],
      },
    });
  const phaseNames = [...new Set(startup.cases.flatMap((c) => Object.keys(c.phases ?? {})))];
  if (phaseNames.length > 0)
    blocks.push({
      table: {
        title: 'Load phases, timed one by one in a separate start (live heap after each in brackets)',
        headers: ['case', ...phaseNames],
        rows: startup.cases.map((c) => [c.label, ...phaseNames.map((p) => `${seconds(c.phases?.[p])} (${mb(c.heapAfter?.[p])})`)]),
        right: phaseNames.map((_, i) => i + 1),
      },
    });
  const notes = [`Saving the passage index (\`npm run index:build\`, the whole command): ${seconds(startup.indexBuildMs)}.`];
  if (startup.failure) notes.push(`Failed: ${startup.failure}`);
  if (npm?.failure) notes.push(`- npm start: failed: ${npm.failure}`);
  for (const c of startup.cases) if (c.failure) notes.push(`- ${c.label}: failed: ${c.failure}`);
  blocks.push({ text: notes });
  return blocks;
}

function slackBlocks(result: BenchResult): Block[] {
  const slack = result.slack;
  if (!slack) return [];
  const blocks: Block[] = [
    {
      table: {
        title: '4. Slack end to end: signed app_mention events → real Bolt app on loopback → local Slack Web API',
        headers: ['connections', 'load', 'requests', 'seconds', 'acks/s', 'ack p50 ms', 'ack p99 ms', 'ack max ms', 'reply p50 ms', 'reply p99 ms', 'errors', 'of which'],
        rows: slack.levels.map((l) => [
          String(l.connections),
          l.rate === undefined ? 'as fast as acked' : `${l.rate} events/s`,
          count(l.responses),
          l.seconds.toFixed(1),
          count(Math.round(l.throughput)),
          ms(l.ack.p50),
          ms(l.ack.p99),
          ms(l.ack.max),
          ms(l.reply.p50),
          ms(l.reply.p99),
          count(slackErrors(l)),
          `non-2xx ${l.errors.non2xx}, transport ${l.errors.transport} (timeouts ${l.errors.timeouts}), no reply ${l.errors.noReply}, failure replies ${l.errors.failedReplies}`,
        ]),
        right: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      },
    },
    {
      text: [
        'Ack: the HTTP response to the event (autocannon’s latency). Reply: from building the request to the answer’s last chat.postMessage reaching the local Web API.',
      ],
    },
  ];
  if (slack.failure) blocks.push({ text: [`Failed: ${slack.failure}`] });
  const profile = slack.profiled?.profile;
  if (profile)
    blocks.push({
      text: [
        `Profile of the adapter process over a separate run at ${slack.profiled?.levels[0]?.connections ?? '?'} connections (${seconds(profile.ms)} of samples):`,
        `- hottest self time: ${profile.hot.slice(0, 8).map((h) => `${h.name} ${(h.selfShare * 100).toFixed(1)}%`).join('; ')}`,
        `- our code, total time: ${profile.own.slice(0, 6).map((h) => `${h.name} ${(h.totalShare * 100).toFixed(1)}%`).join('; ')}`,
      ],
    });
  return blocks;
}

function headerBlock(result: BenchResult, command: string): Block {
  const m = result.machine;
  const minutes = (result.finishedAt.getTime() - result.startedAt.getTime()) / 60_000;
  return {
    text: [
      `- Command: \`${command}\` (${result.preset} preset), seed \`${result.seed}\``,
      `- Date: ${result.startedAt.toISOString()} (took ${minutes.toFixed(1)} minutes)`,
      `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB memory (${m.freeMemoryGiB.toFixed(0)} GiB free), ${m.os}; Node ${m.node}; load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(', ')}`,
      `- Code: ${m.commit}`,
      '- Method: each row’s questions asked round-robin, one answer timed at a time (process.hrtime), after warm-up; medians of several runs; every answer checked for its expected type and status.',
    ],
  };
}

function renderTable(t: Table, markdown: boolean): string[] {
  const out: string[] = [];
  if (markdown) {
    if (t.title) out.push(`#### ${t.title}`, '');
    out.push(`| ${t.headers.join(' | ')} |`);
    out.push(`| ${t.headers.map((_, i) => (t.right.includes(i) ? '---:' : '---')).join(' | ')} |`);
    for (const r of t.rows) out.push(`| ${r.map((c) => (c === MISSED ? '**missed**' : c.replace(/\|/g, '\\|'))).join(' | ')} |`);
    return out;
  }
  if (t.title) out.push(t.title);
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (t.right.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  out.push(line(t.headers), widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of t.rows) out.push(line(r));
  return out;
}

function blocks(result: BenchResult, command: string): Block[] {
  return [headerBlock(result, command), targetsBlock(result), ...bundledBlock(result), ...scaleBlocks(result), ...startupBlocks(result), ...slackBlocks(result)];
}

function render(result: BenchResult, command: string, markdown: boolean): string {
  return blocks(result, command)
    .map((b) => ('table' in b ? renderTable(b.table, markdown) : b.text).join('\n'))
    .join('\n\n');
}

/** The report as the terminal shows it. */
export function textReport(result: BenchResult, command: string): string {
  return render(result, command, false);
}

/** The report as Markdown, for BENCHMARKS.md. */
export function markdownReport(result: BenchResult, command: string): string {
  return render(result, command, true);
}

/** Writes the results into `path` between the markers, keeping everything else in the file. */
export function writeResults(path: string, result: BenchResult, command: string): void {
  const body = `${RESULTS_START}\n\n## Latest results\n\n${markdownReport(result, command)}\n\n${RESULTS_END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next = start >= 0 && end > start ? current.slice(0, start) + body + current.slice(end + RESULTS_END.length) : `${current.trimEnd()}\n\n${body}\n`;
  writeFileSync(path, next);
}
