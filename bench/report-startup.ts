/** The start-up section of the report: start → ready by case, the bot's memory through a burst,
 * `npm start` to its prompt, and the load's phases. */
import type { BenchResult } from './bench.ts';
import { count, mb, ms, seconds, type Block } from './report-format.ts';

/** The start-up section's tables and notes. */
export function startupBlocks(result: BenchResult): Block[] {
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
  const bot = startup.burst;
  if (bot)
    blocks.push({
      table: {
        title: `Memory of the bot at ${bot.label}: started as \`npm start\` runs it (${bot.flags.join(' ') || 'no Node flags'}), then the question set asked once the index is complete; no collection forced`,
        headers: [
          'runs',
          'RSS at ready',
          'index complete',
          'after the questions',
          'peak',
          'live heap after',
          'each run (ready → after)',
          'answers a run',
          'p50 ms',
          'p99 ms',
          'max ms',
        ],
        rows: [
          [
            String(bot.runs),
            mb(bot.rss),
            mb(bot.rssIndexed),
            mb(bot.rssAfter),
            mb(bot.peakRss),
            mb(bot.heapUsedAfterGc),
            bot.all.map((r) => `${mb(r.rss)} → ${mb(r.rssAfter)}`).join(', '),
            count(bot.answers),
            ms(bot.p50),
            ms(bot.p99),
            ms(bot.max),
          ],
        ],
        right: [0, 1, 2, 3, 4, 5, 7, 8, 9, 10],
      },
    });
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
  if (startup.burst?.failure) notes.push(`- the burst from saved files: failed: ${startup.burst.failure}`);
  blocks.push({ text: notes });
  return blocks;
}

/** Reply p50 with REDIS_URL over reply p50 in the process, at `connections` (unthrottled), same run. */
