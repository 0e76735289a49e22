/**
 * The sources an answer cites. While an answer is written each quote (and, for a table, its cell) is
 * cited once under a working number; when it is finished only the quotes its text refers to are
 * kept, grouped into one citation per document or table, numbered in the order the text first
 * refers to them.
 */
import type { Citation, TableCell } from '../model/answer.ts';
import type { Figure, SourceDocument } from '../model/data.ts';
import { joinNames } from './holdings.ts';

/** How far a reader can trust each kind of source, in words (after the shared data's ratings). */
export const TRUST: Record<SourceDocument['sourceType'], string> = {
  'official statistics table': 'official statistics, the most reliable kind of source we hold',
  'official statistics release': 'official statistics, the most reliable kind of source we hold',
  'news report of official statistics': 'a news report of official figures: faithful to the article, but check the original where it matters',
  'force disclosure (FOI)': "the force's own disclosure",
  'inspection report': 'an inspection report',
  'analysis by a third party': 'analysis by a third party of official records, not official statistics',
};

/** A document's title as answers print it: a title that is our description (no headline was
 * recorded) says so, so it is never read as the publisher's headline. */
export function citedTitle(doc: Pick<SourceDocument, 'title' | 'titleFrom'>): string {
  return doc.titleFrom === 'description' ? `${doc.title} (no headline recorded)` : doc.title;
}

/** A recommendation's page title as cited: where the IOPC's heading does not name the force the
 * dataset files it under (a typo such as "South Yorshire", or a heading naming only the incident),
 * the force is said after it, so the citation identifies whom the recommendation was made to. */
function recommendationTitle(doc: SourceDocument, forceName: (id: string) => string): string {
  const title = citedTitle(doc);
  if (doc.kind !== 'recommendation' || doc.filedUnder === undefined) return title;
  const name = forceName(doc.filedUnder);
  return title.toLowerCase().includes(name.toLowerCase()) ? title : `${title} (IOPC recommendation to ${name})`;
}

/** One quote cited while an answer is written. */
export interface CitedQuote {
  docId: string;
  quote: string;
  cell?: TableCell;
}

/** "Table 27, row “Kent”, column “Reviews completed”", or for several cells of one table
 * "Table 27, rows “Kent” and “Essex”, columns “Reviews completed” and “Upheld”". */
function locationOf(cells: readonly TableCell[]): string | undefined {
  const byTable = new Map<string, { rows: Set<string>; columns: Set<string> }>();
  for (const c of cells) {
    const t = byTable.get(c.table) ?? { rows: new Set<string>(), columns: new Set<string>() };
    t.rows.add(c.row);
    t.columns.add(c.column);
    byTable.set(c.table, t);
  }
  const names = (word: string, all: Set<string>) => `${word}${all.size === 1 ? '' : 's'} ${joinNames([...all].map((x) => `“${x}”`))}`;
  const parts = [...byTable].map(([table, t]) => `${table}, ${names('row', t.rows)}, ${names('column', t.columns)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Quotes cited while an answer is written, each once, under a working number from 1. */
export class CitationBook {
  readonly quotes: CitedQuote[] = [];
  /** Working number by quote, then source and cell: an answer citing thousands of figures looks each
   * one up. Keyed by the quote itself, whose hash the string keeps, rather than by a key built from it. */
  private readonly byQuote = new Map<string, Map<string, number>>();

  constructor(
    private readonly documents: ReadonlyMap<string, SourceDocument>,
    private readonly forceName: (id: string) => string = (id) => id,
  ) {}

  /** The working number of a verbatim quote from a document (and, for a table, its cell). */
  cite(docId: string, quote: string, table?: Figure['table']): number {
    const cell = table ? { table: table.name, row: table.row, column: table.column } : undefined;
    const key = `${docId}\u0000${cell ? `${cell.table}\u0000${cell.row}\u0000${cell.column}` : ''}`;
    let bySource = this.byQuote.get(quote);
    if (!bySource) {
      bySource = new Map();
      this.byQuote.set(quote, bySource);
    }
    const existing = bySource.get(key);
    if (existing !== undefined) return existing;
    if (!this.documents.has(docId)) throw new Error(`engine: citation of unknown source "${docId}"`);
    this.quotes.push(cell ? { docId, quote, cell } : { docId, quote });
    bySource.set(key, this.quotes.length);
    return this.quotes.length;
  }

  /** The document a working number cites. */
  document(n: number): SourceDocument {
    const q = this.quotes[n - 1];
    const doc = q && this.documents.get(q.docId);
    if (!doc) throw new Error(`engine: no citation ${n}`);
    return doc;
  }

  /**
   * The citations of the working numbers `used`, in the order given: one per document, numbered from
   * 1, each listing its quotes once. Returns them with the citation number of each working number.
   */
  group(used: Iterable<number>): { citations: Citation[]; numberOf: Map<number, number> } {
    const bySource = new Map<string, CitedQuote[]>();
    const numberOf = new Map<number, number>();
    const order: string[] = [];
    for (const n of used) {
      const q = this.quotes[n - 1];
      if (!q || numberOf.has(n)) continue;
      let quotes = bySource.get(q.docId);
      if (!quotes) {
        quotes = [];
        bySource.set(q.docId, quotes);
        order.push(q.docId);
      }
      quotes.push(q);
      numberOf.set(n, order.indexOf(q.docId) + 1);
    }
    const citations = order.map((docId, i): Citation => {
      const doc = this.documents.get(docId) as SourceDocument;
      const used = bySource.get(docId) ?? [];
      const quotes = used.map((q) => (q.cell ? { quote: q.quote, cell: q.cell } : { quote: q.quote }));
      const distinct = [...new Set(quotes.map((q) => q.quote))];
      const location = locationOf(used.flatMap((q) => (q.cell ? [q.cell] : [])));
      return {
        n: i + 1,
        sourceId: doc.id,
        title: recommendationTitle(doc, this.forceName),
        publisher: doc.publisher,
        published: doc.published,
        publishedInferred: doc.dateInferred,
        url: doc.url,
        sourceType: doc.sourceType,
        trust: TRUST[doc.sourceType],
        ...(location !== undefined ? { location } : {}),
        quote: distinct.join(' … '),
        quotes,
      };
    });
    return { citations, numberOf };
  }
}
