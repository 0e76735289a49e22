/**
 * The documents a question names by their publisher ("in the Daily Echo piece", "the Petersfield Post
 * article"): a text question about one is answered from its sentences, not from another paper's.
 */
import type { SourceDocument } from '../model/data.ts';
import type { QueryFrame } from '../model/frame.ts';
import { memoisedPer } from '../text/memo.ts';
import { STOPWORDS, words } from '../text/words.ts';
import { BODY_WORDS } from '../understand/forces.ts';
import type { AnswerContext } from './context.ts';
import type { FigureStore, Observation } from './figure-store.ts';

/** Kinds of document a paper publishes: a body's own release is never "the article". */
const REPORTING = new Set(['news article', 'FOI coverage', 'inspection report coverage']);

/** Words that name no one paper on their own ("the News", "the Star", "independent"). */
const GENERIC = new Set(['news', 'star', 'post', 'echo', 'times', 'today', 'independent', 'mail', 'express', 'telegraph', 'guardian', 'herald', 'journal']);

/** Words for a kind of publication: the last word of a copy's name ("docslib mirror of IOPC bulletin")
 * that names no one paper on its own ("for the 6pm bulletin"). */
const KINDS = new Set(['bulletin', 'blog', 'report', 'release']);

/** Last words of papers' names that everyday questions use alone ("how many times did…"): no paper by them alone. */
const EVERYDAY = new Set(['times']);

/** A paper's own name, less what it adds in brackets ("Daily Echo (Southampton)" is the Daily Echo);
 * a name no paper has alone is named with its place ("The News (Portsmouth)" is the Portsmouth News). */
function nameWords(publisher: string): string[] {
  const name = words(publisher.replace(/\(.*?\)/g, ' ')).filter((w) => !STOPWORDS.has(w));
  // A force's own statement ("Surrey Police (official)") is named by the force, never as a paper.
  if (name.some((w) => BODY_WORDS.has(w))) return [];
  if (name.length !== 1 || !GENERIC.has(name[0] as string)) return name;
  const place = words(/\(([^()]*)\)/.exec(publisher)?.[1] ?? '');
  return place.length === 1 ? [...place, ...name] : [];
}

/** Words after a paper's name that make it the source asked about ("the Independent story"). */
const SOURCE_NOUNS = new Set(['article', 'story', 'piece', 'report', 'reported', 'reports', 'says', 'said', 'figures']);

/** Whether `name` stands in `asked`, word after word. */
function standsIn(asked: readonly string[], name: readonly string[]): boolean {
  return asked.some((_, i) => name.every((w, k) => asked[i + k] === w));
}

/** A paper: its name's words, its documents' ids in data order, and for each force the positions
 * among them of the documents about it. */
interface Paper {
  name: string[];
  ids: string[];
  byForce: Map<string, number[]>;
}

/** The papers the documents are reported by, each name once with its documents' ids, in data order;
 * and the places among them of the papers whose names open and end with each word. */
interface Papers {
  list: Paper[];
  byFirst: Map<string, number[]>;
  byLast: Map<string, number[]>;
}

/** The papers, read once for each loaded data: a question is read against some eighty names (hundreds
 * in a generated corpus), not every document, and only against those opening (or, for a paper
 * named by the last word of its name, ending) with one of its words. */
const PAPERS = memoisedPer((documents: ReadonlyMap<string, SourceDocument>, _: 'papers'): Papers => {
  const byName = new Map<string, Paper>();
  for (const doc of documents.values()) {
    const name = REPORTING.has(doc.kind) ? nameWords(doc.publisher) : [];
    if (name.length === 0) continue;
    const key = name.join(' ');
    const paper: Paper = byName.get(key) ?? { name, ids: [], byForce: new Map() };
    for (const force of new Set(doc.forces)) {
      const at = paper.byForce.get(force);
      if (at === undefined) paper.byForce.set(force, [paper.ids.length]);
      else at.push(paper.ids.length);
    }
    paper.ids.push(doc.id);
    byName.set(key, paper);
  }
  const list = [...byName.values()];
  const file = (word: (p: Paper) => string) => {
    const filed = new Map<string, number[]>();
    for (const [i, p] of list.entries()) filed.set(word(p), [...(filed.get(word(p)) ?? []), i]);
    return filed;
  };
  return { list, byFirst: file((p) => p.name[0] as string), byLast: file((p) => p.name.at(-1) as string) };
});

/** The papers filed under any of `words` in `filed`, in data order. */
function filedUnder(papers: Papers, filed: Map<string, number[]>, words: readonly string[]): Paper[] {
  const at: number[] = [];
  for (const w of new Set(words)) for (const i of filed.get(w) ?? []) at.push(i);
  return at.sort((a, b) => a - b).map((i) => papers.list[i] as Paper);
}

/** A paper's documents about any of `forces`, in data order: read by force, not document by document
 * (a paper named by the last word of its name is every paper so named, tens of thousands of
 * documents in a large corpus). */
function about(paper: Paper, forces: readonly string[]): string[] {
  const at = forces.flatMap((f) => paper.byForce.get(f) ?? []);
  return [...new Set(at)].sort((a, b) => a - b).map((i) => paper.ids[i] as string);
}

/**
 * Each question's named documents, by its frame and the data read against (a frame is never changed
 * once read): one answer asks up to six times (for a statement, a date, the story's sentences, the
 * paper's figures), and a paper named by the last word of its name ("the Chronicle") reads every
 * document of every paper so named, thousands in a large corpus.
 */
const NAMED = new WeakMap<QueryFrame, WeakMap<AnswerContext, ReadonlySet<string>>>();

/**
 * The ids of the documents whose publisher the question names, by the longest name it holds
 * ("Daily Echo" before "Echo"); empty when it names none.
 */
export function documentsNamed(ctx: AnswerContext, frame: QueryFrame): ReadonlySet<string> {
  let byData = NAMED.get(frame);
  if (byData === undefined) {
    byData = new WeakMap();
    NAMED.set(frame, byData);
  }
  let named = byData.get(ctx);
  if (named === undefined) {
    named = papersNamed(ctx, frame);
    byData.set(ctx, named);
  }
  return named;
}

/** Intents asking figures: a paper named only in the label such a question opens with is who asks. */
const FIGURE_INTENTS: ReadonlySet<QueryFrame['intent']> = new Set(['lookup', 'share', 'compare', 'change', 'trend', 'rank', 'count']);

function papersNamed(ctx: AnswerContext, frame: QueryFrame): Set<string> {
  const byline = FIGURE_INTENTS.has(frame.intent) ? (frame.byline ?? []) : [];
  const asked = byline.length > 0 ? frame.keywords.filter((w) => !byline.includes(w)) : frame.keywords;
  const papers = PAPERS(ctx.documents, 'papers');
  // "How many independent IOPC investigations…": one word that is also a word of our measures
  // (The Independent) is that word, not the paper, unless the words around it make it a source
  // ("according to the Independent", "the Independent's story").
  const ours = (word: string | undefined) => {
    if (word === undefined || !ctx.matcher.vocabulary.has(word)) return false;
    const at = asked.indexOf(word);
    return asked[at - 1] !== 'according' && !SOURCE_NOUNS.has(asked[at + 1] ?? '');
  };
  const named = filedUnder(papers, papers.byFirst, asked).filter((p) => standsIn(asked, p.name) && !(p.name.length === 1 && ours(p.name[0])));
  const longest = Math.max(0, ...named.map((p) => p.name.length));
  if (named.length > 0) return new Set(named.filter((p) => p.name.length === longest).flatMap((p) => p.ids));
  // "The Echo", "the Chronicle": a paper by the last word of its name, when the question names a
  // force it writes about (the Daily Echo about Hampshire, not the Southend Echo about Essex).
  const forces = frame.scope.kind === 'forces' ? frame.scope.forces : [];
  return new Set(
    filedUnder(papers, papers.byLast, asked)
      .filter((p) => !ours(p.name.at(-1)) && !KINDS.has(p.name.at(-1) ?? '') && !EVERYDAY.has(p.name.at(-1) ?? ''))
      .flatMap((p) => about(p, forces)),
  );
}

/**
 * The observations each document states a figure of, gathered once per loaded data, when a question
 * first names a paper: a paper's figures are then read from its few documents, where asking each
 * series asked whether one of its figures is the paper's walked every figure of it (a national series
 * gathers thousands of news reports' figures in a large corpus). An array of the store's own
 * observations per document: about 8 bytes a figure.
 */
const STATED_IN = memoisedPer((store: FigureStore, _: 'sources') => {
  const bySource = new Map<string, Observation[]>();
  for (const force of store.forces())
    for (const o of store.forForce(force))
      for (const figure of o.figures) {
        const stated = bySource.get(figure.source);
        if (stated === undefined) bySource.set(figure.source, [o]);
        else if (stated.at(-1) !== o) stated.push(o);
      }
  return bySource;
});

/** The series (`<force>|<metric id>`, as the figure store keys them) of which `documents` state a figure. */
export function seriesStatedIn(ctx: AnswerContext, documents: ReadonlySet<string>): Set<string> {
  const stated = STATED_IN(ctx.store, 'sources');
  const series = new Set<string>();
  for (const id of documents) for (const o of stated.get(id) ?? []) series.add(`${o.force}|${o.metric.id}`);
  return series;
}
