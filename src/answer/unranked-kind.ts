/**
 * A kind of allegation no figure by force counts ("which force had the most racism allegations?"):
 * declined saying so, never answered by ranking the forces' totals, with the wider kind we do hold
 * by force and the England and Wales figure, where held, named for the user to ask instead.
 */
import type { Answer } from '../model/answer.ts';
import { isKindOfAllegation, type Metric, type Outcome } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { NATIONAL } from '../understand/forces.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';

/** The kind of allegation the frame names that none of `metrics` counts, if any. */
export function kindNotRanked(ctx: AnswerContext, frame: QueryFrame, metrics: readonly Metric[]): Outcome | undefined {
  const kind = frame.measure.breakdowns.map((b) => ctx.outcomes.get(b.id)).find((o) => o !== undefined && isKindOfAllegation(o));
  return kind && !metrics.some((m) => m.outcome === kind.id) ? kind : undefined;
}

/** The decline: what we lack by force, and what we hold instead. */
export function declineKindRanking(ctx: AnswerContext, draft: AnswerDraft, kind: Outcome): Answer {
  const byForce = (outcome: string) => ctx.metrics.find((m) => m.outcome === outcome && ctx.store.forcesFor(m.id).filter((f) => f !== NATIONAL).length >= 2);
  const wider = kind.within === undefined ? undefined : ctx.outcomes.get(kind.within);
  const widerMetric = wider && byForce(wider.id);
  const national = ctx.metrics.find((m) => m.outcome === kind.id && ctx.store.holds(NATIONAL, m.id));
  for (const label of [kind.label, wider?.label, widerMetric?.label, national?.label]) if (label) draft.allow(label, 'measure');
  const instead = [
    wider && widerMetric
      ? `By force we hold ${wider.label} (${widerMetric.label}), which counts ${kind.label} with the other kinds: ask which force had the most of those.`
      : '',
    national ? `For England and Wales as a whole we hold ${national.label}: ask for the England and Wales figure.` : '',
  ].filter(Boolean);
  const text = [`We hold no figures of ${kind.label} allegations force by force, so we can't rank the forces on them.`, ...instead].join(' ');
  return draft.noData('metric_not_held', text, { type: 'ranking', forces: [], periods: [] }, 'ranking');
}
