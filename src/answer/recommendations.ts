/**
 * "What has the IOPC recommended to Sussex Police about custody?": searching the IOPC's learning
 * recommendations by force and topic, quoting each recommendation and linking its page.
 */
import type { Answer } from '../model/answer.ts';
import type { SourceDocument } from '../model/data.ts';
import { formatNumber } from '../text/numbers.ts';
import { stem, words } from '../text/words.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { joinNames } from './holdings.ts';
import { sentences } from './passages.ts';

/** How many recommendations an answer quotes. */
const SHOWN = 3;

/** "We hold 47 …; the IOPC records 14 as accepted, …": each count our calculation from the pages. */
function counts(draft: AnswerDraft, chosen: SourceDocument[], who: string, forces: string[]): string {
  const count = (n: number, what: string) => {
    draft.computed({ force: forces.join('+') || 'all', forceName: who, periodId: 'to-2021-06-30', period: 'recommendations scraped to 30 June 2021', metric: `iopc-recommendations-${what}`, metricLabel: `IOPC recommendations ${what}`, unit: 'count' }, n, 'count', [], `counting the recommendation pages held that are ${what}`);
    return formatNumber(n);
  };
  const by = (status: SourceDocument['accepted']) => chosen.filter((d) => d.accepted === status).length;
  const unrecorded = chosen.filter((d) => d.accepted === undefined).length;
  // The scrape's date is a name, not a figure.
  draft.allow('the end of June 2021');
  return `We hold ${count(chosen.length, `to ${who}`)} IOPC learning recommendations to ${who} (pages scraped up to the end of June 2021; our count). The IOPC records ${count(by('yes'), 'accepted')} as accepted, ${count(by('no'), 'not accepted')} as not accepted and ${count(by('awaiting response'), 'awaiting a response')} as awaiting a response; for ${count(unrecorded, 'with no response recorded')} no response is recorded.`;
}

export function answerRecommendations(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const recs = [...ctx.documents.values()].filter((d) => d.kind === 'recommendation');
  // Recommendations are addressed to forces: a national question asks about all of them.
  const forces = asked.scope.kind === 'forces' || asked.scope.kind === 'region' ? asked.scope.forces : [];
  const frame = { type: 'recommendation' as const, forces, periods: [] };
  if (recs.length === 0) return draft.noData('metric_not_held', 'We hold no IOPC recommendations.', frame, 'recommendation');
  const forForce = (d: SourceDocument) => forces.length === 0 || d.forces.some((f) => forces.includes(f));
  const { topic } = asked;
  const topicStems = new Set(topic.map(stem));
  let chosen: SourceDocument[];
  if (topic.length > 0) {
    const hits = ctx.passages.find(topic.join(' '), 40, { scope: 'recommendations', minTerms: 1, docFilter: (id) => {
      const d = ctx.documents.get(id);
      return d !== undefined && d.kind === 'recommendation' && forForce(d);
    } });
    // A recommendation counts as on topic when its category or its text holds a topic word; one
    // filed under a category holding every topic word is on topic whatever its text says.
    const inCategory = recs.filter((d) => {
      const category = new Set(words(d.category ?? '').map(stem));
      return forForce(d) && [...topicStems].every((t) => category.has(t));
    });
    chosen = [...new Set([...inCategory.map((d) => d.id), ...hits.map((h) => h.passage.docId)])]
      .map((id) => ctx.documents.get(id) as SourceDocument)
      .filter((d) => words(`${d.category ?? ''} ${d.text}`).some((w) => topicStems.has(stem(w))));
  } else chosen = recs.filter(forForce);
  const who = forces.length > 0 ? joinNames(forces.map((f) => draft.forceName(f))) : 'police forces';
  if (chosen.length === 0) {
    const categories = [...new Set(recs.filter(forForce).map((d) => d.category).filter((c): c is string => c !== undefined))].sort();
    const held = categories.length > 0 ? ` For ${who} we hold recommendations on: ${categories.join('; ')}.` : ` We hold none for ${who}.`;
    return draft.noData('metric_not_held', `We hold no IOPC recommendations to ${who}${topic.length > 0 ? ` about “${draft.echo(topic.join(' '))}”` : ''}.${held}`, frame, 'recommendation');
  }
  // The most on topic first: the most topic words met (in its category or text), then those its
  // category holds, then the newest.
  const onTopic = (d: SourceDocument) => {
    const inCategory = new Set(words(d.category ?? '').map(stem));
    const inText = new Set(words(d.text).map(stem));
    const met = [...topicStems].filter((t) => inCategory.has(t) || inText.has(t)).length;
    return met * 100 + [...topicStems].filter((t) => inCategory.has(t)).length;
  };
  const relevance = new Map(chosen.map((d) => [d, onTopic(d)]));
  chosen.sort((a, b) => (relevance.get(b) ?? 0) - (relevance.get(a) ?? 0) || (b.published ?? '').localeCompare(a.published ?? ''));
  const tally = asked.quantity ? `${counts(draft, chosen, who, forces)} The most recent:\n` : '';
  const lines = chosen.slice(0, SHOWN).map((d) => {
    const first = sentences(d.text).slice(0, 2).join(' ');
    const n = draft.cite(d.id, first);
    return `• ${d.category ?? 'Recommendation'}: “${first}” [${n}]`;
  });
  const more = chosen.length > SHOWN ? ' More match: ask about a narrower topic, or follow the links.' : '';
  const heading = `IOPC learning recommendations to ${who}${topic.length > 0 ? ` about “${draft.echo(topic.join(' '))}”` : ''}:\n`;
  return draft.answered('recommendation', `${tally || heading}${lines.join('\n')}${more}`, frame);
}
