import type { MetricStore } from "../../../metrics/metric-store";
import type { MetricIdentity } from "../../../metrics/metric-types";
import { aggregate, alignStart, type PeriodBuckets, type Statistic } from "../../../metrics/statistics";

export interface PeriodQuery {
  readonly metric: MetricIdentity;
  readonly unit: string | undefined;
  readonly periodSeconds: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly withValues: boolean;
}

/** The buckets of one metric over a time range, with the unit the data was published in. */
export function queryPeriods(store: MetricStore, query: PeriodQuery): { buckets: PeriodBuckets; unit: string } {
  const series = store.series(query.metric, query.unit);
  const buckets = aggregate(series, {
    start: alignStart(query.startMs, query.periodSeconds),
    end: query.endMs,
    periodMs: query.periodSeconds * 1000,
    withValues: query.withValues,
  });
  return { buckets, unit: query.unit ?? series[0]?.unit ?? "None" };
}

export function needsValues(statistics: readonly Statistic[]): boolean {
  return statistics.some((s) => s.kind === "percentile");
}
