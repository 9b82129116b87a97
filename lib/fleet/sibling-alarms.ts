/**
 * A DB instance created from the dashboard (a read replica, a restore) gets
 * the alarms the fleet's own instances have — free storage on every instance,
 * replica lag on a replica — named as the CDK stack names them
 * (`<id>-free-storage-space`, `<id>-replica-lag`). Each is a copy of a sibling's
 * alarm of the same kind: same threshold, window and notifications. Copying
 * rather than reading the fleet definition keeps it right in aws mode, where
 * the thresholds and the SNS topic are the stack's.
 */
import "server-only";
import { type CloudWatchClient, type MetricAlarm, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { log } from "../log";
import { callCloudWatch } from "./call-cloudwatch";
import { getCloudWatchClient } from "./cloudwatch-client";
import { listMetricAlarms } from "./describe-alarms";

type Kind = { metric: "FreeStorageSpace" | "ReplicaLag"; suffix: string };

const FREE_STORAGE: Kind = { metric: "FreeStorageSpace", suffix: "-free-storage-space" };
const REPLICA_LAG: Kind = { metric: "ReplicaLag", suffix: "-replica-lag" };

/** The instance a default alarm of this kind watches, or undefined if the alarm is not one. */
function watchedInstance(alarm: MetricAlarm, kind: Kind): string | undefined {
  const [dimension, ...others] = alarm.Dimensions ?? [];
  if (alarm.Namespace !== "AWS/RDS" || alarm.MetricName !== kind.metric || others.length > 0) return undefined;
  if (dimension?.Name !== "DBInstanceIdentifier" || !dimension.Value) return undefined;
  return alarm.AlarmName === `${dimension.Value}${kind.suffix}` ? dimension.Value : undefined;
}

/** The alarm `template` (on `from`) re-aimed at `instance`. */
function copyFor(template: MetricAlarm, from: string, instance: string, kind: Kind): PutMetricAlarmCommand {
  return new PutMetricAlarmCommand({
    AlarmName: `${instance}${kind.suffix}`,
    AlarmDescription: template.AlarmDescription?.replaceAll(from, instance),
    ActionsEnabled: template.ActionsEnabled,
    AlarmActions: template.AlarmActions,
    OKActions: template.OKActions,
    InsufficientDataActions: template.InsufficientDataActions,
    Namespace: template.Namespace,
    MetricName: template.MetricName,
    Dimensions: [{ Name: "DBInstanceIdentifier", Value: instance }],
    Statistic: template.Statistic,
    Period: template.Period,
    EvaluationPeriods: template.EvaluationPeriods,
    DatapointsToAlarm: template.DatapointsToAlarm,
    Threshold: template.Threshold,
    ComparisonOperator: template.ComparisonOperator,
    TreatMissingData: template.TreatMissingData,
  });
}

/**
 * Creates the default alarms `instance` lacks, from siblings' ones; returns
 * their names. A kind no sibling has is left out (the fleet has none of it to
 * copy). Throws Unavailable when CloudWatch cannot be asked.
 */
export async function addSiblingAlarms({
  instance,
  replica,
  client = getCloudWatchClient(),
}: {
  instance: string;
  replica: boolean;
  client?: CloudWatchClient;
}): Promise<string[]> {
  const alarms = await listMetricAlarms({ client });
  const created: string[] = [];
  for (const kind of replica ? [FREE_STORAGE, REPLICA_LAG] : [FREE_STORAGE]) {
    if (alarms.some((a) => a.AlarmName === `${instance}${kind.suffix}`)) continue;
    const template = alarms
      .map((alarm) => ({ alarm, from: watchedInstance(alarm, kind) }))
      .find((t) => t.from !== undefined && t.from !== instance);
    if (!template?.from) continue;
    const command = copyFor(template.alarm, template.from, instance, kind);
    await callCloudWatch({ operation: "PutMetricAlarm" }, () => client.send(command));
    created.push(`${instance}${kind.suffix}`);
  }
  return created;
}

/**
 * addSiblingAlarms for an instance just requested, whose creation must not be
 * reported as failed because CloudWatch was not: a failure is logged with the
 * instance and answered `false`, for the page to say so.
 */
export async function trySiblingAlarms(o: { instance: string; replica: boolean }): Promise<boolean> {
  const { instance } = o;
  try {
    await addSiblingAlarms(o);
    return true;
  } catch (error) {
    log().error({ err: error, instance }, "default alarms for a new instance were not created");
    return false;
  }
}
