/**
 * A schema of its own on the test PostgreSQL server for each test file, dropped afterwards: other
 * engineers and CI use the same server and database at the same time. When the server cannot be
 * reached the test fails saying so, never passing without having run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server: TEST_DATABASE_URL, or the local one CI and every machine of this kind run. */
// Blank counts as unset, as in .env.example.
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  /** DATABASE_URL whose connections work in the schema. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${error instanceof Error ? error.message : String(error)}). ` +
        'The feedback store tests need the real server: start it (pg_ctlcluster <version> main start) or set TEST_DATABASE_URL.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh schema; its `url` sets the search path to it. */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `forcewatch_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create schema ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return { url: url.href, name, drop: () => admin((c) => c.query(`drop schema if exists ${name} cascade`)).then(() => undefined) };
}
