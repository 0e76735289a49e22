/**
 * The table of structured figures, indexed for answering: figures of one force, metric and period
 * that agree are one observation with several sources; figures that disagree stay separate, so a
 * conflict is shown rather than resolved by guess.
 */
import type { Figure, Metric, Period, SourceDocument, SourceType } from '../model/data.ts';
import { periodOrder } from '../understand/periods.ts';

/** One value for one force, metric and period, with every figure (source) that states it. */
export interface Observation {
  force: string;
  metric: Metric;
  period: Period;
  value: number;
  qualifier?: string;
  figures: Figure[];
  /** The kinds of source stating it, in the order its figures first show them: read once here, as a
   * national figure may have thousands of sources and answers ask this of many observations. */
  sourceTypes: readonly SourceType[];
}

export class FigureStore {
  private readonly series = new Map<string, Observation[]>();
  private readonly byForce = new Map<string, Observation[]>();
  /** The forces holding each metric, in the order of `byForce`: asked of every metric a question
   * might mean, answer after answer, where reading it from the series asked once per force. */
  private readonly byMetric = new Map<string, string[]>();

  constructor(figures: Figure[], metrics: Metric[], documents: readonly SourceDocument[]) {
    const metricById = new Map(metrics.map((m) => [m.id, m]));
    const typeOf = new Map(documents.map((d) => [d.id, d.sourceType]));
    // Observations share their lists of kinds: a corpus has a handful of distinct lists and may have
    // a hundred thousand observations.
    const none: readonly SourceType[] = [];
    const lists = new Map<string, readonly SourceType[]>();
    const withType = (types: readonly SourceType[], type: SourceType | undefined): readonly SourceType[] => {
      if (type === undefined || types.includes(type)) return types;
      const key = [...types, type].join('|');
      const shared = lists.get(key) ?? [...types, type];
      lists.set(key, shared);
      return shared;
    };
    const groups = new Map<string, Observation>();
    for (const figure of figures) {
      // Hedged headline restatements ("more than 1,000") are recorded but never answered with.
      if (figure.restates !== undefined) continue;
      const metric = metricById.get(figure.metric);
      if (!metric) continue;
      const key = `${figure.force}|${figure.metric}|${figure.period.id}|${figure.value}`;
      const existing = groups.get(key);
      if (existing) {
        existing.figures.push(figure);
        existing.sourceTypes = withType(existing.sourceTypes, typeOf.get(figure.source));
      } else {
        const obs: Observation = {
          force: figure.force,
          metric,
          period: figure.period,
          value: figure.value,
          figures: [figure],
          sourceTypes: withType(none, typeOf.get(figure.source)),
        };
        if (figure.qualifier !== undefined) obs.qualifier = figure.qualifier;
        groups.set(key, obs);
      }
    }
    for (const obs of groups.values()) {
      const key = `${obs.force}|${obs.metric.id}`;
      this.series.set(key, [...(this.series.get(key) ?? []), obs]);
      this.byForce.set(obs.force, [...(this.byForce.get(obs.force) ?? []), obs]);
    }
    for (const list of [...this.series.values(), ...this.byForce.values()]) list.sort((a, b) => periodOrder(a.period) - periodOrder(b.period));
    for (const [force, observations] of this.byForce)
      for (const metricId of new Set(observations.map((o) => o.metric.id))) {
        const forces = this.byMetric.get(metricId);
        if (forces) forces.push(force);
        else this.byMetric.set(metricId, [force]);
      }
  }

  /** Observations of one metric for one force, oldest first. */
  of(force: string, metricId: string): Observation[] {
    return this.series.get(`${force}|${metricId}`) ?? [];
  }

  /** The first observation of one metric for one force in the period, if any. */
  at(force: string, metricId: string, periodId: string): Observation | undefined {
    return this.of(force, metricId).find((o) => o.period.id === periodId);
  }

  /** Every observation for a force, oldest first. */
  forForce(force: string): Observation[] {
    return this.byForce.get(force) ?? [];
  }

  /** Whether any figure is held for `force` (and, if given, the metric). */
  holds(force: string, metricId?: string): boolean {
    return metricId === undefined ? this.byForce.has(force) : this.series.has(`${force}|${metricId}`);
  }

  /** Forces holding any figure for the metric. */
  forcesFor(metricId: string): string[] {
    return [...(this.byMetric.get(metricId) ?? [])];
  }

  /** Every force with at least one figure. */
  forces(): string[] {
    return [...this.byForce.keys()];
  }
}

/** One period of a series with its observations (several when sources conflict). */
export type PeriodGroup = { period: Period; observations: Observation[] };

/** Distinct periods of a series in time order, each with its observations. */
export function byPeriod(series: Observation[]): PeriodGroup[] {
  const out: PeriodGroup[] = [];
  for (const obs of series) {
    const last = out[out.length - 1];
    if (last && last.period.id === obs.period.id) last.observations.push(obs);
    else out.push({ period: obs.period, observations: [obs] });
  }
  return out;
}
