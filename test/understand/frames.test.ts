/**
 * Reading questions into query frames, one table row per question (test/understand/frames.jsonl):
 * the intent, whom it is about, what is counted, the periods and the shape of the answer asked for.
 * A row names only what it checks; a follow-up's row carries the previous answer's frame. Adding a
 * phrase or an intent means adding rows here, apart from any answer test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDataset } from '../../src/data/dataset.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { Frame } from '../../src/model/answer.ts';
import type { QueryFrame, Scope } from '../../src/model/frame.ts';
import { readQuestion } from '../../src/understand/frame.ts';
import { questionReaders } from '../../src/understand/readers.ts';

const Row = z.strictObject({
  q: z.string(),
  previous: Frame.omit({ sources: true }).optional(),
  intent: z.string(),
  /** "forces:kent,essex", "carried:kent", "national", "every-force", "every-force-except:metropolitan",
   * "region:Wales", "unnamed", "unknown:Narnia", "outside:police-scotland", "ambiguous:yorkshire". */
  scope: z.string(),
  /** The measure named best (outright). */
  measure: z.string().optional(),
  /** The best fit is a word fitting several measures, for the data to decide between. */
  loose: z.literal(true).optional(),
  breakdown: z.string().optional(),
  periods: z.array(z.string()).optional(),
  normalisation: z.string().optional(),
  direction: z.string().optional(),
  limit: z.number().optional(),
  /** The one place asked for ("the second-highest"). */
  position: z.number().optional(),
  /** "more 1000" */
  threshold: z.string().optional(),
  /** A term a figure question also asks the meaning of. */
  defineToo: z.string().optional(),
  /** British Transport Police taken in with the territorial forces ("all 44 forces"). */
  withSpecial: z.literal(true).optional(),
  /** The forces a ranking is over, by the count a share is of: "more 10". */
  filter: z.string().optional(),
  /** The side of England and Wales's own figure the forces counted are on ("longer than the average"). */
  pastTarget: z.string().optional(),
  /** The force whose own figure is the bar for the forces counted ("longer than Kent"). */
  pastPlace: z.string().optional(),
  over: z.string().optional(),
  target: z.string().optional(),
  total: z.literal(true).optional(),
  duration: z.literal(true).optional(),
  family: z.string().optional(),
  subject: z.string().optional(),
  unheld: z.string().optional(),
  subjectOnly: z.string().optional(),
  together: z.array(z.string()).optional(),
  response: z.string().optional(),
  quoted: z.literal(true).optional(),
  /** Each recommendation's response is asked, none left out for its response. */
  responses: z.literal(true).optional(),
  /** A recommendations question's topic words: checked only where a row names them, as every
   * recommendations frame has some (often none) and most rows are about something else. */
  topic: z.array(z.string()).optional(),
  nearTie: z.array(z.string()).optional(),
  unaccounted: z.array(z.string()).optional(),
  /** Asks for a source's words, not a figure ("who was quoted?"). */
  text: z.enum(['who', 'why', 'differ', 'what']).optional(),
  /** Asks when a source was published ("when did the Echo run the story?"). */
  published: z.literal(true).optional(),
  /** The measure asked to be the larger of two ("more under Schedule 3 than outside it"). */
  outnumber: z.string().optional(),
  /** Asks how many times one figure is another ("how many times longer"). */
  ratio: z.literal(true).optional(),
  /** One measure per another, by the best fit on each side: "allegations-logged per complaint-cases-logged". */
  ratioOf: z.string().optional(),
  /** The label the question opens with ("Mansfield Chad - …"): who asks, not a source asked about. */
  byline: z.array(z.string()).optional(),
  /** A claim put to the data, to be judged. */
  checksClaim: z.union([z.literal(true), z.enum(['more', 'fewer', 'same'])]).optional(),
  /** What a yes-or-no question claims a figure did over time ("did complaints fall …?"). */
  claimsChange: z.enum(['rise', 'fall', 'double', 'halve']).optional(),
  /** A share of each place's own whole ("what % of their cases…"). */
  ownWhole: z.literal(true).optional(),
  /** Each figure claimed, with its bound where the claim puts one: 801, "over 2400", "14%". */
  claimed: z.array(z.union([z.number(), z.string()])).optional(),
});
type Row = z.infer<typeof Row>;

const rows = readFileSync(new URL('./frames.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line, i) => {
    const parsed = Row.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`frames.jsonl:${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
const readers = questionReaders(loadDataset(BUNDLED_DATA_DIR));

/** The scope as a row writes it. */
function scopeOf(s: Scope): string {
  switch (s.kind) {
    case 'forces':
      return `${s.carried ? 'carried' : 'forces'}:${s.forces.join(',')}`;
    case 'every-force':
      return `every-force${s.except.length > 0 ? `-except:${s.except.join(',')}` : ''}`;
    case 'region':
      return `region:${s.region}`;
    case 'unknown':
      return `unknown:${s.name}`;
    case 'outside':
      return `outside:${s.force.id}`;
    case 'ambiguous':
      return `ambiguous:${s.word}`;
    default:
      return s.kind;
  }
}

const FIGURE_INTENTS = ['lookup', 'share', 'compare', 'change', 'trend', 'rank', 'count'];

/** The frame as a row states it, with only the fields the row names. */
function asRow(f: QueryFrame, expected: Row): Partial<Row> {
  const top = f.measure.fits[0];
  const full: Partial<Row> = {
    intent: f.intent,
    scope: scopeOf(f.scope),
    ...(top && !top.loose ? { measure: top.id } : {}),
    ...(top?.loose ? { loose: true as const } : {}),
    ...(f.measure.breakdowns[0] ? { breakdown: f.measure.breakdowns[0].id } : {}),
    ...(f.periods.asks.length > 0 ? { periods: f.periods.asks.map((a) => a.label) } : {}),
    ...(f.normalisation !== 'count' ? { normalisation: f.normalisation } : {}),
    ...(f.ranking.direction ? { direction: f.ranking.direction } : {}),
    ...(f.ranking.limit !== undefined ? { limit: f.ranking.limit } : {}),
    ...(f.ranking.position !== undefined ? { position: f.ranking.position } : {}),
    ...(f.ranking.threshold ? { threshold: `${f.ranking.threshold.op} ${f.ranking.threshold.value}` } : {}),
    ...(f.ranking.filter ? { filter: `${f.ranking.filter.op} ${f.ranking.filter.value}` } : {}),
    ...(f.ranking.pastTarget ? { pastTarget: f.ranking.pastTarget } : {}),
    ...(f.ranking.pastPlace !== undefined ? { pastPlace: f.ranking.pastPlace } : {}),
    ...(f.ranking.over === 'breakdowns' || f.ranking.over === 'periods' ? { over: f.ranking.over } : {}),
    ...(f.comparison.target ? { target: f.comparison.target } : {}),
    ...(f.total ? { total: true as const } : {}),
    ...(f.measure.duration ? { duration: true as const } : {}),
    ...(f.measure.family ? { family: f.measure.family } : {}),
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
    ...(f.defineToo !== undefined ? { defineToo: f.defineToo } : {}),
    ...(f.withSpecial ? { withSpecial: true as const } : {}),
    ...(f.measure.unheld ? { unheld: f.measure.unheld.words } : {}),
    ...(f.measure.subjectOnly && FIGURE_INTENTS.includes(f.intent) ? { subjectOnly: f.measure.subjectOnly } : {}),
    ...(f.measure.together.length > 0 ? { together: f.measure.together.map((part) => part[0]?.id ?? '') } : {}),
    ...(f.recommendations?.response ? { response: f.recommendations.response } : {}),
    ...(f.recommendations?.quoted ? { quoted: true as const } : {}),
    ...(f.recommendations?.responses ? { responses: true as const } : {}),
    ...(expected.topic !== undefined ? { topic: f.topic } : {}),
    ...(f.measure.nearTie ? { nearTie: [...f.measure.nearTie] } : {}),
    ...(f.unaccounted.length > 0 ? { unaccounted: f.unaccounted } : {}),
    ...(f.asksText ? { text: f.asksText } : {}),
    ...(f.asksPublished ? { published: true as const } : {}),
    ...(f.outnumber ? { outnumber: f.outnumber.measure } : {}),
    ...(f.byline ? { byline: f.byline } : {}),
    ...(f.ratio ? { ratio: true as const } : {}),
    ...(f.ratioOf ? { ratioOf: `${f.ratioOf.of[0]?.id} per ${f.ratioOf.per[0]?.id}` } : {}),
    ...(f.checksClaim ? { checksClaim: f.checksClaim } : {}),
    ...(f.claimsChange ? { claimsChange: f.claimsChange } : {}),
    ...(f.ownWhole ? { ownWhole: true as const } : {}),
    ...(f.claimed
      ? { claimed: f.claimed.map((c) => (c.bound || c.percent ? `${c.bound ? `${c.bound} ` : ''}${c.value}${c.percent ? '%' : ''}` : c.value)) }
      : {}),
  };
  const { q: _q, previous: _previous, ...named } = expected;
  // Every field the frame holds is checked, and every field the row names: a row missing a field the
  // frame has fails, so rows cannot silently under-describe the frame.
  return Object.fromEntries(Object.keys({ ...full, ...named }).map((k) => [k, full[k as keyof Row]]));
}

describe('question → query frame', () => {
  it('holds at least 200 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });

  it.each(rows.map((r) => [r.previous ? `${r.q} (after ${r.previous.type})` : r.q, r] as const))('%s', (_name, row) => {
    const frame = readQuestion(row.q, readers, row.previous);
    const { q: _q, previous: _previous, ...expected } = row;
    expect(asRow(frame, row)).toEqual(expected);
  });
});
