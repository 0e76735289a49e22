/**
 * Draws a chart spec: as SVG with Apache ECharts' server-side renderer (svg.ts), or as PNG, that SVG
 * rasterised by resvg (png.ts). A PNG is drawn whole in a worker thread (chart-worker.ts), so a
 * chart holds up neither the bot's other questions nor its acknowledgements. The libraries load, and
 * the worker starts, on first use only, so starting the bot and answering in text never pay for them.
 */
import { ChartWorker } from './chart-worker.ts';
import type { ChartSpec } from './spec.ts';
import { drawSvg } from './svg.ts';

export { PNG_SCALE } from './layout.ts';

/** Draws charts; made once by {@link loadChartRenderer}. Each call is pure: same spec, same bytes. */
export interface ChartRenderer {
  /** The chart as an SVG document, its alt text as the document's title and description. Drawn on
   * the calling thread (ECharts loads with the first one). */
  svg(spec: ChartSpec): string;
  /**
   * The chart as a PNG image, drawn at {@link PNG_SCALE} for sharp text on high-density screens, in
   * the render worker. Rejects with a ChartRenderError naming the chart when it cannot be drawn.
   */
  png(spec: ChartSpec): Promise<Buffer>;
}

let renderer: ChartRenderer | undefined;

/** The chart renderer, shared by every caller. Nothing is loaded yet: ECharts loads with the first
 * SVG, and the render worker (ECharts, resvg and the fonts) starts with the first PNG. */
export function loadChartRenderer(): Promise<ChartRenderer> {
  if (renderer === undefined) {
    const worker = new ChartWorker();
    renderer = { svg: drawSvg, png: (spec) => worker.png(spec) };
  }
  return Promise.resolve(renderer);
}
