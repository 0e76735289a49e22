/**
 * Process-level safety nets for the long-running bot. A handler that throws outside the adapters'
 * own try/catch (a rejected promise nobody awaited, an exception from an event listener) is logged
 * and counted instead of taking every other conversation down with it; SIGTERM/SIGINT stop the
 * adapters gracefully, finishing the answers in flight, before exiting 0; and a diagnostic report
 * a library asks for never stalls the process on DNS look-ups.
 */
import type { Logger } from '../../src/index.ts';

/** What the guards have caught since they were installed. */
export interface CrashCounts {
  unhandledRejections: number;
  uncaughtExceptions: number;
}

function summarise(reason: unknown): { name: string; message: string } {
  return reason instanceof Error ? { name: reason.name, message: reason.message } : { name: 'NonError', message: String(reason) };
}

/**
 * Installs `unhandledRejection` and `uncaughtException` listeners that log and count. Node exits
 * on either by default; a chat bot serving many people should not, since the failing handler's
 * user has already been told (or its work is lost either way) and everyone else is unaffected.
 *
 * @returns the live counts, and a function removing the listeners.
 */
export function installCrashGuards(logger: Logger): { counts: CrashCounts; remove(): void } {
  const log = logger.child({ component: 'process' });
  const counts: CrashCounts = { unhandledRejections: 0, uncaughtExceptions: 0 };
  const onRejection = (reason: unknown) => {
    counts.unhandledRejections += 1;
    log.error({ error: summarise(reason), count: counts.unhandledRejections }, 'unhandled promise rejection (kept running)');
  };
  const onException = (error: Error) => {
    counts.uncaughtExceptions += 1;
    log.error({ error: summarise(error), count: counts.uncaughtExceptions }, 'uncaught exception in a handler (kept running)');
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    counts,
    remove() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

/**
 * Keeps Node's diagnostic report off the network. A library that reads the report to learn which C
 * library it runs on (@resvg/resvg-js calls `process.report.getReport()` when it loads) makes Node
 * list every open socket with a reverse DNS look-up of each, synchronously: with 200 Slack
 * connections open that blocked the event loop for 35 s on the benchmark's machine (every
 * acknowledgement and answer waiting), 10 ms without the network section, which nothing here reads.
 * resvg now loads in the chart render worker, whose report lists none of the main thread's sockets;
 * this still guards the main thread against any library that does the same. `excludeNetwork` is Node's own switch (20.13 and later;
 * `@types/node` does not declare it yet).
 */
export function keepReportsOffTheNetwork(): void {
  (process.report as NodeJS.ProcessReport & { excludeNetwork: boolean }).excludeNetwork = true;
}

/** Something started that can be stopped gracefully. */
export interface Stoppable {
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Stops every service gracefully, then exits with `code`; a second call exits at once. */
export type Shutdown = (reason: Record<string, unknown>, code: number) => void;

/**
 * On the first SIGTERM or SIGINT: stops every service (each stops taking work, then finishes what
 * is in flight within `graceMs`), then exits 0. A second signal exits at once, for an impatient
 * operator; a watchdog exits if stopping itself hangs past the grace period.
 *
 * @returns the same shutdown, for a service that fails for good to end the process with.
 */
export function stopOnSignals(services: readonly Stoppable[], logger: Logger, graceMs: number, guards?: { counts: CrashCounts }): Shutdown {
  let stopping = false;
  const shutdown: Shutdown = (reason, code) => {
    if (stopping) {
      logger.warn(reason, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ ...reason, graceMs }, 'shutting down: finishing answers in flight');
    // Closing sockets can itself hang on a dead peer; the whole stop gets the grace period plus a margin.
    const watchdog = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, graceMs + 5_000);
    watchdog.unref();
    void Promise.allSettled(services.map((service) => service.stop({ graceMs }))).then(() => {
      logger.info({ ...guards?.counts, exitCode: code }, 'stopped');
      // Let pino's destination flush the last lines before exiting.
      setImmediate(() => process.exit(code));
    });
  };
  const onSignal = (signal: NodeJS.Signals) => shutdown({ signal }, 0);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return shutdown;
}
