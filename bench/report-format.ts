/**
 * The report's building blocks: tables and lines of text, numbers written to a few significant
 * digits, and a table drawn for the terminal or as Markdown.
 */
import type { ProfileSummary } from './profile.ts';

/** A missed target: shouted in the terminal, bold in Markdown. */
export const MISSED = 'MISSED';

export interface Table {
  title?: string;
  headers: string[];
  rows: string[][];
  /** Right-aligned columns (numbers). */
  right: number[];
}

/** A block of the report: a table, or lines of text. */
export type Block = { table: Table } | { text: string[] };

/** "0.128", "1.52", "60.5", "1,234": milliseconds to about three significant digits. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-GB');
}

export function seconds(msValue: number | undefined): string {
  if (msValue === undefined || Number.isNaN(msValue)) return '—';
  return msValue < 10_000 ? `${(msValue / 1000).toFixed(2)} s` : `${(msValue / 1000).toFixed(1)} s`;
}

export function mb(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return '—';
  return `${(bytes / 2 ** 20).toLocaleString('en-GB', { maximumFractionDigits: bytes < 10 * 2 ** 20 ? 1 : 0 })} MB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || b === 0) return '—';
  const r = a / b;
  return `${r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-GB')}×`;
}

/** How cost grew over a tenfold step in documents: what the report calls faster than linear. */
export function growth(from: number | undefined, to: number | undefined, docsFactor: number): string {
  if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to) || from === 0) return '—';
  const r = to / from;
  if (r > docsFactor * 1.5) return 'faster than linear';
  if (r > docsFactor / 1.5) return 'about linear';
  if (r > 1.5) return 'slower than linear';
  return 'flat';
}

/** The hot path in one line: the deepest of our functions still holding at least half the time
 * (below the engine's entry points), and the function with the most self time. */
export function hotLine(profile: ProfileSummary | undefined): string {
  if (!profile) return '';
  const own = profile.own.filter((f) => f.totalShare >= 0.5).at(-1) ?? profile.own[0];
  const hot = profile.hot[0];
  const parts: string[] = [];
  if (own) parts.push(`${own.name}: ${(own.totalShare * 100).toFixed(0)}% of the time`);
  if (hot) parts.push(`hottest self time: ${hot.name} ${(hot.selfShare * 100).toFixed(0)}%`);
  return parts.join('; ');
}

/** A table as Markdown, or aligned for the terminal. */
export function renderTable(t: Table, markdown: boolean): string[] {
  const out: string[] = [];
  if (markdown) {
    if (t.title) out.push(`#### ${t.title}`, '');
    out.push(`| ${t.headers.join(' | ')} |`);
    out.push(`| ${t.headers.map((_, i) => (t.right.includes(i) ? '---:' : '---')).join(' | ')} |`);
    for (const r of t.rows) out.push(`| ${r.map((c) => (c === MISSED ? '**missed**' : c.replace(/\|/g, '\\|'))).join(' | ')} |`);
    return out;
  }
  if (t.title) out.push(t.title);
  const widths = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (t.right.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  out.push(line(t.headers), widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of t.rows) out.push(line(r));
  return out;
}
