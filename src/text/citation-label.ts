/**
 * How every renderer names a citation's date: one wording across Slack, Discord and the terminal,
 * so an inferred date is marked the same way everywhere.
 */
import type { Citation } from '../model/answer.ts';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "18 January 2023", "January 2023 (date inferred)", "date not known". */
export function publishedLabel(citation: Pick<Citation, 'published' | 'publishedInferred'>): string {
  const { published, publishedInferred } = citation;
  if (published === null) return 'date not known';
  const [year, month, day] = published.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  const parts = [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean);
  return parts.join(' ') + (publishedInferred ? ' (date inferred)' : '');
}

/** "Title — Publisher, 18 January 2023" */
export function sourceLine(citation: Citation): string {
  return `${citation.title} — ${citation.publisher}, ${publishedLabel(citation)}`;
}
