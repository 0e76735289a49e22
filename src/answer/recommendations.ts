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
import { stem } from '../text/words.ts';
import { periodMatches } from '../understand/periods.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { joinNames } from './holdings.ts';
import { bullets, type Counted, counted, countedFor, DATASET, RESPONSES, responses, SCRAPED, unattributed } from './recommendation-lines.ts';
import { documentsOfKind, stemsIn } from './recommendation-index.ts';
import { rankCategories, rankForces } from './recommendation-rankings.ts';

/** How many recommendations an answer quotes. */
const SHOWN = 3;

/** The recommendations on `topic`: those filed under an IOPC category naming every topic word, or
 * failing that, those whose category or text mentions one. */
function onTopic(ctx: AnswerContext, recs: readonly SourceDocument[], topic: readonly string[]): { chosen: SourceDocument[]; byCategory: boolean } {
  if (topic.length === 0) return { chosen: [...recs], byCategory: false };
  const topicStems = [...new Set(topic.map(stem))];
  const inCategory = recs.filter((d) => {
    const category = stemsIn(d, 'category');
    return topicStems.every((t) => category.has(t));
  });
  if (inCategory.length > 0) return { chosen: inCategory, byCategory: true };
  const ids = new Set(recs.map((d) => d.id));
  const hits = ctx.passages.find(topic.join(' '), 40, { scope: 'recommendations', minTerms: 1, docFilter: (id) => ids.has(id) });
  const chosen = [...new Set(hits.map((h) => h.passage.docId))]
    .map((id) => ctx.documents.get(id) as SourceDocument)
    .filter((d) => topicStems.some((t) => stemsIn(d, 'category').has(t) || stemsIn(d, 'text').has(t)));
  return { chosen, byCategory: false };
}

/** The most on topic first (the most topic words met, in its category or text), then the newest. */
function mostOnTopic(chosen: SourceDocument[], topic: readonly string[]): SourceDocument[] {
  const newest = (a: SourceDocument, b: SourceDocument) => (b.published ?? '').localeCompare(a.published ?? '');
  // With no topic every one is as relevant: no text need be read (a national ranking reads 1,317).
  if (topic.length === 0) return [...chosen].sort(newest);
  const topicStems = [...new Set(topic.map(stem))];
  const relevance = new Map(
    chosen.map((d) => {
      const inCategory = stemsIn(d, 'category');
      const inText = stemsIn(d, 'text');
      return [d, topicStems.filter((t) => inCategory.has(t) || inText.has(t)).length * 100 + topicStems.filter((t) => inCategory.has(t)).length];
    }),
  );
  return [...chosen].sort((a, b) => (relevance.get(b) ?? 0) - (relevance.get(a) ?? 0) || newest(a, b));
}

/** "Which force turned down the most?", "which category holds the most?": a ranking, or undefined. */
function ranking(
  ctx: AnswerContext,
  asked: QueryFrame,
  draft: AnswerDraft,
  chosen: SourceDocument[],
  frame: Frame,
  which: string,
  whom: string,
): Answer | undefined {
  if (asked.ranking.over !== 'forces') return rankCategories(draft, chosen, frame, `${whom}${which}`, asked.ranking.direction === 'lowest');
  const forces = asked.scope.kind === 'forces' || asked.scope.kind === 'region' ? asked.scope.forces : [];
  if ((forces.length === 0 || asked.scope.kind === 'region') && (asked.ranking.direction !== undefined || asked.ranking.threshold !== undefined))
    return rankForces(ctx, asked, draft, chosen, frame, which);
  return undefined;
}

export function answerRecommendations(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const all = documentsOfKind(ctx.documents, 'recommendation');
  // Recommendations are addressed to forces: a national question asks about all of them.
  const forces = asked.scope.kind === 'forces' || asked.scope.kind === 'region' ? asked.scope.forces : [];
  const { topic } = asked;
  const frame: Frame = { type: 'recommendation', forces, periods: [], ...(topic.length > 0 ? { topic: topic.join(' ') } : {}) };
  if (all.length === 0) return draft.noData('metric_not_held', 'We hold no IOPC recommendations.', frame, 'recommendation');
  // "How many were accepted and how many rejected?", "…and was it accepted?": every response is told,
  // none left out; "which were accepted?" keeps those with the one response named.
  const eachResponse = asked.recommendations?.responses === true;
  const response = eachResponse ? undefined : asked.recommendations?.response;
  // "Was it accepted?": the responses to the recommendations the last answer quoted.
  const quoted = asked.recommendations?.quoted
    ? (asked.context?.sources ?? []).map((id) => ctx.documents.get(id)).filter((d): d is SourceDocument => d?.kind === 'recommendation')
    : [];
  if (quoted.length > 0)
    return draft.answered(
      'recommendation',
      `The IOPC's record of the response to the recommendation${quoted.length === 1 ? '' : 's'} in my last answer:\n${bullets(draft, quoted).join('\n')}`,
      { ...frame, ...(asked.context ?? {}), type: 'recommendation' },
    );
  const who = forces.length > 0 ? joinNames(forces.map((f) => draft.forceName(f))) : 'police forces';
  // A recommendation is a force's where the dataset's force column files it under that force: the
  // count a reader can repeat by filtering the spreadsheet.
  const forForce = (d: SourceDocument) => forces.length === 0 || forces.includes(countedFor(d) ?? '');
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
  const category = byCategory ? (onSubject[0]?.category ?? topic.join(' ')) : undefined;
  const about =
    category !== undefined ? ` in the IOPC's category “${draft.echo(category)}”` : topic.length > 0 ? ` mentioning “${draft.echo(topic.join(' '))}”` : '';
  const when = asks.length > 0 ? ` from ${draft.echo(joinNames(asks.map((a) => a.label)))}` : '';
  const status = response ? ` ${RESPONSES[response]}` : '';
  const recorded = status ? ` recorded as${status}` : '';
  draft.allow(SCRAPED);
  const ranked = ranking(ctx, asked, draft, chosen, frame, `${about}${when}${recorded}`, forces.length > 0 ? ` to ${who}` : '');
  if (ranked) return ranked;
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
    return draft.noData('metric_not_held', `We hold no IOPC learning recommendations to ${who}${about}${when}${recorded}.${topics}`, frame, 'recommendation');
  }
  const whom: Counted = {
    forces,
    name: who,
    rows: rowsCounted(
      forces.map((f) => draft.forceName(f)),
      category,
      asks.length > 0 ? when : '',
    ),
  };
  const ofAll = response ? `, of ${counted(draft, dated.length, whom, '')} we hold` : '';
  const tally =
    asked.quantity || response !== undefined
      ? `We hold ${counted(draft, chosen.length, whom, status.trim())} IOPC learning recommendation${chosen.length === 1 ? '' : 's'} to ${who}${about}${when}${recorded}${ofAll} (our count of the rows of ${DATASET}${whom.rows ? ` ${whom.rows}` : ''}${topic.length > 0 && category === undefined ? ' whose text mentions the topic' : ''}).${response ? '' : ` ${responses(draft, chosen, whom)}`}${topic.length === 0 && asks.length === 0 && !response ? besides(draft, all, forces, who) : ''} ${topic.length > 0 ? 'The most on topic' : 'The most recent'}:\n`
      : '';
  const heading = `IOPC learning recommendations to ${who}${about}${when}${recorded}:\n`;
  const more = chosen.length > SHOWN ? ' More match: ask about a narrower topic, or follow the links.' : '';
  return draft.answered('recommendation', `${tally || heading}${bullets(draft, chosen.slice(0, SHOWN)).join('\n')}${more}`, frame);
}

/** Which rows a count of recommendations counted, in words a reader can filter the spreadsheet by. */
function rowsCounted(forces: readonly string[], category: string | undefined, when: string): string {
  const parts = [
    ...(forces.length > 0 ? [`whose force column names ${joinNames(forces, 'or')}`] : []),
    ...(category !== undefined ? [`whose category is “${category}”`] : []),
  ];
  return [parts.join(' and '), when ? `dated${when.replace(/^ from/, ' in')}` : ''].filter((p) => p !== '').join(', ');
}

/** Pages naming the forces only in their tags or heading (force column "#N/A"): said, never counted. */
function besides(draft: AnswerDraft, all: readonly SourceDocument[], forces: readonly string[], who: string): string {
  if (forces.length === 0) return '';
  const n = unattributed(all, forces).length;
  if (n === 0) return '';
  const shown = counted(draft, n, { forces: [...forces], name: who, rows: `whose force column is “#N/A” and whose tags or heading name ${who}` }, '');
  return ` Not counted: ${shown} more page${n === 1 ? '' : 's'} whose force column is “#N/A” but whose tags or heading name ${who}.`;
}
