/**
 * One suite, run against both stores: the embedded database in a temporary FORCEWATCH_STATE_DIR,
 * and PostgreSQL at 127.0.0.1:5432 in a schema of its own. Same records in, same report out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFeedbackStore, type FeedbackStore, type PostedAnswer, type StoreLocation, type StoredSummary } from '../../src/index.ts';
import { ask, DISCORD_DM } from './support/answers.ts';
import { createTestSchema } from './support/postgres.ts';

interface StoreUnderTest {
  location: StoreLocation;
  /** The versions the migrations table holds. */
  migrations(): Promise<number[]>;
  cleanUp(): Promise<void>;
}

async function embedded(): Promise<StoreUnderTest> {
  const stateDir = mkdtempSync(join(tmpdir(), 'forcewatch-state-'));
  const location: StoreLocation = { kind: 'embedded', stateDir };
  return {
    location,
    async migrations() {
      const { PGlite } = await import('@electric-sql/pglite');
      const db = await PGlite.create(join(stateDir, 'feedback-db'));
      const rows = (await db.query<{ version: number }>('select version from forcewatch_migrations order by version')).rows;
      await db.close();
      return rows.map((r) => r.version);
    },
    cleanUp: async () => rmSync(stateDir, { recursive: true, force: true }),
  };
}

async function postgres(): Promise<StoreUnderTest> {
  const schema = await createTestSchema();
  return {
    location: { kind: 'postgres', url: schema.url },
    async migrations() {
      const client = new pg.Client(schema.url);
      await client.connect();
      const rows = (await client.query<{ version: number }>('select version from forcewatch_migrations order by version')).rows;
      await client.end();
      return rows.map((r) => r.version);
    },
    cleanUp: () => schema.drop(),
  };
}

const without = ({ question: _q, ...answer }: PostedAnswer) => ({ answer, question: null });

describe.each([
  ['the embedded store', embedded],
  ['the PostgreSQL store', postgres],
])('%s', (_name, make) => {
  let under: StoreUnderTest;
  let store: FeedbackStore;
  let all: StoredSummary;
  let recent: StoredSummary;
  const lookup = ask('How many allegations did Hampshire face in 2021-22?');
  const change = ask('How did Hampshire allegations change from 2020-21 to 2021-22?', DISCORD_DM);
  const offTopic = ask('What is the capital of France?');

  beforeAll(async () => {
    under = await make();
    store = openFeedbackStore(under.location);
    // The same person changes their mind: one rating, the last.
    await store.saveFeedback({ kind: 'rating', ...without(lookup), person: 'U1', rating: 'up' });
    await store.saveFeedback({ kind: 'rating', ...without(lookup), person: 'U1', rating: 'down' });
    await store.saveFeedback({ kind: 'rating', ...without(lookup), person: 'U2', rating: 'up' });
    await store.saveFeedback({ kind: 'rating', ...without(change), person: 'D1', rating: 'down' });
    await store.saveFeedback({ kind: 'report', ...without(lookup), person: 'U1', note: 'Should be 1,983' });
    await store.saveFeedback({ kind: 'report', ...without(lookup), person: 'U1', note: 'Should be 1,938 after all? Check the source' });
    await store.saveFeedback({ kind: 'report', ...without(offTopic), person: 'U3', note: 'Nothing shown at all' });
    await store.saveDeclined(without(offTopic));
    await store.saveDeclined(without(offTopic)); // the same answer twice: kept once
    await store.saveDeclined(without(ask('How many complaints about noise did Kent get?')));
    await store.saveDeclined({ ...without(ask('How many complaint allegations did Kent and Essex have in 1999?')), question: 'Kent and Essex in 1999?' });
    await sleep(50);
    const between = new Date();
    await sleep(50);
    await store.saveDeclined(without(ask('complaints in Manchester police 2025-26')));
    await store.saveDeclined(without(ask('How many complaint allegations did Kent have in 1999?')));
    await store.saveFeedback({ kind: 'rating', ...without(offTopic), person: 'U4', rating: 'down' });
    all = await store.summary();
    recent = await store.summary(between);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await under?.cleanUp();
  });

  it('counts 👍 and 👎 by question type and surface, a changed rating counted once as its last', () => {
    expect(all.ratings).toEqual([
      { type: 'lookup', platform: 'slack', conversation: 'channel', up: 1, down: 1 },
      { type: 'change', platform: 'discord', conversation: 'dm', up: 0, down: 1 },
      { type: 'definition', platform: 'slack', conversation: 'channel', up: 0, down: 1 },
    ]);
  });

  it('lists each reported figure with its notes (a repeated report replacing the earlier), most reported first', () => {
    expect(all.reports.map((r) => [r.figure, r.shown, r.notes.map((n) => n.note)])).toEqual([
      ['hampshire/complaint-allegations/2021-22', [1938], ['Should be 1,938 after all? Check the source']],
      [null, [], ['Nothing shown at all']],
    ]);
    const note = all.reports[0]?.notes[0];
    expect(note).toMatchObject({ answerId: lookup.id, platform: 'slack', conversation: 'channel', question: null });
    expect(note?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('groups declined answers by reason, most frequent first, with the words only where they were recorded', () => {
    expect(all.declined.byReason).toEqual([
      { reason: 'metric_not_held', count: 2, questions: [] },
      { reason: 'period_not_held', count: 2, questions: ['Kent and Essex in 1999?'] },
      { reason: 'off_topic', count: 1, questions: [] },
    ]);
  });

  it('groups declined answers by the measure and force asked, most frequent first', () => {
    expect(all.declined.byMeasureAndForce).toEqual([
      { measure: null, force: 'kent', count: 2 },
      { measure: 'complaint-allegations', force: 'essex', count: 1 },
      { measure: 'complaint-allegations', force: 'greater-manchester', count: 1 },
      { measure: null, force: null, count: 1 },
    ]);
  });

  it('reports only what was recorded since the date given', () => {
    expect(recent.ratings).toEqual([{ type: 'definition', platform: 'slack', conversation: 'channel', up: 0, down: 1 }]);
    expect(recent.reports).toEqual([]);
    expect(recent.declined.byReason.map((r) => [r.reason, r.count])).toEqual([
      ['metric_not_held', 1],
      ['period_not_held', 1],
    ]);
  });

  it('keeps its records when opened again, having run each migration once', async () => {
    await store.close();
    store = openFeedbackStore(under.location);
    expect(await store.summary()).toEqual(all);
    await store.close();
    expect(await under.migrations()).toEqual([1]);
  });
});
