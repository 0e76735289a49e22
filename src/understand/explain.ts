/**
 * How a question was read, in words a user can check (`forcewatch ask --explain`, the chat's
 * `/explain`): its kind, the forces and places, the periods, the measures and breakdowns its words
 * fit and how strongly, and the shape of the answer asked for.
 */
import type { Force, Measure, Outcome } from '../model/data.ts';
import type { ParsedQuestion } from './question.ts';

/** The reading of one question, as plain data. */
export interface Explanation {
  question: string;
  type: ParsedQuestion['type'];
  /** Forces answered for, and whether they were carried from the previous question. */
  forces: Array<{ id: string; name: string }>;
  forcesCarried: boolean;
  places: Array<{ place: string; force: string }>;
  excluded: string[];
  outOfScope?: { place: string; coveredBy: string };
  /** Several forces one word fits ("Yorkshire"), or a region's ("Wales"). */
  ambiguous?: { word: string; candidates: string[]; region?: string };
  periods: string[];
  measures: Array<{ id: string; label: string; weight: number; loose: boolean }>;
  breakdowns: Array<{ id: string; label: string; weight: number }>;
  shape: ParsedQuestion['shape'];
  share: boolean;
}

/** Names for the ids an explanation shows. */
export interface ExplainNames {
  forces: Map<string, Force>;
  measures: Map<string, Measure>;
  outcomes: Map<string, Outcome>;
}

/** The explanation of a parsed question. */
export function explain(parsed: ParsedQuestion, names: ExplainNames): Explanation {
  const forceName = (id: string) => names.forces.get(id)?.name ?? id;
  const explanation: Explanation = {
    question: parsed.text,
    type: parsed.type,
    forces: parsed.forceIds.map((id) => ({ id, name: forceName(id) })),
    forcesCarried: parsed.forcesCarried,
    places: (parsed.forces.places ?? []).map((p) => ({ place: p.place, force: forceName(p.force) })),
    excluded: parsed.shape.excluded.map(forceName),
    periods: parsed.periods.asks.map((a) => a.label),
    measures: [...parsed.metrics.measures]
      .sort((a, b) => b[1] - a[1])
      .map(([id, weight]) => ({ id, label: names.measures.get(id)?.label ?? id, weight, loose: parsed.metrics.loose.has(id) })),
    breakdowns: [...parsed.metrics.outcomes].sort((a, b) => b[1] - a[1]).map(([id, weight]) => ({ id, label: names.outcomes.get(id)?.label ?? id, weight })),
    shape: parsed.shape,
    share: parsed.share,
  };
  const { outOfScope, ambiguous } = parsed.forces;
  if (outOfScope) explanation.outOfScope = { place: outOfScope.place, coveredBy: outOfScope.force.name };
  if (ambiguous) explanation.ambiguous = { ...ambiguous, candidates: ambiguous.candidates.map(forceName) };
  return explanation;
}

/** The explanation as a few lines for the terminal. */
export function explanationText(e: Explanation): string {
  const weight = (n: number) => (Math.round(n * 10) / 10).toString();
  const shape = [
    e.shape.rank ? `a ranking${e.shape.direction ? `, ${e.shape.direction} first` : ''}${e.shape.limit ? `, ${e.shape.limit} places` : ''}` : undefined,
    e.shape.perHead ? 'per 1,000 workforce' : undefined,
    e.shape.total ? 'a total over forces' : undefined,
    e.shape.countForces ? 'a count of forces' : undefined,
    e.shape.threshold ? `${e.shape.threshold.op === 'more' ? 'more' : 'fewer'} than ${e.shape.threshold.value}` : undefined,
    e.shape.nationalTarget ? 'compared with England and Wales' : undefined,
    e.shape.breakdown ? 'broken down by outcome' : undefined,
    e.share ? 'as a share' : undefined,
  ].filter((s): s is string => s !== undefined);
  const lines = [
    `Read as: ${e.type}${shape.length > 0 ? ` (${shape.join('; ')})` : ''}`,
    `Forces: ${e.forces.length > 0 ? e.forces.map((f) => f.name).join(', ') : 'none named'}${e.forcesCarried ? ' (carried from the previous question)' : ''}`,
    ...(e.places.length > 0 ? [`Places: ${e.places.map((p) => `${p.place} → ${p.force}`).join(', ')}`] : []),
    ...(e.excluded.length > 0 ? [`Left out: ${e.excluded.join(', ')}`] : []),
    ...(e.outOfScope ? [`Outside England and Wales: ${e.outOfScope.place} (${e.outOfScope.coveredBy})`] : []),
    ...(e.ambiguous ? [`Could be: ${e.ambiguous.candidates.join(', ')} ("${e.ambiguous.word}")`] : []),
    `Periods: ${e.periods.length > 0 ? e.periods.join(', ') : 'none named'}`,
    `Measures the words fit: ${e.measures.length > 0 ? e.measures.map((m) => `${m.label} (${weight(m.weight)}${m.loose ? ', loosely' : ''})`).join('; ') : 'none'}`,
    ...(e.breakdowns.length > 0 ? [`Breakdowns: ${e.breakdowns.map((b) => `${b.label} (${weight(b.weight)})`).join('; ')}`] : []),
  ];
  return lines.join('\n');
}
