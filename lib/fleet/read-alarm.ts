import "server-only";
import { type CloudWatchClient, DescribeAlarmsCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { NotFound } from "@/lib/errors";
import { type Alarm, toAlarm } from "./alarm-model";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";

/**
 * One metric alarm by name, with CloudWatch's own record beside the
 * dashboard's view of it: an edit must carry over the fields the form does not
 * show (actions, description, unit), or PutMetricAlarm would drop them.
 * Throws NotFound when no such alarm exists, Unavailable when CloudWatch cannot be asked.
 */
export async function readAlarm({
  name,
  client = getCloudWatchClient(),
}: {
  name: string;
  client?: CloudWatchClient;
}): Promise<{ alarm: Alarm; raw: MetricAlarm }> {
  const raw = await findAlarm({ name, client });
  if (!raw) throw new NotFound(`No metric alarm is named ${name}.`);
  return { alarm: toAlarm(raw), raw };
}

/** The alarm's record, or undefined when CloudWatch has none by that name. */
export async function findAlarm({
  name,
  client = getCloudWatchClient(),
}: {
  name: string;
  client?: CloudWatchClient;
}): Promise<MetricAlarm | undefined> {
  const output = await callCloudWatch({ operation: "DescribeAlarms" }, () =>
    client.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: ["MetricAlarm"] })),
  );
  return output.MetricAlarms?.find((a) => a.AlarmName === name);
}
