import type { PIClient } from "@aws-sdk/client-pi";
import { defaultMetricRange, type MetricRange, metricRanges } from "./metric-range";

/** What every Performance Insights read of the instance page takes: whose load, over which of the charts' ranges. */
export type PerformanceInsightsRead = {
  identifier: string;
  dbiResourceId: string;
  range?: MetricRange;
  now?: Date;
  client?: PIClient;
};

/**
 * The request members naming the instance and the range, shared by
 * GetResourceMetrics and DescribeDimensionKeys: the range's period, so the
 * load lines up with the CloudWatch charts beside it.
 */
export function performanceInsightsWindow({
  dbiResourceId,
  range = defaultMetricRange,
  now = new Date(),
}: PerformanceInsightsRead) {
  const { ms, periodSeconds } = metricRanges[range];
  return {
    ServiceType: "RDS" as const,
    Identifier: dbiResourceId,
    StartTime: new Date(now.getTime() - ms),
    EndTime: now,
    PeriodInSeconds: periodSeconds,
  };
}
