/**
 * A chart spec drawn as an SVG document with Apache ECharts' server-side renderer. The render
 * worker draws every PNG from it; the main thread only when a caller asks for the SVG itself.
 */
import { createRequire } from 'node:module';
import { ChartSpec } from './spec.ts';
import { CHART_WIDTH, chartHeight, chartOption } from './layout.ts';

type ECharts = typeof import('echarts');

let echarts: ECharts | undefined;

/** ECharts, loaded on the first chart so that starting and answering in text never pay for it.
 * The single-file build (the package's modular entry loads hundreds of files, ~0.8 s), and its
 * CommonJS form, because `require` is synchronous: `drawSvg` stays a plain function. */
function loadECharts(): ECharts {
  echarts ??= createRequire(import.meta.url)('echarts/dist/echarts.min.js') as ECharts;
  return echarts;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Gives the SVG document its accessible name and description (ECharts marks up the chart's
 * container, which a server-side render has none of). */
function withAltText(svg: string, spec: ChartSpec): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const head = svg.slice(0, open - 1).replace('<svg', '<svg role="img" aria-labelledby="chart-title chart-desc"');
  return `${head}><title id="chart-title">${escapeXml(spec.title)}</title><desc id="chart-desc">${escapeXml(spec.altText)}</desc>${svg.slice(open)}`;
}

/**
 * The chart as an SVG document, its alt text as the document's title and description.
 * @throws the zod error when `input` is not a valid {@link ChartSpec}.
 */
export function drawSvg(input: ChartSpec): string {
  const spec = ChartSpec.parse(input);
  const chart = loadECharts().init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: chartHeight(spec) });
  try {
    chart.setOption(chartOption(spec));
    return withAltText(chart.renderToSVGString(), spec);
  } finally {
    chart.dispose();
  }
}
