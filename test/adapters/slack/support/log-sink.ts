/**
 * A pino destination that keeps every log line in memory, so tests can read the logs as JSON and
 * check that no secret was ever written.
 */
import { createLogger, type Logger } from '../../../../src/index.ts';

export interface LogSink {
  logger: Logger;
  /** Raw lines as written (JSON text). */
  lines: string[];
  /** Lines parsed as JSON objects. */
  records(): Record<string, unknown>[];
  /** Resolves once a line satisfying `predicate` has been written. */
  waitFor(predicate: (record: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>;
}

/** A debug-level logger writing into memory: debug, so Bolt's and the Web API client's chattiest
 * lines are included in the secret checks. */
export function logSink(): LogSink {
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const parse = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const logger = createLogger({
    level: 'debug',
    destination: {
      write(line: string) {
        lines.push(line);
        for (const wake of waiters) wake();
      },
    },
  });
  return {
    logger,
    lines,
    records: parse,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!parse().some(predicate)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('log sink: timed out waiting for a matching line'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
