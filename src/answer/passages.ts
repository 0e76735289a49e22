/**
 * Answers from the text of the sources: definitions ("what is a recordable conduct matter?"),
 * statements ("what did Amnesty say?") and the fallback when no figure fits. Each quotes its
 * passage verbatim and cites it.
 */
import type { Answer, Frame } from '../model/answer.ts';
import type { PassageHit, Passage } from '../search/passages.ts';
import { memoised, memoisedPer } from '../text/memo.ts';
import { STOPWORDS, stem, words } from '../text/words.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { exampleQuestion, whatWeHold } from './holdings.ts';
import { typeOf } from './frame-reading.ts';

/** Sentences of a paragraph, split where a sentence ends and a capital or quote begins. */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/).filter((s) => s.trim().length > 0);
}

/** Phrases that introduce a definition right after the term. */
const DEFINES =
  /(–|-|—)\s*(those|when|where|which)\b|\bwhere it is alleged\b|\bwhich means\b|\binvolve\b|\bis when\b|\bmeans\b|\brefers to\b|\bcan cover\b|\bare those\b/i;
/** A sentence saying what the term of the one before covers ("This includes complaints on …"). */
const GOES_ON_TO_DEFINE = /^(?:This|These|That|It|They|Such (?:complaints|allegations|cases)) (?:includes?|covers?|means|refers to|involves?|consists? of)\b/;
const SAYS = /\b(said|says|say|added|warned|told|confirmed|continued|commented|stated|explained|found|judged|revealed)\b/;

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
const SPOKES = /\bspokes(?:person|man|woman)\b/i;
/** Passages a statement answer quotes at most. */
const QUOTED = 6;
const CONTINUES = /^(?:["“‘]|(?:they|he|she|it)\s+(?:also\s+)?(?:added|warned|continued|said)\b)/i;

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
/** A passage's stems as a set (for up to 20,000 passages), for "does it name the speaker?". */
const passageStems: (text: string) => ReadonlySet<string> = memoised((text: string) => new Set(stemsOf(text)), 20_000);

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
  const intro = best.score >= 3 ? `The sources explain “${subject}” like this` : `The sources don't define “${subject}”, but mention it here`;
  // The term's measure carries to a follow-up ("what is a conduct matter?" … "how many did Hertfordshire have?").
  const frame: Frame = { type: 'definition', forces: [], periods: [] };
  const top = asked.measure.fits[0]?.score;
  const measures = asked.measure.fits.filter((f) => f.score === top).map((f) => f.id);
  if (measures.length === 1 && measures[0] !== undefined) frame.measure = measures[0];
  return draft.answered('definition', `${intro}: ${quoted}`, frame);
}

/** "What did the NPCC say?": the passages attributed to that speaker, with their continuations. */
export function answerStatement(ctx: AnswerContext, asked: QueryFrame, draft: AnswerDraft): Answer {
  const named = content(expand(asked.subject ?? ''));
  // The speaker, less a role any of several people may hold.
  const who = named.filter((w) => w !== 'spokesperson' && w !== 'spokesman');
  const quoted: Array<{ docId: string; passage: Passage }> = [];
  // Tables, analyses and recommendation pages report findings; only articles and reports quote people.
  const options = { minTerms: 1, docFilter: (id: string) => !NOT_SPEECH.has(ctx.documents.get(id)?.kind ?? '') };
  /** The passage names the speaker and reports speech. */
  const attributed = (p: Passage) => who.length > 0 && who.every((w) => passageStems(p.text).has(w)) && SAYS.test(p.text);
  // Later tiers are searched only while fewer passages than an answer quotes are attributed to the speaker.
  const enough = (hits: readonly PassageHit[]) => hits.filter((h) => attributed(h.passage)).length >= QUOTED;
  // An attributed passage holds every word of the speaker's name, so when the question names no role
  // only passages holding them all are read; a role word ranks passages but is not required.
  const allWords = who.length === named.length;
  const found = ctx.passages.find(expand(asked.subject ?? ''), 30, { ...options, allWords, enough }).map((h) => h.passage);
  // Passages on the topic asked about, traced back to the sentence that says who is speaking.
  const topicText = asked.about;
  const traced = new Set<string>();
  if (topicText !== undefined) {
    const on = content(topicText);
    for (const h of ctx.passages.find(`${expand(asked.subject ?? '')} ${topicText}`, 30, options)) {
      if (!on.some((w) => passageStems(h.passage.text).has(w))) continue;
      const list = ctx.passages.passages(h.passage.docId);
      let p = h.passage;
      while (p.index > 0 && CONTINUES.test(p.text) && !SAYS.test(p.text) && list[p.index - 1] !== undefined) p = list[p.index - 1] as Passage;
      traced.add(p.id);
      if (!found.some((f) => f.id === p.id)) found.push(p);
    }
  }
  const candidates = found.sort((a, b) => a.docId.localeCompare(b.docId) || a.index - b.index);
  // Each attributed passage with the quotes that continue it; "… say about body worn video?" puts the
  // statements on that topic first.
  const blocks: Passage[][] = [];
  for (const p of candidates) {
    // A passage on the topic that names its speaker only by role ("continued the spokesperson for…").
    const byRole = who.length > 0 && traced.has(p.id) && SPOKES.test(asked.subject ?? '') && SPOKES.test(p.text) && SAYS.test(p.text);
    if (!attributed(p) && !byRole) continue;
    const block = [p];
    const passages = ctx.passages.passages(p.docId);
    for (let k = p.index + 1; k < passages.length; k++) {
      const next = passages[k] as Passage;
      if (!CONTINUES.test(next.text)) break;
      block.push(next);
    }
    blocks.push(block);
  }
  const topic = content(topicText ?? '').filter((w) => !who.includes(w));
  const hits = (block: Passage[]) => {
    return topic.filter((w) => block.some((p) => passageStems(p.text).has(w))).length;
  };
  // On a tie, a block whose own first passage is the one on the topic goes first.
  const own = (block: Passage[]) => (traced.has(block[0]?.id ?? '') ? 1 : 0);
  // Words quoted from the speaker come before a passage that only reports what they found.
  const speaking = new Map(blocks.map((block) => [block, block.some((p) => /["“”]/.test(p.text) || SPOKES.test(p.text)) ? 1 : 0]));
  const speaks = (block: Passage[]) => speaking.get(block) ?? 0;
  // A block naming the speaker comes before one only traced to a spokesperson (perhaps another body's).
  const names = (block: Passage[]) => (block[0] && attributed(block[0]) ? 1 : 0);
  blocks.sort((a, b) => (topic.length > 0 ? hits(b) - hits(a) : 0) || names(b) - names(a) || (topic.length > 0 ? own(b) - own(a) : 0) || speaks(b) - speaks(a));
  for (const block of blocks) {
    for (const p of block) {
      if (quoted.length >= QUOTED) break;
      if (quoted.some((q) => q.passage.id === p.id)) continue;
      quoted.push({ docId: p.docId, passage: p });
    }
  }
  if (quoted.length === 0) {
    const fb = fallback(ctx, asked, draft);
    if (fb) return fb;
    return draft.noData(
      'off_topic',
      `None of the sources we hold quotes ${draft.echo(asked.subject ?? 'that')}. ${whatWeHold(ctx)}`,
      { type: 'statement', forces: [], periods: [] },
      'statement',
    );
  }
  const parts = quoted.map((q) => `${q.passage.text} [${draft.cite(q.docId, q.passage.text)}]`);
  return draft.answered(
    'statement',
    `What the sources report ${asked.subject ? `from ${draft.echo(asked.subject)}` : ''}:\n${parts.join('\n')}`.replace(' :', ':'),
    { type: 'statement', forces: [], periods: [] },
  );
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
