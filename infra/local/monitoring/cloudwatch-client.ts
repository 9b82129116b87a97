/** Test and bench helpers: the SDK client for a local fleet's CloudWatch, and waiting for its data. */
import { CloudWatchClient, GetMetricStatisticsCommand, type Statistic } from "@aws-sdk/client-cloudwatch";
import type { LocalFleet } from "../local-fleet";

export function cloudWatchClient(fleet: LocalFleet): CloudWatchClient {
  return new CloudWatchClient({
    endpoint: fleet.info.apiUrl,
    region: fleet.info.region,
    credentials: fleet.engine.credentials.aws,
    maxAttempts: 1,
  });
}

/** One statistic of an RDS metric over the last `seconds`, per second; undefined when there is no data. */
export async function recentRdsStatistic(
  client: CloudWatchClient,
  instance: string,
  metricName: string,
  statistic: Statistic,
  seconds: number,
): Promise<number | undefined> {
  const end = new Date(Date.now() + 1000);
  const { Datapoints = [] } = await client.send(
    new GetMetricStatisticsCommand({
      Namespace: "AWS/RDS",
      MetricName: metricName,
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: instance }],
      StartTime: new Date(end.getTime() - seconds * 1000),
      EndTime: end,
      Period: 1,
      Statistics: [statistic],
    }),
  );
  const values = Datapoints.map((d) => d[statistic]).filter((v): v is number => v !== undefined);
  if (values.length === 0) return undefined;
  return statistic === "Minimum" ? Math.min(...values) : Math.max(...values);
}
