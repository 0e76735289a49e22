/**
 * The chart of an answer, as a spec (never pixels): a ranking or comparison as bars, a trend or
 * change as a line, of the figures the answer is about: the frame's measure (or, for a ranking by
 * rate, our rates per 1,000), one per force or period. A force or period with two conflicting
 * figures is left out, as the answer leaves it out. Each point cites its sources or carries our
 * working; the footer names the sources; the alt text says what the chart shows.
 */
import { ChartSpec, type ChartCitation, type ChartPoint } from '../chart/spec.ts';
import type { Citation, Fact, Frame, QuestionType } from '../model/answer.ts';
import { formatValue } from '../text/numbers.ts';
import { capitalise } from '../text/words.ts';

const KIND = { ranking: 'bar', comparison: 'bar', trend: 'line', change: 'line' } as const;
type ChartedType = keyof typeof KIND;
const isCharted = (type: QuestionType | undefined): type is ChartedType => type !== undefined && type in KIND;

/** What a chart is read from: a finished answer's kind, frame, facts and citations. */
export interface Charted {
  type: QuestionType | undefined;
  frame?: Frame | undefined;
  facts: readonly Fact[];
  citations: readonly Citation[];
}

const RATE_SUFFIX = '-per-1000';
const RATE_WORDS = / per 1,000 .*$/;
/** The footer names each document while that fits in about three lines; past that, publishers. */
const FULL_SOURCE_MAX = 330;

/** The figures to chart: the answer's measure, or our rates when a ranking is by rate. */
function chartedFacts(answer: Charted, type: ChartedType): Fact[] {
  // The frame names the measure asked about; a share of it ("the no-action rate") is stated under
  // a metric of its own, so the answer's first stated figure names the measure then, even where the
  // counts the share is of are stated beside it.
  const firstStated = answer.facts.find((f) => f.computed === undefined)?.metric;
  const measure = !answer.frame?.share && answer.facts.some((f) => f.metric === answer.frame?.measure) ? answer.frame?.measure : firstStated;
  if (measure === undefined) return [];
  const rates = answer.facts.filter((f) => f.metric === `${measure}${RATE_SUFFIX}` && f.computed?.operation === 'ratio');
  if (type === 'ranking' && rates.length >= 2) return rates;
  const stated = answer.facts.filter((f) => f.metric === measure && f.computed === undefined);
  // A trend's points must be in time order, so only periods that sort as years are charted.
  return KIND[type] === 'line' ? stated.filter((f) => /^\d{4}/.test(f.periodId)).sort((a, b) => a.periodId.localeCompare(b.periodId)) : stated;
}

/** The citations a computed figure rests on: those of its inputs. */
function inputCitations(answer: Charted, fact: Fact): number[] {
  return [...new Set((fact.computed?.inputs ?? []).flatMap((i) => answer.facts[i]?.citations ?? []))];
}

function point(answer: Charted, fact: Fact, label: string): ChartPoint {
  if (fact.computed === undefined) return { label, value: fact.value, computed: false, citations: fact.citations };
  return { label, value: fact.value, computed: true, working: fact.computed.working, citations: inputCitations(answer, fact) };
}

/** "Table 27" from "Table 27, row “Kent”, column “Reviews completed”". */
const tableOf = (c: Citation) => c.location?.split(', row ')[0];

const documentName = (c: Citation) => [c.publisher, c.title, tableOf(c)].filter(Boolean).join(', ');

/** The footer: each document with its citation numbers, or each publisher's when that is too long. */
function sourceLine(cited: Citation[]): string {
  const group = (key: (c: Citation) => string) => {
    const groups = new Map<string, number[]>();
    for (const c of cited) groups.set(key(c), [...(groups.get(key(c)) ?? []), c.n]);
    return [...groups].map(([name, ns]) => `${name} ${ns.map((n) => `[${n}]`).join('')}`);
  };
  const lead = cited.length === 1 ? 'Source' : 'Sources';
  const full = `${lead}: ${group(documentName).join('; ')}`;
  return full.length <= FULL_SOURCE_MAX ? full : `${lead}: ${group((c) => c.publisher).join('; ')}. Full references are with the answer.`;
}

/** "Up 27,208 (40.2%) from 2020-21 to 2024-25" over time, "Difference: 34" between forces: the
 * answer's own calculation on the charted measure. */
function changeLine(answer: Charted, kind: 'bar' | 'line', measure: string, unit: Fact['unit']): string | undefined {
  const computed = (operation: string) => answer.facts.find((f) => f.metric === measure && f.computed?.operation === operation);
  const difference = computed('difference');
  if (difference === undefined) return undefined;
  const amount =
    unit === 'percent' ? `${formatValue(Math.abs(difference.value), 'count')} percentage points` : formatValue(Math.abs(difference.value), 'count');
  const percent = computed('percent_change');
  const share = percent === undefined ? '' : ` (${formatValue(Math.abs(percent.value), 'percent')})`;
  if (kind === 'bar') return `Difference: ${amount} (our calculation)`;
  const direction = difference.value > 0 ? 'Up' : difference.value < 0 ? 'Down' : 'No change:';
  const span = difference.period.includes(' to ') ? ` from ${difference.period}` : '';
  return `${direction} ${amount}${share}${span} (our calculation)`;
}

/** What the chart shows, in words: its title, each point, and what is ours. */
function altText(kind: 'bar' | 'line', title: string, points: ChartPoint[], unit: Fact['unit']): string {
  const listed = points.map((p) => `${p.label}: ${formatValue(p.value, unit)}${p.computed ? ' (our calculation)' : ''}`);
  const head = `${kind === 'bar' ? 'Bar' : 'Line'} chart. ${title}. `;
  let shown = listed.length;
  const text = () => `${head}${listed.slice(0, shown).join('; ')}${shown < listed.length ? `; and ${listed.length - shown} more` : ''}.`;
  while (text().length > 1_000 && shown > 1) shown -= 1;
  return text().slice(0, 1_000);
}

/**
 * The chart of an answered ranking, comparison, trend or change, or undefined when it is another
 * kind or has fewer than two figures to draw.
 */
export function chartOf(answer: Charted): ChartSpec | undefined {
  const type = answer.type;
  if (!isCharted(type)) return undefined;
  const kind = KIND[type];
  const facts = chartedFacts(answer, type);
  const labelOf = (f: Fact) => (kind === 'bar' ? f.forceName : f.period);
  const counts = new Map<string, number>();
  for (const f of facts) counts.set(labelOf(f), (counts.get(labelOf(f)) ?? 0) + 1);
  const kept = facts.filter((f) => counts.get(labelOf(f)) === 1);
  const first = kept[0];
  const last = kept.at(-1);
  if (first === undefined || last === undefined || kept.length < 2 || kept.some((f) => f.unit !== first.unit)) return undefined;

  const points = kept.map((f) => point(answer, f, labelOf(f)));
  const numbers = new Set(points.flatMap((p) => p.citations));
  const cited = answer.citations.filter((c) => numbers.has(c.n));
  const citations: ChartCitation[] = cited.map((c) => ({ n: c.n, source: documentName(c), url: c.url }));
  const isRate = first.metric.endsWith(RATE_SUFFIX);
  const measureLabel = capitalise(first.metricLabel.replace(RATE_WORDS, ''));
  const periods = [...new Set(kept.map((f) => f.period))];
  const title =
    kind === 'line'
      ? `${capitalise(first.metricLabel)}, ${first.forceName}, ${first.period} to ${last.period}`
      : `${capitalise(first.metricLabel)}${periods.length === 1 ? `, ${periods[0]}` : ''}`;
  const subtitle = changeLine(answer, kind, first.metric.replace(RATE_SUFFIX, ''), first.unit);
  const spec = {
    kind,
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    axes: {
      category: { label: kind === 'bar' ? 'Police force' : kept.every((f) => /^\d{4}-\d{2}$/.test(f.periodId)) ? 'Financial year (April to March)' : 'Period' },
      value: { label: measureLabel, unit: first.unit === 'percent' ? '%' : isRate ? 'per 1,000 workforce' : 'number' },
    },
    unit: first.unit,
    points,
    citations,
    source: sourceLine(cited),
    altText: altText(kind, title, points, first.unit),
  };
  // Data that will not make a valid chart (a label too long) costs the chart, never the answer.
  const parsed = ChartSpec.safeParse(spec);
  return parsed.success ? parsed.data : undefined;
}
