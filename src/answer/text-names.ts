/**
 * How the sources write the names a text question holds: a person's surname typed in lower case
 * ("carrick": "David Carrick"), a force by another of its names ("Hants": "Hampshire"), words quoted
 * from a source's text; and the capitalised words that are never a person's name.
 */
import type { QueryFrame } from '../model/frame.ts';
import { words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import { NOT_SPEECH } from './passages.ts';

/** Capitalised words of bodies' and papers' names and of dates, never of a person's. */
export const BODY_NAMES =
  'Police|Constabulary|Office|Service|Council|Commission|Federation|Conduct|Regulations|Standards|Complaints|Inspectorate|International|Force|Forces|Post|Chronicle|News|Today|Echo|Home|Independent|Metropolitan|Government|Department';
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const BODY_WORDS = `${BODY_NAMES}|${MONTHS}`;

/** Capitalised words that may stand before a capitalised word without making it a surname ("The
 * National Police Chiefs' Council", "Criminal Justice"). */
export const NOT_FIRST_NAMES = `${BODY_WORDS}|The|A|An|This|That|These|Those|In|On|At|By|For|From|Of|And|But|Or|If|When|While|As|To|With|Its|Their|His|Her|Our|Criminal|National|Royal|Chief|Senior|Deputy|Assistant`;

/**
 * A word of the question that nothing else reads and that the sources write as a person's surname,
 * after a capitalised first name or title ("carrick": "David Carrick"), or undefined. Our figures are
 * never about one person, so such a question is one for the sources' words.
 */
export function personWritten(ctx: AnswerContext, asked: QueryFrame): string | undefined {
  const speakable = (docId: string) => !NOT_SPEECH.has(ctx.documents.get(docId)?.kind ?? '');
  const surname = (name: string) => `(?<!\\p{L})(?!(?:${NOT_FIRST_NAMES})\\b)\\p{Lu}\\p{Ll}+ ${name}`;
  // "Amnesty International" is a body's name, not a first name and a surname.
  return asked.unaccounted.find((w) => !ctx.phrases.isWordOf('institution', w) && documentsWriting(ctx, w, surname, speakable).size > 0);
}

/** A force's short name for a word of the question naming it otherwise ("Hants", "the Met"): the
 * sources write "Hampshire", "Metropolitan Police". */
export function forceSpelling(ctx: AnswerContext, asked: QueryFrame, word: string): string[] {
  const forces = asked.scope.kind === 'forces' ? asked.scope.forces : [];
  const names = (id: string) => {
    const force = ctx.forces.get(id);
    return force ? [force.name, ...force.aliases].flatMap(words) : [];
  };
  // A word of one force's names alone ("hants"), not one many share ("officers" in "Met officers").
  const distinctive = [...ctx.forces.keys()].filter((id) => names(id).includes(word)).length === 1;
  return forces.flatMap((id) => {
    const force = ctx.forces.get(id);
    return force && distinctive && names(id).includes(word) && !words(force.shortName).includes(word) ? [force.shortName] : [];
  });
}

/** Whether some words the question quotes stand in the text of a source ("'likely only the tip of'"):
 * then it asks about that text. */
export function quotesSources(ctx: AnswerContext, asked: QueryFrame): boolean {
  const speakable = (docId: string) => !NOT_SPEECH.has(ctx.documents.get(docId)?.kind ?? '');
  return (asked.quoted ?? []).some((q) =>
    ctx.passages
      .find(q, NAME_CANDIDATES, { minTerms: 1, allWords: true, docFilter: speakable })
      .some(({ passage }) => ` ${words(passage.text).join(' ')} `.includes(` ${q} `)),
  );
}

/** Passages searched for a word to tell whether the sources write it as a name. */
const NAME_CANDIDATES = 5;

/**
 * The documents among the passages holding `word` most that write it as `written` says (given the
 * word capitalised and escaped for a pattern): whether, and where, the sources write it as a name.
 */
function documentsWriting(ctx: AnswerContext, word: string, written: (name: string) => string, docFilter: (docId: string) => boolean): Set<string> {
  const name = `${word.charAt(0).toUpperCase()}${word.slice(1)}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${written(name)}\\b`, 'u');
  const hits = ctx.passages.find(word, NAME_CANDIDATES, { minTerms: 1, docFilter });
  return new Set(hits.filter(({ passage }) => pattern.test(passage.text)).map(({ passage }) => passage.docId));
}

/** The words of `unaccounted` that the sources write as a name (with a capital, after a sentence's
 * first word: "david carrick"), with the documents writing the first; undefined when none is. */
export function documentsNaming(
  ctx: AnswerContext,
  unaccounted: readonly string[],
  docFilter: (docId: string) => boolean,
): { words: string[]; docs: Set<string> } | undefined {
  const found = unaccounted
    .map((word) => ({ word, docs: documentsWriting(ctx, word, (name) => `[\\p{L},;] ${name}`, docFilter) }))
    .filter(({ docs }) => docs.size > 0);
  const [first] = found;
  return first && { words: found.map(({ word }) => word), docs: first.docs };
}
