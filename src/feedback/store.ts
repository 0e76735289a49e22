/**
 * The feedback store: writes ratings, wrong-figure reports and declined answers, and reads back
 * the totals `forcewatch report` shows. One set of SQL for both databases (PGlite is PostgreSQL),
 * and every row read back passes a zod schema.
 */
import { z } from 'zod';
import { DeclinedRecord, FeedbackRecord } from './records.ts';
import type { Database } from './sql.ts';

/** Counts of 👍 and 👎 for one question type on one surface. */
export const RatingCount = z.strictObject({
  type: z.string(),
  platform: z.string(),
  conversation: z.string(),
  up: z.number().int(),
  down: z.number().int(),
});
export type RatingCount = z.infer<typeof RatingCount>;

/** One report's note, as listed under each figure the reported answer showed. */
export const ReportNote = z.strictObject({
  note: z.string(),
  at: z.string(),
  answerId: z.string(),
  platform: z.string(),
  conversation: z.string(),
  question: z.string().nullable(),
});
export type ReportNote = z.infer<typeof ReportNote>;

/** The reports on answers that showed one figure (`figure` null: answers that showed none). */
export const ReportedFigure = z.strictObject({
  figure: z.string().nullable(),
  shown: z.array(z.number()),
  notes: z.array(ReportNote),
});
export type ReportedFigure = z.infer<typeof ReportedFigure>;

/** How many answers were declined for one reason, with the latest few questions where recorded. */
export const DeclinedReason = z.strictObject({
  reason: z.string(),
  count: z.number().int(),
  questions: z.array(z.string()),
});
export type DeclinedReason = z.infer<typeof DeclinedReason>;

/** How many declined answers asked of one measure and force (either null when not asked). */
export const DeclinedSubject = z.strictObject({
  measure: z.string().nullable(),
  force: z.string().nullable(),
  count: z.number().int(),
});
export type DeclinedSubject = z.infer<typeof DeclinedSubject>;

/** Everything recorded since a date, grouped, most frequent first. */
export interface StoredSummary {
  ratings: RatingCount[];
  reports: ReportedFigure[];
  declined: { byReason: DeclinedReason[]; byMeasureAndForce: DeclinedSubject[] };
}

/** How many recent questions a declined reason lists. */
const QUESTIONS_PER_REASON = 5;

const UPSERT_FEEDBACK = `
  insert into forcewatch_feedback
    (answer_id, person, kind, rating, note, platform, conversation, answer_status, question_type, figures, question)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)
  on conflict (answer_id, person, kind) do update
    set rating = excluded.rating, note = excluded.note, question = excluded.question, updated_at = now()`;

const INSERT_DECLINED = `
  insert into forcewatch_declined
    (answer_id, status, reason, question_type, measure, outcome, forces, periods, platform, conversation, question)
  values ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[], $9, $10, $11)
  on conflict (answer_id) do nothing`;

const RATINGS = `
  select coalesce(question_type, 'unknown') as type, platform, conversation,
    (count(*) filter (where rating = 'up'))::int as up,
    (count(*) filter (where rating = 'down'))::int as down
  from forcewatch_feedback
  where kind = 'rating' and updated_at >= $1::timestamptz
  group by 1, 2, 3
  order by count(*) desc, 1, 2, 3`;

const REPORTS = `
  select shown.figure ->> 'id' as figure,
    coalesce(jsonb_agg(distinct shown.figure -> 'value') filter (where shown.figure is not null), '[]') as shown,
    jsonb_agg(jsonb_build_object(
      'note', r.note,
      'at', to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'answerId', r.answer_id,
      'platform', r.platform,
      'conversation', r.conversation,
      'question', r.question
    ) order by r.updated_at desc, r.answer_id) as notes
  from forcewatch_feedback r
  left join lateral jsonb_array_elements(r.figures) as shown(figure) on true
  where r.kind = 'report' and r.updated_at >= $1::timestamptz
  group by 1
  order by count(*) desc, 1 nulls last`;

const DECLINED_BY_REASON = `
  select reason, count(*)::int as count,
    coalesce((array_agg(question order by created_at desc) filter (where question is not null))[1:${QUESTIONS_PER_REASON}], '{}') as questions
  from forcewatch_declined
  where created_at >= $1::timestamptz
  group by reason
  order by count(*) desc, reason`;

// A question naming two forces counts once under each; one naming none, once under no force.
const DECLINED_BY_MEASURE_AND_FORCE = `
  select d.measure, asked.force, count(*)::int as count
  from forcewatch_declined d
  cross join lateral unnest(case when cardinality(d.forces) = 0 then array[null::text] else d.forces end) as asked(force)
  where d.created_at >= $1::timestamptz
  group by 1, 2
  order by count(*) desc, 1 nulls last, 2 nulls last`;

/** The store's port: what adapters and `forcewatch report` need of it, whichever database holds it. */
export interface FeedbackStore {
  /** Writes a rating or report; the same person on the same answer updates their earlier one. */
  saveFeedback(record: FeedbackRecord): Promise<void>;
  /** Writes a declined or unclear answer; the same answer recorded twice is kept once. */
  saveDeclined(record: DeclinedRecord): Promise<void>;
  /** Everything recorded at or after `since` (all of it when undefined). */
  summary(since?: Date): Promise<StoredSummary>;
  close(): Promise<void>;
}

/** The store over a database; the database runs the migrations when it opens. */
export function sqlFeedbackStore(db: Database): FeedbackStore {
  return {
    async saveFeedback(input) {
      const r = FeedbackRecord.parse(input);
      const a = r.answer;
      await db.transaction((sql) =>
        sql.query(UPSERT_FEEDBACK, [
          a.id,
          r.person,
          r.kind,
          r.kind === 'rating' ? r.rating : null,
          r.kind === 'report' ? r.note : null,
          a.surface.platform,
          a.surface.conversation,
          a.status,
          a.type ?? null,
          JSON.stringify(a.figures),
          r.question,
        ]),
      );
    },
    async saveDeclined(input) {
      const { answer: a, question } = DeclinedRecord.parse(input);
      await db.transaction((sql) =>
        sql.query(INSERT_DECLINED, [
          a.id,
          a.status,
          a.reason ?? a.status,
          a.type ?? null,
          a.asked.measure ?? null,
          a.asked.outcome ?? null,
          a.asked.forces,
          a.asked.periods,
          a.surface.platform,
          a.surface.conversation,
          question,
        ]),
      );
    },
    summary(since) {
      const from = since?.toISOString() ?? '-infinity';
      return db.transaction(async (sql) => ({
        ratings: z.array(RatingCount).parse(await sql.query(RATINGS, [from])),
        reports: z.array(ReportedFigure).parse(await sql.query(REPORTS, [from])),
        declined: {
          byReason: z.array(DeclinedReason).parse(await sql.query(DECLINED_BY_REASON, [from])),
          byMeasureAndForce: z.array(DeclinedSubject).parse(await sql.query(DECLINED_BY_MEASURE_AND_FORCE, [from])),
        },
      }));
    },
    close: () => db.close(),
  };
}
