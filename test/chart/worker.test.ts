/**
 * PNGs are drawn in a worker thread: the main thread stays free while they are drawn, a chart that
 * cannot be drawn fails alone, a worker that dies is replaced, and an idle worker lets the process
 * end, from the sources and from the bundle alike.
 */
import { spawnSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/build.mjs';
import { ChartWorker } from '../../src/chart/chart-worker.ts';
import { ChartRenderError, loadChartRenderer } from '../../src/chart/index.ts';
import { ROOT } from '../adapters/support/bot-process.ts';
import { RATES, TREND } from './support/specs.ts';

const renderer = await loadChartRenderer();
const isPng = (bytes: Buffer) => PNG.sync.read(bytes).width >= 400;

describe('the render worker', () => {
  it('draws a PNG while the main thread goes on: its timers fire, and it never loads the rasteriser', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const charts = [TREND, RATES, TREND, RATES].map((spec) => renderer.png(spec));
    const ticksWhenFirstDrawn = await charts[0]?.then(() => ticks);
    const pngs = await Promise.all(charts);
    clearInterval(timer);
    expect(pngs.every(isPng)).toBe(true);
    // The timer ran while the first chart was being drawn, and again while the rest were.
    expect(ticksWhenFirstDrawn).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(ticksWhenFirstDrawn ?? 0);
    // resvg (its native binding and the PNG encoder) was loaded by the worker alone.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((file) => file.includes('@resvg'))).toEqual([]);
  });

  it('fails a chart it cannot draw, naming it, and draws the charts asked for around it', async () => {
    const bad = { ...TREND, title: 'A chart of nothing', points: [] };
    const [before, failed, after] = await Promise.allSettled([renderer.png(RATES), renderer.png(bad), renderer.png(TREND)]);
    expect(before.status === 'fulfilled' && isPng(before.value)).toBe(true);
    expect(after.status === 'fulfilled' && isPng(after.value)).toBe(true);
    expect(failed.status).toBe('rejected');
    const error = (failed as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ChartRenderError);
    expect(error).toMatchObject({ code: 'CHART_RENDER' });
    expect((error as Error).message).toMatch(/^chart renderer: could not draw the chart "A chart of nothing": .*too_small/s);
  });

  it('starts a new worker after the worker dies, failing only the charts it held', async () => {
    const started: Worker[] = [];
    const onStart = (message: unknown) => started.push((message as { worker: Worker }).worker);
    subscribe('worker_threads', onStart);
    try {
      // A renderer of its own, so the worker seen starting is its own.
      const charts = new ChartWorker();
      const held = charts.png(TREND);
      expect(started).toHaveLength(1);
      await started[0]?.terminate();
      await expect(held).rejects.toThrow(/^chart renderer: the render worker stopped before drawing the chart "Complaint cases logged/);
      expect(isPng(await charts.png(RATES))).toBe(true);
      expect(started).toHaveLength(2);
    } finally {
      unsubscribe('worker_threads', onStart);
    }
  });
});

describe('a process that drew a chart', () => {
  const script = 'test/chart/support/chart-once.ts';
  const out = fileURLToPath(new URL(`../../dist/test-chart-${process.pid}/`, import.meta.url));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });

  it('ends by itself with the worker idle, run from the sources', () => {
    const child = run(['--import', 'tsx', script]);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^drew \d+ bytes, signature PNG$/m);
  }, 40_000);

  it('ends by itself with the worker idle, run from the bundle (worker in dist/ beside it)', async () => {
    await bundle({ 'chart-once': join(ROOT, script) }, out);
    const child = run([join(out, 'chart-once.js')]);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^drew \d+ bytes, signature PNG$/m);
  }, 60_000);
});
