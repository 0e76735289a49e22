/**
 * An engine whose data can be reloaded while it serves: a reload builds a whole new engine and
 * swaps it in at once, so each question is answered wholly from the old data or wholly from the
 * new, and a bad reload keeps the old data serving.
 */
import { loadEngine, type Engine, type EngineOptions } from './engine.ts';

export type ReloadResult = { ok: true; ms: number } | { ok: false; error: Error };

export interface ReloadableEngine extends Engine {
  /** Reloads the data; on any problem keeps the current data and says why. */
  reload(): ReloadResult;
}

/** Loads the engine (throwing if the data is invalid at start) and returns it reloadable. */
export function createReloadableEngine(options: EngineOptions = {}): ReloadableEngine {
  let current = loadEngine(options);
  const log = options.logger?.child({ component: 'reload' });
  return {
    answer: (question, conversation) => current.answer(question, conversation),
    forceCard: (name) => current.forceCard(name),
    suggestForces: (typed, limit) => current.suggestForces(typed, limit),
    forcesWithData: () => current.forcesWithData(),
    sources: () => current.sources(),
    explain: (question, conversation) => current.explain(question, conversation),
    reload() {
      const started = performance.now();
      try {
        current = loadEngine(options);
        const ms = Math.round(performance.now() - started);
        log?.info({ ms }, 'data reloaded');
        return { ok: true, ms };
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        // The message only, never the error object: a DataError also holds every problem found
        // (300,000 of them made a 100 MB log line), and its message lists the first few.
        log?.error({ error: { name: error.name, message: error.message } }, 'data reload failed; still serving the previous data');
        return { ok: false, error };
      }
    },
  };
}
