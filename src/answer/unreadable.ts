/**
 * Declining a question about a published cell we could not read reliably (Table 6 categories whose
 * digits ran together in the stored page): the answer says the table could not be read for that
 * force and category, and gives what we hold instead, the force's total of the same measure.
 */
import type { Answer } from '../model/answer.ts';
import type { Unreadable } from '../model/data.ts';
import type { MetricChoice } from '../understand/metrics.ts';
import { periodMatches } from '../understand/periods.ts';
import type { QueryFrame } from '../model/frame.ts';
import type { AnswerContext } from './context.ts';
import type { AnswerDraft } from './draft.ts';
import { inPeriod } from './holdings.ts';
import { typeOf } from './frame-reading.ts';

/** The unreadable cells the question asks about: its best-matching metrics, forces and periods. */
function cellsAsked(ctx: AnswerContext, frame: QueryFrame, forces: string[], choices: MetricChoice[]): Unreadable[] {
  const top = choices[0]?.score;
  const metrics = new Set(choices.filter((c) => c.score === top).map((c) => c.metric.id));
  return ctx.unreadable.filter(
    (u) =>
      forces.includes(u.force) &&
      metrics.has(u.metric) &&
      (frame.periods.asks.length === 0 || frame.periods.asks.some((a) => a.kind === 'latest' || periodMatches(u.period, a))),
  );
}

/**
 * The no-data answer for a question about unreadable cells, or undefined when it asks about none.
 * Called where a figure lookup finds the metric not held, before saying so in general terms.
 */
export function declineUnreadable(ctx: AnswerContext, frame: QueryFrame, draft: AnswerDraft, forces: string[], choices: MetricChoice[]): Answer | undefined {
  const cells = cellsAsked(ctx, frame, forces, choices);
  const first = cells[0];
  if (first === undefined) return undefined;
  const metric = ctx.metricById.get(first.metric);
  const total = ctx.metrics.find((m) => m.measure === metric?.measure && m.outcome === undefined && m.unit === 'count');
  const lines = cells.map((u) => {
    const cell = ctx.metricById.get(u.metric);
    const category = ctx.outcomes.get(cell?.outcome ?? '')?.label ?? (u.doubtful ? cell?.label : undefined) ?? u.table.column;
    for (const name of [u.table.name, category, u.reason, u.period.label]) draft.allow(name);
    const why = u.doubtful ? `${u.table.name} gives a figure, but ${u.reason}` : `${u.table.name} could not be read reliably there (${u.reason})`;
    let line = `${draft.forceName(u.force)}, ${category} ${inPeriod(u.period)}: ${why}, so we give no figure.`;
    const held = total ? ctx.store.at(u.force, total.id, u.period.id) : undefined;
    if (held) {
      const s = draft.stated(held);
      line += ` The force's total: ${s.shown} ${held.metric.label} ${inPeriod(held.period)} ${s.marks}.`;
    }
    return line;
  });
  const type = typeOf(frame);
  const answerFrame = { type, forces: [...new Set(cells.map((u) => u.force))], periods: [first.period.id], ...(metric ? { measure: metric.measure } : {}) };
  return draft.noData('metric_not_held', lines.join(' '), answerFrame, type);
}
