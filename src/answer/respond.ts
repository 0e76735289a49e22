/**
 * Dispatching a query frame to the composer for its intent, after settling whom it is about
 * (a place outside England and Wales, a force we don't know, a word several forces share).
 */
import type { Answer, NoDataReason } from '../model/answer.ts';
import { isKindOfAllegation, type Measure } from '../model/data.ts';
import type { Intent, QueryFrame, Scope } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { capitalise } from '../text/words.ts';
import { judgedClaim } from './claimed.ts';
import { withTownsNamed } from './towns.ts';
import { answerFigures } from './figures.ts';
import { catalogue, forceCatalogue, overview } from './force-card.ts';
import { help } from './help.ts';
import { asksShare, forcesCarried, forcesOf, namesMeasure, typeOf } from './frame-reading.ts';
import { closestHeld, exampleQuestion, joinNames, whatWeHold } from './holdings.ts';
import { answerRanking } from './rankings.ts';
import { categoryNamed, rankBreakdowns } from './breakdown-ranking.ts';
import { rankPeriods } from './period-ranking.ts';
import { rankByDifference } from './difference-ranking.ts';
import { NATIONAL } from '../understand/forces.ts';
import { paperMetrics, readingFor } from './metric-choice.ts';
import { answerRecommendations } from './recommendations.ts';
import { answerDefinition, fallback, offTopic } from './passages.ts';
import { answerStatement, statementsOf } from './statements.ts';
import { answerChart, answerProvenance } from './provenance.ts';
import { documentsNamed } from './named-documents.ts';
import { readText } from './reading.ts';
import { personWritten, quotesSources } from './text-names.ts';
import { answerPublished } from './publication.ts';

/** Intents a group of forces is answered for together: a count of a region's forces is their total, anything else each force in order. */
const GROUP_INTENTS: readonly Intent[] = ['lookup', 'share', 'compare', 'rank', 'count', 'recommendations'];

/** Why no figure answers a forecast, an opinion or a question of money, and what we say. */
const BEYOND_FIGURES: Record<NonNullable<QueryFrame['beyondFigures']>, { reason: NoDataReason; text: (ctx: AnswerContext) => string }> = {
  forecast: {
    reason: 'period_not_held',
    text: () => `We hold published figures for past years only, and we don't forecast. Ask how the figures have changed so far instead.`,
  },
  money: { reason: 'metric_not_held', text: (ctx) => `We hold complaints and misconduct figures, not budgets, spending or pay. ${whatWeHold(ctx)}` },
  activity: {
    reason: 'metric_not_held',
    text: (ctx) =>
      `We hold complaints and misconduct figures, not crime or policing activity (crime rates, arrests, stop and search, Taser use or response times). ${whatWeHold(ctx)}`,
  },
  personnel: {
    reason: 'metric_not_held',
    text: (ctx) => `We hold complaints and misconduct figures, not personnel records such as suspensions or restricted duties. ${whatWeHold(ctx)}`,
  },
  authorship: {
    reason: 'metric_not_held',
    text: () =>
      `We keep each article's publisher, title, address and date, not who wrote it, so we can't name its reporter. Ask when it was published, or what it says.`,
  },
  opinion: {
    reason: 'off_topic',
    text: (ctx) =>
      `That is a matter of opinion, which no figure settles: we report published figures and what sources say, with their sources. ${whatWeHold(ctx)}`,
  },
};

/** Intents answered from figures, for which a subject we hold nothing on is declined. */
const FIGURE_INTENTS: readonly Intent[] = ['lookup', 'share', 'compare', 'change', 'trend'];

/** "Glasgow is covered by Police Scotland, outside England and Wales", or, for the force itself,
 * "Police Scotland is outside England and Wales". */
function outsideScope(draft: AnswerDraft, outside: Extract<Scope, { kind: 'outside' }>): string {
  const place = draft.echo(outside.place);
  if (outside.force.notAForce !== undefined)
    return `${capitalise(outside.force.name)} is ${outside.force.notAForce}, not one of the police forces of England and Wales`;
  const same = place.toLowerCase().replace(/^the /, '') === outside.force.name.toLowerCase().replace(/^the /, '');
  return same ? `${place} is outside England and Wales` : `${place} is covered by ${outside.force.name}, outside England and Wales`;
}

/** A scope no figure can answer: a place outside England and Wales, an unknown force, or several
 * forces one word fits. Undefined when the scope is one we can answer for. */
function declineScope(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer | undefined {
  const { scope } = frame;
  const type = typeOf(frame);
  const empty = { type, forces: [], periods: [] };
  if (scope.kind === 'outside')
    return draft.noData(
      'unknown_force',
      `${outsideScope(draft, scope)}: we cover the police forces of England and Wales only, so we hold nothing for it. ${whatWeHold(ctx)}`,
      empty,
      type,
    );
  if (scope.kind === 'unknown')
    return draft.noData('unknown_force', `I don't know a police force called “${draft.echo(scope.name)}”. ${whatWeHold(ctx)}`, empty, type);
  // A region asked for a figure ("how many … in the Welsh forces") is answered for all its forces;
  // asked for a force's story (a change, "figures for Wales") it needs one force.
  const asGroup = GROUP_INTENTS.includes(frame.intent) && (frame.intent !== 'lookup' || frame.quantity);
  const candidates = scope.kind === 'ambiguous' ? scope.candidates : scope.kind === 'region' && !asGroup ? scope.forces : undefined;
  if (candidates)
    return draft.unclear(
      `Which force do you mean: ${joinNames(
        candidates.map((f) => draft.forceName(f)),
        'or',
      )}?`,
      empty,
      type,
    );
  return undefined;
}

/** "We count complaints about stop and search, not stop and search itself": what a subject of
 * complaints named alone can be asked of, with the measures that hold it. */
function subjectAbout(ctx: AnswerContext, draft: AnswerDraft, subject: string): string {
  const label = ctx.outcomes.get(subject)?.label ?? subject;
  const measures = [...new Set(ctx.metrics.filter((m) => m.outcome === subject).map((m) => m.measure))].map((m) => ctx.measures.get(m)?.short ?? m);
  for (const m of [label, ...measures]) draft.allow(m);
  const named = measures.length > 2 ? `${measures.slice(0, 2).join(', ')} and more` : joinNames(measures);
  return `We hold figures on complaints about ${label} (${named}), not on ${label} itself: ask, for example, “How many allegations about ${label} were there?”.`;
}

/** Composes the answer to `frame`. */
export function respond(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft): Answer {
  const forces = forcesOf(frame);
  switch (frame.intent) {
    case 'help':
      return help(ctx, draft, false);
    case 'provenance':
      return answerProvenance(ctx, frame, draft);
    case 'chart':
      return answerChart(frame, draft);
    case 'sources':
      return forces[0] !== undefined ? forceCatalogue(ctx, draft, forces[0]) : catalogue(ctx, draft);
    case 'statement': {
      // "What did No 10 say, as quoted in the Hemel Today piece?": the speaker's words in that paper;
      // "…, according to the Hampshire Chronicle article?": the paper's own words, not a speaker's.
      const papers = documentsNamed(ctx, frame);
      const inPaper = papers.size > 0 ? (statementsOf(ctx, frame, draft, papers) ?? readText(ctx, frame, draft)) : undefined;
      return inPaper ?? answerStatement(ctx, frame, draft);
    }
    case 'define':
      // "What is the average salary of a police constable?" is no term of ours to define.
      if (frame.beyondFigures === 'money') break;
      return answerDefinition(ctx, frame, draft);
    default:
      break;
  }
  // "Will complaints keep rising next year?", "Should the IOPC be abolished?": no figure answers either.
  // Money beside a measure we hold ("cases finalised, and how much compensation was paid?"): the
  // figure, and a word on the rest.
  const moneyAside = frame.beyondFigures === 'money' && frame.measure.fits.some((f) => !f.loose);
  // "Complaints about stop and search": a kind of complaint, which we hold ("complaints about Taser
  // use" is none of ours).
  const aboutComplaints = frame.beyondFigures === 'activity' && frame.measure.breakdowns.some((b) => isKindOfAllegation(ctx.outcomes.get(b.id)));
  if (moneyAside) draft.note('We hold no figures on money (budgets, spending, pay or compensation), so that part of the question is not answered.');
  else if (frame.beyondFigures !== undefined && !aboutComplaints) {
    const beyond = BEYOND_FIGURES[frame.beyondFigures];
    return draft.noData(beyond.reason, beyond.text(ctx), { type: typeOf(frame), forces, periods: [] }, typeOf(frame));
  }
  if (frame.ukWide)
    draft.note(
      `We hold figures for England and Wales only: Scotland and Northern Ireland have their own police complaints bodies, whose figures we don't hold.`,
    );
  // "When did the Daily Echo run the story?": a document's date, before any force's figures.
  const dated = frame.asksPublished ? answerPublished(ctx, frame, draft) : undefined;
  if (dated) return dated;
  const declined = declineScope(ctx, frame, draft);
  if (declined) return declined;
  if (frame.intent === 'recommendations') return answerRecommendations(ctx, frame, draft);
  const type = typeOf(frame);
  // A figure answer says how it read a question holding words it could not use.
  draft.leaveOut(frame.unaccounted);
  // "Who from Amnesty was quoted?", "why was re-vetting suspended?": words a source said, found in
  // its text; a figure answers only where no passage does.
  // "When was Carrick suspended by the Met?" likewise, before the force's figures.
  // (Asked of people, "which chief constable…?", it is declined below: a passage naming someone is no ranking of them.)
  // "How many forces replied to the FOI in the Daily Echo piece?": a question about a paper's story
  // that our measures do not account for is answered from its sentences (stating a count, where one
  // is asked), before any figure of ours; so is one whose measure the paper reports no figure of
  // ("what share … were about delivery of duties, according to the Petersfield Post?").
  // "Amnesty reckoned the figures were 'likely only the tip of' what?", "in the Daily Echo piece, what
  // is a 'disapplication'?": words quoted from a source's text are asked about in it, whatever it counts.
  const papers = documentsNamed(ctx, frame).size > 0;
  // "The Chronicle said allegations were 'significantly up'. Up from what, and by how much?": a change
  // asked of the paper's own words is worked from its figures.
  const quoting = frame.intent !== 'change' && (frame.unaccounted.length > 0 || papers) && quotesSources(ctx, frame);
  if ((papers && (frame.unaccounted.length > 0 || paperMetrics(ctx, frame, forces).length === 0)) || quoting) {
    const story = readText(ctx, frame, draft, [], undefined, (frame.quantity || asksShare(frame)) && !quoting);
    if (story) return story;
  }
  // "Monthly complaints in 2024 - which month was worst?" asks figures by month, which no passage gives.
  if ((frame.asksText || (frame.asksWhen && !frame.quantity)) && frame.measure.unheld?.by !== 'people' && frame.measure.unheld?.by !== 'month') {
    // The sources about the forces named first; then any (the Herts article tells of a Met officer).
    const passage = readText(ctx, frame, draft, forces) ?? (forces.length > 0 ? readText(ctx, frame, draft) : undefined);
    if (passage) return passage;
  }
  // …typed in lower case ("how many offences did carrick plead guilty to?") as well.
  const person = frame.measure.unheld === undefined ? personWritten(ctx, frame) : undefined;
  const { unheld, subjectOnly } = person !== undefined ? { ...frame.measure, unheld: { words: person, by: 'person' as const } } : frame.measure;
  // "How many offences did David Carrick plead guilty to?", "who declined to comment on the Carrick
  // case?": no figure of ours is about one person, but a sentence of the sources naming them may say
  // it (stating a count, where one is asked).
  if (unheld?.by === 'person') {
    const said = readText(ctx, frame, draft, [], undefined, frame.quantity);
    if (said) return said;
  }
  // "The age profile of people complaining about the Met", "anything on DS Mark Pellow at Cleveland
  // Police?": a group or a person we hold nothing on is never answered with the force's overview either.
  const overviewOfPeople = frame.intent === 'overview' && (unheld?.by === 'people' || unheld?.by === 'person');
  if (
    (unheld !== undefined || subjectOnly !== undefined) &&
    (FIGURE_INTENTS.includes(frame.intent) || frame.intent === 'rank' || frame.intent === 'count' || overviewOfPeople)
  ) {
    const force = forces[0];
    const held = force !== undefined && ctx.store.holds(force) ? ` ${closestHeld(ctx, draft, force, frame.measure.fits[0]?.id)}` : ` ${whatWeHold(ctx)}`;
    const why =
      unheld?.by === 'person'
        ? `Our figures are totals for forces and for England and Wales, never about one person, so we hold none about ${draft.echo(unheld.words)}.`
        : unheld?.by === 'people'
          ? `Our figures are forces' and England and Wales's totals, never by officer or by who complained, so we can't answer “${draft.echo(unheld.words)}”.`
          : unheld?.by === 'month'
            ? `Our figures are for whole years (financial or calendar), never month by month, so we hold none for “${draft.echo(unheld.words)}”.`
            : unheld?.by === 'area' && force !== undefined
              ? `We hold no figures for ${draft.echo(unheld.words)} alone: it is policed by ${draft.forceName(force)}, and our figures are whole forces'.`
              : unheld?.by === 'unit'
                ? `Our figures are for whole forces, never broken down by ${draft.echo(unheld.words)} or any other part of a force's area, so we hold none for one ${draft.echo(unheld.words)}.`
                : unheld !== undefined
                  ? `We hold no figures on “${draft.echo(unheld.words)}” complaints or allegations: none of our figures is broken down that way.`
                  : subjectAbout(ctx, draft, subjectOnly as string);
    return draft.noData('metric_not_held', `${why}${held}`, { type, forces, periods: [] }, type);
  }
  // "How long do IOPC reviews take?": asked how long, of something we hold only as a count.
  const untimed = frame.measure.duration && frame.measure.together.length === 0 ? untimedMeasure(ctx, frame) : undefined;
  if (untimed && (FIGURE_INTENTS.includes(frame.intent) || frame.intent === 'rank')) {
    draft.allow(untimed.label);
    const force = forces[0];
    const held = force !== undefined && ctx.store.holds(force) ? ` ${closestHeld(ctx, draft, force, untimed.id)}` : ` ${whatWeHold(ctx)}`;
    return draft.noData(
      'metric_not_held',
      `We hold no figure for how long ${untimed.label} take: we hold how many there were, not the time taken.${held}`,
      { type, forces, periods: [] },
      type,
    );
  }
  // "Which force should I trust the least?", "the weather in Winchester": no measure named or carried,
  // and words no figure of ours counts: our figures don't answer it, and no stand-in measure does.
  const unnamed = !namesMeasure(frame) && frame.measure.carried === undefined;
  const ordering = (frame.intent === 'rank' || frame.intent === 'count') && frame.ranking.over === 'forces';
  if (unnamed && ordering && frame.unaccounted.length > 0) return offTopic(frame, draft);
  // "Which force is the worst?": an order needs a measure, and we never pick one for the asker.
  if (unnamed && ordering) {
    draft.allow('2024/25');
    return draft.unclear(
      `Ranked by what? For example: “Which force logged the most allegations in 2024/25?”, “Which force takes longest to finalise complaints?”, “Which force has the highest case to answer rate?”.`,
      { type: 'ranking', forces: [], periods: [] },
      'ranking',
    );
  }
  if (frame.intent === 'rank' && frame.ranking.over === 'periods') {
    const years = rankPeriods(ctx, frame, draft);
    if (years) return years;
  }
  if ((frame.intent === 'rank' || frame.intent === 'count') && frame.ranking.over !== 'forces' && frame.ranking.over !== 'periods') {
    const ranked = rankBreakdowns(ctx, frame, draft);
    if (ranked) return ranked;
    // "The split by category in 2023/24 - what % was delivery of duties?": the one kind named, as a share.
    if (frame.measure.breakdowns.length === 1 && asksShare(frame))
      return answerFigures(ctx, { ...frame, intent: 'share', ranking: { over: 'forces' } }, draft, forces);
    // "The most common complaints in Wiltshire": what was complained about, or declined — a ranking of
    // forces is another question.
    const place = forces.length === 1 ? forces[0] : frame.scope.kind === 'national' ? NATIONAL : undefined;
    if (place !== undefined) {
      const named = categoryNamed(ctx, frame);
      if (named) draft.allow(named.label);
      const by = frame.ranking.over === 'outcomes' ? 'what came of them' : named ? `kind of ${named.label}` : 'what was complained about';
      const when = frame.periods.asks.length > 0 ? ' for the period asked' : '';
      return draft.noData(
        'metric_not_held',
        `We hold no breakdown by ${by} for ${draft.forceName(place)}${when}. ${closestHeld(ctx, draft, place, readingFor(ctx, frame).fits[0]?.id)}`,
        { type: 'ranking', forces: [place], periods: [] },
        'ranking',
      );
    }
  }
  // "The East Midlands forces together: how many under Schedule 3 and how many outside it?": each
  // part added up over the forces.
  if (frame.intent === 'rank' && frame.total && frame.bothParts && forces.length >= 2) return answerFigures(ctx, { ...frame, intent: 'lookup' }, draft, forces);
  if (frame.intent === 'rank' || frame.intent === 'count')
    return rankByDifference(ctx, frame, draft) ?? answerRanking(ctx, frame, draft) ?? answerFigures(ctx, { ...frame, intent: 'compare' }, draft, forces);
  // "Where does Kent's 3,566 come from?": a figure quoted names the series holding it.
  const named = namesMeasure(frame) || (frame.quoted ?? []).some((q) => /\d{3}/.test(q));
  if (frame.intent === 'overview') {
    const force = forces[0];
    return force === undefined ? catalogue(ctx, draft) : overview(ctx, draft, force);
  }
  if (frame.intent === 'compare' && forces.length < 2 && !named) {
    const these = forces.length > 0 ? ` with ${joinNames(forces.map((f) => draft.forceName(f)))}` : '';
    return draft.unclear(
      `Which forces should I compare${these}, and on what? For example: ${exampleQuestion(draft, 'comparison')}`,
      { type: 'comparison', forces, periods: [] },
      'comparison',
    );
  }
  // "When did …?" asks for a date, which only the sources' text can give.
  if (frame.asksWhen && !frame.quantity) return fallback(ctx, frame, draft) ?? offTopic(frame, draft);
  // A follow-up naming no measure leans on the previous one's, when it names forces or periods of its own or asks a new kind of question.
  const namesPeriod = frame.periods.asks.some((a) => a.kind !== 'held');
  const carried = frame.measure.carried !== undefined && (forcesCarried(frame) || forces.length > 0 || namesPeriod || frame.intent !== 'lookup');
  if (!named && !carried) {
    const force = forces[0];
    if (forces.length === 1 && force !== undefined && (frame.intent === 'lookup' || frame.intent === 'share')) {
      // "How many stop and searches did Hampshire do?", "what is the crime rate in Herts?": a number
      // we don't hold, not an overview, and not a share of some measure the question never named.
      if (frame.quantity && ctx.store.holds(force))
        return draft.noData(
          'metric_not_held',
          `We don't hold that for ${draft.forceName(force)}. ${closestHeld(ctx, draft, force)}`,
          { type: 'lookup', forces: [force], periods: [] },
          'lookup',
        );
      // "The weather in Winchester": a place and words no figure of ours is about.
      return frame.unaccounted.length > 0 ? offTopic(frame, draft) : overview(ctx, draft, force);
    }
    // "How many?" and nothing else: one question back.
    if (forces.length === 0 && frame.quantity && frame.keywords.length === 0 && !namesPeriod)
      return draft.unclear(`How many of what, and where? For example: ${exampleQuestion(draft)}`, { type, forces: [], periods: [] }, type);
    if (forces.length === 0) return fallback(ctx, frame, draft) ?? offTopic(frame, draft);
  }
  const answer = withTownsNamed(draft, frame, () => judgedClaim(ctx, draft, frame, () => answerFigures(ctx, frame, draft, forces)));
  // "How many of the 38 … involved officers on duty?": the whole again, with the words naming the part
  // left out, answers another question; we hold no such breakdown of it.
  const whole = frame.partOfNumber;
  const stated = answer.facts.filter((f) => f.computed === undefined);
  if (answer.status === 'answered' && whole !== undefined && frame.unaccounted.length > 0 && stated.length > 0 && stated.every((f) => f.value === whole))
    return draft.noData(
      'metric_not_held',
      `We hold no breakdown of those ${whole} by ${joinNames(
        frame.unaccounted.map((w) => `“${draft.echo(w)}”`),
        'or',
      )}. What we hold: ${answer.text.split('\n')[0]}`,
      { type, forces, periods: [] },
      type,
    );
  // "…and how many officers got complained about?" after 2020/21's complainants: a follow-up naming no
  // measure of its own, answered only by another measure for a year it never asked about (officers
  // accused of abuse of authority, 2016), answers another question.
  const held = frame.periods.asks.find((a) => a.kind === 'held');
  const elsewhere =
    answer.status === 'answered' &&
    held !== undefined &&
    frame.measure.fits.every((f) => f.loose) &&
    answer.frame?.measure !== undefined &&
    answer.frame.measure !== frame.measure.carried?.measure &&
    !answer.frame.periods.includes(held.id);
  const [one] = forces;
  if (elsewhere && one !== undefined)
    return draft.noData(
      'metric_not_held',
      `We hold no figure for that for ${draft.forceName(one)} in ${draft.echo(held.label)}. ${closestHeld(ctx, draft, one, frame.measure.carried?.measure)}`,
      { type, forces, periods: [] },
      type,
    );
  // A "how many" about something no figure covers may still be answered by a passage ("counts of rape").
  if (answer.status === 'no_data' && answer.reason === 'metric_not_held' && forces.length === 0 && !named) return fallback(ctx, frame, draft) ?? answer;
  return answer;
}

/** The measure a "how long" question names when it is no measure of time and none of its words fits
 * one: the best fit, if every fit counts rather than times. */
function untimedMeasure(ctx: AnswerContext, frame: QueryFrame): Measure | undefined {
  const fits = frame.measure.fits.map((f) => ctx.measures.get(f.id));
  const best = fits[0];
  return best && fits.every((m) => m !== undefined && !m.duration && !m.timeOf) ? best : undefined;
}
