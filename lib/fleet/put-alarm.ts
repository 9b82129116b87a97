import "server-only";
import { type CloudWatchClient, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import type { AlarmForm } from "./alarm-form";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";

/** Creates (or, by CloudWatch's semantics, replaces) a metric alarm on one DB instance's Average. */
export async function putAlarm({
  alarm,
  client = getCloudWatchClient(),
}: {
  alarm: AlarmForm;
  client?: CloudWatchClient;
}): Promise<void> {
  await callCloudWatch({ operation: "PutMetricAlarm", identifier: alarm.instance }, () =>
    client.send(
      new PutMetricAlarmCommand({
        AlarmName: alarm.name,
        Namespace: "AWS/RDS",
        MetricName: alarm.metric,
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: alarm.instance }],
        Statistic: "Average",
        Period: alarm.period,
        EvaluationPeriods: alarm.evaluationPeriods,
        ComparisonOperator: alarm.comparison,
        Threshold: alarm.threshold,
        // A stopped or failed instance sends nothing: that is unknown, not healthy.
        TreatMissingData: "missing",
      }),
    ),
  );
}
