/**
 * A chart of an answer, as a spec rather than pixels: what the engine (or for now an adapter) says
 * should be drawn, which `render.ts` draws and `csv.ts` writes out as rows. Plain JSON, checked with
 * zod wherever it is made, so a renderer can trust every field.
 */
import { z } from 'zod';

/** Text shown in the chart or beside it: one line, no control characters (which SVG cannot hold
 * and a terminal or CSV reader may act on). */
const Line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must hold no control characters');

/** A citation number, as in the answer's `[n]` markers. */
const CitationNumber = z.number().int().positive();

/** A figure a source states: the numbers of the citations that prove it. */
const PublishedPoint = z.strictObject({
  /** Where the bar or point sits: a force's name (bar) or a period (line). */
  label: Line(120),
  value: z.number().finite(),
  computed: z.literal(false),
  citations: z.array(CitationNumber).min(1),
});

/** A figure we worked out from cited ones (a rate, a total): drawn so it cannot pass for a
 * published one, with its working for the CSV. */
const ComputedPoint = z.strictObject({
  label: Line(120),
  value: z.number().finite(),
  computed: z.literal(true),
  /** The working in words and numbers: "1,972 ÷ 3,849 × 1,000 = 512.3". */
  working: Line(2_000),
  /** The citations of the figures it was worked out from; empty when there are none to give. */
  citations: z.array(CitationNumber),
});

/** One bar or point. */
export const ChartPoint = z.discriminatedUnion('computed', [PublishedPoint, ComputedPoint]);
export type ChartPoint = z.infer<typeof ChartPoint>;

/** A source the points cite, for the CSV's source column. */
export const ChartCitation = z.strictObject({
  n: CitationNumber,
  /** Publisher, document and (for a table) which table: "Home Office, Police misconduct, Table 3". */
  source: Line(600),
  url: Line(2_000),
});
export type ChartCitation = z.infer<typeof ChartCitation>;

export const ChartSpec = z
  .strictObject({
    /** `bar` for rankings and comparisons (one bar a force), `line` for trends and changes (one
     * point a period, oldest first). */
    kind: z.enum(['bar', 'line']),
    title: Line(160),
    /** A second line under the title, such as the change over the period (marked as ours). */
    subtitle: Line(200).optional(),
    axes: z.strictObject({
      /** What the points are: "Police force", "Financial year (April to March)". */
      category: z.strictObject({ label: Line(80) }),
      /** What the values measure, and in what: "Complaint cases logged" in "number", or "%". */
      value: z.strictObject({ label: Line(120), unit: Line(40) }),
    }),
    /** How values print: "1,938" or "96%". */
    unit: z.enum(['count', 'percent']),
    points: z.array(ChartPoint).min(1).max(60),
    /** Every citation a point refers to. */
    citations: z.array(ChartCitation),
    /** The footer: publishers and documents (or tables) the figures come from. */
    source: Line(600),
    /** What the chart shows, in words, for screen readers and for anyone whose client shows no image. */
    altText: Line(1_000),
  })
  .superRefine((spec, ctx) => {
    const known = new Set(spec.citations.map((c) => c.n));
    for (const [i, point] of spec.points.entries()) {
      for (const n of point.citations) {
        if (!known.has(n)) ctx.addIssue({ code: 'custom', path: ['points', i, 'citations'], message: `cites [${n}], which is not among the citations` });
      }
    }
    const labels = spec.points.map((p) => p.label);
    if (new Set(labels).size !== labels.length) ctx.addIssue({ code: 'custom', path: ['points'], message: 'two points share a label' });
  });
export type ChartSpec = z.infer<typeof ChartSpec>;
