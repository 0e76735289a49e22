/**
 * The parts of a whole beside it: a measure marked `partOf` another in the catalogue (allegations
 * investigated, of all allegations finalised under Schedule 3; officers, of officers and staff) is
 * given with the whole it splits, for the same force, outcome and period.
 */
import type { Metric } from '../model/data.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';

/** The count metrics that split `whole` (same outcome, a measure that is part of its measure). */
export function partMetrics(ctx: AnswerContext, whole: Metric): Metric[] {
  return ctx.metrics.filter((m) => m.unit === 'count' && m.outcome === whole.outcome && ctx.measures.get(m.measure)?.partOf === whole.measure);
}

/** " Of these: 1,468 allegations not investigated (72%) [1]; 558 allegations investigated (28%) [1]." or "". */
export function partsOf(ctx: AnswerContext, draft: AnswerDraft, force: string, whole: Metric, periods: string[]): string {
  const parts = partMetrics(ctx, whole).flatMap((m) =>
    ctx.store.of(force, m.id).filter((o) => periods.includes(o.period.id)).map((o) => {
      const s = draft.stated(o);
      const short = ctx.measures.get(m.measure)?.short ?? m.label;
      draft.allow(short);
      // The part's share of the whole, where the source states it.
      const share = ctx.metrics.find((x) => x.unit === 'percent' && x.measure === m.measure && x.outcome === m.outcome);
      const stated = share ? ctx.store.of(force, share.id).find((x) => x.period.id === o.period.id) : undefined;
      const pct = stated ? ` (${draft.stated(stated).shown})` : '';
      return `${s.shown} ${short}${pct} ${s.marks}`;
    }),
  );
  return parts.length > 0 ? ` Of these: ${parts.join('; ')}.` : '';
}
