/**
 * The store's schema, as numbered migrations run in order when a database is first opened. Each
 * runs once: the applied versions are kept in `forcewatch_migrations`. A change to the schema is a
 * new entry at the end, never an edit of one that has run somewhere.
 */
import { z } from 'zod';
import type { OnOpen } from './sql.ts';

interface Migration {
  version: number;
  name: string;
  /** One statement each: the embedded database runs one statement a query, as prepared statements. */
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ratings, wrong-figure reports and declined answers',
    statements: [
      // One row per person, answer and kind: a second click by the same person updates it.
      `create table forcewatch_feedback (
        answer_id text not null,
        person text not null,
        kind text not null check (kind in ('rating', 'report')),
        rating text check (rating in ('up', 'down')),
        note text,
        platform text not null,
        conversation text not null,
        answer_status text not null,
        question_type text,
        figures jsonb not null,
        question text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (answer_id, person, kind),
        check ((kind = 'rating') = (rating is not null)),
        check ((kind = 'report') = (note is not null))
      )`,
      'create index forcewatch_feedback_updated on forcewatch_feedback (updated_at)',
      // Keyed by the answer's id: recording the same answer twice keeps one row.
      `create table forcewatch_declined (
        answer_id text primary key,
        status text not null check (status in ('no_data', 'unclear')),
        reason text not null,
        question_type text,
        measure text,
        outcome text,
        forces text[] not null,
        periods text[] not null,
        platform text not null,
        conversation text not null,
        question text,
        created_at timestamptz not null default now()
      )`,
      'create index forcewatch_declined_created on forcewatch_declined (created_at)',
    ],
  },
];

const Applied = z.object({ version: z.number().int() });

/** Brings a database's schema up to date. Safe when several processes start at once: each takes
 * an advisory lock (for this schema) for the length of its transaction. */
export const migrate: OnOpen = (db) =>
  db.transaction(async (sql) => {
    await sql.query(`select pg_advisory_xact_lock(hashtext(current_schema() || '.forcewatch_migrations'))`);
    await sql.query(`create table if not exists forcewatch_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const rows = await sql.query('select version from forcewatch_migrations');
    const applied = new Set(rows.map((row) => Applied.parse(row).version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      for (const statement of m.statements) await sql.query(statement);
      await sql.query('insert into forcewatch_migrations (version, name) values ($1, $2)', [m.version, m.name]);
    }
  });
