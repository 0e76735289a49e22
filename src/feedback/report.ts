/**
 * `forcewatch report`: what people rated, which figures they reported wrong (with the value we hold
 * for each now, looked up through the engine), and what we declined to answer — the list a
 * maintainer works from to fix or add data.
 */
import type { Engine } from '../engine.ts';
import type { Fact } from '../model/answer.ts';
import { formatValue } from '../text/numbers.ts';
import { figureId } from './records.ts';
import type { DeclinedReason, DeclinedSubject, RatingCount, ReportNote, StoredSummary } from './store.ts';

/** A reported figure, with what the data holds for it now. */
export interface FigureReport {
  /** `force/metric/period`; null for reports on answers that showed no figure. */
  figure: string | null;
  /** "Hampshire Constabulary: complaint allegations, 2021-22", where the figure is still held. */
  label: string | null;
  /** The values the reported answers showed. */
  shown: number[];
  /** The values held now (several where sources disagree); empty when no longer held; null for no
   * figure, or when the engine could not say. */
  current: number[] | null;
  notes: ReportNote[];
}

/** What `forcewatch report --json` prints. */
export interface FeedbackReport {
  ratings: RatingCount[];
  reports: FigureReport[];
  declined: { byReason: DeclinedReason[]; byMeasureAndForce: DeclinedSubject[] };
}

/** Looks figures up by id through the engine's force cards, one card per force at most. Undefined
 * when the force's full card could not be made, so the value held now is unknown rather than gone. */
function figureLookup(engine: Engine): (id: string) => Fact[] | undefined {
  const names = new Map(engine.forcesWithData().map((f) => [f.id, f.name]));
  const cards = new Map<string, Fact[] | undefined>();
  return (id) => {
    const force = id.split('/')[0] ?? '';
    if (!cards.has(force)) {
      const name = names.get(force);
      const card = name === undefined ? undefined : engine.forceCard(name, { full: true });
      const facts = card === undefined ? [] : card.status === 'answered' ? card.facts.filter((f) => f.computed === undefined && f.force === force) : undefined;
      cards.set(force, facts);
    }
    return cards.get(force)?.filter((f) => figureId(f) === id);
  };
}

/** The stored summary with each reported figure's current value. */
export function feedbackReport(summary: StoredSummary, engine: Engine): FeedbackReport {
  const lookup = figureLookup(engine);
  const reports = summary.reports.map((r): FigureReport => {
    const now = r.figure === null ? undefined : lookup(r.figure);
    const first = now?.[0];
    return {
      figure: r.figure,
      label: first ? `${first.forceName}: ${first.metricLabel}, ${first.period}` : null,
      shown: r.shown,
      current: now === undefined ? null : [...new Set(now.map((f) => f.value))],
      notes: r.notes,
    };
  });
  return { ratings: summary.ratings, reports, declined: summary.declined };
}

const quoted = (text: string) => `“${text.replace(/\s+/g, ' ').trim()}”`;
const counted = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const values = (list: number[]) => list.map((v) => formatValue(v, 'count')).join(' / ');

function heldNow(current: number[] | null): string {
  if (current === null) return 'the value held now could not be looked up';
  return current.length > 0 ? `held now ${values(current)}` : 'no longer held';
}

function ratingLines(ratings: RatingCount[]): string[] {
  if (ratings.length === 0) return ['  none recorded'];
  return ratings.map(
    (r) => `  ${r.type.padEnd(15)} ${`${r.platform} ${r.conversation}`.padEnd(24)} 👍 ${String(r.up).padStart(4)}   👎 ${String(r.down).padStart(4)}`,
  );
}

function reportLines(reports: FigureReport[]): string[] {
  if (reports.length === 0) return ['  none recorded'];
  return reports.flatMap((r) => {
    const head =
      r.figure === null ? '  On answers that showed no figure' : `  ${r.label ?? r.figure} (${r.figure})\n    shown ${values(r.shown)}; ${heldNow(r.current)}`;
    const notes = r.notes.map((n) => {
      const asked = n.question === null ? '' : `\n        asked ${quoted(n.question)}`;
      return `    ${n.at} ${n.platform} ${n.conversation}: ${quoted(n.note)}${asked}`;
    });
    return [`${head} — ${counted(r.notes.length, 'report')}`, ...notes];
  });
}

function declinedLines(declined: FeedbackReport['declined'], forceName: (id: string) => string): string[] {
  if (declined.byReason.length === 0) return ['  none recorded'];
  const reasons = declined.byReason.flatMap((r) => [
    `  ${r.reason.padEnd(20)} ${String(r.count).padStart(5)}`,
    ...r.questions.map((q) => `      ${quoted(q)}`),
  ]);
  const subjects = declined.byMeasureAndForce.map(
    (s) => `  ${(s.measure ?? 'no measure').padEnd(40)} ${(s.force === null ? 'no force' : forceName(s.force)).padEnd(36)} ${String(s.count).padStart(5)}`,
  );
  return [...reasons, '', 'Declined, by the measure and force asked (most frequent first)', ...subjects];
}

/** The report as text for a person, newest notes first within each figure. */
export function reportText(report: FeedbackReport, engine: Engine, since?: string): string {
  const names = new Map(engine.forcesWithData().map((f) => [f.id, f.name]));
  const when = since === undefined ? 'everything recorded' : `recorded since ${since}`;
  return [
    `Forcewatch feedback report: ${when}`,
    '',
    'Ratings, by question type and surface (most rated first)',
    ...ratingLines(report.ratings),
    '',
    'Figures reported wrong (most reported first), with the value held now',
    ...reportLines(report.reports),
    '',
    'Declined and unclear questions, by reason (most frequent first)',
    ...declinedLines(report.declined, (id) => names.get(id) ?? id),
  ].join('\n');
}
