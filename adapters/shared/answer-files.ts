/**
 * The files an answer is sent with: its chart as a PNG and its rows as a CSV. Every surface (a
 * Slack upload, a Discord attachment, a file the CLI writes) takes them from here, so they are
 * named and described the same way everywhere. The chart libraries load on the first chart only.
 */
import { loadChartRenderer, type ChartSpec } from '../../src/chart/index.ts';

/** One file to send with an answer. */
export interface AnswerFile {
  /** A safe file name made from the chart's title: lower-case letters, digits and hyphens. */
  filename: string;
  data: Buffer;
  contentType: 'image/png' | 'text/csv';
  /** What the file is, in plain words (Slack shows it as the file's title). */
  title: string;
  /** What the chart shows, for screen readers; CSV files have none. */
  altText?: string;
}

/** "Complaint cases logged, England and Wales" → "complaint-cases-logged-england-and-wales". */
function slug(text: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return words.slice(0, 60).replace(/-$/, '') || 'forcewatch';
}

/** The chart as a PNG file. */
export async function chartFile(chart: ChartSpec): Promise<AnswerFile> {
  const renderer = await loadChartRenderer();
  return { filename: `${slug(chart.title)}.png`, data: await renderer.png(chart), contentType: 'image/png', title: chart.title, altText: chart.altText };
}

/**
 * The files to send for an answer: the chart (when there is one) first, then the CSV (when asked
 * for). Neither: no files.
 */
export async function answerFiles(chart: ChartSpec | undefined, csv: string | undefined): Promise<AnswerFile[]> {
  const files: AnswerFile[] = [];
  if (chart !== undefined) files.push(await chartFile(chart));
  if (csv !== undefined) {
    const name = chart === undefined ? 'forcewatch-rows' : slug(chart.title);
    files.push({
      filename: `${name}.csv`,
      data: Buffer.from(csv, 'utf8'),
      contentType: 'text/csv',
      title: chart === undefined ? 'The rows, with their sources' : `${chart.title}: the rows, with their sources`,
    });
  }
  return files;
}
