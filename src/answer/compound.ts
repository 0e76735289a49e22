/**
 * Questions in two parts, the second leaning on the first: "How many Schedule 3 cases did Humberside
 * finalise last year, and how long did they take?", "how many individuals were referred to
 * proceedings, and how many of them were officers?". The second part is read as a follow-up of the
 * first (its force, period and measure in context), and both answers are given, one after the other.
 */
import type { Answer, Frame, QuestionType } from '../model/answer.ts';
import type { QueryFrame } from '../model/frame.ts';
import { normaliseWording, readQuestion } from '../understand/frame.ts';
import type { AnswerContext } from './context.ts';
import { AnswerDraft } from './draft.ts';
import { respond } from './respond.ts';
import { forcesOf } from './frame-reading.ts';
import { sentences } from './passages.ts';
import { HOLDS_NUMBER } from './reading.ts';
import { STOPWORDS, stems } from '../text/words.ts';

/** Where the second part starts in the wording as read: the character offset of its opening words'
 * occurrence ("and how many" may come twice). */
function offsetOf(text: string, { words, nth }: NonNullable<QueryFrame['secondPart']>): number | undefined {
  // "and" may be typed as chat's shorthand for it ("n", "&", "+").
  const pattern = new RegExp(`${words.map((w) => (w === 'and' ? '(?:\\band|\\bn|&|\\+)' : `\\b${w}`)).join('\\W+')}\\b`, 'gi');
  for (let n = 0, m = pattern.exec(text); m !== null; n++, m = pattern.exec(text)) if (n === nth) return m.index > 0 ? m.index : undefined;
  return undefined;
}

/** "How many officers and how many staff had a case to answer?": the first part, ending on what it
 * counts, shares the second's ending ("had a case to answer"), as many words after "how many" apart. */
function sharedEnding(first: string, second: string): string {
  const ask = /\bhow\s+many\s+((?:[\p{L}'’-]+\s+)?[\p{L}'’-]+)\s*$/iu.exec(first);
  if (!ask) return first;
  const counted = (ask[1] as string).split(/\s+/).length;
  const rest = second.replace(/[?.!\s]+$/, '').split(/\s+/);
  const opener = rest.findIndex((w, i) => /^how$/i.test(w) && /^many$/i.test(rest[i + 1] ?? ''));
  const ending = opener < 0 ? [] : rest.slice(opener + 2 + counted);
  return ending.length >= 2 ? `${first} ${ending.join(' ')}` : first;
}

/** Answers of figures, as each part of a two-part question must be. */
const FIGURES: readonly QuestionType[] = ['lookup', 'share', 'comparison', 'change', 'trend', 'ranking'];

/** The metrics an answer states figures of. */
const statedMetrics = (a: Answer) => new Set(a.facts.filter((f) => f.computed === undefined).map((f) => f.metric));

/**
 * The answer to a two-part question, when answering it as one left its second part out: the first
 * part answered, then the second read as its follow-up. Undefined when the question is not in two
 * parts, or `whole` (the question answered as one) already gives what the second part asks.
 */
export function answerInTwoParts(ctx: AnswerContext, question: string, asked: QueryFrame, whole: Answer, previous?: Frame): Answer | undefined {
  // A recommendations question's frame holds every response it asks about ("how many were accepted
  // and how many rejected?"): its second part is no figure of its own to look up.
  if (whole.status === 'answered' && whole.type === 'recommendation') return undefined;
  // The parts are cut from the wording as read ("whats the avg time" is "what is the average time"),
  // which the opening's words are.
  const wording = normaliseWording(question, ctx.shorthand);
  const at = asked.secondPart === undefined ? undefined : offsetOf(wording, asked.secondPart);
  if (at === undefined) return undefined;
  // "and how long did they take?" keeps its "and": a follow-up leaning on the first part's force and period.
  const second = wording.slice(at);
  const first = sharedEnding(wording.slice(0, at).replace(/[\s,;:-]+$/, ''), second);
  const draft = new AnswerDraft(ctx, question);
  const firstFrame = readQuestion(first, ctx, previous);
  const one = draft.section(() => respond(ctx, firstFrame, draft));
  // "When did Hampshire send its FOI response, and how many were still being investigated then?": the
  // sources' words on the first part, then the figure the second asks, for the forces the first named.
  if (one.status === 'answered' && one.type === 'statement' && (firstFrame.asksWhen || firstFrame.asksText !== undefined)) {
    const about: Frame = { type: 'lookup', forces: forcesOf(firstFrame), periods: [] };
    const two = draft.section(() => respond(ctx, readQuestion(second, ctx, about), draft));
    return two.status === 'answered' && FIGURES.includes(two.type) ? draft.answered(two.type, `${one.text}\n${two.text}`, two.frame) : undefined;
  }
  // "Which force covers Southampton, and how many …?": a first part naming only a place is no question
  // of its own; the whole already answers it.
  if (one.status !== 'answered' || one.frame === undefined || !FIGURES.includes(one.type)) return undefined;
  // "The Welsh forces together: reviews completed, and how many found not reasonable?": a second part
  // naming no place is about the same group of forces, taken the same way.
  // "…were referred, and how many needed no action?": the "and how many" joining a second part naming a
  // result of its own asks that result, not the whole beside it (the first part answered its measure).
  const reread = readQuestion(second, ctx, one.frame);
  const read = reread.measure.breakdowns.length > 0 ? { ...reread, alsoTotal: false } : reread;
  // "Which force had the most …, and how long did they take?": the force the ranking put first.
  const grouped = firstFrame.scope.kind === 'region' || firstFrame.scope.kind === 'every-force';
  const top =
    one.type === 'ranking' && firstFrame.ranking.direction !== undefined && (firstFrame.ranking.limit ?? 1) === 1 && !firstFrame.total
      ? one.facts[0]?.force
      : undefined;
  const secondFrame =
    read.scope.kind !== 'unnamed'
      ? read
      : top !== undefined && ctx.forces.has(top)
        ? { ...read, scope: { kind: 'forces' as const, forces: [top], carried: true, places: [] } }
        : grouped
          ? { ...read, scope: firstFrame.scope, total: firstFrame.total }
          : read;
  const two = draft.section(() => respond(ctx, secondFrame, draft));
  // "…, and what was the date of that response?": a second part asking for the sources' words.
  const asksWords = secondFrame.asksText !== undefined || (secondFrame.asksWhen && !secondFrame.quantity);
  if (two.status === 'answered' && two.type === 'statement' && asksWords) return draft.answered(one.type, `${one.text}\n${two.text}`, one.frame);
  if (two.status === 'answered' && !FIGURES.includes(two.type)) return undefined;
  // "How does my force do on complaints? How many cases handled outside Schedule 3 did it finalise?":
  // a first part asking no quantity of words that fit loosely only leads in to the second, the
  // measure asked; its figure would answer another question. One naming a year asks its figure
  // ("Gwent allegations last year, and how many formal complaints…").
  const leadIn =
    !firstFrame.quantity && firstFrame.periods.asks.length === 0 && firstFrame.measure.breakdowns.length === 0 && firstFrame.measure.fits.every((f) => f.loose);
  if (leadIn && two.status === 'answered' && secondFrame.measure.fits.some((f) => !f.loose)) return draft.answered(two.type, two.text, two.frame);
  // The second part leans on the first's year: an answer for another year answers something else.
  const years = new Set(one.frame.periods);
  const otherYear = years.size > 0 && two.frame !== undefined && two.frame.periods.length > 0 && !two.frame.periods.some((p) => years.has(p));
  // Declined as a whole, the first part is still answered: with the source's own words on the
  // second where they give it ("Three of the officers were dismissed for sexual misconduct"), else
  // saying plainly that we don't hold it.
  if (whole.status !== 'answered' && (otherYear || two.status !== 'answered')) {
    const words = inWords(ctx, one, secondFrame);
    const rest = words
      ? `The source says more in words: “${words.sentence}” [${draft.cite(words.source, words.quote)}]`
      : `We hold no figure for the rest of the question (“${draft.echo(second.replace(/^and\s+/i, ''))}”).`;
    return draft.answered(one.type, `${one.text}\n${rest}`, one.frame);
  }
  if (otherYear) return undefined;
  const shown = statedMetrics(whole);
  const added = [...statedMetrics(two)].some((m) => !shown.has(m));
  // "How many cases …, and what's the average time?" answered as one with the times alone left the count out.
  const firstLeftOut = [...statedMetrics(one)].some((m) => !shown.has(m));
  if (two.status !== 'answered' || (whole.status === 'answered' && !added && !firstLeftOut)) return undefined;
  return draft.answered(one.type, `${one.text}\n${two.text}`, one.frame);
}

/** A sentence of the first part's source holding a number and a word the second part asks about
 * that the first part's figure does not name. */
function inWords(ctx: AnswerContext, one: Answer, second: QueryFrame): { sentence: string; source: string; quote: string } | undefined {
  const fact = one.facts.find((f) => f.computed === undefined);
  const obs = fact && ctx.store.at(fact.force, fact.metric, fact.periodId);
  const figure = obs?.figures[0];
  if (!fact || !figure) return undefined;
  const named = new Set(stems(fact.metricLabel));
  const asked = second.keywords.flatMap((w) => stems(w)).filter((w) => !named.has(w) && !STOPWORDS.has(w));
  const sentence = sentences(figure.quote).find(
    (x) => HOLDS_NUMBER.test(x) && stems(x).some((w) => asked.includes(w)) && (figure.stated === undefined || !x.includes(figure.stated)),
  );
  return sentence ? { sentence, source: figure.source, quote: figure.quote } : undefined;
}
