/**
 * The port between the feedback store and a database: PostgreSQL statements with `$n` parameters,
 * run either in the embedded PGlite database or on a PostgreSQL server. Both run the same SQL.
 */

/** Runs statements: rows come back as plain objects, to be parsed by the caller's schema. */
export interface Sql {
  query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** A database the store can work in. */
export interface Database {
  /** What it is, for messages: "the embedded database in ./state/feedback", "PostgreSQL at host:5432/db". */
  readonly description: string;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  /** Releases the database; pending work finishes first. */
  close(): Promise<void>;
}

/** Called on a freshly opened connection before any other work: the migrations. */
export type OnOpen = (db: Pick<Database, 'transaction'>) => Promise<void>;

/** A store that could not be opened, read or written; its message names the database. */
export class FeedbackStoreError extends Error {
  readonly code = 'FEEDBACK_STORE' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedbackStoreError';
  }
}

/** The message of an error from a driver, without its stack. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
