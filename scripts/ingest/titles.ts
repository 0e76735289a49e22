/**
 * Titles for reported-figure documents. The shared data records no headline for these pages, and a
 * title read from a web address is a guess at the headline, so each document is described instead:
 * what kind of document it is, whose figures, for where and when. Citations print the publisher
 * and date beside the title, so the description names neither.
 */
import type { Period } from '../../src/model/data.ts';

/** What a description is made from. */
export interface Described {
  /** "official" for a public body's own page, "foi" for coverage of a disclosure, else "news". */
  kind: 'official' | 'foi' | 'news';
  /** Whose figures the document passes on ("Home Office figures"), one entry per body. */
  bases: string[];
  /** The names of the forces and areas its figures cover. */
  places: string[];
  periods: Period[];
}

/** What each body's figures are about, in a title's words. */
const TOPIC: Record<string, string> = {
  'Home Office figures': 'Home Office police misconduct figures',
  'IOPC figures': 'IOPC police complaints figures',
  'IPCC figures': 'IPCC police complaints figures',
  'College of Policing figures': 'College of Policing barred list figures',
  'a Movius.ai analysis of Home Office figures': 'a Movius.ai analysis of Home Office misconduct figures',
};

function list(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** "2021-22", "2020-21 and 2021-22", "2013-14 to 2022-23": the dated periods the figures cover. */
function when(periods: Period[]): string {
  const dated = [...new Map(periods.filter((p) => p.kind !== 'unstated').map((p) => [p.id, p])).values()].sort(
    (a, b) => (a.end ?? '').localeCompare(b.end ?? '') || a.id.localeCompare(b.id),
  );
  if (dated.length === 0) return '';
  if (dated.length <= 2) return `, ${dated.map((p) => p.label).join(' and ')}`;
  return `, ${dated[0]?.label ?? ''} to ${dated.at(-1)?.label ?? ''}`;
}

/** "News report on Home Office police misconduct figures for Essex Police, 2021-22". */
export function describe(d: Described): string {
  const topics = [...new Set(d.bases.map((b) => TOPIC[b]))];
  const topic = topics.length === 1 && topics[0] !== undefined ? topics[0] : 'police complaints and misconduct figures';
  // No count in a title: answers list titles, and a number there would read as a figure.
  const places = d.places.length <= 3 ? list(d.places) : 'several forces and areas';
  const kind = { official: 'Release', foi: 'Report of a disclosure', news: 'News report' }[d.kind];
  return `${kind} on ${topic} for ${places}${when(d.periods)}`;
}
