/**
 * Dispatching an understood question to the composer for its kind, after settling which forces it
 * is about (unknown, out of scope, ambiguous or carried over from the previous exchange).
 */
import type { Answer, QuestionType } from '../model/answer.ts';
import type { ParsedQuestion } from '../understand/question.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { answerFigures } from './figures.ts';
import { catalogue, forceCatalogue, help, overview } from './force-card.ts';
import { exampleQuestion, holdingsFor, joinNames, whatWeHold } from './holdings.ts';
import { answerRanking } from './rankings.ts';
import { answerRecommendations } from './recommendations.ts';
import { answerDefinition, answerStatement, fallback, offTopic } from './passages.ts';
import { answerChart, answerProvenance } from './provenance.ts';

/** Question types answered from figures. */
const FIGURE_TYPES: readonly QuestionType[] = ['lookup', 'share', 'comparison', 'change', 'trend'];

/** "Glasgow is covered by Police Scotland, outside England and Wales", or, for the force itself,
 * "Police Scotland is outside England and Wales". */
function outsideScope(draft: AnswerDraft, outside: NonNullable<ParsedQuestion['forces']['outOfScope']>): string {
  const place = draft.echo(outside.place);
  const same = place.toLowerCase().replace(/^the /, '') === outside.force.name.toLowerCase().replace(/^the /, '');
  return same ? `${place} is outside England and Wales` : `${place} is covered by ${outside.force.name}, outside England and Wales`;
}

export function respond(ctx: AnswerContext, parsed: ParsedQuestion, draft: AnswerDraft): Answer {
  const { forces } = parsed;
  switch (parsed.type) {
    case 'help':
      return help(ctx, draft, false);
    case 'provenance':
      return answerProvenance(ctx, parsed, draft);
    case 'chart':
      return answerChart(parsed, draft);
    case 'sources':
      return parsed.forceIds[0] !== undefined ? forceCatalogue(ctx, draft, parsed.forceIds[0]) : catalogue(ctx, draft);
    case 'statement':
      return answerStatement(ctx, parsed, draft);
    case 'definition':
      return answerDefinition(ctx, parsed, draft);
    case 'recommendation':
      return answerRecommendations(ctx, parsed, draft);
    case 'ranking':
      return answerRanking(ctx, parsed, draft) ?? answerFigures(ctx, { ...parsed, type: 'comparison' }, draft, parsed.forceIds);
    default:
      break;
  }
  if (forces.outOfScope && forces.forces.length === 0)
    return draft.noData('unknown_force', `${outsideScope(draft, forces.outOfScope)}: we cover the police forces of England and Wales only, so we hold nothing for it. ${whatWeHold(ctx)}`, { type: parsed.type, forces: [], periods: [] }, parsed.type);
  if (forces.unknown && forces.forces.length === 0)
    return draft.noData('unknown_force', `I don't know a police force called “${draft.echo(forces.unknown)}”. ${whatWeHold(ctx)}`, { type: parsed.type, forces: [], periods: [] }, parsed.type);
  if (forces.ambiguous && parsed.forceIds.length === 0) {
    const names = joinNames(forces.ambiguous.candidates.map((f) => draft.forceName(f)), 'or');
    return draft.unclear(`Which force do you mean: ${names}?`, { type: parsed.type, forces: [], periods: [] }, parsed.type);
  }
  if (parsed.aboutUnheld !== undefined && FIGURE_TYPES.includes(parsed.type)) {
    const force = parsed.forceIds[0];
    const held = force !== undefined && ctx.store.holds(force) ? ` For ${draft.forceName(force)} we hold: ${holdingsFor(ctx, draft, force)}.` : ` ${whatWeHold(ctx)}`;
    return draft.noData('metric_not_held', `We hold no figures on “${draft.echo(parsed.aboutUnheld)}” complaints or allegations: none of our figures is broken down that way.${held}`, { type: parsed.type, forces: parsed.forceIds, periods: [] }, parsed.type);
  }
  const named = parsed.metrics.measures.size > 0 || parsed.metrics.outcomes.size > 0;
  const carried = parsed.previous?.measure !== undefined && parsed.forcesCarried === false && parsed.forceIds.length > 0;
  if (parsed.type === 'overview') {
    const force = parsed.forceIds[0];
    if (force === undefined) return catalogue(ctx, draft);
    return overview(ctx, parsed, draft, force);
  }
  if (parsed.type === 'comparison' && parsed.forceIds.length < 2 && !named) {
    const these = parsed.forceIds.length > 0 ? ` with ${joinNames(parsed.forceIds.map((f) => draft.forceName(f)))}` : '';
    return draft.unclear(`Which forces should I compare${these}, and on what? For example: ${exampleQuestion(draft, 'comparison')}`, { type: 'comparison', forces: parsed.forceIds, periods: [] }, 'comparison');
  }
  if (!named && !(parsed.previous?.measure !== undefined && (parsed.forcesCarried || carried || parsed.periods.asks.length > 0 || parsed.type !== 'lookup'))) {
    const force = parsed.forceIds[0];
    if (parsed.forceIds.length === 1 && force !== undefined && (parsed.type === 'lookup' || parsed.type === 'share')) {
      // "How many stop and searches did Hampshire do?", "what is the crime rate in Herts?": a number
      // we don't hold, not an overview, and not a share of some measure the question never named.
      if (parsed.asksQuantity && ctx.store.holds(force))
        return draft.noData('metric_not_held', `We don't hold that for ${draft.forceName(force)}. For ${draft.forceName(force)} we hold: ${holdingsFor(ctx, draft, force)}.`, { type: 'lookup', forces: [force], periods: [] }, 'lookup');
      return overview(ctx, parsed, draft, force);
    }
    if (parsed.forceIds.length === 0) return fallback(ctx, parsed, draft) ?? offTopic(parsed, draft);
  }
  const answer = answerFigures(ctx, parsed, draft, parsed.forceIds);
  // A "how many" about something no figure covers may still be answered by a passage ("counts of rape").
  if (answer.status === 'no_data' && answer.reason === 'metric_not_held' && parsed.forceIds.length === 0 && !named) return fallback(ctx, parsed, draft) ?? answer;
  return answer;
}
