/**
 * What Forcewatch records about its use, as zod schemas: an answer as it was posted (its id, where,
 * what it showed), a rating or "wrong figure" report on one, and a declined or unclear answer. Every
 * record passes its schema before it is written, and every row read back passes one too.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Answer, Fact } from '../model/answer.ts';

/** Where an answer was posted. `terminal` is the terminal chat and the `forcewatch` command. */
export const Platform = z.enum(['slack', 'discord', 'terminal']);
export type Platform = z.infer<typeof Platform>;

/** The kind of conversation an answer was posted in. */
export const ConversationKind = z.enum([
  'channel',
  'thread',
  'dm',
  'group_dm',
  'slash_command',
  /** The interactive terminal chat (`forcewatch`, `npm start` with no platform configured). */
  'terminal_chat',
  /** One question asked on the command line (`forcewatch ask "…"`). */
  'command_line',
]);
export type ConversationKind = z.infer<typeof ConversationKind>;

/** The platform and kind of conversation, together: what the report groups by. */
export const Surface = z.strictObject({ platform: Platform, conversation: ConversationKind });
export type Surface = z.infer<typeof Surface>;

/** A figure an answer showed: its id (force/metric/period, see {@link figureId}) and the value shown. */
export const FigureShown = z.strictObject({ id: z.string().min(1), value: z.number() });
export type FigureShown = z.infer<typeof FigureShown>;

/** What the question was read as asking: the measure, outcome, forces and periods of the answer's frame. */
export const Asked = z.strictObject({
  measure: z.string().min(1).optional(),
  outcome: z.string().min(1).optional(),
  forces: z.array(z.string().min(1)),
  periods: z.array(z.string().min(1)),
});
export type Asked = z.infer<typeof Asked>;

/**
 * An answer as an adapter posted it, with the id its 👍/👎 and "Report a wrong figure" controls carry.
 * Plain JSON, so an adapter can keep it in memory by id or carry it in a control's payload. It holds
 * the question's words, which the recorder keeps only when `RECORD_QUESTIONS=true`.
 */
export const PostedAnswer = z.strictObject({
  id: z.string().min(1).max(100),
  surface: Surface,
  status: z.enum(['answered', 'no_data', 'unclear']),
  /** The engine's question type (`lookup`, `ranking`, …), where it gave one. */
  type: z.string().min(1).optional(),
  /** Why it was declined (`metric_not_held`, …), for a `no_data` answer. */
  reason: z.string().min(1).optional(),
  asked: Asked,
  figures: z.array(FigureShown),
  question: z.string(),
});
export type PostedAnswer = z.infer<typeof PostedAnswer>;

/**
 * The id of the figure a fact states: `force/metric/period` ("hampshire/complaint-allegations/2021-22").
 * It names what was measured, for whom and when, rather than the data file's row, so a report of a
 * wrong figure still finds the figure after the data is re-ingested or the value is corrected.
 */
export function figureId(fact: Pick<Fact, 'force' | 'metric' | 'periodId'>): string {
  return `${fact.force}/${fact.metric}/${fact.periodId}`;
}

/** The figures an answer states from its sources, once each; figures it worked out are left out,
 * being made from these. */
export function figuresShown(answer: Pick<Answer, 'facts'>): FigureShown[] {
  const seen = new Map<string, FigureShown>();
  for (const fact of answer.facts) {
    if (fact.computed !== undefined) continue;
    const figure = { id: figureId(fact), value: fact.value };
    seen.set(`${figure.id}=${figure.value}`, figure);
  }
  return [...seen.values()];
}

/**
 * Describes an answer as posted: call it where the adapter posts the answer, and keep the result
 * (by `id`) for the answer's feedback controls.
 *
 * @param id - Defaults to a new UUID; pass one when the platform's own message id should be used.
 */
export function postedAnswer(answer: Answer, surface: Surface, id: string = randomUUID()): PostedAnswer {
  const frame = answer.frame;
  return PostedAnswer.parse({
    id,
    surface,
    status: answer.status,
    ...(answer.type !== undefined ? { type: answer.type } : {}),
    ...(answer.status === 'no_data' ? { reason: answer.reason } : {}),
    asked: {
      ...(frame?.measure !== undefined ? { measure: frame.measure } : {}),
      ...(frame?.outcome !== undefined ? { outcome: frame.outcome } : {}),
      forces: frame?.forces ?? [],
      periods: frame?.periods ?? [],
    },
    figures: figuresShown(answer),
    question: answer.question,
  });
}

/** A 👍 or a 👎. */
export const Rating = z.enum(['up', 'down']);
export type Rating = z.infer<typeof Rating>;

/** Longest note kept from a report; a platform's modal field should allow no more. */
export const MAX_NOTE_LENGTH = 2000;

/** Who gave feedback: the platform's user id, so a repeated click by the same person updates. */
const Person = z.string().min(1).max(200);

/** A posted answer as the store keeps it: everything but the question's words, which a record
 * carries beside it only when the deployment records questions. */
export const AnswerSeen = PostedAnswer.omit({ question: true });
export type AnswerSeen = z.infer<typeof AnswerSeen>;

/** A rating or a wrong-figure report, as written to the store. */
export const FeedbackRecord = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rating'), answer: AnswerSeen, person: Person, rating: Rating, question: z.string().nullable() }),
  z.strictObject({
    kind: z.literal('report'),
    answer: AnswerSeen,
    person: Person,
    note: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
    question: z.string().nullable(),
  }),
]);
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** A declined (`no_data`) or `unclear` answer, as written to the store. */
export const DeclinedRecord = z.strictObject({
  answer: AnswerSeen.refine((a) => a.status !== 'answered', 'only a declined or unclear answer is recorded as declined'),
  question: z.string().nullable(),
});
export type DeclinedRecord = z.infer<typeof DeclinedRecord>;
