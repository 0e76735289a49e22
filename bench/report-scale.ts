/**
 * The report's answering sections: the question set on the bundled data, row by row, and at each
 * corpus size, with load time, memory, latency by row and the slowest questions.
 */
import { ALL_ROW, PARSER_ROW, ROW_ORDER, SEARCH_ROW, type RowResult, type SetResult } from './answering.ts';
import type { BenchResult } from './bench.ts';
import { count, growth, hotLine, mb, ms, ratio, seconds, type Block } from './report-format.ts';
import type { SizeResult } from './scale.ts';

/** A row of a size's set: a type of answer, every question, or the parser. */
export function rowOf(set: SetResult | undefined, row: string): RowResult | undefined {
  if (set === undefined) return undefined;
  if (row === ALL_ROW) return set.all;
  if (row === PARSER_ROW) return set.parser;
  if (row === SEARCH_ROW) return set.search;
  return set.rows.find((r) => r.row === row);
}

/** Every row any size measured, in report order, then every question, the parser and the searches. */
function rowNames(sizes: readonly SizeResult[]): string[] {
  const seen = new Set(sizes.flatMap((s) => s.set?.rows.map((r) => r.row) ?? []));
  const rank = (row: string) => (ROW_ORDER.includes(row) ? ROW_ORDER.indexOf(row) : ROW_ORDER.length);
  return [...[...seen].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)), ALL_ROW, PARSER_ROW, SEARCH_ROW];
}

function slowestLines(size: SizeResult): string[] {
  return (size.set?.slowest ?? []).map((q, i) => `${i + 1}. ${ms(q.ms)} ms (${q.row}): “${q.question}”`);
}

/** Answers that failed, and sizes the watchdog stopped. */
function problemNotes(sizes: readonly SizeResult[]): Block[] {
  const lines = sizes.flatMap((s) => [
    ...(s.set?.errors ?? []).map((e) => `- ${s.label}: ERROR ${e}`),
    ...(s.stopped !== undefined || s.failure !== undefined ? [`- ${s.label}: ${s.stopped ?? `failed: ${s.failure ?? ''}`}`] : []),
  ]);
  return lines.length === 0 ? [] : [{ text: ['Failed answers, and sizes stopped or failed:', ...lines] }];
}

export function bundledBlock(result: BenchResult): Block[] {
  const bundled = result.scale.find((s) => s.label === 'bundled');
  const set = bundled?.set;
  if (!bundled || !set) return [];
  const rows = rowNames([bundled]).flatMap((name) => {
    const r = rowOf(set, name);
    return r
      ? [[r.row, count(r.questions), ms(r.stats.p50), ms(r.stats.p95), ms(r.stats.p99), ms(r.stats.max), count(Math.round(r.stats.qps)), count(r.stats.n)]]
      : [];
  });
  const blocks: Block[] = [
    {
      table: {
        title: `1. In-process answering, bundled data (${count(bundled.documents)} documents, ${count(bundled.figures)} figures): ${count(set.questions)} questions, ${set.passes} timed pass${set.passes === 1 ? '' : 'es'}`,
        headers: ['type of answer', 'questions', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'answers/s, 1 core', 'answers timed'],
        rows,
        right: [1, 2, 3, 4, 5, 6, 7],
      },
    },
    { text: ['The ten slowest questions (median over the passes):', ...slowestLines(bundled)] },
  ];
  if (set.profile) blocks.push({ text: [`Profiled (the set missed a bundled target): ${hotLine(set.profile)}`] });
  return blocks;
}

/** The cost of drawing an answer's chart, beside the answering rows (median of the runs' percentiles). */
export function chartBlocks(result: BenchResult): Block[] {
  const chart = result.chart;
  if (!chart) return [];
  if (chart.failure !== undefined) return [{ text: [`Charts: failed: ${chart.failure}`] }];
  return [
    {
      table: {
        title: `Charts of answers (a trend, a ranking, a comparison), one at a time; the first, loading the libraries on demand, took ${ms(chart.firstChartMs)} ms`,
        headers: ['drawing', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'charts timed'],
        rows: chart.rows.map(({ row, stats }) => [row, ms(stats.p50), ms(stats.p95), ms(stats.p99), ms(stats.max), count(stats.n)]),
        right: [1, 2, 3, 4, 5],
      },
    },
  ];
}

export function scaleBlocks(result: BenchResult): Block[] {
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
    ['RSS after the question set', ...sizes.map((s) => mb(s.afterSet?.rss))],
    ['heap used after the set, after GC', ...sizes.map((s) => mb(s.afterSet?.heapUsedAfterGc))],
    ['peak RSS', ...sizes.map((s) => mb(s.afterSet?.peakRss ?? s.load?.memory.peakRss))],
    [
      'full-text searches, a pass: tiers read, passages scored',
      ...sizes.map((s) => (s.set?.searchWork ? `${count(s.set.searchWork.tiers)}, ${count(s.set.searchWork.scored)}` : '—')),
    ],
    ['questions asked (timed passes)', ...sizes.map((s) => (s.set ? `${count(s.set.questions)} (${s.set.passes})` : '—'))],
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
  const names = rowNames(sizes);
  const last = sizes.at(-1);
  const bundled = sizes[0];
  const tenK = sizes.find((s) => s.documents === 10_000);
  const oneK = sizes.find((s) => s.documents === 1_000);
  const latency = (key: 'p50' | 'p99' | 'max'): Block => ({
    table: {
      title: `Answer latency ${key} (ms) by type of answer and size, with growth measured in the same run`,
      headers: ['type of answer', ...heads, `${last?.label ?? ''} ÷ bundled`, '1k → 10k', '10k → 100k'],
      rows: names.map((row) => {
        const v = (s: SizeResult | undefined) => rowOf(s?.set, row)?.stats[key];
        return [
          row,
          ...sizes.map((s) => {
            const r = rowOf(s.set, row);
            if (!r) return s.stopped ? 'stopped' : '—';
            return `${ms(r.stats[key])} (${count(r.questions)})`;
          }),
          ratio(v(last), v(bundled)),
          `${ratio(v(tenK), v(oneK))} (${growth(v(oneK), v(tenK), 10)})`,
          `${ratio(v(last), v(tenK))} (${growth(v(tenK), v(last), 10)})`,
        ];
      }),
      right: heads.map((_, i) => i + 1),
    },
  });
  blocks.push(latency('p50'), latency('p99'), latency('max'));
  blocks.push({
    text: [
      'In brackets: the questions answered with that type at that size (the generated corpora hold other figures than the bundled data, so the same question can be answered differently).',
    ],
  });
  for (const s of sizes.slice(1)) if (s.set) blocks.push({ text: [`The ten slowest questions at ${s.label} (median over the passes):`, ...slowestLines(s)] });
  blocks.push({
    table: {
      title: 'Answer size: citations and characters of text (median over the row’s questions)',
      headers: ['type of answer', ...heads.map((h) => `${h} citations`), ...heads.map((h) => `${h} chars`)],
      rows: names
        .filter((row) => row !== PARSER_ROW && row !== SEARCH_ROW)
        .map((row) => [
          row,
          ...sizes.map((s) => (rowOf(s.set, row) ? count(rowOf(s.set, row)?.citations ?? 0) : '—')),
          ...sizes.map((s) => (rowOf(s.set, row) ? count(rowOf(s.set, row)?.textChars ?? 0) : '—')),
        ]),
      right: [...heads.map((_, i) => i + 1), ...heads.map((_, i) => heads.length + i + 1)],
    },
  });
  const hot: string[] = [];
  for (const s of sizes) {
    if (s.documents >= 10_000 && s.load?.profile) hot.push(`- ${s.label}, load: ${hotLine(s.load.profile)}`);
    if (s.set?.profile && s.label !== 'bundled') hot.push(`- ${s.label}, the question set: ${hotLine(s.set.profile)}`);
  }
  if (hot.length > 0) blocks.push({ text: ['Where the time goes (sampling profiles of sizes missing a target, taken apart from the timed passes):', ...hot] });
  blocks.push(...problemNotes(sizes));
  return blocks;
}
