import type { IntervalLoad } from "../insights/insights-sampler";
import type { MetricStore } from "../metrics/metric-store";
import { metricIdentity, valueRecord } from "../metrics/metric-types";
import { RDS_DIMENSION, RDS_NAMESPACE } from "../metrics/rds-metrics";

/**
 * Performance Insights' load metrics in AWS/RDS, as RDS publishes them for an
 * instance with PI on (sessions, no unit). Kept apart from the collector's
 * RDS_METRIC_UNITS: the sampler publishes these, once per interval.
 */
export const DB_LOAD_METRICS = ["DBLoad", "DBLoadCPU", "DBLoadNonCPU"] as const;

export function publishDbLoad(store: MetricStore, load: IntervalLoad): void {
  const values: Record<(typeof DB_LOAD_METRICS)[number], number> = {
    DBLoad: load.load,
    DBLoadCPU: load.cpu,
    DBLoadNonCPU: load.nonCpu,
  };
  for (const name of DB_LOAD_METRICS) {
    store.put(
      metricIdentity(RDS_NAMESPACE, name, [{ name: RDS_DIMENSION, value: load.instanceId }]),
      "None",
      [valueRecord(load.at, values[name])],
      { resolution: 60, custom: false },
    );
  }
}
