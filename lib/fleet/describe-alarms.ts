import "server-only";
import { type CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { type Alarm, toAlarm } from "./alarm-model";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";

/** Every metric alarm as CloudWatch returns it, all pages. Throws Unavailable when CloudWatch cannot be asked. */
export async function listMetricAlarms({
  client = getCloudWatchClient(),
}: {
  client?: CloudWatchClient;
} = {}): Promise<MetricAlarm[]> {
  return callCloudWatch({ operation: "DescribeAlarms" }, async () => {
    const all: MetricAlarm[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new DescribeAlarmsCommand({ AlarmTypes: ["MetricAlarm"], NextToken }));
      all.push(...(page.MetricAlarms ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return all;
  });
}

/** Every metric alarm, all pages, by name. Throws Unavailable when CloudWatch cannot be asked. */
export async function describeAlarms({
  client = getCloudWatchClient(),
}: {
  client?: CloudWatchClient;
} = {}): Promise<Alarm[]> {
  return (await listMetricAlarms({ client })).map(toAlarm).sort((a, b) => a.name.localeCompare(b.name));
}
