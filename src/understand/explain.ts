/**
 * How a question was read, in words a user can check (`forcewatch ask --explain`, the chat's
 * `/explain`): the query frame itself, with the names of the forces, measures and breakdowns it
 * holds by id, so a user can see why an answer says what it says.
 */
import { thresholdWords } from './shape.ts';
import type { Force, Measure, Outcome } from '../model/data.ts';
import type { QueryFrame, Scope } from '../model/frame.ts';

/** The reading of one question: its frame, and a name for each id the frame holds. */
export interface Explanation {
  question: string;
  frame: QueryFrame;
  names: Record<string, string>;
}

/** Names for the ids an explanation shows. */
export interface ExplainNames {
  forces: Map<string, Force>;
  measures: Map<string, Measure>;
  outcomes: Map<string, Outcome>;
}

/** The explanation of a question's frame. */
export function explain(question: string, frame: QueryFrame, names: ExplainNames): Explanation {
  const ids = new Set<string>();
  const { scope, measure } = frame;
  if (scope.kind === 'forces') for (const f of [...scope.forces, ...scope.places.map((p) => p.force)]) ids.add(f);
  if (scope.kind === 'region') for (const f of scope.forces) ids.add(f);
  if (scope.kind === 'ambiguous') for (const f of scope.candidates) ids.add(f);
  if (scope.kind === 'every-force' || scope.kind === 'region') for (const f of scope.except) ids.add(f);
  for (const f of [...measure.fits, ...measure.breakdowns, ...measure.inside]) ids.add(f.id);
  for (const id of [...measure.touched, ...measure.together.flat().map((f) => f.id), measure.carried?.measure, measure.carried?.breakdown, measure.subjectOnly])
    if (id !== undefined) ids.add(id);
  const named: Record<string, string> = {};
  for (const id of ids) {
    const name = names.forces.get(id)?.name ?? names.measures.get(id)?.label ?? names.outcomes.get(id)?.label;
    if (name !== undefined) named[id] = name;
  }
  return { question, frame, names: named };
}

/** A scope in words. */
function scopeText(scope: Scope, name: (id: string) => string): string {
  switch (scope.kind) {
    case 'forces':
      return `${scope.forces.map(name).join(', ')}${scope.carried ? ' (carried from the previous question)' : ''}`;
    case 'national':
      return 'England and Wales as a whole';
    case 'every-force':
      return `every force${scope.except.length > 0 ? ` except ${scope.except.map(name).join(', ')}` : ''}`;
    case 'region':
      return `the forces of ${scope.region} (${scope.forces.map(name).join(', ')})${scope.except.length > 0 ? ` except ${scope.except.map(name).join(', ')}` : ''}`;
    case 'unnamed':
      return 'none named (England and Wales where the figure is held for it)';
    case 'unknown':
      return `a force we don't know ("${scope.name}")`;
    case 'ambiguous':
      return `could be ${scope.candidates.map(name).join(', ')} ("${scope.word}")`;
    case 'outside':
      return `${scope.place}, outside England and Wales (${scope.force.name})`;
  }
}

/** The explanation as a few lines for the terminal. */
export function explanationText({ frame, names }: Explanation): string {
  const name = (id: string) => names[id] ?? id;
  const weight = (n: number) => (Math.round(n * 10) / 10).toString();
  const { ranking, measure, scope } = frame;
  const shape = [
    ranking.direction ? `${ranking.direction} first` : undefined,
    (frame.intent === 'rank' || frame.intent === 'count') && ranking.over !== 'forces'
      ? `${frame.intent === 'rank' ? 'ordering' : 'counting'} its ${ranking.over === 'periods' ? 'years' : ranking.over}`
      : undefined,
    ranking.limit ? `${ranking.limit} places` : undefined,
    ranking.position ? `place ${ranking.position}` : undefined,
    frame.normalisation === 'per-1000'
      ? 'per 1,000 workforce'
      : frame.normalisation === 'share'
        ? 'as a share'
        : frame.normalisation === 'rate'
          ? 'as a rate (published, else a share)'
          : undefined,
    frame.total ? 'a total over forces' : undefined,
    ranking.threshold ? `${thresholdWords(ranking.threshold)} ${ranking.threshold.value}` : undefined,
    ranking.pastTarget && ranking.pastPlace !== undefined
      ? `${ranking.pastTarget === 'more' ? 'above' : 'below'} ${name(ranking.pastPlace)}'s own figure`
      : undefined,
    frame.comparison.target === 'national'
      ? 'compared with England and Wales'
      : frame.comparison.target === 'average'
        ? 'compared with the average force'
        : undefined,
    frame.breakdown ? 'broken down by outcome' : undefined,
  ].filter((s): s is string => s !== undefined);
  const lines = [
    `Read as: ${frame.intent}${shape.length > 0 ? ` (${shape.join('; ')})` : ''}`,
    `Scope: ${scopeText(scope, name)}`,
    ...(scope.kind === 'forces' && scope.places.length > 0 ? [`Places: ${scope.places.map((p) => `${p.place} → ${name(p.force)}`).join(', ')}`] : []),
    `Periods: ${frame.periods.asks.length > 0 ? frame.periods.asks.map((a) => a.label).join(', ') : 'none named'}${frame.periods.since ? ' (since then)' : ''}`,
    `Measures the words fit: ${measure.fits.length > 0 ? measure.fits.map((m) => `${name(m.id)} (${weight(m.score)}${m.loose ? ', loosely' : ''})`).join('; ') : 'none'}`,
    ...(measure.together.length > 0 ? [`Answered one by one: ${measure.together.map((part) => name(part[0]?.id ?? '')).join('; ')}`] : []),
    ...(frame.ratioOf ? [`One per the other: ${name(frame.ratioOf.of[0]?.id ?? '')} per ${name(frame.ratioOf.per[0]?.id ?? '')}`] : []),
    ...(frame.outnumber ? [`Forces where ${name(frame.outnumber.measure)} is the larger figure`] : []),
    ...(measure.breakdowns.length > 0 ? [`Breakdowns: ${measure.breakdowns.map((b) => `${name(b.id)} (${weight(b.score)})`).join('; ')}`] : []),
    ...(measure.carried
      ? [`From the previous question: ${name(measure.carried.measure)}${measure.carried.breakdown ? `, ${name(measure.carried.breakdown)}` : ''}`]
      : []),
    ...(measure.unheld ? [`About: "${measure.unheld.words}", which no figure of ours is broken down by`] : []),
    ...(measure.subjectOnly ? [`Counts ${name(measure.subjectOnly)} itself, where we count only complaints about it`] : []),
    ...(frame.subject ? [`Subject: "${frame.subject}"`] : []),
    ...(frame.defineToo ? [`Also asks what "${frame.defineToo}" means`] : []),
    ...(frame.unaccounted.length > 0 ? [`Words not used: ${frame.unaccounted.join(', ')}`] : []),
  ];
  return lines.join('\n');
}
