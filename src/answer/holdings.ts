/**
 * What we hold, in words: used wherever an answer declines, so a no-data reply always says what
 * we do have instead.
 */
import type { Period } from '../model/data.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { byPeriod } from './figure-store.ts';

/** "Hampshire Constabulary, Hertfordshire Constabulary and England and Wales" */
export function joinNames(names: string[], conjunction = 'and'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** The places we hold any figure for, forces first. */
export function placesHeld(ctx: AnswerContext): string[] {
  return ctx.store
    .forces()
    .map((id) => ctx.forces.get(id))
    .filter((f) => f !== undefined)
    .sort((a, b) => Number(a.kind === 'area') - Number(b.kind === 'area') || a.name.localeCompare(b.name))
    .map((f) => f.name);
}

/** "We hold figures for …" */
export function whatWeHold(ctx: AnswerContext): string {
  return `We hold figures for ${joinNames(placesHeld(ctx))}.`;
}

/** The measures held for a force, each with its periods: "conduct matter allegations (2021-22)". */
export function holdingsFor(ctx: AnswerContext, draft: AnswerDraft, force: string, measure?: string): string {
  const measures = new Map<string, Set<string>>();
  for (const obs of ctx.store.forForce(force)) {
    if (measure !== undefined && obs.metric.measure !== measure) continue;
    const label = ctx.measures.get(obs.metric.measure)?.label ?? obs.metric.measure;
    draft.allow(label);
    const periods = measures.get(label) ?? new Set<string>();
    for (const { period } of byPeriod([obs])) {
      periods.add(period.label);
      draft.allow(period.label);
    }
    measures.set(label, periods);
  }
  return joinNames([...measures].map(([label, periods]) => `${label} (${[...periods].join('; ')})`));
}

/** "in 2021-22", "in the latest year the article reports (year not stated)", "at the time of …" */
export function inPeriod(p: Period): string {
  return p.kind === 'point-in-time' ? p.label : `in ${p.label}`;
}

/** An example question for help and unclear replies; its year is a name, not a figure. */
export function exampleQuestion(draft: AnswerDraft, kind: 'lookup' | 'comparison' = 'lookup'): string {
  draft.allow('2021-22');
  return kind === 'comparison'
    ? '“Which had more misconduct allegations in 2021-22, Hampshire or Hertfordshire?”'
    : '“How many misconduct allegations were made against Hampshire police in 2021-22?”';
}
