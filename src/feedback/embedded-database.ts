/**
 * The default store's database: PGlite (PostgreSQL compiled to WebAssembly) in a folder under
 * FORCEWATCH_STATE_DIR. Opened only when there is something to write or read, and closed again
 * once idle, because only one process may have the folder open at a time: the bot recording and
 * `forcewatch report` take turns through a lock file rather than losing each other's writes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { takeLock } from './lock-file.ts';
import { FeedbackStoreError, reasonOf, type Database, type OnOpen, type Sql } from './sql.ts';

/** The database's folder inside the state folder. */
export const EMBEDDED_DB_FOLDER = 'feedback-db';

/** Whether anything was ever recorded in `stateDir`'s embedded database (without opening it). */
export function embeddedDatabaseExists(stateDir: string): boolean {
  return existsSync(join(stateDir, EMBEDDED_DB_FOLDER, 'PG_VERSION'));
}

export interface EmbeddedOptions {
  /** Closed after this long without work, letting another process in. */
  idleMs?: number;
  /** How long to wait for another process to let go of the database. */
  waitMs?: number;
}

/** Opens (lazily) the embedded database in `stateDir`, creating the folder on first use. */
export function embeddedDatabase(stateDir: string, onOpen: OnOpen, options: EmbeddedOptions = {}): Database {
  const dir = join(stateDir, EMBEDDED_DB_FOLDER);
  const description = `the embedded database in ${dir}`;
  const idleMs = options.idleMs ?? 2_000;
  const waitMs = options.waitMs ?? 30_000;
  let open: { db: PGlite; release: () => void } | undefined;
  let idle: NodeJS.Timeout | undefined;
  // One piece of work at a time: PGlite runs one connection, and closing must wait for work in hand.
  let queue: Promise<unknown> = Promise.resolve();

  async function ensureOpen(): Promise<PGlite> {
    if (open) return open.db;
    mkdirSync(stateDir, { recursive: true });
    const release = await takeLock(`${dir}.lock`, waitMs);
    try {
      // Loaded here, not at start-up: PGlite costs ~30 ms to import and ~170 MB while open.
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(dir);
      open = { db, release };
      await onOpen({ transaction: (work) => db.transaction((tx) => work(asSql(tx))) });
      return db;
    } catch (error) {
      if (open) await shut().catch(() => undefined);
      else release();
      throw error;
    }
  }

  async function shut(): Promise<void> {
    clearTimeout(idle);
    const was = open;
    open = undefined;
    if (!was) return;
    try {
      await was.db.close();
    } finally {
      was.release();
    }
  }

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    description,
    transaction(work) {
      return enqueue(async () => {
        clearTimeout(idle);
        try {
          const db = await ensureOpen();
          return await db.transaction((tx) => work(asSql(tx)));
        } catch (error) {
          throw new FeedbackStoreError(`Could not use ${description}: ${reasonOf(error)}`, { cause: error });
        } finally {
          // Unref'd: an idle database never keeps a finished command running.
          idle = setTimeout(() => void enqueue(shut).catch(() => undefined), idleMs).unref();
        }
      });
    },
    close: () => enqueue(shut),
  };
}

function asSql(tx: Pick<PGlite, 'query'>): Sql {
  return { query: async (text, params) => (await tx.query<Record<string, unknown>>(text, params ? [...params] : undefined)).rows };
}
