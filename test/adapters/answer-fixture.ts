/**
 * Hand-written answers for renderer tests, completed the way the engine completes its own: the body
 * read into blocks from its text, and each citation given its trust and its quotes.
 */
import { type Answer, AnswerSchema, type Citation } from '../../src/index.ts';

type LooseCitation = Omit<Citation, 'trust' | 'quotes'> & Partial<Pick<Citation, 'trust' | 'quotes'>>;
/** Omit over each member of a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type LooseAnswer = Without<Answer, 'blocks' | 'citations'> & { citations: LooseCitation[]; blocks?: Answer['blocks'] };

/** A citation with the trust and quotes it would carry. */
export function citation(c: LooseCitation): Citation {
  // Quotes that no longer make up `quote` (a fixture changed it) are read from it again.
  const quotes = c.quotes?.map((q) => q.quote).join(' … ') === c.quote ? c.quotes : [{ quote: c.quote }];
  return { trust: 'a news report of official figures: faithful to the article, but check the original where it matters', ...c, quotes };
}

/** An answer whose body is its text, line by line (a first line as the headline), checked against the schema. */
export function answer(a: LooseAnswer): Answer {
  const lines = a.text.split('\n');
  const blocks =
    a.blocks ?? lines.map((text, i) => ({ kind: i === 0 ? ('headline' as const) : ('paragraph' as const), segments: [{ kind: 'text' as const, text }] }));
  return AnswerSchema.parse({ ...a, blocks, citations: a.citations.map(citation) });
}
