import "server-only";
import { type CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { type Alarm, toAlarm } from "./alarm-model";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";

/** Every metric alarm, all pages, by name. Throws Unavailable when CloudWatch cannot be asked. */
export async function describeAlarms({
  client = getCloudWatchClient(),
}: {
  client?: CloudWatchClient;
} = {}): Promise<Alarm[]> {
  const raw = await callCloudWatch({ operation: "DescribeAlarms" }, async () => {
    const all: MetricAlarm[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeAlarmsCommand({ AlarmTypes: ["MetricAlarm"], NextToken }));
      all.push(...(page.MetricAlarms ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  });
  return raw.map(toAlarm).sort((a, b) => a.name.localeCompare(b.name));
}
