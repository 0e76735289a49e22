import { describe, expect, it } from 'vitest';
import { runBench, smokeOptions, type BenchOptions } from '../../bench/bench.ts';
import { ALL_ROW, PARSER_ROW, SEARCH_ROW } from '../../bench/answering.ts';
import { markdownReport, textReport } from '../../bench/report.ts';
import { slackErrors } from '../../bench/slack.ts';

// The benchmark's smoke mode, so `npm run bench` cannot rot unnoticed. No timing is asserted: this
// machine is shared and noisy, and the numbers belong in BENCHMARKS.md, not in a pass/fail test.

/** The types of answer the question set must reach on the bundled data, so every path is timed. */
const BUNDLED_ROWS = [
  'lookup',
  'share',
  'comparison',
  'change',
  'trend',
  'ranking',
  'recommendation',
  'definition',
  'statement',
  'overview',
  'force card',
  'no data',
  'unclear',
];

describe('the benchmark in smoke mode', () => {
  it('asks every question of the set on the bundled data and a generated corpus, in-process, with no errors', async () => {
    const options: BenchOptions = { ...smokeOptions(), isolate: false, sections: ['scale', 'chart', 'slack'], sizes: [60] };
    const result = await runBench(options);

    expect(result.scale.map((s) => s.label)).toEqual(['bundled', '60 docs']);
    for (const size of result.scale) {
      expect(size.failure).toBeUndefined();
      expect(size.stopped).toBeUndefined();
      expect(size.load?.documents).toBe(size.documents);
      const set = size.set;
      expect(set?.errors, size.label).toEqual([]);
      // What people ask: at least 200 questions at every size, each timed, and the parser alone.
      expect(set?.questions).toBeGreaterThanOrEqual(200);
      expect(set?.all.stats.n).toBe(set?.questions);
      expect(set?.parser.stats.n).toBeGreaterThan(0);
      // Full-text searches timed apart from the rest of each answer, and their work counted.
      expect(set?.search?.stats.n).toBeGreaterThan(0);
      expect(set?.searchWork?.scored).toBeGreaterThan(0);
      expect(set?.slowest).toHaveLength(10);
      for (const row of set?.rows ?? []) expect(row.stats.n, `${size.label}, ${row.row}`).toBeGreaterThan(0);
    }
    expect(result.scale[0]?.set?.rows.map((r) => r.row)).toEqual(expect.arrayContaining(BUNDLED_ROWS));
    expect(result.scale[1]?.figures).toBe(600);

    expect(result.slack?.failure).toBeUndefined();
    expect(result.slack?.levels.map((l) => l.connections)).toEqual([1, 5]);
    for (const level of result.slack?.levels ?? []) {
      expect(level.responses).toBeGreaterThan(0);
      expect(slackErrors(level)).toBe(0);
      expect(level.reply.n).toBe(level.responses);
    }

    expect(result.slackRedis?.failure).toBeUndefined();
    expect(result.slackRedis?.levels.map((l) => l.connections)).toEqual([1, 5]);
    for (const level of result.slackRedis?.levels ?? []) expect(slackErrors(level)).toBe(0);

    const report = markdownReport(result, 'npm run bench:smoke');
    for (const row of [...BUNDLED_ROWS, ALL_ROW, PARSER_ROW, SEARCH_ROW]) expect(report).toContain(`| ${row} |`);
    expect(textReport(result, 'npm run bench:smoke')).toContain('Targets');
    // The cost of drawing a chart, beside the answering rows.
    expect(result.chart?.failure).toBeUndefined();
    for (const { stats } of result.chart?.rows ?? []) expect(stats.n).toBe(smokeOptions().chart.perRun);
    expect(report).toMatch(/\| chart SVG \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
    expect(report).toMatch(/\| chart PNG \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
    expect(report).toContain('with REDIS_URL set');
  }, 120_000);

  it('times start-up in fresh processes, with and without a saved passage index, and the bot’s memory through a burst', async () => {
    const options: BenchOptions = { ...smokeOptions(), sections: ['startup'], startup: { ...smokeOptions().startup, documents: 60 } };
    const result = await runBench(options);
    const cases = result.startup?.cases ?? [];
    expect(result.startup?.failure).toBeUndefined();
    expect(cases.map((c) => c.label)).toEqual(['bundled', '60 docs', '60 docs, saved files']);
    for (const c of cases) {
      expect(c.failure).toBeUndefined();
      expect(c.startToReadyMs).toBeGreaterThan(0);
      expect(Object.keys(c.phases ?? {})).toEqual(['read and validate data', 'figure table', 'passage index']);
    }
    expect(cases.map((c) => c.indexFromFile)).toEqual([false, false, true]);
    // The bot's memory through a burst, started from the saved files with the start script's flags.
    expect(result.startup?.burst?.failure).toBeUndefined();
    expect(result.startup?.burst?.answers).toBeGreaterThan(0);
    expect(result.startup?.burst?.rssAfter).toBeGreaterThan(0);
    // The real entry point: built, started, and its chat's prompt reached.
    expect(result.startup?.npmStart?.failure).toBeUndefined();
    expect(result.startup?.npmStart?.toPromptMs).toBeGreaterThan(0);
  }, 120_000);
});
