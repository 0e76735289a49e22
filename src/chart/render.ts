/**
 * Draws a chart spec: to SVG with Apache ECharts' server-side renderer, then to PNG with resvg (a
 * Rust SVG renderer; no browser, no canvas), which rasterises on libuv's thread pool so a chart does
 * not hold up the bot's other questions. Both libraries are loaded on first use only, so starting
 * the bot and answering in text never pay for them.
 */
import { createRequire } from 'node:module';
import { ChartSpec } from './spec.ts';
import { CHART_FONT, CHART_WIDTH, chartHeight, chartOption } from './layout.ts';

/** Draws charts; made once by {@link loadChartRenderer}. Each call is pure: same spec, same bytes. */
export interface ChartRenderer {
  /** The chart as an SVG document, its alt text as the document's title and description. */
  svg(spec: ChartSpec): string;
  /** The chart as a PNG image, drawn at 1.5× for sharp text on high-density screens. */
  png(spec: ChartSpec): Promise<Buffer>;
}

/** How much larger than the SVG's own size the PNG is drawn. */
export const PNG_SCALE = 1.5;

/** The font files the PNG is set in, from an installed package: no system fonts and no network, so
 * a chart looks the same on every machine. */
function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return ['400Regular/Inter_400Regular.ttf', '700Bold/Inter_700Bold.ttf'].map((file) => require.resolve(`@expo-google-fonts/inter/${file}`));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Gives the SVG document its accessible name and description (ECharts marks up the chart's
 * container, which a server-side render has none of). */
function withAltText(svg: string, spec: ChartSpec): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const head = svg.slice(0, open - 1).replace('<svg', '<svg role="img" aria-labelledby="chart-title chart-desc"');
  return `${head}><title id="chart-title">${escapeXml(spec.title)}</title><desc id="chart-desc">${escapeXml(spec.altText)}</desc>${svg.slice(open)}`;
}

async function load(): Promise<ChartRenderer> {
  // The single-file ES module build: the package's modular entry loads hundreds of files (~0.8 s).
  const [echarts, { renderAsync }] = await Promise.all([import('echarts/dist/echarts.esm.min.mjs'), import('@resvg/resvg-js')]);
  const fonts = fontFiles();
  const svg = (input: ChartSpec): string => {
    const spec = ChartSpec.parse(input);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: chartHeight(spec) });
    try {
      chart.setOption(chartOption(spec));
      return withAltText(chart.renderToSVGString(), spec);
    } finally {
      chart.dispose();
    }
  };
  return {
    svg,
    png: async (spec) => {
      const image = await renderAsync(svg(spec), {
        font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
        fitTo: { mode: 'zoom', value: PNG_SCALE },
      });
      return image.asPng();
    },
  };
}

let loaded: Promise<ChartRenderer> | undefined;

/** The chart renderer, its libraries loaded on the first call and shared after. */
export function loadChartRenderer(): Promise<ChartRenderer> {
  loaded ??= load().catch((error: unknown) => {
    // A failed load (a missing native binary) is not remembered: the next chart tries again.
    loaded = undefined;
    throw error;
  });
  return loaded;
}
