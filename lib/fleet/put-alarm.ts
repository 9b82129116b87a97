import "server-only";
import { type CloudWatchClient, type MetricAlarm, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { Conflict } from "@/lib/errors";
import type { AlarmForm } from "./alarm-form";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";
import { findAlarm, readAlarm } from "./read-alarm";

/**
 * Creates a metric alarm on one DB instance's Average. PutMetricAlarm would
 * silently replace an alarm of the same name, so a name in use is refused:
 * changing an alarm is `updateAlarm`'s job, which keeps what the form does not show.
 */
export async function createAlarm({
  alarm,
  client = getCloudWatchClient(),
}: {
  alarm: AlarmForm;
  client?: CloudWatchClient;
}): Promise<void> {
  if (await findAlarm({ name: alarm.name, client })) {
    throw new Conflict(`An alarm named ${alarm.name} already exists.`, {
      hint: "Choose another name, or open the alarm to edit it.",
    });
  }
  // A stopped or failed instance sends nothing: that is unknown, not healthy.
  await putMetricAlarm({ alarm, client, kept: { TreatMissingData: "missing" } });
}

/**
 * Changes an alarm to what the form says, carrying over every field the form
 * does not show (actions, OK and insufficient-data actions, description,
 * missing-data treatment, M of N, actions enabled). Throws NotFound.
 */
export async function updateAlarm({
  alarm,
  client = getCloudWatchClient(),
}: {
  alarm: AlarmForm;
  client?: CloudWatchClient;
}): Promise<void> {
  const { raw } = await readAlarm({ name: alarm.name, client });
  // M of N cannot ask for more datapoints than the periods it looks at.
  const datapoints =
    raw.DatapointsToAlarm !== undefined ? Math.min(raw.DatapointsToAlarm, alarm.evaluationPeriods) : undefined;
  await putMetricAlarm({
    alarm,
    client,
    kept: {
      AlarmDescription: raw.AlarmDescription,
      ActionsEnabled: raw.ActionsEnabled,
      AlarmActions: raw.AlarmActions,
      OKActions: raw.OKActions,
      InsufficientDataActions: raw.InsufficientDataActions,
      DatapointsToAlarm: datapoints,
      TreatMissingData: raw.TreatMissingData,
      EvaluateLowSampleCountPercentile: raw.EvaluateLowSampleCountPercentile,
      Unit: raw.Unit,
    },
  });
}

type KeptFields = Pick<
  MetricAlarm,
  | "AlarmDescription"
  | "ActionsEnabled"
  | "AlarmActions"
  | "OKActions"
  | "InsufficientDataActions"
  | "DatapointsToAlarm"
  | "TreatMissingData"
  | "EvaluateLowSampleCountPercentile"
  | "Unit"
>;

async function putMetricAlarm({
  alarm,
  client,
  kept,
}: {
  alarm: AlarmForm;
  client: CloudWatchClient;
  kept: KeptFields;
}): Promise<void> {
  await callCloudWatch({ operation: "PutMetricAlarm", identifier: alarm.instance }, () =>
    client.send(
      new PutMetricAlarmCommand({
        ...kept,
        AlarmName: alarm.name,
        Namespace: "AWS/RDS",
        MetricName: alarm.metric,
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: alarm.instance }],
        Statistic: "Average",
        Period: alarm.period,
        EvaluationPeriods: alarm.evaluationPeriods,
        ComparisonOperator: alarm.comparison,
        Threshold: alarm.threshold,
      }),
    ),
  );
}
