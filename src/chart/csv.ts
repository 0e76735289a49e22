/**
 * A chart's rows as a CSV file (RFC 4180: comma-separated, CRLF line ends, quotes where needed),
 * each row with the citation numbers and the sources behind it, so a ranking or a trend can be
 * taken away as data without losing where its figures come from.
 */
import { ChartSpec } from './spec.ts';

/** One row of the CSV: a point of the chart and its provenance. */
export interface CsvRow {
  label: string;
  value: number;
  /** "yes" for a figure we calculated, "no" for a published one. */
  ourCalculation: 'yes' | 'no';
  /** How a calculated figure was made; empty for a published one. */
  working: string;
  /** "[2][3]": the answer's citation numbers. */
  citation: string;
  /** Each cited source's publisher, document and table, in citation order. */
  source: string;
  url: string;
}

/** The rows of `spec`, one a point, in the chart's order. */
export function csvRows(spec: ChartSpec): CsvRow[] {
  const byNumber = new Map(spec.citations.map((c) => [c.n, c]));
  return spec.points.map((point) => {
    const cited = point.citations.map((n) => byNumber.get(n)).filter((c) => c !== undefined);
    return {
      label: point.label,
      value: point.value,
      ourCalculation: point.computed ? 'yes' : 'no',
      working: point.computed ? point.working : '',
      citation: point.citations.map((n) => `[${n}]`).join(''),
      source: cited.map((c) => c.source).join(' | '),
      url: cited.map((c) => c.url).join(' '),
    };
  });
}

/**
 * A text cell: quoted when it holds a comma, a quote or a line break; and, when it begins like a
 * spreadsheet formula (`=`, `+`, `-`, `@`), prefixed with `'` so a spreadsheet shows it rather
 * than running it: source titles and force names are text from outside.
 */
function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `spec`'s rows as CSV, with a header row naming the chart's own axes. */
export function toCsv(input: ChartSpec): string {
  const spec = ChartSpec.parse(input);
  const header = [spec.axes.category.label, `${spec.axes.value.label} (${spec.axes.value.unit})`, 'Our calculation', 'Working', 'Citation', 'Source', 'URL'];
  // Values are written plainly (94940, 512.3): a number a spreadsheet reads as one.
  const lines = csvRows(spec).map((r) =>
    [cell(r.label), String(r.value), r.ourCalculation, cell(r.working), cell(r.citation), cell(r.source), cell(r.url)].join(','),
  );
  return `${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
}
