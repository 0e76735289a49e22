/** A period's figures written as one clause of an answer. */
import type { AnswerDraft } from './draft.ts';
import type { PeriodGroup } from './figure-store.ts';
import { inPeriod, joinNames } from './holdings.ts';

/** One period's figure(s) as a clause; a conflict between sources is shown, never resolved. */
export function stateGroup(group: PeriodGroup, draft: AnswerDraft, withLabel = true): string {
  const [first, ...others] = group.observations;
  if (!first) return '';
  if (others.length === 0) {
    const s = draft.stated(first);
    const what = !withLabel ? s.shown : first.metric.unit === 'percent' ? `${s.shown} (${first.metric.label})` : `${s.shown} ${first.metric.label}`;
    return `${what} ${inPeriod(group.period)} ${s.marks}${withLabel ? ` (${draft.provenance(first)})` : ''}`;
  }
  const parts = group.observations.map((o) => {
    const s = draft.stated(o);
    return withLabel ? `${s.shown} ${s.marks} (${draft.provenance(o)})` : `${s.shown} ${s.marks}`;
  });
  if (!withLabel) return `${joinNames(parts, 'or')} ${inPeriod(group.period)} (the sources differ)`;
  return `${first.metric.label} ${inPeriod(group.period)}: the sources differ — ${joinNames(parts)}. We show both rather than pick one`;
}
