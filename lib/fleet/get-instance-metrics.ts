import "server-only";
import { type CloudWatchClient, GetMetricDataCommand, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";
import { defaultMetricRange, type MetricRange, metricRanges } from "./metric-range";
import { type ChartedMetric, type MetricSeries, queryId, toMetricSeries } from "./metric-series";

/**
 * The instance's metrics over `range` (the last hour unless given), one Average per the range's period. Throws
 * Unavailable when CloudWatch cannot be asked; an instance with no datapoints
 * yet gets series with no points.
 */
export async function getInstanceMetrics({
  identifier,
  metrics,
  range = defaultMetricRange,
  now = new Date(),
  client = getCloudWatchClient(),
}: {
  identifier: string;
  metrics: readonly ChartedMetric[];
  range?: MetricRange;
  now?: Date;
  client?: CloudWatchClient;
}): Promise<MetricSeries[]> {
  const { ms, periodSeconds } = metricRanges[range];
  const queries = metrics.map((metric, i) => ({
    Id: queryId(i),
    MetricStat: {
      Metric: {
        Namespace: "AWS/RDS",
        MetricName: metric,
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: identifier }],
      },
      Period: periodSeconds,
      Stat: "Average",
    },
  }));
  const results = await callCloudWatch({ operation: "GetMetricData", identifier }, async () => {
    const all: MetricDataResult[] = [];
    let NextToken: string | undefined;
    // A page holds at most 100,800 datapoints; the loop is for results CloudWatch splits anyway.
    do {
      const page = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(now.getTime() - ms),
          EndTime: now,
          ScanBy: "TimestampAscending",
          NextToken,
        }),
      );
      all.push(...(page.MetricDataResults ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  });
  return toMetricSeries(metrics, mergeById(results));
}

/** Paged results repeat a query's id; join their points so each metric is one result. */
function mergeById(results: MetricDataResult[]): MetricDataResult[] {
  const byId = new Map<string, MetricDataResult>();
  for (const r of results) {
    const id = r.Id ?? "";
    const seen = byId.get(id);
    if (!seen) byId.set(id, { ...r, Timestamps: [...(r.Timestamps ?? [])], Values: [...(r.Values ?? [])] });
    else {
      seen.Timestamps?.push(...(r.Timestamps ?? []));
      seen.Values?.push(...(r.Values ?? []));
    }
  }
  return [...byId.values()];
}
