/**
 * The chart render worker's entry: a worker thread, started by chart-worker.ts (and bundled by
 * scripts/build.mjs as dist/render-worker.js). It draws each requested chart as a PNG, one at a
 * time in the order asked, and sends its bytes back without copying them.
 *
 * resvg loads here, not on the main thread; its loader asks Node for a diagnostic report, and a
 * worker's report leaves out the main thread's sockets (which the main thread's report looks up in
 * DNS, once took 35 s with 200 connections open: BENCHMARKS.md).
 */
import { parentPort } from 'node:worker_threads';
import { drawPng } from './png.ts';
import { ChartSpec } from './spec.ts';
import { RenderRequest, type RenderReply } from './worker-messages.ts';

const port = parentPort;
if (port === null) throw new Error('chart render worker: render-worker.ts runs only as a worker thread (chart-worker.ts starts it)');

/** The PNG's bytes in an ArrayBuffer of Node's own, which can be transferred to the main thread
 * without a copy. resvg's Buffer is memory of the native addon, which Node copies when it is posted
 * (transfer list or not); the copy is made here, off the main thread. */
const transferable = (png: Buffer): ArrayBuffer => new Uint8Array(png).buffer;

port.on('message', (data: unknown) => {
  // A message that is no request is a bug in chart-worker.ts: thrown, it ends the worker, and the
  // main thread fails what it was waiting for and starts a new worker with the next chart.
  const { id, spec } = RenderRequest.parse(data);
  let png: ArrayBuffer;
  try {
    png = transferable(drawPng(ChartSpec.parse(spec)));
  } catch (error) {
    port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
    return;
  }
  port.postMessage({ id, ok: true, png } satisfies RenderReply, [png]);
});
