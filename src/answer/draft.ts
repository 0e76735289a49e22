/**
 * Writing an Answer: citations, stated and computed facts, the names whose digits are no figures,
 * and the grounding check that every number in the text is in a cited quote or a computed fact.
 * The finished text is read into typed blocks that keep only what they refer to (`assemble.ts`).
 */
import type { Answer, Computation, Fact, Frame, NoDataReason, QuestionType } from '../model/answer.ts';
import type { Figure, Force, SourceDocument } from '../model/data.ts';
import { bodyText } from '../render/plain.ts';
import { memoised } from '../text/memo.ts';
import { digitNumbers, digitNumbersAt, formatNumber, formatValue, numbersIn, round1 } from '../text/numbers.ts';
import type { ChartSpec } from '../chart/spec.ts';
import { assemble, type More } from './assemble.ts';
import { chartOf } from './chart.ts';
import { CitationBook, citedTitle } from './citations.ts';
import type { Observation } from './figure-store.ts';
import { joinNames } from './holdings.ts';
import type { Name } from './segments.ts';

/** Raised when an answer states a number it cannot prove: always a bug in the engine. */
export class GroundingError extends Error {
  readonly code = 'UNGROUNDED_NUMBER';
  constructor(
    readonly numbers: number[],
    readonly text: string,
  ) {
    super(`engine: answer states ${numbers.join(', ')} without a cited quote or computation: "${text}"`);
    this.name = 'GroundingError';
  }
}

export interface DraftContext {
  documents: Map<string, SourceDocument>;
  forces: Map<string, Force>;
  /** The catalogue's names that hold digits ("cases finalised under Schedule 3", "per 1,000
   * employees"): names, never figures, wherever an answer writes them. */
  numberedNames: readonly string[];
}

/**
 * Sources cited for one figure. A national total can be restated by hundreds of articles: citing
 * them all buries the answer (and costs time in proportion to the corpus); the first few, in data
 * order (curated sources first), prove it, and the rest are counted.
 */
export const MAX_SOURCES_PER_FIGURE = 3;
/** Qualifiers that read well straight before a number. */
const HEDGES = new Set(['nearly', 'around', 'about', 'almost', 'more than', 'less than', 'over', 'under', 'up to', 'at least']);

/** The numbers a quote states, remembered (for up to 50,000 distinct quotes): the same quotes are
 * cited answer after answer, and reading their numbers again was a third of a large force card's time. */
const quoteNumbers: (quote: string) => readonly number[] = memoised(numbersIn, 50_000);

/** The catalogue's numbered names, both spellings of each, and the same longest first: built once for
 * each catalogue and shared by every answer, which adds only its own labels beside them. */
interface CatalogueLabels {
  labels: ReadonlyMap<string, Name['role']>;
  byLength: readonly string[];
  /** The labels in the order of `labels`, and where each is filed (see {@link labelsIn}). */
  entries: ReadonlyArray<[string, Name['role']]>;
  /** The places in `entries` of the labels under each word. */
  byWord: ReadonlyMap<string, readonly number[]>;
  /** Those with no word to file them under, read against every answer. */
  unfiled: readonly number[];
}

/** Runs of letters and digits: a text's words, as {@link labelsIn} reads them. (Plain ASCII, which
 * is quicker to read than every alphabet's letters; any set of characters would serve, read the
 * same way in labels and texts.) */
const WORD_RUN = /[A-Za-z0-9]+/g;

/** The words of `label` with a character outside a word on both sides within it ("under" and
 * "Schedule" of "finalised under Schedule 3"): wherever the label stands in a text, each is a whole
 * word of that text too. */
function innerWords(label: string): string[] {
  return [...label.matchAll(WORD_RUN)].filter((m) => m.index > 0 && m.index + m[0].length < label.length).map((m) => m[0]);
}

/** The labels filed each under its inner word that the fewest labels hold. */
function filed(labels: ReadonlyMap<string, Name['role']>): Pick<CatalogueLabels, 'entries' | 'byWord' | 'unfiled'> {
  const entries = [...labels];
  const holding = new Map<string, number>();
  for (const [label] of entries) for (const w of new Set(innerWords(label))) holding.set(w, (holding.get(w) ?? 0) + 1);
  const byWord = new Map<string, number[]>();
  const unfiled: number[] = [];
  for (const [i, [label]] of entries.entries()) {
    const [rarest] = innerWords(label).sort((a, b) => (holding.get(a) ?? 0) - (holding.get(b) ?? 0));
    if (rarest === undefined) unfiled.push(i);
    else byWord.set(rarest, [...(byWord.get(rarest) ?? []), i]);
  }
  return { entries, byWord, unfiled };
}

/** The catalogue's labels that `text` holds, in the order of `labels`: only those filed under one of
 * its words are looked for, not the hundreds of the catalogue. */
function labelsIn(catalogue: CatalogueLabels, text: string): Array<[string, Name['role']]> {
  const places = [...new Set(text.match(WORD_RUN))].flatMap((w) => catalogue.byWord.get(w) ?? []);
  return [...catalogue.unfiled, ...places]
    .sort((a, b) => a - b)
    .map((i) => catalogue.entries[i] as [string, Name['role']])
    .filter(([label]) => text.includes(label));
}

const catalogueLabels: (names: readonly string[]) => CatalogueLabels = (() => {
  const built = new WeakMap<readonly string[], CatalogueLabels>();
  return (names) => {
    let labels = built.get(names);
    if (labels === undefined) {
      const map = new Map<string, Name['role']>();
      for (const name of names) if (/\d/.test(name)) for (const spelling of spellings(name)) map.set(spelling, 'measure');
      labels = { labels: map, byLength: [...map.keys()].sort((a, b) => b.length - a.length), ...filed(map) };
      built.set(names, labels);
    }
    return labels;
  };
})();

/** Two lists of labels, each longest first, as one list longest first. */
function mergeByLength(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    const [x, y] = [a[i], b[k]];
    if (y === undefined || (x !== undefined && x.length >= y.length)) out.push(a[i++] as string);
    else out.push(b[k++] as string);
  }
  return out;
}

/** A label as written and as it opens a sentence ("Complaint cases … under Schedule 3 fell …"). */
function spellings(label: string): Set<string> {
  return new Set([label, label.charAt(0).toUpperCase() + label.slice(1)]);
}

/** Citation markers, "[12]". */
const MARKERS = /\[\d+\]/g;

/** A label where it stands alone: a label "1" (the user's own term, echoed) must not eat the 1 of
 * "1,365" and leave 365 looking unproven (found by `npm run fuzz`). Compiled once per label (for up
 * to 50,000): the same period names and titles are allowed answer after answer. */
const standingAlone: (label: string) => RegExp = memoised(
  (label) => new RegExp(`(?<![\\d.,])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d]|[.,]\\d)`, 'g'),
  50_000,
);

/** "[1][2]" */
export function markers(ns: number[]): string {
  return ns.map((n) => `[${n}]`).join('');
}

/** Collects citations and facts while an answer's text is written. */
export class AnswerDraft {
  readonly facts: Fact[] = [];
  private readonly book: CitationBook;
  /** Names whose digits are names, not figures (periods, measures, titles, echoed words), by role:
   * the catalogue's, shared, and this answer's own. */
  private readonly catalogue: CatalogueLabels;
  private readonly labels = new Map<string, Name['role']>();
  /** The labels longest first, as `check` removes them; recomputed only after a new label. */
  private labelsByLength: string[] | undefined;
  /** Whether a label holds a line break, so `check` can't strike labels line by line. */
  private multilineLabel = false;
  /** Numbers proven so far by the quotes and facts `check` has already read (both only grow). */
  private readonly proven = new Set<number>();
  private provenQuotes = 0;
  private provenFacts = 0;
  /** Caveats of the answer, and of the figures used (what a source covers), each once. */
  private readonly notes = new Set<string>();
  private readonly figureNotes = new Set<string>();
  /** Where to see more, when the answer points there. */
  private moreBlock: More | undefined;
  /** Words of the question no part of the answer accounts for, said when a figure is given. */
  private unused: readonly string[] = [];
  /** A chart given as it is (the last answer's, asked for again), and the files to send of it. */
  private chart: ChartSpec | undefined;
  private files: Array<'png' | 'csv'> = ['png'];
  private nesting = 0;

  constructor(
    private readonly ctx: DraftContext,
    readonly question: string,
  ) {
    this.book = new CitationBook(ctx.documents, (id) => this.forceName(id));
    this.catalogue = catalogueLabels(ctx.numberedNames);
  }

  /** Cites a verbatim quote from a document (and, for a table, the cell); the same quote and cell are
   * cited once. Returns its marker number, renumbered by source when the answer is finished. */
  cite(docId: string, quote: string, table?: Figure['table']): number {
    const n = this.book.cite(docId, quote, table);
    const doc = this.book.document(n);
    this.allow(citedTitle(doc), 'source');
    // Answers name the publisher ("reported by bt24news"): its digits are a name, not a figure.
    this.allow(doc.publisher, 'source');
    if (table) this.allow(table.name, 'source');
    return n;
  }

  /** Allows the digits of a name (a period such as "2021-22", a year the user typed) in the text. */
  allow(label: string, role: Name['role'] = 'other'): void {
    // Only a label holding digits can hide a number from the check; the rest need no striking.
    if (!label || this.labels.has(label) || this.catalogue.labels.has(label) || !/\d/.test(label)) return;
    for (const spelling of spellings(label)) if (!this.catalogue.labels.has(spelling)) this.labels.set(spelling, role);
    this.labelsByLength = undefined;
    if (label.includes('\n')) this.multilineLabel = true;
  }

  /** Echoes words the user typed ("a force called “Narnia 2”"): their digits are theirs, not our figures. */
  echo(typed: string): string {
    this.allow(typed, 'echo');
    return typed;
  }

  forceName(id: string): string {
    return this.ctx.forces.get(id)?.name ?? id;
  }

  shortName(id: string): string {
    return this.ctx.forces.get(id)?.shortName ?? id;
  }

  /** A caveat shown under the answer, once however often it is added. */
  note(text: string): void {
    this.notes.add(text);
  }

  /** Points the reader at a force's card (or, `rest`, at the rest of the card a summary leads). */
  more(force: string, rest = false): void {
    this.moreBlock = { kind: 'more', force, forceName: this.forceName(force), rest };
  }

  /** Gives `spec` (the last answer's chart) as this answer's, sent as `files`. */
  showChart(spec: ChartSpec, files: Array<'png' | 'csv'>): void {
    this.chart = spec;
    this.files = files;
  }

  /** Words of the question the answer could not use: an answer giving a figure says how it read the
   * question, so the reader never takes the figure for one broken down by them. */
  leaveOut(words: readonly string[]): void {
    this.unused = words;
  }

  /** "reported by the Petersfield Post from Home Office figures", "official statistics (IOPC, Table 27)":
   * what kind of source stated the figure, in words. */
  provenance(obs: Observation): string {
    const parts = new Map<string, string[]>();
    // Publishers already listed under a phrase: a national figure restated by hundreds of papers
    // would otherwise rescan the list for each.
    const listed = new Set<string>();
    for (const f of obs.figures.slice(0, MAX_SOURCES_PER_FIGURE)) {
      const doc = this.ctx.documents.get(f.source);
      if (!doc) continue;
      // A table's name is a name ("Table 27"), not a figure.
      if (f.table) this.allow(f.table.name, 'source');
      const basedOn = f.basedOn ?? doc.basedOn;
      const from = basedOn ? ` from ${basedOn}` : '';
      const phrase =
        doc.sourceType === 'official statistics table'
          ? `official statistics (${doc.publisher}${f.table ? `, ${f.table.name}` : ''})`
          : doc.sourceType === 'official statistics release'
            ? `official statistics (${doc.publisher})`
            : doc.sourceType === 'analysis by a third party'
              ? `analysis by ${doc.publisher}${from}`
              : `reported by {who}${from}`;
      const who = parts.get(phrase) ?? [];
      const key = `${phrase}\u0000${doc.publisher}`;
      if (!listed.has(key)) {
        listed.add(key);
        who.push(doc.publisher);
      }
      parts.set(phrase, who);
    }
    return [...parts].map(([phrase, who]) => phrase.replace('{who}', joinNames(who))).join('; ');
  }

  /** Records a stated observation; returns the fact's index, its citation markers, and the value as shown
   * (`provenance` says its source in words). */
  stated(obs: Observation): { index: number; marks: string; shown: string } {
    const cited = obs.figures.slice(0, MAX_SOURCES_PER_FIGURE);
    for (const f of cited) if (f.note !== undefined) this.figureNotes.add(f.note);
    const ns = cited.map((f) => this.cite(f.source, f.quote, f.table));
    const others = obs.figures.length - cited.length;
    // A count of our own sources, not a figure from them.
    const more = others > 0 ? ` (and ${formatNumber(others)} more report${others === 1 ? '' : 's'} of it)` : '';
    if (more !== '') this.allow(more.trim());
    this.allow(obs.period.label, 'period');
    // Labels name things ("cases finalised under Schedule 3"): their digits are not figures.
    this.allow(obs.metric.label, 'measure');
    for (const f of obs.figures) this.allow(f.period.wording, 'period');
    const fact: Fact = {
      force: obs.force,
      forceName: this.forceName(obs.force),
      periodId: obs.period.id,
      period: obs.period.label,
      metric: obs.metric.id,
      metricLabel: obs.metric.label,
      value: obs.value,
      unit: obs.metric.unit,
      citations: [...new Set(ns)],
    };
    if (obs.qualifier !== undefined) fact.qualifier = obs.qualifier;
    this.facts.push(fact);
    const value = withStatedDecimals(formatValue(obs.value, obs.metric.unit), obs);
    // "nearly 97,100", but "less than half (48%)".
    const shown = !obs.qualifier ? value : HEDGES.has(obs.qualifier) ? `${obs.qualifier} ${value}` : `${obs.qualifier} (${value})`;
    return { index: this.facts.length - 1, marks: `${markers([...new Set(ns)])}${more}`, shown };
  }

  /** Records a figure we computed from stated ones, with its working. */
  computed(
    base: Omit<Fact, 'citations' | 'computed' | 'value'>,
    value: number,
    operation: Computation['operation'],
    inputs: number[],
    working: string,
  ): number {
    this.facts.push({ ...base, value: round1(value), citations: [], computed: { operation, inputs, working } });
    return this.facts.length - 1;
  }

  /** Composes one part of a larger answer: checked, but numbered and noted with the whole. The part's
   * `text` is what the whole quotes; its blocks are made when the whole is finished. */
  section(compose: () => Answer): Answer {
    this.nesting++;
    try {
      return compose();
    } finally {
      this.nesting--;
    }
  }

  /** The answer `compose` gives, its text led by what `lead` then says (a verdict on a claim judged on
   * the facts it stated, the force a town is policed by) where it answered; a decline or a question
   * back as it is. */
  led(compose: () => Answer, lead: () => string): Answer {
    const inner = this.section(compose);
    if (inner.status === 'no_data') return this.noData(inner.reason, inner.text, inner.frame, inner.type);
    if (inner.status === 'unclear') return this.unclear(inner.text, inner.frame, inner.type);
    return this.answered(inner.type, lead() + inner.text, inner.frame);
  }

  private finish(status: Answer['status'], type: QuestionType | undefined, body: string, frame?: Frame, reason?: NoDataReason): Answer {
    const common = { question: this.question, facts: this.facts, citations: [] };
    if (this.nesting > 0) {
      this.check(body);
      const blocks = [{ kind: 'paragraph' as const, segments: [{ kind: 'text' as const, text: body }] }];
      return this.shaped({ ...common, text: body, blocks, ...(frame ? { frame } : {}) }, status, type, reason);
    }
    const read = status === 'answered' && this.unused.length > 0 ? this.readAs() : undefined;
    // A decline shows figures only as pointers to what we hold: their caveats would bury the reason.
    const notes = [...(read ? [read] : []), ...this.notes, ...(status === 'no_data' ? [] : this.figureNotes)];
    // Caveats of the figures used (what a source covers) travel with every answer that uses them.
    for (const note of notes) this.allow(note);
    const written = [body, ...notes].join('\n');
    this.check(written);
    // Of the hundreds of labels, only those the answer writes can be segments of it.
    const names: Name[] = [...labelsIn(this.catalogue, written), ...[...this.labels].filter(([text]) => written.includes(text))]
      .map(([text, role]) => ({ text, role }))
      .sort((a, b) => b.text.length - a.text.length);
    const quotes = this.book.quotes.map((q, i) => ({ text: q.quote, citation: i + 1 })).sort((a, b) => b.text.length - a.text.length);
    const { blocks, facts, citations } = assemble({ body, notes, more: this.moreBlock }, { names, quotes, facts: this.facts, claimed: new Set() }, this.book);
    const sources = [...new Set(citations.map((c) => c.sourceId))];
    const chart = this.chart ?? (status === 'answered' ? chartOf({ type, frame, facts, citations }) : undefined);
    if (chart) blocks.push({ kind: 'chart', spec: chart, files: this.files });
    const framed = frame && { ...frame, ...(sources.length > 0 ? { sources } : {}), ...(chart ? { chart } : {}) };
    return this.shaped(
      { question: this.question, text: bodyText(blocks), blocks, facts, citations, ...(framed ? { frame: framed } : {}) },
      status,
      type,
      reason,
    );
  }

  /** The answer of its status, with the fields that status has. */
  private shaped(common: Omit<Answer, 'status' | 'type'>, status: Answer['status'], type: QuestionType | undefined, reason?: NoDataReason): Answer {
    if (status === 'answered') return { ...common, status, type: type ?? 'lookup' };
    const typed = type !== undefined ? { type } : {};
    if (status === 'no_data') return { ...common, ...typed, status, reason: reason ?? 'metric_not_held' };
    return { ...common, ...typed, status };
  }

  /** "I read this as a question about allegations logged: none of our figures is broken down by “black”…" */
  private readAs(): string | undefined {
    const stated = this.facts.find((f) => f.computed === undefined);
    if (stated === undefined) return undefined;
    const words = joinNames(
      this.unused.map((w) => `“${this.echo(w)}”`),
      'or',
    );
    this.allow(stated.metricLabel, 'measure');
    return `I read this as a question about ${stated.metricLabel}: none of our figures is broken down by ${words}, so I left ${this.unused.length === 1 ? 'that word' : 'those words'} out.`;
  }

  answered(type: QuestionType, text: string, frame?: Frame): Answer {
    return this.finish('answered', type, text, frame);
  }

  noData(reason: NoDataReason, text: string, frame?: Frame, type?: QuestionType): Answer {
    return this.finish('no_data', type, text, frame, reason);
  }

  unclear(text: string, frame?: Frame, type?: QuestionType): Answer {
    return this.finish('unclear', type, text, frame);
  }

  /** Every number in the text must be in a cited quote, a computed fact, or an allowed label. */
  private check(text: string): void {
    const rest = text.replace(MARKERS, ' ');
    // Sections are checked as they are composed and again within the whole: read only what is new.
    const proven = this.proven;
    for (; this.provenQuotes < this.book.quotes.length; this.provenQuotes++)
      for (const n of quoteNumbers(this.book.quotes[this.provenQuotes]?.quote ?? '')) proven.add(n);
    for (; this.provenFacts < this.facts.length; this.provenFacts++) {
      const f = this.facts[this.provenFacts] as Fact;
      proven.add(Math.abs(f.value));
      proven.add(Math.abs(round1(f.value)));
    }
    const unproven = (n: number) => !proven.has(Math.abs(n));
    // Striking out a label removes the numbers inside it and leaves every other number as it was, so
    // only lines stating an unproven number need it; and a label without a line break never spans
    // lines, so each is struck on its own. A force card's hundred labels then meet a few short lines,
    // not the whole text, and most answers need no striking at all.
    const found: number[] = [];
    let lineEnd = -1;
    for (const { value, at } of digitNumbersAt(rest)) {
      if (at < lineEnd || !unproven(value)) continue;
      const start = this.multilineLabel ? 0 : rest.lastIndexOf('\n', at) + 1;
      const end = this.multilineLabel ? -1 : rest.indexOf('\n', at);
      lineEnd = end < 0 ? rest.length : end;
      found.push(...digitNumbers(this.strikeLabels(rest.slice(start, lineEnd))).filter(unproven));
    }
    if (found.length > 0) throw new GroundingError(found, text);
  }

  /** `text` with each label struck out where it stands alone, longest first. */
  private strikeLabels(text: string): string {
    this.labelsByLength ??= mergeByLength(
      this.catalogue.byLength,
      [...this.labels.keys()].sort((a, b) => b.length - a.length),
    );
    let rest = text;
    for (const label of this.labelsByLength) if (rest.includes(label)) rest = rest.replace(standingAlone(label), ' ');
    return rest;
  }
}

/** A value as its sources write it where they give decimals our formatting drops ("1.0", not "1"). */
function withStatedDecimals(value: string, obs: Observation): string {
  const stated = obs.figures[0]?.stated;
  if (stated === undefined || value.includes('.') || !/^\d+\.\d+$/.test(stated) || Number(stated) !== obs.value) return value;
  return obs.figures.every((f) => f.stated === stated) ? value.replace(/^[\d,]+/, (whole) => `${whole}${stated.slice(stated.indexOf('.'))}`) : value;
}
