/**
 * How a share moved between two periods ("Was the share of complaints recorded formally lower in
 * 2024/25 than in 2022/23?"): each period's share of its whole, worked out as a share answer does,
 * and the change between them in percentage points — never the change in the count the share is of.
 */
import type { Metric } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatNumber, round1 } from '../text/numbers.ts';
import { riseOrFallClaimed, verdict } from './claimed.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { PeriodGroup } from './figure-store.ts';
import { inPeriod } from './holdings.ts';
import { shareFor, totalMetric } from './shares.ts';

/** The text of the change in `metric`'s share of its whole for `force` from one period to another, or
 * undefined when either period's share cannot be worked out (no whole held). */
export function shareChangeText(
  ctx: AnswerContext,
  frame: QueryFrame,
  draft: AnswerDraft,
  force: string,
  metric: Metric,
  from: PeriodGroup,
  to: PeriodGroup,
): string | undefined {
  const total = totalMetric(ctx, metric);
  const a = shareFor(ctx, draft, force, metric, from.period.id, 'both');
  const b = shareFor(ctx, draft, force, metric, to.period.id, 'both');
  if (!total || !a || !b) return undefined;
  const points = round1(b.value - a.value);
  const working = `${formatNumber(b.value)}% − ${formatNumber(a.value)}% = ${points < 0 ? '−' : ''}${formatNumber(Math.abs(points))} points`;
  draft.computed(
    {
      force,
      forceName: draft.forceName(force),
      periodId: `${from.period.id}..${to.period.id}`,
      period: `${from.period.label} to ${to.period.label}`,
      metric: `${metric.id}-share`,
      metricLabel: `change in the share of ${total.label} that were ${metric.label}`,
      unit: 'percent',
    },
    points,
    'difference',
    [a.fact, b.fact],
    working,
  );
  const claim = riseOrFallClaimed(frame);
  const judged = claim ? verdict(points !== 0 && points > 0 === (claim === 'rise')) : '';
  const direction = points > 0 ? 'rose' : points < 0 ? 'fell' : 'did not change';
  const by = points === 0 ? '' : `: ${points > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(points))} percentage points (our calculation: ${working})`;
  return `${judged}${draft.forceName(force)}: the share of ${total.label} that were ${metric.label} ${direction} from ${a.text} ${inPeriod(from.period)} to ${b.text} ${inPeriod(to.period)}${by}.`;
}
