/**
 * A ranking of a whole the catalogue holds only as its parts: "which force finalised the most complaint
 * cases?" fits cases finalised under Schedule 3 and outside it alike, so forces are put in order by
 * the two added up, each sum with its working, rather than by one part standing in for the whole.
 */
import type { Metric, Period } from '../model/data.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { partsHeld, summedParts, wholeFromParts } from './parts.ts';

/** One force's whole: its parts' sum. */
export interface WholeRow {
  force: string;
  value: number;
}

/** Each force in `forces` holding every part of `whole` in `period` once, with the parts' sum. */
export function wholeRows(ctx: AnswerContext, whole: Metric, period: Period, forces: readonly string[]): WholeRow[] {
  return forces.flatMap((force) => {
    const held = partsHeld(ctx, force, whole, period);
    return held ? [{ force, value: held.reduce((t, o) => t + o.value, 0) }] : [];
  });
}

/** What each sum adds up: "cases finalised outside Schedule 3 plus cases finalised under Schedule 3". */
export function partsNamed(ctx: AnswerContext, draft: AnswerDraft, whole: Metric): string {
  const names = summedParts(ctx, whole).map((m) => ctx.measures.get(m.measure)?.short ?? m.label);
  for (const name of names) draft.allow(name);
  return names.join(' plus ');
}

/** The list lines of the forces shown, each sum with its cited parts: "• Kent Police: 3,336 (1,927 [1] + 1,409 [1])". */
export function wholeLines(ctx: AnswerContext, draft: AnswerDraft, whole: Metric, period: Period, shown: readonly WholeRow[]): string[] {
  return shown.flatMap((row) => {
    const sum = wholeFromParts(ctx, draft, row.force, whole, period);
    const cited = (partsHeld(ctx, row.force, whole, period) ?? []).map((o) => draft.stated(o));
    return sum ? [`• ${draft.forceName(row.force)}: ${sum.shown} (${cited.map((s) => `${s.shown} ${s.marks}`).join(' + ')})`] : [];
  });
}
