/**
 * Which of the IOPC's learning recommendations a question asks about, and in what order they are
 * shown: on its topic (by the IOPC's own category where the topic names one, otherwise by the words
 * of the recommendations), dated in the years or months asked, the most on topic first, and among
 * those the pages that quote the recommendation itself before pages giving only a heading.
 */
import type { SourceDocument } from '../model/data.ts';
import type { PeriodAsk, QueryFrame } from '../model/frame.ts';
import { stem } from '../text/words.ts';
import type { AnswerContext } from './context.ts';
import { recommendationWords, stemsIn } from './recommendation-index.ts';

/** The recommendations on `topic`: those filed under an IOPC category naming every topic word, or
 * failing that, those whose category or text mentions one. */
export function onTopic(ctx: AnswerContext, recs: readonly SourceDocument[], topic: readonly string[]): { chosen: SourceDocument[]; byCategory: boolean } {
  if (topic.length === 0) return { chosen: [...recs], byCategory: false };
  const topicStems = [...new Set(topic.map(stem))];
  const inCategory = recs.filter((d) => {
    const category = stemsIn(d, 'category');
    return topicStems.every((t) => category.has(t));
  });
  if (inCategory.length > 0) return { chosen: inCategory, byCategory: true };
  const ids = new Set(recs.map((d) => d.id));
  const hits = ctx.passages.find(topic.join(' '), 40, { scope: 'recommendations', minTerms: 1, docFilter: (id) => ids.has(id) });
  const chosen = [...new Set(hits.map((h) => h.passage.docId))]
    .map((id) => ctx.documents.get(id) as SourceDocument)
    .filter((d) => topicStems.some((t) => stemsIn(d, 'category').has(t) || stemsIn(d, 'text').has(t)));
  return { chosen, byCategory: false };
}

/**
 * The most on topic first (the most topic words met, in its category or text); among those, the
 * pages that give the recommendation's own words before those giving only a heading (most pages of
 * the scrape: a reader asking what was recommended learns nothing from a heading), unless `byDate`
 * alone; then the newest.
 */
export function mostOnTopic(chosen: readonly SourceDocument[], topic: readonly string[], byDate = false): SourceDocument[] {
  const newest = (a: SourceDocument, b: SourceDocument) => (b.published ?? '').localeCompare(a.published ?? '');
  const worded = (d: SourceDocument) => (byDate || recommendationWords(d) === undefined ? 0 : 1);
  const byWords = (a: SourceDocument, b: SourceDocument) => worded(b) - worded(a) || newest(a, b);
  // With no topic every one is as relevant: no text need be read (a national ranking reads 1,317).
  if (topic.length === 0) return [...chosen].sort(byWords);
  const topicStems = [...new Set(topic.map(stem))];
  const relevance = new Map(
    chosen.map((d) => {
      const inCategory = stemsIn(d, 'category');
      const inText = stemsIn(d, 'text');
      return [d, topicStems.filter((t) => inCategory.has(t) || inText.has(t)).length * 100 + topicStems.filter((t) => inCategory.has(t)).length];
    }),
  );
  return [...chosen].sort((a, b) => (relevance.get(b) ?? 0) - (relevance.get(a) ?? 0) || byWords(a, b));
}

/** A period asked, as the first and last days a recommendation's own date may fall on (ISO dates,
 * compared as text), and the period in words. */
export interface DateAsk {
  from: string;
  to: string;
  label: string;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** After any date a page can hold: "since 2019" runs to the end of the scrape. */
const OPEN_END = '9999-12-31';

/** The days a period asked covers: a calendar year, or its month where one was typed ("July 2020"),
 * a range of years, or a financial year (April to March); relative periods name no days of a page. */
function daysOf(ask: PeriodAsk): DateAsk | undefined {
  switch (ask.kind) {
    case 'year': {
      if (ask.month === undefined) return { from: `${ask.year}-01-01`, to: `${ask.year}-12-31`, label: ask.label };
      const month = `${ask.year}-${String(ask.month).padStart(2, '0')}`;
      return { from: `${month}-01`, to: `${month}-31`, label: `${MONTH_NAMES[ask.month - 1]} ${ask.year}` };
    }
    case 'range':
      return { from: `${ask.from}-01-01`, to: `${ask.to}-12-31`, label: ask.label };
    case 'financial-year': {
      const start = Number(ask.id.slice(0, 4));
      return { from: `${start}-04-01`, to: `${start + 1}-03-31`, label: ask.label };
    }
    default:
      return undefined;
  }
}

/** The periods asked that a recommendation's date is matched against; "since 2019" runs on from it. */
export function datesAsked(asked: QueryFrame): DateAsk[] {
  return asked.periods.asks.flatMap((ask) => {
    const days = daysOf(ask);
    if (days === undefined) return [];
    return [asked.periods.since ? { from: days.from, to: OPEN_END, label: `${days.label} onwards` } : days];
  });
}

/** Whether a recommendation's date falls in one of the periods asked (any, where none was asked). */
export function datedIn(d: SourceDocument, asks: readonly DateAsk[]): boolean {
  const date = d.published;
  return asks.length === 0 || (date !== null && asks.some((a) => date >= a.from && date <= a.to));
}

/** Whether pages giving only a heading were passed over for pages quoting the recommendation among
 * those `shown` of `chosen`: the answer then says so, its order being more than relevance and date. */
export function wordsFirst(shown: readonly SourceDocument[], chosen: readonly SourceDocument[], topic: readonly string[]): boolean {
  const plain = mostOnTopic(chosen, topic, true).slice(0, shown.length);
  return plain.some((d, i) => d !== shown[i]);
}

/** How the recommendations shown were chosen: "The most recent", "The most on topic, those quoting
 * the recommendation first". */
export function shownAs(shown: readonly SourceDocument[], chosen: readonly SourceDocument[], topic: readonly string[]): string {
  const order = topic.length > 0 ? 'The most on topic' : 'The most recent';
  return wordsFirst(shown, chosen, topic) ? `${order}, those quoting the recommendation first` : order;
}
