/**
 * Text questions ("who did Amnesty put up?", "why did Hampshire stop re-vetting?", "do the figures
 * include informal complaints?"): answered by the sentences of the sources that hold the question's
 * rarest words, quoted verbatim and cited. No figure answers them, and a figure of the force named
 * is never offered in their place.
 */
import { NATIONAL } from '../understand/forces.ts';
import type { Answer } from '../model/answer.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { Passage } from '../search/passages.ts';
import { memoised, memoisedPer } from '../text/memo.ts';
import { words } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { documentsNamed } from './named-documents.ts';
import { SAYS } from './statements.ts';
import { content, DEFINES, expand, NOT_SPEECH, sentences, spellings } from './passages.ts';
import { BODY_NAMES, documentsNaming, forceSpelling, MONTHS, NOT_FIRST_NAMES, WEEKDAYS } from './text-names.ts';

/** Passages read for a text question's sentences. */
const CANDIDATES = 24;
/** Sentences an answer quotes at most. */
const QUOTED = 2;
/** A second sentence is quoted when it scores at least this share of the best. */
const SECOND = 0.5;
/** The best sentence must hold at least this share of the question's word weight. */
const MIN_SHARE = 0.3;

const sentencesOf: (paragraph: string) => readonly string[] = memoised(sentences, 20_000);
/** A stem less a doubled last consonant the stemmer leaves on some forms ("referral": "referr"), so
 * that it matches the other forms' ("refer", "referred"). */
const undoubled = (stem: string) => stem.replace(/([b-df-hj-km-np-tv-z])\1$/, '$1');
/** A text's meaningful stems, as a sentence and a question's term are matched. */
const matchStems = (text: string) => content(text).map(undoubled);
const stemSet: (sentence: string) => ReadonlySet<string> = memoised((s: string) => new Set(matchStems(s)), 20_000);

/** Every word of every force's names: the only words {@link forceSpelling} can spell otherwise. */
const FORCE_WORDS = memoisedPer(
  (forces: AnswerContext['forces'], _: 'words'): ReadonlySet<string> => new Set([...forces.values()].flatMap((f) => [f.name, ...f.aliases].flatMap(words))),
);

/**
 * {@link forceSpelling}, asked only of a word some force's name holds: it reads every force's names
 * for each word it is given, and a text question asks it of every word, twice, in each of up to three
 * readings, most of a named story's answer at 10,000 documents for words no force's name holds.
 */
export function forceSpellingOf(ctx: AnswerContext, asked: QueryFrame, word: string): string[] {
  return FORCE_WORDS(ctx.forces, 'words').has(word) ? forceSpelling(ctx, asked, word) : [];
}

/** A figure, in digits or words. */
export const HOLDS_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b/i;

/** A number and up to three words after it: what it counts ("49 offences", "24 counts of rape", "40% of misconduct allegations"). */
const COUNTED =
  /(?:\d[\d,]*(?:\.\d+)?(?:%|\b)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)\b)(?:\s+per\s*cent)?(?:\s+of)?[\s-]+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/giu;

/** Words that tell two terms apart ("one complaint could contain several allegations"). */
const CONTRASTS = 'several rather contain involve';

/** What each kind of question wants of its answer's sentence, beyond the question's words. */
const WANTS: Record<'who' | 'when' | 'why' | 'differ', RegExp> = {
  // A person's name: two capitalised words ("Zoë Billingham"), neither a body's ("Hampshire Police",
  // "Police Conduct Regulations"); a month may be a surname ("Thersa May") unless a date follows it
  // ("Friday July 9"). Or a body named in full before its initialism ("the Independent Office for
  // Police Conduct (IOPC)"), which answers "who do they refer them to?".
  who: new RegExp(
    `(?<!\\p{L})(?!(?:${NOT_FIRST_NAMES}|${WEEKDAYS})\\b)\\p{Lu}\\p{Ll}+ (?!(?:${BODY_NAMES})\\b)(?!(?:${MONTHS})\\s+\\d)\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+ \\(\\p{Lu}{2,}\\)`,
    'u',
  ),
  when: /\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
  differ: /\b(?:more than one|several|rather than|whereas|may involve|could contain|can contain|may contain|can include|one or more)\b/i,
  why: /\b(?:because|due to|as a result|in order to|so that|reasons?|after|since)\b/i,
};

interface Read {
  passage: Passage;
  sentence: string;
  /** Where the sentence stands in its passage. */
  at: number;
  score: number;
}

/**
 * The sentences of the sources that answer a text question, from the documents about `within` (every
 * document when empty), or of `documents` only, and (with `stating`) only sentences stating a number;
 * undefined when no sentence holds enough of the question's words.
 */
export function readText(
  ctx: AnswerContext,
  asked: QueryFrame,
  draft: AnswerDraft,
  within: readonly string[] = [],
  documents?: ReadonlySet<string>,
  stating = false,
  /** Only sentences naming no force: a national question's answer. */
  national = false,
): Answer | undefined {
  // Each word of the question is one term, held by a sentence holding it or, for an initialism, all
  // the words it stands for.
  const seenTerms = new Set<string>();
  const terms = spellings(asked.keywords)
    .map((forms) => [...forms, ...forceSpellingOf(ctx, asked, forms[0] as string)].map(matchStems).filter((stems) => stems.length > 0))
    .filter((forms) => {
      const key = forms.map((stems) => stems.join(' ')).join('|');
      if (forms.length === 0 || seenTerms.has(key)) return false;
      seenTerms.add(key);
      return true;
    });
  if (terms.length === 0) return undefined;
  // "In the Daily Echo piece": only the paper named is read, whatever forces it is about.
  const named = documents === undefined ? documentsNamed(ctx, asked) : new Set<string>();
  const inDocuments = named.size > 0 ? named : documents;
  const speakable = (docId: string) => {
    const doc = ctx.documents.get(docId);
    return doc !== undefined && !NOT_SPEECH.has(doc.kind) && (inDocuments === undefined || inDocuments.has(docId));
  };
  // A question naming someone ("when was David Carrick suspended?") is answered only by passages
  // naming them (by surname; "He was only suspended…" follows in the same passage), whatever force
  // they are about (the Herts article tells of a Met officer). A name typed in lower case (a word
  // nothing else reads that the sources write with a capital) keeps the documents naming it, not only
  // their passages ("who declined to comment on the carrick case?" is answered a passage further on).
  const person = asked.measure.unheld?.by === 'person' ? words(asked.measure.unheld.words).at(-1) : undefined;
  const naming = person === undefined ? documentsNaming(ctx, asked.unaccounted, speakable) : undefined;
  // Papers named that tell of the force asked about ("Thames Valley … the news sources give different
  // figures") are read for that force, never for another they also tell of.
  const askedForces = asked.scope.kind === 'forces' ? asked.scope.forces.filter((f) => f !== NATIONAL) : [];
  const onForce = [...named].some((id) => (ctx.documents.get(id)?.forces ?? []).some((f) => askedForces.includes(f)));
  const about = person !== undefined || naming !== undefined ? [] : named.size > 0 ? (onForce ? askedForces : []) : within;
  // The words naming the person asked about, typed ("David Carrick") or found written as a name ("carrick").
  const nameStems = new Set(matchStems(person !== undefined ? (asked.measure.unheld?.words ?? '') : (naming?.words.join(' ') ?? '')));
  // Telling two terms apart, passages holding words that do so rank first.
  // Initialisms as typed too (the sources write "the FOI response" as often as the words in full), and
  // forces by their short names ("Hants": "Hampshire").
  const typedInitialisms = spellings(asked.keywords).flatMap((forms) => (forms.length > 1 ? [forms[0]] : []));
  const forceNames = asked.keywords.flatMap((w) => forceSpellingOf(ctx, asked, w));
  const query = [expand(asked.keywords.join(' ')), ...typedInitialisms, ...forceNames, ...(asked.asksText === 'differ' ? [CONTRASTS] : [])].join(' ');
  // Tables and analyses hold figures, not the words a text question asks for.
  const readable = (docId: string) =>
    speakable(docId) &&
    (naming === undefined || naming.docs.has(docId)) &&
    (about.length === 0 || (ctx.documents.get(docId)?.forces ?? []).some((f) => about.includes(f)));
  const hits = ctx.passages.find(query, CANDIDATES, { minTerms: 1, docFilter: readable });
  const read: Read[] = hits
    .filter(({ passage }) => person === undefined || words(passage.text).includes(person))
    .flatMap(({ passage }) => sentencesOf(passage.text).map((sentence, at) => ({ passage, sentence, at, score: 0 })));
  if (read.length === 0) return undefined;
  const holds = (r: Read, term: readonly string[][]) => term.some((stems) => stems.every((t) => stemSet(r.sentence).has(t)));
  // A word in few of the sentences read says more about which one answers than one in most of them
  // ("Hampshire" in a Hampshire story); a word none holds ("wanted", "getting") weighs nothing.
  const weights = terms.map((term) => {
    const df = read.filter((r) => holds(r, term)).length;
    return df === 0 ? 0 : Math.log(1 + read.length / df);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const want =
    asked.asksText === 'who' || asked.asksText === 'why' || asked.asksText === 'differ' ? WANTS[asked.asksText] : asked.asksWhen ? WANTS.when : undefined;
  // Words quoted from a headline ("in the 'nearly 20 police leave' article") name the document asked
  // about; other quoted words are the sentence's own, as are words some article's body holds too
  // (a short story's first line "… referred to the reflective practice review process" is no headline).
  const quoted = asked.quoted ?? [];
  const holding = hits.filter(({ passage }) => quoted.some((q) => ` ${words(passage.text).join(' ')} `.includes(` ${q} `)));
  const titled = new Set(holding.every((h) => h.passage.index === 0) ? holding.map((h) => h.passage.docId) : []);
  // With `stating`, only sentences stating a number of something the question counts ("pleaded
  // guilty to 49 offences" for "how many offences"; never "Wayne Couzens, 48,").
  const counted = new Set(terms.flat(2));
  const counts = (sentence: string) => [...sentence.matchAll(COUNTED)].some((m) => matchStems(m[1] ?? '').some((w) => counted.has(w)));
  const candidates = (titled.size > 0 ? read.filter((r) => titled.has(r.passage.docId) && r.passage.index > 0) : read).filter(
    (r) =>
      (!stating || counts(r.sentence)) &&
      (!national || !namesForce(ctx, r.sentence)) &&
      // A sentence about another force than the one asked about answers nothing asked.
      (askedForces.length === 0 || person !== undefined || !namesForce(ctx, r.sentence, askedForces)),
  );
  const top = Math.max(...weights);
  for (const r of candidates) {
    r.score = terms.reduce((sum, term, k) => sum + (holds(r, term) ? (weights[k] ?? 0) : 0), 0);
    // A "who" answer names someone; a "why" one gives a reason; a "when" one a date.
    if (want?.test(r.sentence)) r.score += top;
    // The sentence holding words the question quotes is the one asked about; asked what they mean
    // ("what is the 'reflective practice review process'?"), the one explaining them.
    if (titled.size === 0 && quoted.some((q) => ` ${words(r.sentence).join(' ')} `.includes(` ${q} `))) r.score += top * (DEFINES.test(r.sentence) ? 3 : 2);
  }
  // One copy of each sentence (syndicated articles repeat them), best first.
  const seen = new Set<string>();
  const ranked = candidates
    .sort((a, b) => b.score - a.score)
    .filter((r) => {
      if (seen.has(r.sentence)) return false;
      seen.add(r.sentence);
      return true;
    });
  // Where some sentence close enough names someone (or gives a date), a "who" ("when") question is
  // answered by one that does, unless it quotes the words it asks about.
  const wanted = want !== undefined && quoted.length === 0 ? ranked.filter((r) => want.test(r.sentence) && r.score >= total * MIN_SHARE) : [];
  if (wanted.length > 0 && want !== WANTS.why) ranked.splice(0, ranked.length, ...wanted);
  const [best] = ranked;
  if (!best || best.score < total * MIN_SHARE) return undefined;
  // A question about someone asks something of them ("how old is David Carrick?"): a sentence holding
  // their name and none of the rest of what is asked does not answer it.
  // (Neither the paper named nor the asking for speech is something asked of them: "what did the
  // Hampshire Chronicle say about David Carrick?".)
  const asking = new Set(
    matchStems([...[...named].map((id) => ctx.documents.get(id)?.publisher ?? ''), ...asked.keywords.filter((w) => SAYS.test(w))].join(' ')),
  );
  const beyondName = terms.filter((term) => !term.every((stems) => stems.every((t) => nameStems.has(t) || asking.has(t))));
  if (nameStems.size > 0 && beyondName.length > 0 && !beyondName.some((term) => holds(best, term))) return undefined;
  // A second sentence holds some of the question's words, not only a date or a name.
  const holdsWords = (r: Read) => terms.some((term, k) => (weights[k] ?? 0) > 0 && holds(r, term));
  const chosen = [best, ...ranked.slice(1, QUOTED).filter((r) => r.score >= best.score * SECOND && holdsWords(r))];
  // "Who said …?": a quotation without its speaker is quoted with the sentence that names them.
  if (asked.asksText === 'who' && !WANTS.who.test(best.sentence)) {
    const speaker = attribution(ctx, best);
    if (speaker && !chosen.some((c) => c.sentence === speaker.sentence)) chosen.splice(1, chosen.length, speaker);
  }
  const parts = chosen.map((c) => `“${c.sentence}” [${draft.cite(c.passage.docId, c.sentence)}]`);
  return draft.answered('statement', `From the sources we hold: ${parts.join(' ')}`, { type: 'statement', forces: [], periods: [] });
}

/**
 * The sentence naming who spoke a quotation: a later one of its passage or the next passage's first
 * ("…," added the police spokesperson), else, for a quotation going on from an earlier one ("they
 * added"), the nearest earlier sentence naming a speaker.
 */
function attribution(ctx: AnswerContext, r: Read): Read | undefined {
  const list = ctx.passages.passages(r.passage.docId);
  const next = list[r.passage.index + 1];
  const after: Read[] = [
    ...sentencesOf(r.passage.text)
      .slice(r.at + 1)
      .map((sentence, k) => ({ passage: r.passage, sentence, at: r.at + 1 + k, score: 0 })),
    ...(next
      ? sentencesOf(next.text)
          .slice(0, 1)
          .map((sentence) => ({ passage: next, sentence, at: 0, score: 0 }))
      : []),
  ];
  const named = after.find((c) => SPEAKS.test(c.sentence) && !PRONOUN_SPEAKS.test(c.sentence));
  if (named || !PRONOUN_SPEAKS.test(r.sentence)) return named;
  const before: Read[] = [];
  for (let index = r.passage.index; index >= Math.max(0, r.passage.index - 3); index--) {
    const passage = list[index];
    if (!passage) continue;
    const own = sentencesOf(passage.text);
    const upTo = index === r.passage.index ? r.at : own.length;
    for (let at = upTo - 1; at >= 0; at--) before.push({ passage, sentence: own[at] as string, at, score: 0 });
  }
  return before.find((c) => SPEAKS.test(c.sentence) && !PRONOUN_SPEAKS.test(c.sentence));
}

/** A sentence reporting speech. */
const SPEAKS = /\b(?:said|says|added|told|continued|warned|according to)\b/i;
/** Speech given only to a pronoun ("they added"): its speaker is named earlier. */
const PRONOUN_SPEAKS = /\b(?:they|he|she|it)\s+(?:also\s+)?(?:said|added|continued|warned)\b/i;

/** Whether a sentence names a police force by its short name ("Gloucestershire Constabulary" → "Gloucestershire"), other than those of `except`. */
function namesForce(ctx: AnswerContext, sentence: string, except: readonly string[] = []): boolean {
  const said = ` ${words(sentence).join(' ')} `;
  return shortNames(ctx.forces, 'short').some((f) => !except.includes(f.id) && said.includes(f.name));
}

/** Each force's short name as words between spaces (" Kent "), once per loaded register. */
const shortNames = memoisedPer((forces: AnswerContext['forces'], _: 'short') =>
  [...forces.values()].filter((f) => f.kind !== 'area').map((f) => ({ id: f.id, name: ` ${words(f.shortName).join(' ')} ` })),
);
