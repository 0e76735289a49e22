/**
 * What we hold, in words: used wherever an answer declines, so a no-data reply always says what
 * we do have instead.
 */
import type { Force, Period } from '../model/data.ts';
import { memoisedPer } from '../text/memo.ts';
import { periodOrder } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import type { FigureStore, Observation } from './figure-store.ts';

/** What follows a list, on a line of its own so it is never read as part of the last item. */
export function belowList(text: string): string {
  return text.trim() === '' ? '' : `\n${text.trim()}`;
}

/** "Hampshire Constabulary, Hertfordshire Constabulary and England and Wales" */
export function joinNames(names: readonly string[], conjunction = 'and'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** The places we hold any figure for, forces first. */
export function placesHeld(ctx: AnswerContext): readonly string[] {
  return placesOf(ctx.store, ctx.forces);
}

/** `placesHeld`, remembered per store and register: every no-data reply says it, and sorting the
 * names by locale each time was a thirtieth of one's time. */
const placesOf = memoisedPer((store: FigureStore, forces: Map<string, Force>): readonly string[] =>
  store
    .forces()
    .map((id) => forces.get(id))
    .filter((f) => f !== undefined)
    .sort((a, b) => Number(a.kind === 'area') - Number(b.kind === 'area') || a.name.localeCompare(b.name))
    .map((f) => f.name),
);

/** Lists longer than this are summarised rather than spelt out. */
const LIST_LIMIT = 8;

/** "We hold figures for …" */
export function whatWeHold(ctx: AnswerContext): string {
  const places = placesHeld(ctx);
  if (places.length <= LIST_LIMIT) return `We hold figures for ${joinNames(places)}.`;
  return 'We hold figures for every police force of England and Wales, and for England and Wales as a whole.';
}

/** The newest observation held for a force of each measure and of each outcome. */
interface NewestHeld {
  /** Each measure's newest period, the measures in the order their first observation comes. */
  byMeasure: ReadonlyMap<string, Period>;
  byOutcome: ReadonlyMap<string, Observation>;
}

/**
 * What a decline names as held for a force, worked out once per store and force: reading every
 * observation of the force for each declined question was half the question set's time at 100,000
 * documents (a force holds some 20,000 observations there). The observations come oldest first,
 * and of those sharing the newest period the first is kept, as a stable sort newest first would.
 */
const newestHeld = memoisedPer((store: FigureStore, force: string): NewestHeld => {
  const byMeasure = new Map<string, Period>();
  const byOutcome = new Map<string, Observation>();
  for (const obs of store.forForce(force)) {
    const order = periodOrder(obs.period);
    const measure = byMeasure.get(obs.metric.measure);
    if (measure === undefined || order > periodOrder(measure)) byMeasure.set(obs.metric.measure, obs.period);
    const outcome = obs.metric.outcome === undefined ? undefined : byOutcome.get(obs.metric.outcome);
    if (obs.metric.outcome !== undefined && (outcome === undefined || order > periodOrder(outcome.period))) byOutcome.set(obs.metric.outcome, obs);
  }
  return { byMeasure, byOutcome };
});

/** How many held measures a decline names: the closest few, then where to see the rest. */
const CLOSEST = 3;
/** The longest period name a decline's list of what we hold gives beside a measure. */
const SHORT_PERIOD = 24;

/**
 * The measures held for a force (or England and Wales) closest to the one asked, at most three, each
 * with its newest period: "For Kent Police we hold, among others: allegations logged (2024-25), …".
 * Closest means the measure itself (another period), then its parts and whole, then measures the
 * same everyday words name, then measures of the same publications, then the newest. The answer points to the force card for everything.
 * What became of cases that the question names (`results`: "dismissed") and a measure holds as a
 * breakdown comes first: "officers dismissed" overall is not held, but those dismissed after an
 * IOPC case to answer are.
 */
export function closestHeld(ctx: AnswerContext, draft: AnswerDraft, force: string, near?: string, results: readonly string[] = []): string {
  const held = newestHeld(ctx.store, force);
  const newest = held.byMeasure;
  const asked = near === undefined ? undefined : ctx.measures.get(near);
  const closeness = (id: string): number => {
    const m = ctx.measures.get(id);
    if (!asked || !m) return 3;
    if (id === asked.id) return 0;
    const related =
      [m.partOf, m.rateOf, m.timeOf, m.supersededBy].includes(asked.id) ||
      [asked.partOf, asked.rateOf, asked.timeOf, asked.supersededBy].includes(id) ||
      (m.partOf !== undefined && m.partOf === asked.partOf);
    // Measures the same everyday words name ("allegations": handled under the formal process, or logged).
    const sameWords = (m.broad ?? []).some((w) => asked.broad?.includes(w));
    return related ? 1 : sameWords ? 1.5 : m.family === asked.family ? 2 : 3;
  };
  const asBreakdown = results.flatMap((id) => {
    const outcome = ctx.outcomes.get(id);
    const obs = outcome?.dimension === 'outcome' && !outcome.generic ? held.byOutcome.get(id) : undefined;
    return obs ? [{ measure: obs.metric.measure, label: obs.metric.label, period: obs.period }] : [];
  });
  const byCloseness = [...newest]
    .filter(([id]) => !asBreakdown.some((b) => b.measure === id))
    .sort(([a, pa], [b, pb]) => closeness(a) - closeness(b) || periodOrder(pb) - periodOrder(pa))
    .map(([id, period]) => ({ label: ctx.measures.get(id)?.short ?? id, period }));
  const chosen = [...asBreakdown, ...byCloseness].slice(0, CLOSEST).map(({ label, period }) => {
    draft.allow(label, 'measure');
    draft.allow(period.label, 'period');
    // A period described at length ("the latest year the article reports (year not stated)") is
    // left to the force card.
    return period.kind === 'unstated' || period.label.length > SHORT_PERIOD ? label : `${label} (${period.label})`;
  });
  draft.more(force);
  const others = newest.size > chosen.length ? ', among others' : '';
  return `For ${draft.forceName(force)} we hold${others}: ${chosen.join('; ')}.`;
}

/**
 * A breakdown held for a force only within a wider one ("race" inside "discriminatory behaviour"
 * in the IOPC's force table): "The nearest we hold is discriminatory behaviour (allegations logged,
 * 2024-25), which counts race discrimination with the other kinds." Named, not given: it is a
 * different count from the one asked.
 */
export function widerBreakdownHeld(ctx: AnswerContext, draft: AnswerDraft, force: string, outcomeId: string): string | undefined {
  const outcome = ctx.outcomes.get(outcomeId);
  const wider = outcome?.within === undefined ? undefined : ctx.outcomes.get(outcome.within);
  if (!outcome || !wider) return undefined;
  const newest = newestHeld(ctx.store, force).byOutcome.get(wider.id);
  if (!newest) return undefined;
  const measure = ctx.measures.get(newest.metric.measure)?.short ?? newest.metric.measure;
  for (const name of [wider.label, measure, newest.period.label]) draft.allow(name, 'measure');
  const kind = outcome.terms[0] ?? outcome.label;
  return `The nearest we hold is ${wider.label} (${measure}, ${newest.period.label}), which counts ${kind} with the other kinds.`;
}

/**
 * Every measure held for a force, each with its periods and kinds of source, one per line:
 * "conduct matter allegations (2021-22; news report of official statistics)".
 */
export function holdingsList(ctx: AnswerContext, draft: AnswerDraft, force: string): string[] {
  const measures = new Map<string, { periods: Set<string>; types: Set<string> }>();
  for (const obs of ctx.store.forForce(force)) {
    const label = ctx.measures.get(obs.metric.measure)?.label ?? obs.metric.measure;
    draft.allow(label, 'measure');
    const entry = measures.get(label) ?? { periods: new Set<string>(), types: new Set<string>() };
    entry.periods.add(obs.period.label);
    draft.allow(obs.period.label, 'period');
    for (const type of obs.sourceTypes) entry.types.add(type);
    measures.set(label, entry);
  }
  return [...measures].map(([label, e]) => `${label} (${[...e.periods].join('; ')}; ${[...e.types].join(', ')})`);
}

/** Measures held for some force but not for this one: what a force card says we lack. */
export function notHeldFor(ctx: AnswerContext, draft: AnswerDraft, force: string): string[] {
  return measuresLacking(ctx, force).map((m) => {
    const label = ctx.measures.get(m)?.label ?? m;
    draft.allow(label);
    return label;
  });
}

/** The ids of the measures held for some force but not for this one, remembered per context: working
 * them out reads every force's figures, an eighth of a force card's time. */
const measuresLacking = memoisedPer((ctx: AnswerContext, force: string): readonly string[] => {
  const held = new Set(ctx.store.forForce(force).map((o) => o.metric.measure));
  const elsewhere = new Set(
    ctx.store
      .forces()
      .filter((f) => f !== force && ctx.forces.get(f)?.kind !== 'area')
      .flatMap((f) => ctx.store.forForce(f).map((o) => o.metric.measure)),
  );
  return [...elsewhere].filter((m) => !held.has(m));
});

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
