/** Charts and CSV files of an answer: the spec, its renderer (loaded on first use) and its rows. */
export { ChartCitation, ChartPoint, ChartSpec } from './spec.ts';
export { loadChartRenderer, PNG_SCALE, type ChartRenderer } from './render.ts';
export { ChartRenderError } from './chart-worker.ts';
export { csvRows, toCsv, type CsvRow } from './csv.ts';
