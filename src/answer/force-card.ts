/**
 * Whole-force answers: the force card (a summary, or every figure held by period and topic), the
 * shorter overview, and the catalogue of sources.
 */
import type { Answer } from '../model/answer.ts';
import type { Metric, SourceDocument } from '../model/data.ts';
import { memoisedPer } from '../text/memo.ts';
import { formatNumber } from '../text/numbers.ts';
import { capitalise } from '../text/words.ts';
import { periodOrder } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import { citedTitle } from './citations.ts';
import { type AnswerDraft, MAX_SOURCES_PER_FIGURE } from './draft.ts';
import { byPeriod, type Observation } from './figure-store.ts';
import { holdingsList, inPeriod, joinNames, notHeldFor, whatWeHold } from './holdings.ts';

function line(obs: Observation, draft: AnswerDraft): string {
  const s = draft.stated(obs);
  return `${obs.metric.label}: ${s.shown} ${s.marks}`;
}

function notHeld(ctx: AnswerContext, draft: AnswerDraft, force: string, type: 'force_card' | 'overview'): Answer {
  return draft.noData('force_not_held', `We hold no figures for ${draft.forceName(force)}. ${whatWeHold(ctx)}`, { type, forces: [force], periods: [] }, type);
}

/** The most measures a force card's summary shows: with its first line and the pointer to the rest,
 * twelve lines. */
const SUMMARY_LINES = 10;

/**
 * A force card's summary: the newest figure of each measure held for the force (its total, not a
 * breakdown), taking the measures of each family of publications in turn so the summary spans them,
 * then where to see every figure.
 */
export function forceSummary(ctx: AnswerContext, draft: AnswerDraft, force: string): Answer {
  const all = ctx.store.forForce(force);
  if (all.length === 0) return notHeld(ctx, draft, force, 'force_card');
  const newest = new Map<string, Observation>();
  const order = (id: string) => metricOrder(ctx.metrics, id);
  for (const o of all) {
    if (o.metric.outcome !== undefined) continue;
    const held = newest.get(o.metric.measure);
    const later = held === undefined ? 1 : periodOrder(o.period) - periodOrder(held.period);
    if (later > 0 || (later === 0 && held !== undefined && order(o.metric.id) < order(held.metric.id))) newest.set(o.metric.measure, o);
  }
  // Each family's newest measures first (a year not stated counts as old), the families taken in turn.
  const recency = (o: Observation) => (o.period.kind === 'unstated' ? 0 : periodOrder(o.period));
  const families = new Map<string, Observation[]>();
  for (const o of [...newest.values()].sort((a, b) => recency(b) - recency(a) || order(a.metric.id) - order(b.metric.id))) {
    const family = ctx.measures.get(o.metric.measure)?.family ?? '';
    families.set(family, [...(families.get(family) ?? []), o]);
  }
  const chosen: Observation[] = [];
  for (let round = 0; chosen.length < SUMMARY_LINES && [...families.values()].some((list) => list.length > round); round++)
    for (const list of families.values()) if (list[round] && chosen.length < SUMMARY_LINES) chosen.push(list[round] as Observation);
  // The caveats of the figures shown are lines of the summary too.
  const notes = (obs: Observation[]) =>
    new Set(obs.flatMap((o) => o.figures.slice(0, MAX_SOURCES_PER_FIGURE).flatMap((f) => (f.note === undefined ? [] : [f.note])))).size;
  while (chosen.length > 1 && chosen.length + notes(chosen) > SUMMARY_LINES) chosen.pop();
  const lines = chosen.map((o) => {
    const s = draft.stated(o);
    const label = capitalise(ctx.measures.get(o.metric.measure)?.short ?? o.metric.label);
    draft.allow(label, 'measure');
    draft.allow(o.period.label, 'period');
    return `• ${label}, ${o.period.label}: ${s.shown} ${s.marks}`;
  });
  const shown = chosen.length < newest.size ? 'the newest figure of some of the measures we hold, one a line' : 'the newest figure of each measure we hold';
  if (chosen.length < all.length) draft.more(force, true);
  return draft.answered('force_card', `${draft.forceName(force)}: ${shown}.\n${lines.join('\n')}`, { type: 'force_card', forces: [force], periods: [] });
}

/** Every figure held for a force, newest period first, grouped by topic. */
export function forceCard(ctx: AnswerContext, draft: AnswerDraft, force: string): Answer {
  const all = ctx.store.forForce(force);
  if (all.length === 0) return notHeld(ctx, draft, force, 'force_card');
  const periods = byPeriod(all).reverse();
  const sections = periods.map(({ period, observations }) => {
    draft.allow(period.label);
    const topics = new Map<string, Observation[]>();
    for (const o of observations) {
      const list = topics.get(o.metric.topic);
      if (list) list.push(o);
      else topics.set(o.metric.topic, [o]);
    }
    const body = [...topics].map(([topic, obs]) => `  ${topic}: ${obs.map((o) => line(o, draft)).join('; ')}.`);
    return `${period.label}\n${body.join('\n')}`;
  });
  const missing = notHeldFor(ctx, draft, force);
  const lacking = missing.length > 0 ? `\nNot held for this force (we hold these for others): ${joinNames(missing)}.` : '';
  const text = `Every figure we hold for ${draft.forceName(force)}, newest first:\n${sections.join('\n')}${lacking}`;
  return draft.answered('force_card', text, { type: 'force_card', forces: [force], periods: [] });
}

/** The headline figure of each measure held for a force: its latest value, and the earliest for context. */
export function overview(ctx: AnswerContext, draft: AnswerDraft, force: string): Answer {
  const all = ctx.store.forForce(force);
  if (all.length === 0) return notHeld(ctx, draft, force, 'overview');
  const totals = new Map<string, Observation[]>();
  const order = (id: string) => metricOrder(ctx.metrics, id);
  for (const o of [...all].sort((a, b) => order(a.metric.id) - order(b.metric.id))) {
    if (o.metric.outcome !== undefined || o.metric.unit !== 'count') continue;
    const series = totals.get(o.metric.id);
    if (series) series.push(o);
    else totals.set(o.metric.id, [o]);
  }
  const lines = [...totals.values()].map((series) => {
    const groups = byPeriod(series);
    const latest = groups.at(-1);
    if (!latest) return '';
    const first = latest.observations[0] as Observation;
    const s = draft.stated(first);
    draft.allow(latest.period.label);
    let text = `• ${first.metric.label}: ${s.shown} ${inPeriod(latest.period)} ${s.marks}`;
    if (groups.length > 1) {
      const earliest = groups[0]?.observations[0] as Observation;
      const e = draft.stated(earliest);
      draft.allow(earliest.period.label);
      text += ` (earliest we hold: ${e.shown} ${inPeriod(earliest.period)} ${e.marks})`;
    }
    return text;
  });
  // Recommendations are searched by topic, not listed: a force can have hundreds.
  const { listed: documents, recommendations } = documentsAbout(ctx.documents, force);
  const docs = documents.slice(0, SOURCES_LISTED).map((d) => {
    draft.allow(d.title);
    return `${citedTitle(d)} (${d.publisher})`;
  });
  const unlisted = documents.length - docs.length;
  if (unlisted > 0) {
    // A count of our own documents, not a figure from them.
    const rest = `${formatNumber(unlisted)} other document${unlisted === 1 ? '' : 's'}`;
    draft.allow(rest);
    docs.push(rest);
  }
  const recs = recommendations
    ? ` We also hold IOPC learning recommendations to ${draft.forceName(force)}: ask, for example, “what has the IOPC recommended to ${draft.shortName(force)} about custody?”.`
    : '';
  const text = `What we hold for ${draft.forceName(force)}:\n${lines.join('\n')}\nSources: ${joinNames(docs)}. Ask for the force card for every figure, or ask about any of these.${recs}`;
  return draft.answered('overview', text, { type: 'overview', forces: [force], periods: [] });
}

/** What we hold for one force, by measure, period and kind of source. */
export function forceCatalogue(ctx: AnswerContext, draft: AnswerDraft, force: string): Answer {
  if (!ctx.store.holds(force)) return notHeld(ctx, draft, force, 'overview');
  const missing = notHeldFor(ctx, draft, force);
  const lacking = missing.length > 0 ? `\nWe don't hold for it: ${joinNames(missing)}.` : '';
  const held = holdingsList(ctx, draft, force);
  // A count of our own measures, not a figure from a source.
  const count = held.length === 1 ? 'one measure' : `${formatNumber(held.length)} measures`;
  draft.allow(count);
  const text = `For ${draft.forceName(force)} we hold ${count}:\n${held.map((h) => `• ${h}`).join('\n')}${lacking}`;
  return draft.answered('sources', text, { type: 'sources', forces: [force], periods: [] });
}

/** Each metric's place in the metrics file, the order an overview lists measures in, remembered:
 * looking it up in each comparison of the sort was a fifth of a national overview's time. */
const metricOrder = memoisedPer((metrics: Metric[], id: string) => metrics.findIndex((m) => m.id === id));

/** The documents naming a force, in data order, other than recommendations, and whether any
 * recommendation names it; remembered, as finding them read every document for each overview. */
const documentsAbout = memoisedPer((documents: Map<string, SourceDocument>, force: string) => {
  const mine = [...documents.values()].filter((d) => d.forces.includes(force));
  return { listed: mine.filter((d) => d.kind !== 'recommendation'), recommendations: mine.some((d) => d.kind === 'recommendation') };
});

/** Documents an overview names before it counts the rest: a national overview can have thousands. */
const SOURCES_LISTED = 8;

/** Publishers listed per kind of source before the rest are summarised. */
const PUBLISHERS_LISTED = 8;

/** What the catalogue says of the documents, read once per loaded data: a large corpus has a hundred
 * thousand documents, and "what data do you have?" read them all each time it was asked. */
interface Holdings {
  /** Each kind of source with its publishers' names, sorted. */
  publishers: Map<string, string[]>;
  /** Whether any document is an IOPC learning recommendation. */
  recommendations: boolean;
}

const documentHoldings = memoisedPer((documents: ReadonlyMap<string, SourceDocument>, _: 'holdings'): Holdings => {
  const byType = new Map<string, Set<string>>();
  let recommendations = false;
  for (const d of documents.values()) {
    byType.set(d.sourceType, (byType.get(d.sourceType) ?? new Set()).add(d.publisher));
    recommendations ||= d.kind === 'recommendation';
  }
  return { publishers: new Map([...byType].map(([type, publishers]) => [type, [...publishers].sort()])), recommendations };
});

/** The documents and places we hold: each document when there are few, by kind of source when many. */
export function catalogue(ctx: AnswerContext, draft: AnswerDraft): Answer {
  const held = documentHoldings(ctx.documents, 'holdings');
  let body: string;
  if (ctx.documents.size <= PUBLISHERS_LISTED) {
    const docs = [...ctx.documents.values()];
    // Only titles shown are allowed: allowing thousands would make the grounding check crawl.
    for (const d of docs) draft.allow(d.title);
    body = docs.map((d) => `• ${citedTitle(d)} — ${d.publisher}`).join('\n');
  } else {
    body = [...held.publishers]
      .map(([type, names]) => {
        const listed = names.slice(0, PUBLISHERS_LISTED);
        // Publishers' names can hold digits ("bt24news"): they are names, not figures.
        for (const name of listed) draft.allow(name);
        const shown = listed.join(', ');
        return `• ${type}: ${shown}${names.length > PUBLISHERS_LISTED ? ' and others' : ''}`;
      })
      .join('\n');
  }
  const recs = held.recommendations
    ? '\nAsk about IOPC learning recommendations too, such as “What has the IOPC recommended to Sussex Police about custody?”'
    : '';
  return draft.answered('sources', `${whatWeHold(ctx)} The sources:\n${body}${recs}`, { type: 'sources', forces: [], periods: [] });
}
