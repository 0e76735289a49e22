/**
 * Reading a whole question: its forces, periods, measure and outcome, and what kind of question it
 * is, with the previous exchange's frame filling what a follow-up leaves out.
 */
import type { Frame, QuestionType } from '../model/answer.ts';
import { fold, STOPWORDS, words } from '../text/words.ts';
import { NATIONAL, type ForceMention, type ForceResolver } from './forces.ts';
import type { MetricMatcher, MetricMention } from './metrics.ts';
import { findPeriods, type PeriodMention } from './periods.ts';
import type { PhraseBook } from './phrases.ts';
import { readShape, type Shape } from './shape.ts';

/** What reading a question needs: the force register, the measure catalogue and the phrase book. */
export interface QuestionReaders {
  resolver: ForceResolver;
  matcher: MetricMatcher;
  phrases: PhraseBook;
}

/** A question as the engine understood it. */
export interface ParsedQuestion {
  text: string;
  type: QuestionType;
  /** The question asks for a percentage rather than a count. */
  share: boolean;
  forces: ForceMention;
  /** Forces to answer for: named ones, or the previous question's for a follow-up. */
  forceIds: string[];
  forcesCarried: boolean;
  periods: PeriodMention;
  metrics: MetricMention;
  /** For a definition: the term asked about. For a statement: who. */
  subject?: string;
  /** The question asks for a number ("how many", "what share"…). */
  asksQuantity: boolean;
  /** The answer's shape: ranking, direction, places, rate, threshold, forces left out. */
  shape: Shape;
  /** The previous exchange's frame, when there was one. */
  previous?: Frame;
  /** What the complaints asked about are about ("complaints about racism"), when no measure of ours
   * names it: no figure is broken down that way, and the total must not stand in for it. */
  aboutUnheld?: string;
}

/** "Complaints about racism", "allegations involving use of force": the subject of the complaints. */
const ABOUT = /\b(?:complaints?|allegations?|claims?|cases?)\s+(?:about|involving|relating to|related to|concerning|regarding)\s+(.+?)(?=\s+(?:were|was|are|is|made|against|in|by|at|for|from|did|do|does|have|has|had|during|between|since|last|this|that|each|per)\b|[?.!,;]|$)/;
/** Words that say who the complaints are about, not what. */
const WHO = new Set(['police', 'officers', 'officer', 'staff', 'force', 'forces', 'constabulary', 'people', 'members', 'them', 'it', 'conduct', 'behaviour', 'policing']);

function unheldSubject(q: string, resolver: ForceResolver, matcher: MetricMatcher, phrases: PhraseBook, forces: ForceMention, metrics: MetricMention): string | undefined {
  const about = ABOUT.exec(q)?.[1]?.trim();
  if (about === undefined) return subjectBefore(matcher, phrases, forces, metrics);
  const rest = words(about).filter((w) => !STOPWORDS.has(w) && !WHO.has(w));
  if (rest.length === 0 || rest.some((w) => matcher.vocabulary.has(w))) return undefined;
  if (resolver.find(about, matcher.vocabulary).forces.length > 0) return undefined;
  return about;
}

/**
 * "Taser complaints", "noise complaints": a word straight before the measure's phrase that nothing
 * we read accounts for (no measure, breakdown, force, place, period or phrase of the book) says what
 * the complaints are about, and no figure of ours is broken down that way.
 */
function subjectBefore(matcher: MetricMatcher, phrases: PhraseBook, forces: ForceMention, metrics: MetricMention): string | undefined {
  const starts = [...metrics.measureSpans.values()].flat().map(([a]) => a);
  if (starts.length === 0) return undefined;
  const at = Math.min(...starts) - 1;
  const word = metrics.words[at];
  if (word === undefined || word.length < 3 || /\d/.test(word)) return undefined;
  if (STOPWORDS.has(word) || WHO.has(word) || matcher.vocabulary.has(word) || phrases.words.has(word)) return undefined;
  if (forces.spans.some(([a, b]) => at >= a && at < b)) return undefined;
  return word;
}

// "rate" asks for a share ("the rate of no action") unless the question says per what ("rate of
// allegations per 1,000 employees"), which asks for a published rate.
const SHARE = /\b(share|percentage|percent|per cent|proportion|fraction|what part|how many in (?:10|ten)|out of every|rate(?![^.?]*\bper\b))\b|%/;
const CHANGE = /\b(chang\w*|gone (?:up|down)|go(?:ne)? (?:up|down)|went (?:up|down)|increas\w*|decreas\w*|ris(?:e|en|ing)|rose|(?:fall(?:en|ing|s)?|fell)(?! (?:in|into|under|within|inside)\b)|drop(?:ped)?|up or down|grow\w*|grew|declin\w*|differen\w* between (?:the )?years|compared? (?:with|to) (?:the )?(?:year before|previous|last year|earlier)|(?:higher|lower|more|fewer|less)\b.{0,100}?\bthan (?:the |a )?(?:year before|previous year|year earlier|last year))\b/;
const TREND = /\b(trends?|over time|over the (?:years|period)|year by year|year-on-year|each year|every year|series|history|historical)\b/;
const COMPARE = /\b(compare[ds]?|comparison|versus|vs|which (?:force|of|had|has|was|one|police|constabulary)|more than|higher|lower|fewer|bigger|smaller|most|least|worse|better)\b/;
const OVERVIEW = /\b(tell me (?:about|everything)|overview|summary|summari[sz]e|what do you know (?:about|on)|anything (?:on|about)|profile|information (?:on|about)|info (?:on|about)|what (?:figures|data) (?:do you have |are there )?(?:on|for|about))\b/;
const CATALOGUE = /\b(what (?:data|sources|documents|articles|figures|information|statistics)(?: do you (?:have|hold)| have you got| are (?:there|available))|what do you (?:have|hold) (?:on|for|about)|what have you got (?:on|for)|list (?:the |your |all )?(?:sources|documents)|(?:which|what) forces do you (?:have|cover|hold)|your sources)\b/;
/** "Where does that figure come from?", "who published it?", "what's the source?": about the last answer. */
const PROVENANCE = /\b(?:where (?:does|do|did) (?:that|this|the|these|those|it|they)(?: \w+){0,2} (?:come|came) from|where (?:is|are) (?:that|this|these|those|it) from|who (?:published|produced|publishes|says|said|collected|compiled) (?:that|this|it|these|those|the (?:figures?|data|numbers?))|what(?:'s| is| are) (?:the|your) sources?(?: for (?:that|this|it))?\s*\??$|(?:source|sources) (?:for|of) (?:that|this|it|these|those)|how (?:do|can) (?:you|i|we) know (?:that|this))\b/;
/** "Show me a chart", "as a CSV", "can I download that?": the last answer in another form. */
const CHART = /\b(?:charts?|graphs?|plot(?:ted)?|visuali[sz]e|visuali[sz]ation|csv|spreadsheet|download(?:able)?|export)\b/;
const HELP = /^(?:help|hi|hello|hey|start|\?|what can you do|how do (?:i|you) (?:use|work)|who are you)\b/;
const STATEMENT = /\bwhat (?:did|does|do|has|have) (?:the )?(.+?) (?:say|said|says|tell|told|comment|claim|warn|think)\b|\b(?:according to|quote from|comments? (?:from|by)|reaction from|response from|statement from) (?:the )?(.+?)(?:\?|$| about| on )/;
const DEFINITION = /^(?:what(?:'s| is| are| does| do)|define|definition of|meaning of|explain|whats)\b/;
/** "What is meant by …?", "what do they mean by …?": the term follows "by". */
const MEANT_BY = /^what (?:is|are) meant by (?:a |an |the )?(.+?)\s*\??$|^what do(?:es)? (?:they|you|the sources?|it|that) mean by (?:a |an |the )?(.+?)\s*\??$/;
/** "What is the salary of…", "who is the chief constable of…", "who is Herts' chief constable?": asks for
 * one particular thing, never an overview. */
const ATTRIBUTE = /^(?:(?:what|who)(?:'s| is| are| was| were)|whats|whos) (?:(?:the |a |an |their |its )?([a-z-]+(?: [a-z-]+){0,2}) (?:of|for|in|at|among|by)\b|[a-z' -]+?(?:'s|s') ([a-z-]+(?: [a-z-]+){0,2})\s*\??$)/;
/** Words that ask for everything held, so "what is the latest for Hampshire?" stays an overview. */
const GENERAL = /\b(?:latest|position|situation|picture|record|story|data|figures?|numbers|stats|statistics|information|info|news|overview|summary|state|deal|lowdown|story|everything|anything|misconduct|complaints?)\b/;
/** "What are the figures for BTP?": asks for everything held on a force, not for one number. */
const FIGURES_FOR = /^what (?:are|were) (?:the |your )?(?:latest |main |key )?(?:figures|numbers|stats|statistics|data) (?:for|on|about)\b/;
/** "And…?", "what about…?", "same for…": a follow-up leaning on the previous question. */
const FOLLOW_UP = /^(?:and|also|what about|how about|what of|same|now|then|ok|okay)\b/;
const QUANTITY = /\b(how many|how much|number of|numbers|total|figures?|count|share|percentage|proportion|per cent|percent|rate)\b/;

function definitionSubject(q: string): string | undefined {
  const meant = MEANT_BY.exec(q);
  if (meant) return (meant[1] ?? meant[2])?.trim();
  const m =
    /^(?:what(?:'s| is| are)|whats)\s+(?:a |an |the )?(.+?)(?:\s+(?:mean|means))?\s*\??$/.exec(q) ??
    /^what (?:does|do) (?:a |an |the )?(.+?) (?:mean|stand for)\s*\??$/.exec(q) ??
    /^(?:define|definition of|meaning of|explain)\s+(?:a |an |the )?(.+?)\s*\??$/.exec(q);
  return m?.[1]?.trim();
}

/** The words of `folded` as the user typed them (case and accents), found in `text`. */
function original(text: string, folded: string): string {
  const pattern = folded.split(/[^a-z0-9]+/).filter(Boolean).map((w) => w.split('').map((ch) => `${ch}\\p{M}*`).join('')).join('[^\\p{L}\\p{N}]+');
  const m = new RegExp(pattern, 'iu').exec(text.normalize('NFKD'));
  return m ? m[0].normalize('NFC') : folded;
}

/** Understands `text`, with `previous` (the last exchange's frame) for follow-ups. */
export function parseQuestion(
  text: string,
  { resolver, matcher, phrases }: QuestionReaders,
  previous?: Frame,
): ParsedQuestion {
  const q = fold(text).replace(/\s+/g, ' ').trim();
  const mentioned = resolver.find(text, matcher.vocabulary);
  const metrics = matcher.find(text, mentioned.spans);
  const shape = readShape(metrics.words, phrases.find(metrics.words), mentioned);
  // Forces the question leaves out ("apart from the Met") are not what it is about.
  const forces: ForceMention = { ...mentioned, forces: mentioned.forces.filter((f) => !shape.excluded.includes(f)) };
  const periods = findPeriods(text);
  const share = SHARE.test(q);
  const attribute = ATTRIBUTE.exec(q);
  const asksValue = attribute !== null && !GENERAL.test(attribute[1] ?? attribute[2] ?? '');
  const named = metrics.measures.size > 0 || metrics.outcomes.size > 0;

  let type: QuestionType = 'lookup';
  let subject: string | undefined;
  const statement = STATEMENT.exec(q);
  const definition = DEFINITION.test(q) && !QUANTITY.test(q) && forces.forces.length === 0 && periods.asks.length === 0 ? definitionSubject(q) : undefined;
  if (PROVENANCE.test(q) && forces.forces.length === 0) type = 'provenance';
  else if (CHART.test(q) && forces.forces.length === 0 && !named) type = 'chart';
  else if (HELP.test(q) && !named && forces.forces.length === 0) type = 'help';
  else if (shape.recommendation) type = 'recommendation';
  else if (shape.rank && (forces.forces.length === 0 || forces.forces.length > 2 || forces.ambiguous?.region !== undefined)) type = 'ranking';
  else if (CATALOGUE.test(q) && forces.forces.length <= 1) type = 'sources';
  else if (statement) {
    type = 'statement';
    subject = original(text, (statement[1] ?? statement[2] ?? '').trim());
  } else if (definition !== undefined) {
    type = 'definition';
    subject = original(text, definition);
  } else if (OVERVIEW.test(q) || (forces.forces.length > 0 && !named && periods.asks.length === 0 && (!QUANTITY.test(q) || FIGURES_FOR.test(q)) && !asksValue && !CHANGE.test(q) && !COMPARE.test(q) && !TREND.test(q))) type = forces.forces.length > 1 ? 'comparison' : 'overview';
  else if (TREND.test(q)) type = 'trend';
  else if (forces.forces.length >= 2 || shape.nationalTarget || (COMPARE.test(q) && forces.forces.length !== 1 && !CHANGE.test(q) && periods.asks.length < 2)) type = 'comparison';
  else if (CHANGE.test(q) || periods.since || (periods.asks.length >= 2 && forces.forces.length <= 1)) type = 'change';
  else if (share) type = 'share';

  // "Allegations logged against the Welsh forces": a figure asked of a region is each of its forces, in order.
  const namedOutright = [...metrics.measures.keys()].some((id) => !metrics.loose.has(id)) || metrics.outcomes.size > 0;
  if (type === 'lookup' && namedOutright && forces.forces.length === 0 && forces.ambiguous?.region !== undefined) type = 'ranking';
  // "Compared with the national average": England and Wales is the other side of the comparison.
  let forceIds = shape.nationalTarget && forces.forces.length > 0 && !forces.forces.includes(NATIONAL) ? [...forces.forces, NATIONAL] : forces.forces;
  // A follow-up that names no force keeps the previous question's forces.
  let forcesCarried = false;
  const figureTypes: QuestionType[] = ['lookup', 'share', 'comparison', 'change', 'trend', 'overview'];
  // …but only a question that asks something of its own: "blah blah" after a force is not about it.
  const asksSomething = named || share || periods.asks.length > 0 || QUANTITY.test(q) || CHANGE.test(q) || TREND.test(q) || COMPARE.test(q) || FOLLOW_UP.test(q);
  if (forceIds.length === 0 && previous && previous.forces.length > 0 && figureTypes.includes(type) && asksSomething && !forces.unknown && !forces.ambiguous && !forces.outOfScope) {
    forceIds = previous.forces;
    forcesCarried = true;
  }
  // "what about Hertfordshire?" keeps the previous question's kind; "and how many…" is a lookup again.
  const bare = !named && !share && !CHANGE.test(q) && !TREND.test(q) && !COMPARE.test(q) && !OVERVIEW.test(q);
  if (previous && bare && ['lookup', 'overview', 'comparison'].includes(type) && forces.forces.length <= 1 && figureTypes.includes(previous.type) && previous.type !== 'overview') {
    type = previous.type === 'comparison' && forceIds.length < 2 ? 'lookup' : previous.type;
  }
  const parsed: ParsedQuestion = { text, type, share: share || (bare && previous?.share === true), forces, forceIds, forcesCarried, periods, metrics, asksQuantity: QUANTITY.test(q) || asksValue, shape };
  if (subject !== undefined) parsed.subject = subject;
  if (previous) parsed.previous = previous;
  const aboutUnheld = unheldSubject(q, resolver, matcher, phrases, mentioned, metrics);
  if (aboutUnheld !== undefined) parsed.aboutUnheld = aboutUnheld;
  return parsed;
}
