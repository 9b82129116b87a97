import "server-only";
import { type CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";
import { queryId } from "./metric-series";

export type LatestValue = { value: number; at: Date };

/** How far back "current" may reach: a few of the fleet's samples, so a silent instance shows none. */
const LOOKBACK_MS = 5 * 60_000;

/**
 * The newest one-minute Maximum of one AWS/RDS metric for each instance, in
 * one GetMetricData call; an instance with no datapoint in the last five
 * minutes is left out. Throws Unavailable when CloudWatch cannot be asked.
 */
export async function latestMetricValues({
  metric,
  identifiers,
  now = new Date(),
  client = getCloudWatchClient(),
}: {
  metric: string;
  identifiers: string[];
  now?: Date;
  client?: CloudWatchClient;
}): Promise<Record<string, LatestValue>> {
  if (identifiers.length === 0) return {};
  const output = await callCloudWatch({ operation: "GetMetricData" }, () =>
    client.send(
      new GetMetricDataCommand({
        MetricDataQueries: identifiers.map((identifier, i) => ({
          Id: queryId(i),
          MetricStat: {
            Metric: {
              Namespace: "AWS/RDS",
              MetricName: metric,
              Dimensions: [{ Name: "DBInstanceIdentifier", Value: identifier }],
            },
            Period: 60,
            Stat: "Maximum",
          },
        })),
        StartTime: new Date(now.getTime() - LOOKBACK_MS),
        EndTime: now,
        ScanBy: "TimestampDescending",
      }),
    ),
  );
  const latest: Record<string, LatestValue> = {};
  identifiers.forEach((identifier, i) => {
    const result = output.MetricDataResults?.find((r) => r.Id === queryId(i));
    // Newest first (ScanBy), but order by time anyway: a paged or merged result need not be.
    let best: LatestValue | undefined;
    result?.Timestamps?.forEach((at, j) => {
      const value = result.Values?.[j];
      if (typeof value === "number" && Number.isFinite(value) && (!best || at > best.at)) best = { value, at };
    });
    if (best) latest[identifier] = best;
  });
  return latest;
}
