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
import { publishedLabel } from '../render/format.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { joinNames } from './holdings.ts';
import { type Selection, tally } from './recommendation-counts.ts';
import { documentsOfKind } from './recommendation-index.ts';
import { bullets, citeRecommendation, countedFor, RESPONSES, SCRAPED, SCRAPED_TO } from './recommendation-lines.ts';
import { rankCategories, rankForces } from './recommendation-rankings.ts';
import { datedIn, datesAsked, mostOnTopic, onTopic, shownAs, wordsFirst } from './recommendation-select.ts';

/** How many recommendations an answer quotes. */
const SHOWN = 3;

/** "Which force turned down the most?", "which category holds the most?": a ranking, or undefined. */
function ranking(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, s: Selection, frame: Frame, which: string): Answer | undefined {
  if (asked.ranking.over !== 'forces') {
    const whom = s.forces.length > 0 ? ` to ${s.who}` : '';
    // "How many, and what's the main theme?" counts them too; "what kinds of things…?" (no end of the
    // order asked, nor a number) is shown a few of them besides.
    const examples = !asked.quantity && asked.ranking.direction === undefined ? s.chosen.slice(0, SHOWN) : [];
    return rankCategories(draft, s, frame, `${whom}${which}`, {
      lowest: asked.ranking.direction === 'lowest',
      counted: asked.quantity,
      examples,
      limit: asked.ranking.limit,
    });
  }
  const forces = asked.scope.kind === 'forces' || asked.scope.kind === 'region' ? asked.scope.forces : [];
  if ((forces.length === 0 || asked.scope.kind === 'region') && (asked.ranking.direction !== undefined || asked.ranking.threshold !== undefined))
    return rankForces(ctx, asked, draft, s.chosen, frame, which);
  return undefined;
}

/**
 * The answer to a question about the IOPC's learning recommendations: a ranking where one was asked,
 * otherwise how many we hold of those asked about (where a number was asked, or their rows can be
 * counted without reading their words) and the most on topic, quoted.
 */
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
  const held = all.filter((d) => forces.length === 0 || forces.includes(countedFor(d) ?? ''));
  // Years (or a month) asked: a recommendation counts where its page's date falls in them.
  const asks = datesAsked(asked);
  const { chosen: onSubject, byCategory } = onTopic(ctx, held, topic);
  const dated = onSubject.filter((d) => datedIn(d, asks));
  const chosen = mostOnTopic(response ? dated.filter((d) => d.accepted === response) : dated, topic);
  const category = byCategory ? (onSubject[0]?.category ?? topic.join(' ')) : undefined;
  const about =
    category !== undefined ? ` in the IOPC's category “${draft.echo(category)}”` : topic.length > 0 ? ` mentioning “${draft.echo(topic.join(' '))}”` : '';
  const when = asks.length > 0 ? ` from ${draft.echo(joinNames(asks.map((a) => a.label)))}` : '';
  const recorded = response ? ` recorded as ${RESPONSES[response]}` : '';
  // "…, and how many of those concerned the Met?": every force's on the topic, the whole of the force's part.
  const onTopicEverywhere = asked.alsoTotal && forces.length === 1 && topic.length > 0 ? onTopic(ctx, all, topic).chosen.filter((d) => datedIn(d, asks)) : [];
  const s: Selection = { all, held, dated, chosen, forces, who, topic, category, asks, response, about, when, onTopicEverywhere };
  draft.allow(SCRAPED);
  const ranked = ranking(ctx, asked, draft, s, frame, `${about}${when}${recorded}`);
  if (ranked) return ranked;
  // "How many were accepted?" of some held: none is a count, not a gap in what we hold.
  const zeroCounted = asked.quantity && response !== undefined && dated.length > 0;
  if (chosen.length === 0 && !zeroCounted) {
    if (asks.length > 0 && dated.length === 0) return draft.noData('period_not_held', noneDated(draft, s, onSubject), frame, 'recommendation');
    const categories = [...new Set(held.map((d) => d.category).filter((c): c is string => c !== undefined))].sort();
    const topics = categories.length > 0 ? ` For ${who} we hold recommendations on: ${categories.join('; ')}.` : ` We hold none for ${who}.`;
    return draft.noData('metric_not_held', `We hold no IOPC learning recommendations to ${who}${about}${when}${recorded}.${topics}`, frame, 'recommendation');
  }
  // Rows chosen by their words are counted only where a number was asked: what a topic's words match
  // is ours to judge, unlike a force, a category, a date or a response, which a reader can filter by.
  const counts = asked.quantity || response !== undefined || topic.length === 0 || category !== undefined;
  const shown = chosen.slice(0, SHOWN);
  const counting = counts ? tally(draft, asked, s) : undefined;
  if (counting && shown.length === 0) return draft.answered('recommendation', counting.text, frame);
  const lead = counting
    ? `${counting.text}${counting.listed ? '\n' : ' '}${shownAs(shown, chosen, topic)}:\n`
    : `IOPC learning recommendations to ${who}${about}${when}${recorded}${wordsFirst(shown, chosen, topic) ? ', those quoting the recommendation first' : ''}:\n`;
  const more = chosen.length > SHOWN ? ' More match: ask about a narrower topic, or follow the links.' : '';
  return draft.answered('recommendation', `${lead}${bullets(draft, shown).join('\n')}${more}`, frame);
}

/**
 * None dated in the period asked: a period after the scrape is past what it holds; one within it
 * ("March 2021") simply has none, and the dates of those on the subject say what it does hold.
 */
function noneDated(draft: AnswerDraft, s: Selection, onSubject: readonly SourceDocument[]): string {
  const none = `We hold no IOPC learning recommendations to ${s.who}${s.about}${s.when}`;
  if (s.asks.every((a) => a.from > SCRAPED_TO)) return `${none}: the recommendation pages we hold were scraped up to ${SCRAPED}.`;
  const dated = onSubject.filter((d) => d.published !== null).sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  const [first, last] = [dated[0], dated[dated.length - 1]];
  if (first === undefined || last === undefined) return `${none}, nor of any date (the recommendation pages were scraped up to ${SCRAPED}).`;
  // Each date shown is a cited page's own.
  const label = (d: SourceDocument) => {
    const shown = publishedLabel({ published: d.published, publishedInferred: false });
    draft.allow(shown, 'period');
    return `${shown} [${citeRecommendation(draft, d).n}]`;
  };
  const span = first === last ? `dated ${label(first)}` : `dated from ${label(first)} to ${label(last)}`;
  return `${none}. Those we hold to ${s.who}${s.about} are ${span} (the recommendation pages were scraped up to ${SCRAPED}).`;
}
