/**
 * "What has the IOPC recommended to Sussex Police about custody?": the IOPC's learning
 * recommendations by force, topic, year and response (accepted, not accepted, awaiting a response),
 * quoted with their pages linked; how many there are; and which forces received the most. A topic
 * that names one of the IOPC's own categories ("custody and detention") is counted by that category,
 * any other topic by the recommendations whose words mention it, and the answer says which.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { SourceDocument } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { formatNumber } from '../text/numbers.ts';
import { stem, words } from '../text/words.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { belowList, joinNames } from './holdings.ts';
import { sentences } from './passages.ts';

/** How many recommendations an answer quotes. */
const SHOWN = 3;
/** How many forces a ranking by recommendations lists when the question does not say. */
const RANKED = 5;
/** The date the recommendation pages were scraped to: a name, not a figure. */
const SCRAPED = 'the end of June 2021';
/** The period every count of recommendations covers. */
const PERIOD = { periodId: 'to-2021-06-30', period: 'recommendations scraped to 30 June 2021' };

/** How each recorded response is said. */
const RESPONSES: Record<NonNullable<SourceDocument['accepted']>, string> = { yes: 'accepted', no: 'not accepted', 'awaiting response': 'awaiting a response' };

/** A count of recommendation pages as our calculation, its working saying what was counted. */
function counted(draft: AnswerDraft, n: number, who: { forces: string[]; name: string }, what: string): string {
  draft.computed(
    {
      force: who.forces.join('+') || 'all',
      forceName: who.name,
      ...PERIOD,
      metric: `iopc-recommendations-${what}`,
      metricLabel: `IOPC recommendations ${what}`,
      unit: 'count',
    },
    n,
    'count',
    [],
    `counting the recommendation pages held that are ${what}`,
  );
  return formatNumber(n);
}

/** "The IOPC records 14 as accepted, …": the responses recorded for `chosen`. */
function responses(draft: AnswerDraft, chosen: readonly SourceDocument[], who: { forces: string[]; name: string }): string {
  const by = (status: SourceDocument['accepted']) => chosen.filter((d) => d.accepted === status).length;
  const unrecorded = by(undefined);
  return `The IOPC records ${counted(draft, by('yes'), who, 'accepted')} as accepted, ${counted(draft, by('no'), who, 'not accepted')} as not accepted and ${counted(draft, by('awaiting response'), who, 'awaiting a response')} as awaiting a response; for ${counted(draft, unrecorded, who, 'with no response recorded')} no response is recorded.`;
}

/** The recommendations on `topic`: those filed under an IOPC category naming every topic word, or
 * failing that, those whose category or text mentions one. */
function onTopic(ctx: AnswerContext, recs: readonly SourceDocument[], topic: readonly string[]): { chosen: SourceDocument[]; byCategory: boolean } {
  if (topic.length === 0) return { chosen: [...recs], byCategory: false };
  const topicStems = new Set(topic.map(stem));
  const inCategory = recs.filter((d) => {
    const category = new Set(words(d.category ?? '').map(stem));
    return [...topicStems].every((t) => category.has(t));
  });
  if (inCategory.length > 0) return { chosen: inCategory, byCategory: true };
  const ids = new Set(recs.map((d) => d.id));
  const hits = ctx.passages.find(topic.join(' '), 40, { scope: 'recommendations', minTerms: 1, docFilter: (id) => ids.has(id) });
  const chosen = [...new Set(hits.map((h) => h.passage.docId))]
    .map((id) => ctx.documents.get(id) as SourceDocument)
    .filter((d) => words(`${d.category ?? ''} ${d.text}`).some((w) => topicStems.has(stem(w))));
  return { chosen, byCategory: false };
}

/** The most on topic first (the most topic words met, in its category or text), then the newest. */
function mostOnTopic(chosen: SourceDocument[], topic: readonly string[]): SourceDocument[] {
  const topicStems = [...new Set(topic.map(stem))];
  const relevance = new Map(
    chosen.map((d) => {
      const inCategory = new Set(words(d.category ?? '').map(stem));
      const inText = new Set(words(d.text).map(stem));
      return [d, topicStems.filter((t) => inCategory.has(t) || inText.has(t)).length * 100 + topicStems.filter((t) => inCategory.has(t)).length];
    }),
  );
  return [...chosen].sort((a, b) => (relevance.get(b) ?? 0) - (relevance.get(a) ?? 0) || (b.published ?? '').localeCompare(a.published ?? ''));
}

/** Each recommendation as a bullet: its category and first sentences, cited, and its response if asked. */
function bullets(draft: AnswerDraft, shown: readonly SourceDocument[], withResponse: boolean): string[] {
  return shown.map((d) => {
    // A page opens with its own heading ("Recommendations - Sussex Police, April 2021"): the
    // recommendation is the first paragraph that reads as sentences.
    const paragraphs = d.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const heading = paragraphs.length > 1 && !/[.!?]/.test(paragraphs[0] ?? '');
    const body = paragraphs[heading ? 1 : 0] ?? d.text;
    const first = sentences(body).slice(0, 2).join(' ');
    const n = draft.cite(d.id, first);
    const response = withResponse ? ` (${d.accepted ? RESPONSES[d.accepted] : 'no response recorded'})` : '';
    return `• ${d.category ?? 'Recommendation'}: “${first}” [${n}]${response}`;
  });
}

/** The forces a recommendation is to: the one the IOPC's listing files it under, else those it names. */
function addressedTo(d: SourceDocument): readonly string[] {
  return d.filedUnder !== undefined ? [d.filedUnder] : d.forces;
}

/** "Which force has received the most recommendations?": forces by the pages addressed to them, our count. */
function rankForces(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, recs: readonly SourceDocument[], frame: Frame, which: string): Answer {
  const excluded = asked.scope.kind === 'every-force' || asked.scope.kind === 'region' ? asked.scope.except : [];
  const within = asked.scope.kind === 'region' ? new Set(asked.scope.forces) : undefined;
  const tally = new Map<string, number>();
  for (const d of recs)
    for (const f of addressedTo(d))
      if (ctx.forces.get(f)?.kind === 'territorial' && !excluded.includes(f) && (within === undefined || within.has(f))) tally.set(f, (tally.get(f) ?? 0) + 1);
  const lowest = asked.ranking.direction === 'lowest';
  const ranked = [...tally].sort((a, b) => (lowest ? a[1] - b[1] : b[1] - a[1]));
  const shown = ranked.slice(0, asked.ranking.limit ?? RANKED);
  const [top] = shown;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} to the forces asked about.`, frame, 'recommendation');
  draft.allow(SCRAPED);
  const list = shown.map(([f, n]) => `• ${draft.forceName(f)}: ${counted(draft, n, { forces: [f], name: draft.forceName(f) }, `to ${draft.forceName(f)}`)}`);
  const without = excluded.length > 0 ? ` Left out as asked: ${joinNames(excluded.map((f) => draft.forceName(f)))}.` : '';
  const lead = `${draft.forceName(top[0])} received the ${lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} of the pages we hold (scraped up to ${SCRAPED}; our count of the pages the IOPC files under each force):`;
  return draft.answered('recommendation', `${lead}\n${list.join('\n')}${belowList(without)}`, frame);
}

/** The IOPC's categories in order of the recommendations filed under each (our count). */
function rankCategories(draft: AnswerDraft, recs: readonly SourceDocument[], frame: Frame, which: string, lowest: boolean): Answer {
  const tally = new Map<string, number>();
  for (const d of recs) if (d.category !== undefined) tally.set(d.category, (tally.get(d.category) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => (lowest ? a[1] - b[1] : b[1] - a[1]));
  const [top] = ranked;
  if (!top) return draft.noData('metric_not_held', `We hold no IOPC learning recommendations${which} filed under a category.`, frame, 'recommendation');
  draft.allow(SCRAPED);
  const list = ranked.map(([category, n]) => {
    draft.computed(
      {
        force: 'all-forces',
        forceName: 'recommendations counted',
        periodId: 'held',
        period: SCRAPED,
        metric: 'recommendation-count',
        metricLabel: `IOPC learning recommendations in the category “${category}”`,
        unit: 'count',
      },
      n,
      'count',
      [],
      `${n} pages filed under “${category}”`,
    );
    return `• ${draft.echo(category)}: ${formatNumber(n)}`;
  });
  const uncategorised = recs.filter((d) => d.category === undefined).length;
  if (uncategorised > 0)
    draft.computed(
      {
        force: 'all-forces',
        forceName: 'recommendations counted',
        periodId: 'held',
        period: SCRAPED,
        metric: 'recommendation-count',
        metricLabel: 'IOPC learning recommendations with no category',
        unit: 'count',
      },
      uncategorised,
      'count',
      [],
      `${uncategorised} pages with no category`,
    );
  const rest = uncategorised > 0 ? belowList(`${formatNumber(uncategorised)} more have no category recorded.`) : '';
  return draft.answered(
    'recommendation',
    `The IOPC's category “${draft.echo(top[0])}” holds the ${lowest ? 'fewest' : 'most'} IOPC learning recommendations${which} of the pages we hold (scraped up to ${SCRAPED}; our count of the pages filed under each category):\n${list.join('\n')}${rest}`,
    frame,
  );
}

export function answerRecommendations(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const all = [...ctx.documents.values()].filter((d) => d.kind === 'recommendation');
  // Recommendations are addressed to forces: a national question asks about all of them.
  const forces = asked.scope.kind === 'forces' || asked.scope.kind === 'region' ? asked.scope.forces : [];
  const { topic } = asked;
  const frame: Frame = { type: 'recommendation', forces, periods: [], ...(topic.length > 0 ? { topic: topic.join(' ') } : {}) };
  if (all.length === 0) return draft.noData('metric_not_held', 'We hold no IOPC recommendations.', frame, 'recommendation');
  const response = asked.recommendations?.response;
  // "Was it accepted?": the responses to the recommendations the last answer quoted.
  const quoted = asked.recommendations?.quoted
    ? (asked.context?.sources ?? []).map((id) => ctx.documents.get(id)).filter((d): d is SourceDocument => d?.kind === 'recommendation')
    : [];
  if (quoted.length > 0)
    return draft.answered(
      'recommendation',
      `The IOPC's record of the response to the recommendation${quoted.length === 1 ? '' : 's'} in my last answer:\n${bullets(draft, quoted, true).join('\n')}`,
      { ...frame, ...(asked.context ?? {}), type: 'recommendation' },
    );
  const who = forces.length > 0 ? joinNames(forces.map((f) => draft.forceName(f))) : 'police forces';
  const forForce = (d: SourceDocument) => forces.length === 0 || addressedTo(d).some((f) => forces.includes(f));
  // Years asked: a recommendation counts where its page's date falls in them.
  const asks = asked.periods.asks.filter((a) => a.kind === 'year' || a.kind === 'range' || a.kind === 'financial-year');
  const inYears = (d: SourceDocument) =>
    asks.length === 0 ||
    (d.published !== null &&
      asks.some((a) => periodMatches({ id: '', label: '', wording: '', kind: 'point-in-time', start: d.published as string, end: d.published as string }, a)));
  const held = all.filter(forForce);
  const { chosen: onSubject, byCategory } = onTopic(ctx, held, topic);
  const dated = onSubject.filter(inYears);
  const chosen = mostOnTopic(response ? dated.filter((d) => d.accepted === response) : dated, topic);
  const about =
    topic.length > 0
      ? byCategory
        ? ` in the IOPC's category “${draft.echo(onSubject[0]?.category ?? topic.join(' '))}”`
        : ` mentioning “${draft.echo(topic.join(' '))}”`
      : '';
  const when = asks.length > 0 ? ` from ${draft.echo(joinNames(asks.map((a) => a.label)))}` : '';
  const status = response ? ` ${RESPONSES[response]}` : '';
  draft.allow(SCRAPED);
  // "Which category has the most recommendations?": the IOPC's categories by the pages filed under each.
  if (asked.ranking.over !== 'forces')
    return rankCategories(
      draft,
      chosen,
      frame,
      `${forces.length > 0 ? ` to ${who}` : ''}${when}${status ? ` recorded as${status}` : ''}`,
      asked.ranking.direction === 'lowest',
    );
  // "Which force turned down the most?": forces by the recommendations on the topic, years and response asked.
  if ((forces.length === 0 || asked.scope.kind === 'region') && asked.ranking.direction !== undefined)
    return rankForces(ctx, asked, draft, chosen, frame, `${about}${when}${status ? ` recorded as${status}` : ''}`);
  if (chosen.length === 0) {
    if (asks.length > 0 && dated.length === 0)
      return draft.noData(
        'period_not_held',
        `We hold no IOPC learning recommendations to ${who}${about}${when}: the recommendation pages we hold were scraped up to ${SCRAPED}.`,
        frame,
        'recommendation',
      );
    const categories = [...new Set(held.map((d) => d.category).filter((c): c is string => c !== undefined))].sort();
    const topics = categories.length > 0 ? ` For ${who} we hold recommendations on: ${categories.join('; ')}.` : ` We hold none for ${who}.`;
    return draft.noData(
      'metric_not_held',
      `We hold no IOPC learning recommendations to ${who}${about}${when}${status ? ` recorded as${status}` : ''}.${topics}`,
      frame,
      'recommendation',
    );
  }
  const whom = { forces, name: who };
  const ofAll = response ? `, of ${counted(draft, dated.length, whom, `to ${who}`)} we hold` : '';
  const tally =
    asked.quantity || response !== undefined
      ? `We hold ${counted(draft, chosen.length, whom, `to ${who}${status}`)} IOPC learning recommendation${chosen.length === 1 ? '' : 's'} to ${who}${about}${when}${status ? ` recorded as${status}` : ''}${ofAll} (pages scraped up to ${SCRAPED}; our count).${response ? '' : ` ${responses(draft, chosen, whom)}`} ${topic.length > 0 ? 'The most on topic' : 'The most recent'}:\n`
      : '';
  const heading = `IOPC learning recommendations to ${who}${about}${when}${status ? ` recorded as${status}` : ''}:\n`;
  const more = chosen.length > SHOWN ? ' More match: ask about a narrower topic, or follow the links.' : '';
  return draft.answered('recommendation', `${tally || heading}${bullets(draft, chosen.slice(0, SHOWN), response !== undefined).join('\n')}${more}`, frame);
}
