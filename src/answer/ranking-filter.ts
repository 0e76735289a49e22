/**
 * "Among forces with 10 or more reviews, which had the highest share found not reasonable?": the
 * forces a ranking or count is over, picked by the count their share is of, so a share of one or two
 * cases does not top the list. The forces left out are counted and the rule said.
 */
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatNumber } from '../text/numbers.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { Observation } from './figure-store.ts';
import { totalMetric } from './shares.ts';
import { meetsThreshold, thresholdWords } from '../understand/shape.ts';
import { countOf } from './rankings.ts';

/** The rows kept, and a sentence saying which were kept ("" when no filter was asked). */
export function pickedBy(
  ctx: AnswerContext,
  draft: AnswerDraft,
  filter: QueryFrame['ranking']['filter'],
  metric: Metric,
  rows: readonly Observation[],
): { rows: Observation[]; note: string } {
  // A filter on the count a share is of; a count is filtered by its own value, which is the threshold's job.
  const whole = filter && metric.unit === 'percent' ? totalMetric(ctx, metric) : undefined;
  if (!filter || !whole) return { rows: [...rows], note: '' };
  const kept = rows.filter((o) => {
    const held = ctx.store.of(o.force, whole.id).filter((w) => w.period.id === o.period.id);
    return held.length === 1 && meetsThreshold(filter, (held[0] as Observation).value);
  });
  const rule = `${thresholdWords(filter)} ${formatNumber(filter.value)}`;
  draft.allow(rule);
  draft.allow(whole.label);
  const left = rows.length - kept.length;
  const period = rows[0]?.period;
  if (period && left > 1)
    countOf(
      draft,
      left,
      'forces left out by the rule asked',
      period,
      rows.filter((o) => !kept.includes(o)).map((o) => draft.forceName(o.force)),
    );
  const note = ` Only forces with ${rule} ${whole.label} are included, as asked; ${left === 0 ? 'none was' : `${left === 1 ? 'one was' : `${left} were`}`} left out.`;
  return { rows: kept, note };
}
