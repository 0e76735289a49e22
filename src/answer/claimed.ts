/**
 * A figure a claim puts to the data ("I have 801 complaint cases finalised under Schedule 3. Is that
 * right?") that is not the one answered but is another measure's for the same place and period: the
 * answer says whose figure it is, cited, so a number taken from the wrong column is caught.
 */
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { inPeriod } from './holdings.ts';

/** " The 801 quoted is Warwickshire Police's figure for …" for each claimed figure found under another measure; else "". */
export function claimedElsewhere(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, force: string, metric: Metric, periods: readonly string[]): string {
  const claimed = frame.claimed ?? [];
  if (claimed.length === 0) return '';
  const held = ctx.store.forForce(force).filter((o) => periods.includes(o.period.id));
  // A claimed figure the answer's own measure holds is confirmed by the answer itself.
  const answered = new Set(held.filter((o) => o.metric.id === metric.id).map((o) => o.value));
  const notes = claimed.flatMap((value) => {
    if (answered.has(value)) return [];
    const other = held.find((o) => o.value === value && o.metric.id !== metric.id && o.metric.unit === metric.unit);
    if (!other) return [];
    const s = draft.stated(other);
    draft.allow(other.metric.label);
    return [` The ${s.shown} quoted is ${draft.forceName(force)}'s figure for ${other.metric.label} ${inPeriod(other.period)} ${s.marks}, another measure.`];
  });
  return notes.join('');
}
