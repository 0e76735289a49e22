/**
 * The benchmark's report: tables for the terminal and the same tables as Markdown for
 * BENCHMARKS.md, where they replace only the part between the results markers, so the written
 * analysis around them survives each run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { RowResult } from './answering.ts';
import { TARGETS, type BenchResult } from './bench.ts';
import { count, MISSED, mb, ms, renderTable, seconds, type Block } from './report-format.ts';
import { bundledBlock, chartBlocks, scaleBlocks } from './report-scale.ts';
import { startupBlocks } from './report-startup.ts';
import type { SizeResult } from './scale.ts';
import { slackErrors, type SlackLevelResult } from './slack.ts';

export const RESULTS_START = '<!-- bench:results:start (written by npm run bench; edits here are overwritten) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

function targetsBlock(result: BenchResult): Block {
  const rows: string[][] = [];
  const bundled = result.scale.find((s) => s.label === 'bundled');
  const tenK = result.scale.find((s) => s.documents === 10_000);
  const hundredK = result.scale.find((s) => s.documents === 100_000);
  const met = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : MISSED);
  const worst = (size: SizeResult | undefined, key: 'p50' | 'p99') => {
    const rs = (size?.set?.rows ?? []).filter((r) => r.stats.n > 0);
    return rs.reduce<RowResult | undefined>((w, r) => (w === undefined || r.stats[key] > w.stats[key] ? r : w), undefined);
  };
  const bundledP50 = worst(bundled, 'p50');
  const bundledP99 = worst(bundled, 'p99');
  rows.push([
    `bundled: p50 < ${TARGETS.bundled.p50} ms, every type of answer`,
    bundledP50 ? `slowest: ${bundledP50.row} ${ms(bundledP50.stats.p50)} ms` : '—',
    met(bundledP50 && bundledP50.stats.p50 < TARGETS.bundled.p50),
  ]);
  rows.push([
    `bundled: p99 < ${TARGETS.bundled.p99} ms, every type of answer`,
    bundledP99 ? `slowest: ${bundledP99.row} ${ms(bundledP99.stats.p99)} ms` : '—',
    met(bundledP99 && bundledP99.stats.p99 < TARGETS.bundled.p99),
  ]);
  const all = (size: SizeResult | undefined) => (size?.stopped === undefined ? size?.set?.all.stats : undefined);
  const tenKAll = all(tenK);
  rows.push([
    `10,000 docs: p99 < ${TARGETS.tenThousand.p99} ms, every question`,
    tenKAll ? `${ms(tenKAll.p99)} ms (parser alone ${ms(tenK?.set?.parser.stats.p99)} ms)` : '—',
    met(tenKAll ? tenKAll.p99 < TARGETS.tenThousand.p99 : undefined),
  ]);
  rows.push([
    `10,000 docs: max < ${TARGETS.tenThousand.max} ms, every question`,
    tenKAll ? `${ms(tenKAll.max)} ms` : '—',
    met(tenKAll ? tenKAll.max < TARGETS.tenThousand.max : undefined),
  ]);
  const hundredKAll = all(hundredK);
  rows.push([
    `100,000 docs: p99 < ${TARGETS.hundredThousand.p99} ms, every question`,
    hundredKAll ? `${ms(hundredKAll.p99)} ms` : '—',
    met(hundredKAll ? hundredKAll.p99 < TARGETS.hundredThousand.p99 : undefined),
  ]);
  const startTenK = result.startup?.cases.find((c) => c.documents === 10_000 && c.label.endsWith('docs'));
  const startTenKIndex = result.startup?.cases.find((c) => c.documents === 10_000 && c.label.includes('saved files'));
  rows.push([
    '10,000 docs: process start → ready < 3 s',
    startTenK ? seconds(startTenK.startToReadyMs) : '—',
    met(startTenK ? startTenK.startToReadyMs < TARGETS.tenThousand.readyMs : undefined),
  ]);
  rows.push([
    '10,000 docs: ready < 1 s from saved files',
    startTenKIndex ? `${seconds(startTenKIndex.startToReadyMs)}${startTenKIndex.indexFromFile ? '' : ' (index file not used!)'}` : '—',
    met(startTenKIndex ? startTenKIndex.startToReadyMs < TARGETS.tenThousand.readyFromIndexMs && startTenKIndex.indexFromFile : undefined),
  ]);
  // The memory targets are the running bot's: started from the saved files with the start
  // script's flags, as `npm start` after `npm run index:build` (the start-up section's burst).
  const bot = result.startup?.burst;
  const botAt = bot?.runs ? bot : undefined;
  rows.push([
    '10,000 docs: RSS < 150 MB at ready',
    botAt ? `${mb(botAt.rss)} from saved files, the start script’s flags (${mb(botAt.rssIndexed)} once the index is complete)` : '—',
    met(botAt ? botAt.rss < TARGETS.tenThousand.rssBytes : undefined),
  ]);
  rows.push([
    '10,000 docs: RSS < 250 MB after a burst',
    botAt ? `${mb(botAt.rssAfter)} after ${count(botAt.answers)} answers (peak ${mb(botAt.peakRss)})` : '—',
    met(botAt ? botAt.rssAfter < TARGETS.tenThousand.rssAfterBurstBytes : undefined),
  ]);
  const slack = result.slack?.levels.find((l) => l.connections === TARGETS.slack.connections && l.rate === undefined);
  rows.push(['Slack, 200 connections: 0 errors', slack ? count(slackErrors(slack)) : '—', met(slack ? slackErrors(slack) === 0 : undefined)]);
  rows.push([
    'Slack, 200 connections: p99 ack < 100 ms',
    slack ? `${ms(slack.ack.p99)} ms` : '—',
    met(slack ? slack.ack.p99 < TARGETS.slack.ackP99 : undefined),
  ]);
  const ratio = redisReplyRatio(result, 1);
  rows.push([
    `Slack with REDIS_URL, 1 connection: reply p50 < ${TARGETS.slackRedisReplyRatio}× in-process`,
    ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
    met(ratio === undefined ? undefined : ratio < TARGETS.slackRedisReplyRatio),
  ]);
  return { table: { title: 'Targets', headers: ['target', 'measured', ''], rows, right: [] } };
}

function redisReplyRatio(result: BenchResult, connections: number): number | undefined {
  const find = (levels: SlackLevelResult[] | undefined) => levels?.find((l) => l.connections === connections && l.rate === undefined);
  const inProcess = find(result.slack?.levels);
  const withRedis = find(result.slackRedis?.levels);
  return inProcess === undefined || withRedis === undefined || !(inProcess.reply.p50 > 0) ? undefined : withRedis.reply.p50 / inProcess.reply.p50;
}

function slackTable(title: string, levels: SlackLevelResult[]): Block {
  return {
    table: {
      title,
      headers: [
        'connections',
        'load',
        'requests',
        'seconds',
        'acks/s',
        'ack p50 ms',
        'ack p99 ms',
        'ack max ms',
        'reply p50 ms',
        'reply p99 ms',
        'adapter CPU ms a mention',
        'errors',
        'of which',
      ],
      rows: levels.map((l) => [
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
        l.adapterCpuMs === undefined || l.responses === 0 ? '—' : (l.adapterCpuMs.all / l.responses).toFixed(2),
        count(slackErrors(l)),
        `non-2xx ${l.errors.non2xx}, transport ${l.errors.transport} (timeouts ${l.errors.timeouts}), no reply ${l.errors.noReply}, failure replies ${l.errors.failedReplies}`,
      ]),
      right: [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    },
  };
}

function slackBlocks(result: BenchResult): Block[] {
  const slack = result.slack;
  if (!slack) return [];
  const blocks: Block[] = [
    slackTable('4. Slack end to end: signed app_mention events → real Bolt app on loopback → local Slack Web API', slack.levels),
    {
      text: [
        'Ack: the HTTP response to the event, from writing the request to the end of the response, on keep-alive connections opened before the clock started, every request built and signed before it (so the load’s own work is not timed). Reply: from writing the request to the answer’s last chat.postMessage reaching the local Web API. Adapter CPU a mention: the CPU time of the adapter’s process (every thread, from /proc) from the level’s first request until it had called the Web API for nothing (charts included) for a second, over the mentions acknowledged. The next level starts then.',
      ],
    },
  ];
  if (slack.failure) blocks.push({ text: [`Failed: ${slack.failure}`] });
  const redis = result.slackRedis;
  if (redis) {
    blocks.push(slackTable('4b. The same with REDIS_URL set: state in Redis, each question stored in the work queue before its ack', redis.levels));
    const ratios = redis.levels.map((l, i) => {
      const same = slack.levels[i];
      return same === undefined || !(same.reply.p50 > 0)
        ? undefined
        : `${l.connections}${l.rate === undefined ? '' : ` at ${l.rate}/s`}: ${(l.reply.p50 / same.reply.p50).toFixed(2)}× reply p50, ${(l.ack.p50 / Math.max(same.ack.p50, 1)).toFixed(2)}× ack p50`;
    });
    blocks.push({ text: [`With Redis over in-process, same run, by connections: ${ratios.filter((r) => r !== undefined).join('; ')}.`] });
    if (redis.failure) blocks.push({ text: [`Failed: ${redis.failure}`] });
  }
  const profile = slack.profiled?.profile;
  if (profile)
    blocks.push({
      text: [
        `Profile of the adapter process over a separate run at ${slack.profiled?.levels[0]?.connections ?? '?'} connections (${seconds(profile.ms)} of samples):`,
        `- hottest self time: ${profile.hot
          .slice(0, 8)
          .map((h) => `${h.name} ${(h.selfShare * 100).toFixed(1)}%`)
          .join('; ')}`,
        `- our code, total time: ${profile.own
          .slice(0, 6)
          .map((h) => `${h.name} ${(h.totalShare * 100).toFixed(1)}%`)
          .join('; ')}`,
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
      '- Method: every question of the set asked once (checked for failures, and put in the row of the type of its answer), then timed passes over them all, one answer timed at a time (process.hrtime), and passes of the question parser alone; each row’s percentiles are the medians of the passes’.',
    ],
  };
}

function blocks(result: BenchResult, command: string): Block[] {
  return [
    headerBlock(result, command),
    targetsBlock(result),
    ...bundledBlock(result),
    ...chartBlocks(result),
    ...scaleBlocks(result),
    ...startupBlocks(result),
    ...slackBlocks(result),
  ];
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
