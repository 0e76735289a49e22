/**
 * A chart spec drawn as a PNG image: its SVG (svg.ts) rasterised and encoded by resvg (a Rust SVG
 * renderer; no browser, no canvas). Only the render worker (render-worker.ts) calls it: the SVG,
 * the rasterising and the PNG's encoding are all CPU work that, on the main thread, held up the
 * acknowledgement of every other Slack mention (issue 17).
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from './spec.ts';
import { CHART_FONT, PNG_SCALE } from './layout.ts';
import { drawSvg } from './svg.ts';

/** The font files the PNG is set in, from an installed package: no system fonts and no network, so
 * a chart looks the same on every machine. */
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '700Bold/Inter_700Bold.ttf'].map((file) =>
  createRequire(import.meta.url).resolve(`@expo-google-fonts/inter/${file}`),
);

/**
 * The chart as a PNG image, drawn at {@link PNG_SCALE}. Synchronous, resvg's rendering included:
 * the worker draws one chart at a time on its own thread, leaving libuv's thread pool (which
 * `renderAsync` would take) to the main thread's files and DNS look-ups.
 * @throws the zod error when `spec` is not a valid {@link ChartSpec}, or resvg's error.
 */
export function drawPng(spec: ChartSpec): Buffer {
  const resvg = new Resvg(drawSvg(spec), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
  });
  return resvg.render().asPng();
}
