/**
 * The store's database when DATABASE_URL is set: a PostgreSQL server, through the `pg` driver.
 * The driver is loaded, and the pool made, on first use.
 */
import type { Pool } from 'pg';
import { FeedbackStoreError, reasonOf, type Database, type OnOpen, type Sql } from './sql.ts';

/** "PostgreSQL at host:port/database", never the password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** A database on the PostgreSQL server at `url`; `onOpen` runs once, before the first piece of work. */
export function postgresDatabase(url: string, onOpen: OnOpen): Database {
  const description = describe(url);
  let ready: Promise<Pool> | undefined;

  async function transaction<T>(pool: Pool, work: (sql: Sql) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await work({ query: async (text, params) => (await client.query<Record<string, unknown>>(text, params ? [...params] : undefined)).rows });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function connect(): Promise<Pool> {
    const { default: pg } = await import('pg');
    // Two connections: the bot records one click or declined question at a time.
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
    // An idle connection the server drops must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await onOpen({ transaction: (work) => transaction(pool, work) });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return pool;
  }

  return {
    description,
    async transaction(work) {
      try {
        ready ??= connect();
        return await transaction(await ready, work);
      } catch (error) {
        // A failed start is tried again next time (the server may be back).
        if (
          ready &&
          (await ready.then(
            () => false,
            () => true,
          ))
        )
          ready = undefined;
        throw new FeedbackStoreError(`Could not use ${description}: ${reasonOf(error)}`, { cause: error });
      }
    },
    async close() {
      const pool = ready;
      ready = undefined;
      if (pool) await (await pool.catch(() => undefined))?.end();
    },
  };
}
