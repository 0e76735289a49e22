/**
 * The chart render worker seen from the main thread: one worker thread (render-worker.ts) that
 * draws every PNG, spec to SVG to PNG, so that the main thread stays free to acknowledge and answer
 * (issue 17: drawing charts was half the Slack adapter's main-thread CPU). It is started by the
 * first chart, kept for the next ones, which queue on its port, and started again after it dies.
 */
import { Worker } from 'node:worker_threads';
import type { ChartSpec } from './spec.ts';
import { RenderReply, type RenderRequest } from './worker-messages.ts';

/** A chart that could not be drawn; its message names the chart and says why. */
export class ChartRenderError extends Error {
  readonly code = 'CHART_RENDER' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChartRenderError';
  }
}

interface Pending {
  title: string;
  resolve(png: Buffer): void;
  reject(error: ChartRenderError): void;
}

/** Starts render-worker.ts, from the bundle or from the sources. */
function startWorker(): Worker {
  // Bundled, this module is in dist/ beside the worker's own entry (scripts/build.mjs adds it to
  // every bundle).
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url));
  // From the sources (tsx, vitest), Node 20 cannot load TypeScript, and a worker gets none of the
  // parent's loader hooks (nor from `--import tsx` in its execArgv): tsx's tsImport loads the
  // worker's entry with a loader of its own. tsx is a dependency, as the scripts run through it.
  // Its ES module form: the CommonJS one registers its hooks from a path that does not exist.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const load = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { eval: true, execArgv: [] });
}

/** Draws PNGs in a worker thread; see the module's header. */
export class ChartWorker {
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  /**
   * The chart as a PNG, drawn in the worker after the charts asked for before it.
   * @throws {ChartRenderError} (the promise rejects) when the spec is refused or cannot be drawn,
   * or the worker stopped before drawing it; the next chart is drawn all the same.
   */
  png(spec: ChartSpec): Promise<Buffer> {
    const worker = this.#running();
    const id = this.#nextId++;
    // The title names the chart in an error; String(), as a spec from outside the types (the worker
    // checks it) may have none.
    const title = String(spec.title);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { title, resolve, reject });
      // A chart being drawn keeps the process alive; an idle worker does not (see #settled).
      worker.ref();
      try {
        worker.postMessage({ id, spec } satisfies RenderRequest);
      } catch (error) {
        // A spec that cannot be sent to a thread (a function in it): refused here, as the worker
        // would have refused it.
        this.#settled(worker, id)?.reject(
          new ChartRenderError(`chart renderer: cannot send the chart ${JSON.stringify(title)} to its worker`, { cause: error }),
        );
      }
    });
  }

  /** The worker, started if there is none (the first chart, or the one after it died). */
  #running(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = startWorker();
    this.#worker = worker;
    worker.unref();
    let failure: unknown;
    worker.on('message', (data: unknown) => {
      const reply = RenderReply.safeParse(data);
      if (!reply.success) {
        failure = new Error(`sent a message that is no reply: ${reply.error.message}`);
        void worker.terminate();
        return;
      }
      const pending = this.#settled(worker, reply.data.id);
      if (pending === undefined) return;
      if (reply.data.ok) pending.resolve(Buffer.from(reply.data.png));
      else pending.reject(new ChartRenderError(`chart renderer: could not draw the chart ${JSON.stringify(pending.title)}: ${reply.data.error}`));
    });
    // An uncaught error (a library that failed to load) ends the worker: 'exit' follows.
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      const reason = failure instanceof Error ? failure.message : `it exited with code ${code}`;
      for (const [id, pending] of this.#pending) {
        this.#pending.delete(id);
        pending.reject(
          new ChartRenderError(`chart renderer: the render worker stopped before drawing the chart ${JSON.stringify(pending.title)}: ${reason}`, {
            cause: failure,
          }),
        );
      }
    });
    return worker;
  }

  /** Takes request `id` off the pending ones; the worker no longer holds the process open once none
   * is left. */
  #settled(worker: Worker, id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) worker.unref();
    return pending;
  }
}
