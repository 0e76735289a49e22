/**
 * The counts that lead an answer about the IOPC's learning recommendations: how many we hold of those
 * asked about, each force's where several forces were named ("Essex vs Kent"), the whole beside a part
 * where both were asked ("how many to Hampshire, and how many in the death and serious injury
 * category?"), and the responses recorded. Every count is ours, its working naming the rows counted.
 */
import type { SourceDocument } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerDraft } from './draft.ts';
import { joinNames } from './holdings.ts';
import { type Counted, counted, DATASET, RESPONSES, responses, responsesInShort, unattributed } from './recommendation-lines.ts';
import { type DateAsk, datedIn } from './recommendation-select.ts';

type Response = NonNullable<SourceDocument['accepted']>;

/** What was asked and what was found, said the same way in every sentence of the answer. */
export interface Selection {
  /** Every recommendation we hold, and those the dataset's force column files under the forces asked. */
  all: readonly SourceDocument[];
  held: readonly SourceDocument[];
  /** Those on the topic and dated as asked, before any response is kept. */
  dated: readonly SourceDocument[];
  /** Those the answer is about: `dated` with the response asked, if any. */
  chosen: readonly SourceDocument[];
  forces: readonly string[];
  who: string;
  topic: readonly string[];
  /** The IOPC category the topic named, where it named one; otherwise the topic is looked for in the text. */
  category: string | undefined;
  asks: readonly DateAsk[];
  response: Response | undefined;
  /** " in the IOPC's category “Custody and detention”", " mentioning “spit guards”" or "". */
  about: string;
  /** " from July 2020" or "". */
  when: string;
  /** Every force's on the topic, dated as asked, where one force's part of them is asked beside the whole; else empty. */
  onTopicEverywhere: readonly SourceDocument[];
}

/** Which rows a count of recommendations counted, in words a reader can filter the spreadsheet by. */
export function rowsCounted(forces: readonly string[], category: string | undefined, when: string): string {
  const parts = [
    ...(forces.length > 0 ? [`whose force column names ${joinNames(forces, 'or')}`] : []),
    ...(category !== undefined ? [`whose category is “${category}”`] : []),
  ];
  return [parts.join(' and '), when ? `dated${when.replace(/^ from/, ' in')}` : ''].filter((p) => p !== '').join(', ');
}

/** Whom a count is of: the forces given (every force where none), with the rows it counted. */
function whomOf(draft: AnswerDraft, s: Selection, forces: readonly string[], category: string | undefined): Counted {
  const name = forces.length > 0 ? joinNames(forces.map((f) => draft.forceName(f))) : 'police forces';
  const when = s.asks.length > 0 ? s.when : '';
  return {
    forces: [...forces],
    name,
    rows: rowsCounted(
      forces.map((f) => draft.forceName(f)),
      category,
      when,
    ),
  };
}

/** The working's closing words: which rows of the scrape were counted. */
function working(whom: Counted, s: Selection): string {
  const byText = s.topic.length > 0 && s.category === undefined ? ' whose text mentions the topic' : '';
  return `(our count of the rows of ${DATASET}${whom.rows ? ` ${whom.rows}` : ''}${byText})`;
}

/** The status a count keeps, in words: " accepted", or "". */
function statusOf(s: Selection): string {
  return s.response ? ` ${RESPONSES[s.response]}` : '';
}

/** " recorded as accepted", or "". */
function recordedAs(s: Selection): string {
  return s.response ? ` recorded as ${RESPONSES[s.response]}` : '';
}

/**
 * The sentences leading the answer: one count of what was found (or each force's, where several were
 * named and no sum asked), with the responses where a number was asked, and the whole beside the part
 * where both were asked.
 */
export function tally(draft: AnswerDraft, asked: QueryFrame, s: Selection): { text: string; listed: boolean } {
  const several = s.forces.length > 1;
  // Forces named side by side ("Essex vs Kent") are counted each; a sum only where one was asked
  // ("combined", "and how many in all?") or of a region's forces, which are counted together.
  const together = !several || asked.total || asked.alsoTotal || asked.scope.kind === 'region';
  const whole = asked.alsoTotal ? wholeBeside(draft, s) : [];
  // Sentences run on; each force's count is a line of its own, and a sentence after them starts one.
  const parts = [
    ...(together ? [` ${countSentence(draft, asked, s, s.forces, s.chosen)}`] : []),
    ...(several ? eachForce(draft, asked, s, together) : []),
    ...whole.map((sentence) => `${several ? '\n' : ' '}${sentence}`),
  ];
  return { text: parts.join('').trimStart(), listed: several && whole.length === 0 };
}

/** "We hold 9 IOPC learning recommendations to Hampshire … (our count …). The IOPC records …". */
function countSentence(draft: AnswerDraft, asked: QueryFrame, s: Selection, forces: readonly string[], chosen: readonly SourceDocument[]): string {
  const whom = whomOf(draft, s, forces, s.category);
  const status = statusOf(s);
  const of = s.dated.filter((d) => forces.length === 0 || forces.includes(d.filedUnder ?? ''));
  const ofAll = s.response ? `, of ${counted(draft, of.length, whom, '')} we hold` : '';
  const n = chosen.length;
  const head = `We hold ${counted(draft, n, whom, status.trim())} IOPC learning recommendation${n === 1 ? '' : 's'} to ${whom.name}${s.about}${s.when}${recordedAs(s)}${ofAll} ${working(whom, s)}.`;
  // The responses are told where a number or every response was asked ("did Sussex reject any?"),
  // and what the count leaves out.
  const told = (asked.quantity || asked.recommendations?.responses === true) && !s.response ? ` ${responses(draft, chosen, whom)}` : '';
  const plain = s.topic.length === 0 && s.asks.length === 0 && !s.response;
  return `${head}${told}${asked.quantity && plain ? besides(draft, s.all, forces, whom.name) : ''}`;
}

/** Each force's count, one a line, where several forces were named. */
function eachForce(draft: AnswerDraft, asked: QueryFrame, s: Selection, afterSum: boolean): string[] {
  const status = statusOf(s);
  const rows = rowsCounted(['the force'], s.category, s.asks.length > 0 ? s.when : '');
  const lead = afterSum
    ? '\nBy force:'
    : `\nIOPC learning recommendations we hold to each force${s.about}${s.when}${recordedAs(s)} ${working({ forces: [], name: '', rows }, s)}:`;
  const lines = s.forces.map((f) => {
    const whom = whomOf(draft, s, [f], s.category);
    const mine = s.chosen.filter((d) => d.filedUnder === f);
    const of = s.response ? `, of ${counted(draft, s.dated.filter((d) => d.filedUnder === f).length, whom, '')} we hold` : '';
    // Each force's responses where no sum told them all, in short: a list of forces is read across.
    const told = asked.quantity && !s.response && !afterSum && mine.length > 0 ? ` (${responsesInShort(draft, mine, whom)})` : '';
    return `\n• ${whom.name}: ${counted(draft, mine.length, whom, status.trim())}${of}${told}`;
  });
  return [lead, ...lines];
}

/**
 * The whole beside the part, where both were asked: the part is the topic where one was named ("…,
 * and how many in the death and serious injury category?": every topic counted), otherwise the
 * forces ("…, and how many of those were the Met's?": every force counted).
 */
function wholeBeside(draft: AnswerDraft, s: Selection): string[] {
  const kept = (d: SourceDocument) => datedIn(d, s.asks) && (s.response === undefined || d.accepted === s.response);
  const status = statusOf(s);
  const recorded = recordedAs(s);
  if (s.topic.length > 0) {
    const whole = s.held.filter(kept);
    const whom = whomOf(draft, s, s.forces, undefined);
    const sentence = `In all, whatever the topic, we hold ${counted(draft, whole.length, whom, status.trim())} to ${whom.name}${s.when}${recorded}`;
    // Which is the part, the force or the topic, the count cannot tell: both wholes are given.
    const everyForce = s.onTopicEverywhere.filter(kept);
    const across = whomOf(draft, s, [], s.category);
    const onTopic =
      s.onTopicEverywhere.length > 0
        ? [`Across every force, we hold ${counted(draft, everyForce.length, across, status.trim())}${s.about}${s.when}${recorded} ${working(across, s)}.`]
        : [];
    return [...onTopic, `${sentence} ${working(whom, { ...s, topic: [], category: undefined })}.`];
  }
  // Every force's count with the response kept, beside one force's ("…turned down, and how many of
  // those were the Met's?"): the force's own whole, every response, is said already. Several forces'
  // sum is already the whole of their parts.
  if (s.forces.length !== 1 || s.response === undefined) return [];
  const whole = s.all.filter(kept);
  const whom = whomOf(draft, s, [], s.category);
  return [`Across every force we hold ${counted(draft, whole.length, whom, status.trim())}${s.when}${recorded} ${working(whom, s)}.`];
}

/** Pages naming the forces only in their tags or heading (force column "#N/A"): said, never counted. */
function besides(draft: AnswerDraft, all: readonly SourceDocument[], forces: readonly string[], who: string): string {
  if (forces.length === 0) return '';
  const n = unattributed(all, forces).length;
  if (n === 0) return '';
  const shown = counted(draft, n, { forces: [...forces], name: who, rows: `whose force column is “#N/A” and whose tags or heading name ${who}` }, '');
  return ` Not counted: ${shown} more page${n === 1 ? '' : 's'} whose force column is “#N/A” but whose tags or heading name ${who}.`;
}
