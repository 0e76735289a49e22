/**
 * Charts as a reader sees them: a real PNG (decoded with pngjs) of a useful size with a drawn title,
 * and an SVG that holds the title, both axis labels with their units, the source and the alt text,
 * with our calculations told apart and outside text drawn as text.
 */
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChartSpec, loadChartRenderer, PNG_SCALE, type ChartRenderer } from '../../src/chart/index.ts';
import { RATES, TREND } from './support/specs.ts';

let renderer: ChartRenderer;
beforeAll(async () => {
  renderer = await loadChartRenderer();
});

/** The number of distinct colours among the pixels of rows `from` to `to` of a decoded PNG. */
function colours(png: PNG, from = 0, to = png.height): number {
  const seen = new Set<number>();
  for (let y = from; y < to; y += 1) {
    for (let x = 0; x < png.width; x += 1) seen.add(png.data.readUInt32BE((y * png.width + x) * 4));
  }
  return seen.size;
}

describe('the PNG', () => {
  it.each([
    ['a trend', TREND],
    ['a ranking', RATES],
  ])('of %s is at least 400×200 and not blank', async (_, spec) => {
    const png = PNG.sync.read(await renderer.png(spec));
    expect(png.width).toBeGreaterThanOrEqual(400);
    expect(png.height).toBeGreaterThanOrEqual(200);
    // White, the navy line or bars, greys of the axes, and the shades of anti-aliased text.
    expect(colours(png)).toBeGreaterThan(20);
  });

  it('draws the title in text, with the bundled font and no system fonts', async () => {
    const png = PNG.sync.read(await renderer.png(TREND));
    // The title's band (above the subtitle) holds the shades of drawn letters, not a blank strip.
    expect(colours(png, 0, Math.round(60 * PNG_SCALE))).toBeGreaterThan(10);
  });

  it('is the same image each time it is drawn', async () => {
    expect((await renderer.png(TREND)).equals(await renderer.png(TREND))).toBe(true);
  });
});

describe('the SVG', () => {
  it('holds the title, both axis labels with their units, the source line and the alt text', () => {
    const svg = renderer.svg(TREND);
    expect(svg).toContain('>Complaint cases logged, England and Wales, 2020-21 to 2024-25<');
    expect(svg).toContain('>Complaint cases logged (number)<');
    expect(svg).toContain('>Financial year (April to March)<');
    expect(svg).toContain('Sources: Wired-Gov [1]');
    expect(svg).toMatch(/<svg role="img" aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain(`<desc id="chart-desc">${TREND.altText}</desc>`);
    // Each point's label carries its citation mark.
    expect(svg).toContain('>67,732 [1]<');
  });

  it('marks a figure we calculated, and says so in a legend', () => {
    const svg = renderer.svg(RATES);
    expect(svg).toContain('>Our calculation<');
    expect(svg).toContain('>512.3 (ours)<');
    expect(svg).toContain('>391.4 [2]<');
    expect(svg).toContain('>Misconduct allegations (per 1,000 workforce)<');
    // A chart of published figures alone needs no legend.
    expect(renderer.svg(TREND)).not.toContain('Our calculation<');
  });

  it('draws text from the data as text: markup and template braces stay literal', () => {
    const svg = renderer.svg({ ...TREND, title: 'Kent <script>alert(1)</script> {a|b} & co', altText: 'Alt <b>text</b>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('Kent &lt;script&gt;alert(1)&lt;/script&gt; {a|b} &amp; co');
  });
});

describe('ChartSpec', () => {
  it('refuses control characters and a point citing a source the chart does not list', () => {
    expect(ChartSpec.safeParse({ ...TREND, title: 'Kent\u0007' }).success).toBe(false);
    expect(ChartSpec.safeParse({ ...TREND, points: [{ label: '2020-21', value: 1, computed: false, citations: [9] }] }).success).toBe(false);
    expect(ChartSpec.safeParse(TREND).success).toBe(true);
  });

  it('a renderer refuses what the schema refuses', () => {
    expect(() => renderer.svg({ ...TREND, points: [] })).toThrow();
  });
});
