/**
 * The pieces every answer about the IOPC's learning recommendations is written from: whom a
 * recommendation is counted for, our counts with the working saying exactly which rows of the BBC
 * Shared Data Unit's scrape were counted, the responses recorded, and each recommendation as a cited
 * bullet with its date and response.
 */
import type { SourceDocument } from '../model/data.ts';
import { publishedLabel } from '../render/format.ts';
import { formatNumber } from '../text/numbers.ts';
import type { AnswerDraft } from './draft.ts';
import { sentences } from './passages.ts';
import { recommendationWords } from './recommendation-index.ts';

/** The date the recommendation pages were scraped to: a name, not a figure. */
export const SCRAPED = 'the end of June 2021';
/** The same date, to compare dates with. */
export const SCRAPED_TO = '2021-06-30';
/** What every count of recommendations counts, for a reader to repeat it. */
export const DATASET = "the BBC Shared Data Unit's scrape of the IOPC's recommendation pages to the end of June 2021";
/** The period every count of the scrape is of. */
export const PERIOD = { periodId: 'to-2021-06-30', period: 'recommendations scraped to 30 June 2021' };

/** How each recorded response is said. */
export const RESPONSES: Record<NonNullable<SourceDocument['accepted']>, string> = {
  yes: 'accepted',
  no: 'not accepted',
  'awaiting response': 'awaiting a response',
};

/**
 * The force a recommendation is counted for: the one the dataset's own force column names, which a
 * reader can filter the spreadsheet by. Pages whose force column is "#N/A" are counted for no force,
 * though their tags or heading may name one (see `unattributed`).
 */
export function countedFor(d: SourceDocument): string | undefined {
  return d.filedUnder;
}

/** Pages with no force in the force column whose tags or heading name one of `forces`. */
export function unattributed(recs: readonly SourceDocument[], forces: readonly string[]): SourceDocument[] {
  return recs.filter((d) => d.filedUnder === undefined && d.forces.some((f) => forces.includes(f)));
}

/** Whom a count is of, and how its rows were chosen, in words. */
export interface Counted {
  forces: string[];
  name: string;
  /** "whose force column is Sussex Police": which rows were counted. */
  rows: string;
}

/** A count of rows as our calculation, its working saying which rows of the scrape were counted. */
export function counted(draft: AnswerDraft, n: number, who: Counted, what: string): string {
  draft.computed(
    {
      force: who.forces.join('+') || 'all',
      forceName: who.name,
      ...PERIOD,
      metric: `iopc-recommendations${what === '' ? '' : `-${what.replace(/\W+/g, '-')}`}`,
      metricLabel: `IOPC learning recommendations ${who.rows}${what === '' ? '' : `, ${what}`}`,
      unit: 'count',
    },
    n,
    'count',
    [],
    `counting the rows of ${DATASET}${who.rows ? ` ${who.rows}` : ''}${what === '' ? '' : `, ${what}`}`,
  );
  return formatNumber(n);
}

/** "The IOPC records 14 as accepted, …": the responses recorded for `chosen`. */
export function responses(draft: AnswerDraft, chosen: readonly SourceDocument[], who: Counted): string {
  const by = (status: SourceDocument['accepted']) => chosen.filter((d) => d.accepted === status).length;
  const unrecorded = by(undefined);
  if (unrecorded === chosen.length) return `The IOPC records no response for ${chosen.length === 1 ? 'it' : `any of them`} (the accepted column is blank).`;
  return `The IOPC records ${counted(draft, by('yes'), who, 'accepted')} as accepted, ${counted(draft, by('no'), who, 'not accepted')} as not accepted and ${counted(draft, by('awaiting response'), who, 'awaiting a response')} as awaiting a response; for ${counted(draft, unrecorded, who, 'with no response recorded')} no response is recorded.`;
}

/** "14 accepted, 0 not accepted, 1 awaiting a response, 32 with none recorded": the responses recorded
 * for `chosen`, in a list's few words. */
export function responsesInShort(draft: AnswerDraft, chosen: readonly SourceDocument[], who: Counted): string {
  const by = (status: SourceDocument['accepted']) => chosen.filter((d) => d.accepted === status).length;
  return `${counted(draft, by('yes'), who, 'accepted')} accepted, ${counted(draft, by('no'), who, 'not accepted')} not accepted, ${counted(draft, by('awaiting response'), who, 'awaiting a response')} awaiting a response, ${counted(draft, by(undefined), who, 'with no response recorded')} with none recorded`;
}

/** "17 December 2020", or the page's own date where the recommendation's is not given. */
function dated(draft: AnswerDraft, d: SourceDocument): string {
  const label = publishedLabel({ published: d.published, publishedInferred: false });
  draft.allow(label, 'period');
  return d.published === null ? 'date not recorded' : d.dateInferred ? `page dated ${label}` : label;
}

/** A recommendation's first sentences, cited: its marker's number and the words quoted. */
export function citeRecommendation(draft: AnswerDraft, d: SourceDocument): { n: number; first: string } {
  // A page opens with its own heading ("Recommendations - Sussex Police, April 2021"); a page giving
  // only its heading is quoted by it.
  const body = recommendationWords(d) ?? d.text.trim();
  const first = sentences(body).slice(0, 2).join(' ');
  return { n: draft.cite(d.id, first), first };
}

/** Each recommendation as a bullet: its category, date and response, and its first sentences, cited. */
export function bullets(draft: AnswerDraft, shown: readonly SourceDocument[]): string[] {
  return shown.map((d) => {
    const { n, first } = citeRecommendation(draft, d);
    // Its date and response are always said: "when?" and "was it accepted?" are what a reader asks next.
    const response = d.accepted ? RESPONSES[d.accepted] : 'no response recorded';
    return `• ${d.category ?? 'Recommendation'} (${dated(draft, d)}; ${response}): “${first}” [${n}]`;
  });
}
