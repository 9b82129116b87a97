/**
 * Plain metric series for the dashboard's charts: what GetMetricData returns,
 * reshaped so a client component can take it as props (numbers, not Dates).
 */
import type { MetricDataResult } from "@aws-sdk/client-cloudwatch";

/** The RDS metrics the instance page charts, with the unit RDS documents for each. */
export const METRIC_UNITS = {
  CPUUtilization: "Percent",
  DatabaseConnections: "Count",
  ReadIOPS: "Count/Second",
  WriteIOPS: "Count/Second",
  FreeStorageSpace: "Bytes",
  FreeableMemory: "Bytes",
  ReplicaLag: "Seconds",
} as const;

export type ChartedMetric = keyof typeof METRIC_UNITS;

export type MetricPoint = { t: number; v: number };
export type MetricSeries = { metric: ChartedMetric; unit: string; points: MetricPoint[] };

/**
 * One series per requested metric, in the order asked, oldest point first.
 * Results are matched by query id (`m0`, `m1`, …), since CloudWatch may return
 * them in any order and ScanBy decides the order of their timestamps.
 */
export function toMetricSeries(metrics: readonly ChartedMetric[], results: MetricDataResult[]): MetricSeries[] {
  return metrics.map((metric, i) => {
    const result = results.find((r) => r.Id === queryId(i));
    const times = result?.Timestamps ?? [];
    const values = result?.Values ?? [];
    const points = times
      .map((time, j) => ({ t: time.getTime(), v: values[j] }))
      .filter((p): p is MetricPoint => typeof p.v === "number" && Number.isFinite(p.v))
      .sort((a, b) => a.t - b.t);
    return { metric, unit: METRIC_UNITS[metric], points };
  });
}

/** GetMetricData query ids must start with a lower-case letter. */
export const queryId = (index: number) => `m${index}`;
