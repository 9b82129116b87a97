import type { ChartedMetric, MetricSeries } from "./metric-series";

/**
 * What an instance's page charts. ReplicaLag is asked for with the rest (one
 * GetMetricData round trip, before the page knows the instance's role) and
 * shown only for a replica.
 */
export const INSTANCE_CHARTS: readonly ChartedMetric[] = [
  "CPUUtilization",
  "DatabaseConnections",
  "ReadIOPS",
  "WriteIOPS",
  "FreeStorageSpace",
  "FreeableMemory",
  "ReplicaLag",
];

export function chartsFor(series: readonly MetricSeries[], role: "writer" | "replica"): MetricSeries[] {
  return series.filter((s) => role === "replica" || s.metric !== "ReplicaLag");
}
