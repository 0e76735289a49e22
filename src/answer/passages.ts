/**
 * Answers from the text of the sources: definitions ("what is a recordable conduct matter?") and
 * the fallback when no figure fits, with the word handling the other readers of the text share. Each
 * quotes its passage verbatim and cites it.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { PassageHit } from '../search/passages.ts';
import { memoised, memoisedPer } from '../text/memo.ts';
import { STOPWORDS, stem, words } from '../text/words.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { exampleQuestion } from './holdings.ts';
import { typeOf } from './frame-reading.ts';

/** Sentences of a paragraph, split where a sentence ends and a capital or quote begins. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/).filter((s) => s.trim().length > 0);
}

/** Phrases that introduce a definition right after the term. */
export const DEFINES =
  /(–|-|—)\s*(those|when|where|which)\b|\bwhere it is alleged\b|\bwhich means\b|\binvolve\b|\bis when\b|\bmeans\b|\brefers to\b|\bcan cover\b|\bare those\b/i;
/** A sentence saying what the term of the one before covers ("This includes complaints on …"). */
const GOES_ON_TO_DEFINE = /^(?:This|These|That|It|They|Such (?:complaints|allegations|cases)) (?:includes?|covers?|means|refers to|involves?|consists? of)\b/;

/** The term followed by a gloss in brackets: "abuse of authority for sexual gain (taking advantage of…)". */
function glossPattern(subject: string): RegExp | undefined {
  const ws = words(expand(subject));
  if (ws.length === 0) return undefined;
  const escaped = ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b${escaped.join('\\W+')}\\w*\\s*\\(`, 'i');
}

/** Initialisms people use for the bodies the sources name in full. */
const INITIALISMS: Record<string, string> = {
  npcc: 'National Police Chiefs Council',
  iopc: 'Independent Office Police Conduct',
  ipcc: 'Independent Police Complaints Commission',
  hmic: 'HM Inspectorate of Constabulary',
  hmicfrs: 'HM Inspectorate of Constabulary',
  pfew: 'Police Federation',
  rprp: 'reflective practice review process',
  rcm: 'recordable conduct matter',
  foi: 'Freedom of Information',
  pm: 'Prime Minister',
  no10: 'Prime Minister',
  'no 10': 'Prime Minister',
  'number 10': 'Prime Minister',
};

/** Each word of a text, or pair of words naming one thing ("No 10"), with the spellings the sources
 * may use for it: itself, and an initialism's words in full ("foi": "Freedom of Information"). The
 * sources use both ("the FOI response"), so a sentence holding either holds the word. */
export function spellings(ws: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ws.length; i++) {
    const pair = `${ws[i]} ${ws[i + 1]}`;
    const word = INITIALISMS[pair] !== undefined ? pair : (ws[i] as string);
    if (word === pair) i++;
    const full = INITIALISMS[word];
    out.push(full === undefined ? [word] : [word, full]);
  }
  return out;
}

/** The subject with initialisms spelt out, and trailing words that only say what is counted dropped. */
export function expand(subject: string): string {
  return spellings(words(subject))
    .map((forms) => forms.at(-1))
    .join(' ')
    .replace(/\s+(allegations?|offences?|cases?)$/i, '');
}
/** Kinds of document that quote nobody: a statement is never taken from them. */
export const NOT_SPEECH = new Set(['recommendation', 'statistics table', 'analysis']);

function stemsOf(text: string): string[] {
  return words(text).map(stem);
}

/**
 * A passage's sentences and a sentence's stems, remembered (for up to 20,000 texts): a definition
 * reads every sentence of up to 30 passages per tier, the same passages question after question, and
 * splitting and stemming them again was most of its time.
 */
const sentencesOf: (paragraph: string) => readonly string[] = memoised(sentences, 20_000);
const sentenceStems = memoised((sentence: string) => {
  const all = stemsOf(sentence);
  return { all, meaningful: all.filter((w) => !STOPWORDS.has(w)), defines: DEFINES.test(sentence) };
}, 20_000);
/** One measure's or outcome's terms, stemmed. */
interface VocabularyEntry {
  terms: Array<{ text: string; stems: string[] }>;
  /** The terms' stems, space-joined. */
  keys: Set<string>;
}

/** The vocabulary stemmed once per loaded dataset, not per definition. */
const vocabulary = memoisedPer((measures: AnswerContext['measures'], outcomes: AnswerContext['outcomes']): VocabularyEntry[] =>
  [...measures.values(), ...outcomes.values()].map((v) => {
    const terms = v.terms.map((text) => ({ text, stems: stemsOf(text) }));
    return { terms, keys: new Set(terms.map((t) => t.stems.join(' '))) };
  }),
);

function containsSequence(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  // Plain loops: this runs for every sentence a definition reads.
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export function content(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/**
 * Passages a definition reads per tier, best first. Every one holds the term's words, and syndicated
 * copies of one article can fill the first few dozen places without defining it.
 */
const DEFINITION_CANDIDATES = 100;

/** How a definition answer opens when a sentence of the sources defines the term, not only mentions it. */
export const EXPLAINED = 'The sources explain';

/** "What is a conduct matter?": the sentence of the sources that explains the term. */
export function answerDefinition(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const subject = draft.echo(asked.subject ?? '');
  const term = content(expand(subject));
  // Longer phrases of other vocabulary entries holding the term ("recordable conduct matter" for "conduct matter").
  const key = term.join(' ');
  const longerTerms = vocabulary(ctx.measures, ctx.outcomes)
    .filter((entry) => !entry.keys.has(key))
    .flatMap((entry) => entry.terms)
    .filter((t) => t.stems.length > term.length && containsSequence(t.stems, term));
  const longer = longerTerms.map((t) => t.stems);
  const gloss = glossPattern(subject);
  // 3: the sentence defines the term; 1: it only mentions it; below 1: not about the term.
  const score = (sentence: string): number => {
    const { all, meaningful, defines } = sentenceStems(sentence);
    if (!containsSequence(meaningful, term)) return -1;
    let points = 1;
    if (defines || gloss?.test(sentence)) points += 2;
    if (longer.some((l) => containsSequence(all, l))) points -= 2;
    return points;
  };
  // Each sentence is scored once: when deciding whether to read the next tier, and again when choosing.
  const scores = new Map<string, number>();
  const scoreOf = (sentence: string): number => {
    let points = scores.get(sentence);
    if (points === undefined) {
      points = score(sentence);
      scores.set(sentence, points);
    }
    return points;
  };
  /** The first of the best-scoring sentences about the term, in hit order. */
  const bestIn = (hits: readonly PassageHit[]) => {
    let top: { docId: string; sentences: string[]; score: number } | undefined;
    for (const { passage } of hits) {
      const all = sentencesOf(passage.text);
      for (const [k, sentence] of all.entries()) {
        let points = scoreOf(sentence);
        // "'Delivery of duties and service' accounted for 40% … This includes complaints on …": a
        // sentence naming the term, then one (perhaps the next paragraph's first) saying what it covers.
        const following = ctx.passages.passages(passage.docId)[passage.index + 1];
        const next = all[k + 1] ?? (following ? sentencesOf(following.text)[0] : undefined);
        const goesOn = points === 1 && next !== undefined && GOES_ON_TO_DEFINE.test(next);
        if (goesOn) points = 3;
        if (points > 0 && points > (top?.score ?? 0)) top = { docId: passage.docId, sentences: goesOn ? [sentence, next] : [sentence], score: points };
      }
    }
    return top;
  };
  const defines = (found: readonly PassageHit[]) => (bestIn(found)?.score ?? 0) >= 3;
  // A sentence that defines the term holds all its words, so only passages holding them all are read;
  // later tiers only while no passage found so far defines the term.
  const search = (without?: string) => ctx.passages.find(expand(subject), DEFINITION_CANDIDATES, { minTerms: 1, allWords: true, without, enough: defines });
  // Passages on a longer term ("recordable conduct matter") use the term's words more often than the
  // one defining it, so they crowd it out of the best hits: they are read only if it is not found first.
  const extra = [...new Set(longerTerms.flatMap((t) => words(t.text)).filter((w) => !STOPWORDS.has(w) && !term.includes(stem(w))))];
  const first = extra.length > 0 ? search(extra.join(' ')) : [];
  const hits = defines(first) ? first : search();
  const best = bestIn(hits);
  if (!best) return fallback(ctx, asked, draft) ?? offTopic(asked, draft);
  const quoted = best.sentences.map((sentence) => `“${sentence}” [${draft.cite(best.docId, sentence)}]`).join(' ');
  // A sentence that only mentions the term is offered as that, not as a definition.
  const intro = best.score >= 3 ? `${EXPLAINED} “${subject}” like this` : `The sources don't define “${subject}”, but mention it here`;
  // The term's measure carries to a follow-up ("what is a conduct matter?" … "how many did Hertfordshire have?").
  const frame: Frame = { type: 'definition', forces: [], periods: [] };
  const top = asked.measure.fits[0]?.score;
  const measures = asked.measure.fits.filter((f) => f.score === top).map((f) => f.id);
  if (measures.length === 1 && measures[0] !== undefined) frame.measure = measures[0];
  return draft.answered('definition', `${intro}: ${quoted}`, frame);
}

/**
 * The closest sentence of the sources when no figure fits, if it holds most of the question's
 * meaningful words; otherwise nothing (and the caller declines).
 */
export function fallback(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft, minCoverage = 0.6, within: readonly string[] = []): Answer | undefined {
  const close = (h: PassageHit) => h.coverage >= minCoverage;
  // Only the sources about the forces named, where the caller names some.
  const about = (docId: string) => ctx.documents.get(docId)?.forces.some((f) => within.includes(f)) === true;
  // Later tiers are searched only while no passage found holds enough of the question's words.
  const search = (query: string) =>
    ctx.passages
      .find(query, 5, { minCoverage, enough: (hits) => hits.some(close), ...(within.length > 0 ? { docFilter: about } : {}) })
      .filter(close)
      .sort((a, b) => b.coverage - a.coverage || b.score - a.score);
  // The words as typed first; then with initialisms spelt out ("NPCC").
  let query = asked.keywords.join(' ');
  let hits = search(query);
  if (hits.length === 0) {
    query = expand(query);
    hits = search(query);
  }
  if (hits.length === 0) return undefined;
  const q = new Set(content(query));
  // "When…?" wants a sentence with a date in it; "how many…?" one with a number; "who…?" one naming
  // someone ("Ilyas Nagdee, racial justice director at …").
  const pattern = asked.asksWhen
    ? /\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/
    : asked.quantity && asked.asksText === undefined
      ? /\d/
      : undefined;
  // A name the question does not already hold: two capitalised words, not both of the question.
  const namesSomeone = (s: string) =>
    [...s.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)].some((m) => !(q.has(content(m[1] as string)[0] ?? '') && q.has(content(m[2] as string)[0] ?? '')));
  const wants = (s: string) => (asked.asksText === 'who' ? namesSomeone(s) : pattern?.test(s) === true);
  // A sentence holding words the question quotes is the one it asks about.
  const quotes = (s: string) => {
    const folded = ` ${words(s).join(' ')} `;
    return (asked.quoted ?? []).some((q) => folded.includes(` ${q} `));
  };
  // The best sentence of the closest passages, not only of the closest one.
  const [best] = hits
    .slice(0, CLOSEST_PASSAGES)
    .flatMap((hit, rank) =>
      sentences(hit.passage.text).map((s) => ({
        hit,
        s,
        score: content(s).filter((w) => q.has(w)).length + (wants(s) ? 1.5 : 0) + (quotes(s) ? 3 : 0) - rank * 0.25,
      })),
    )
    .sort((a, b) => b.score - a.score);
  if (!best) return undefined;
  const sentence = best.s;
  const n = draft.cite(best.hit.passage.docId, sentence);
  return draft.answered('statement', `The closest passage in the sources we hold: “${sentence}” [${n}]`, { type: 'statement', forces: [], periods: [] });
}

/** How many of the closest passages a fallback answer reads for its sentence. */
const CLOSEST_PASSAGES = 3;

/** Declines a question outside what we cover, saying what we do. */
export function offTopic(asked: QueryFrame, draft: AnswerDraft): Answer {
  return draft.noData(
    'off_topic',
    `The sources we hold don't answer that: we hold police complaints and misconduct figures for the forces of England and Wales. Try ${exampleQuestion(draft)}, or ask for help.`,
    // Input we cannot read leaves the conversation's subject as it was.
    asked.context ?? { type: typeOf(asked), forces: [], periods: [] },
    typeOf(asked),
  );
}
