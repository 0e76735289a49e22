/**
 * Building an Answer: numbered citations (one per distinct quote), stated and computed facts, and
 * the grounding check that every number in the text is in a cited quote or a computed fact.
 */
import type { Answer, Citation, Computation, Fact, Frame, NoDataReason, QuestionType } from '../model/answer.ts';
import type { Force, SourceDocument } from '../model/data.ts';
import { digitNumbers, formatValue, numbersIn, round1 } from '../text/numbers.ts';
import type { Observation } from './figure-store.ts';

/** Raised when an answer states a number it cannot prove: always a bug in the engine. */
export class GroundingError extends Error {
  readonly code = 'UNGROUNDED_NUMBER';
  constructor(readonly numbers: number[], readonly text: string) {
    super(`engine: answer states ${numbers.join(', ')} without a cited quote or computation: "${text}"`);
    this.name = 'GroundingError';
  }
}

export interface DraftContext {
  documents: Map<string, SourceDocument>;
  forces: Map<string, Force>;
}

/** "[1][2]" */
export function markers(ns: number[]): string {
  return ns.map((n) => `[${n}]`).join('');
}

/** Collects citations and facts while an answer's text is written. */
export class AnswerDraft {
  readonly facts: Fact[] = [];
  readonly citations: Citation[] = [];
  /** Period names and other echoed labels whose digits are names, not figures. */
  private readonly labels = new Set<string>();

  constructor(
    private readonly ctx: DraftContext,
    readonly question: string,
  ) {}

  /** Cites a verbatim quote from a document; the same quote is cited once. */
  cite(docId: string, quote: string): number {
    const existing = this.citations.find((c) => c.sourceId === docId && c.quote === quote);
    if (existing) return existing.n;
    const doc = this.ctx.documents.get(docId);
    if (!doc) throw new Error(`engine: citation of unknown source "${docId}"`);
    const n = this.citations.length + 1;
    this.citations.push({
      n,
      sourceId: doc.id,
      title: doc.title,
      publisher: doc.publisher,
      published: doc.published,
      publishedInferred: doc.dateInferred,
      url: doc.url,
      quote,
    });
    return n;
  }

  /** Allows the digits of a name (a period such as "2021-22", a year the user typed) in the text. */
  allow(label: string): void {
    if (label) this.labels.add(label);
  }

  forceName(id: string): string {
    return this.ctx.forces.get(id)?.name ?? id;
  }

  publisherOf(docId: string): string {
    return this.ctx.documents.get(docId)?.publisher ?? docId;
  }

  shortName(id: string): string {
    return this.ctx.forces.get(id)?.shortName ?? id;
  }

  /** Records a stated observation; returns the fact's index and its citation markers. */
  stated(obs: Observation): { index: number; marks: string; shown: string } {
    const ns = obs.figures.map((f) => this.cite(f.source, f.quote));
    this.allow(obs.period.label);
    for (const f of obs.figures) this.allow(f.period.wording);
    const fact: Fact = {
      force: obs.force,
      forceName: this.forceName(obs.force),
      periodId: obs.period.id,
      period: obs.period.label,
      metric: obs.metric.id,
      metricLabel: obs.metric.label,
      value: obs.value,
      unit: obs.metric.unit,
      citations: ns,
    };
    if (obs.qualifier !== undefined) fact.qualifier = obs.qualifier;
    this.facts.push(fact);
    const shown = `${obs.qualifier ? `${obs.qualifier} ` : ''}${formatValue(obs.value, obs.metric.unit)}`;
    return { index: this.facts.length - 1, marks: markers(ns), shown };
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

  /** Numbers citations in the order the text first refers to them. */
  private renumber(text: string): { text: string; citations: Citation[]; facts: Fact[] } {
    const order: number[] = [];
    for (const m of text.matchAll(/\[(\d+)\]/g)) if (!order.includes(Number(m[1]))) order.push(Number(m[1]));
    for (const c of this.citations) if (!order.includes(c.n)) order.push(c.n);
    const to = new Map(order.map((old, i) => [old, i + 1]));
    const at = (n: number) => to.get(n) ?? n;
    return {
      text: text.replace(/\[(\d+)\]/g, (_, n: string) => `[${at(Number(n))}]`),
      citations: this.citations.map((c) => ({ ...c, n: at(c.n) })).sort((a, b) => a.n - b.n),
      facts: this.facts.map((f) => ({ ...f, citations: f.citations.map(at).sort((a, b) => a - b) })),
    };
  }

  private finish(status: Answer['status'], type: QuestionType | undefined, draftText: string, frame?: Frame, reason?: NoDataReason): Answer {
    this.check(draftText);
    const { text, citations, facts } = this.renumber(draftText);
    const answer: Answer = { question: this.question, status, text, facts, citations };
    if (type !== undefined) answer.type = type;
    if (reason !== undefined) answer.reason = reason;
    if (frame !== undefined) answer.frame = frame;
    return answer;
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
    let rest = text.replace(/\[\d+\]/g, ' ');
    for (const label of [...this.labels].sort((a, b) => b.length - a.length)) rest = rest.split(label).join(' ');
    const proven = new Set<number>();
    for (const c of this.citations) for (const n of numbersIn(c.quote)) proven.add(n);
    for (const f of this.facts) {
      proven.add(Math.abs(f.value));
      proven.add(Math.abs(round1(f.value)));
    }
    const unproven = digitNumbers(rest).filter((n) => !proven.has(Math.abs(n)));
    if (unproven.length > 0) throw new GroundingError(unproven, text);
  }
}
