import { randomUUID } from "node:crypto";
import type { AlarmRecord, AlarmState } from "./alarm-types";
import { cloudwatchTimestamp } from "./cloudwatch-format";

/** The names CloudWatch writes as "Region" in alarm messages. */
const REGION_NAMES: Record<string, string> = {
  "us-east-1": "US East (N. Virginia)",
  "us-east-2": "US East (Ohio)",
  "us-west-1": "US West (N. California)",
  "us-west-2": "US West (Oregon)",
  "ca-central-1": "Canada (Central)",
  "eu-west-1": "EU (Ireland)",
  "eu-west-2": "EU (London)",
  "eu-west-3": "EU (Paris)",
  "eu-central-1": "EU (Frankfurt)",
  "eu-north-1": "EU (Stockholm)",
  "ap-northeast-1": "Asia Pacific (Tokyo)",
  "ap-northeast-2": "Asia Pacific (Seoul)",
  "ap-southeast-1": "Asia Pacific (Singapore)",
  "ap-southeast-2": "Asia Pacific (Sydney)",
  "ap-south-1": "Asia Pacific (Mumbai)",
  "sa-east-1": "South America (Sao Paulo)",
};

export function regionName(region: string): string {
  return REGION_NAMES[region] ?? region;
}

/**
 * The JSON CloudWatch publishes to an SNS topic when an alarm changes state
 * (the "Message" of the notification), field for field and in its order.
 */
export function alarmMessage(
  alarm: AlarmRecord,
  change: { oldState: AlarmState; newState: AlarmState; reason: string; at: number },
  context: { accountId: string; region: string },
): string {
  const percentile = alarm.ExtendedStatistic !== undefined;
  return JSON.stringify({
    AlarmName: alarm.AlarmName,
    AlarmDescription: alarm.AlarmDescription ?? null,
    AWSAccountId: context.accountId,
    AlarmConfigurationUpdatedTimestamp: cloudwatchTimestamp(alarm.AlarmConfigurationUpdatedTimestamp),
    NewStateValue: change.newState,
    NewStateReason: change.reason,
    StateChangeTime: cloudwatchTimestamp(change.at),
    Region: regionName(context.region),
    AlarmArn: alarm.AlarmArn,
    OldStateValue: change.oldState,
    OKActions: alarm.OKActions,
    AlarmActions: alarm.AlarmActions,
    InsufficientDataActions: alarm.InsufficientDataActions,
    Trigger: {
      MetricName: alarm.MetricName,
      Namespace: alarm.Namespace,
      StatisticType: percentile ? "ExtendedStatistic" : "Statistic",
      ...(percentile ? { ExtendedStatistic: alarm.ExtendedStatistic } : { Statistic: alarm.Statistic?.toUpperCase() }),
      Unit: alarm.Unit ?? null,
      Dimensions: alarm.Dimensions.map((d) => ({ value: d.Value, name: d.Name })),
      Period: alarm.Period,
      EvaluationPeriods: alarm.EvaluationPeriods,
      DatapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
      ComparisonOperator: alarm.ComparisonOperator,
      Threshold: alarm.Threshold,
      TreatMissingData: alarm.TreatMissingData ?? "missing",
      EvaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile ?? "",
    },
  });
}

/**
 * A notification as an SNS topic delivers it to an HTTP(S) subscriber. The
 * local topic does not sign its messages, so Signature, SigningCertURL and
 * UnsubscribeURL are absent.
 */
export interface SnsNotification {
  readonly Type: "Notification";
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Subject: string;
  readonly Message: string;
  readonly Timestamp: string;
}

export function snsNotification(topicArn: string, subject: string, message: string, at: number): SnsNotification {
  return {
    Type: "Notification",
    MessageId: randomUUID(),
    TopicArn: topicArn,
    // SNS subjects are at most 100 characters.
    Subject: subject.length > 100 ? subject.slice(0, 100) : subject,
    Message: message,
    Timestamp: new Date(at).toISOString(),
  };
}

/** `ALARM: "name" in US East (N. Virginia)`, CloudWatch's subject line. */
export function alarmSubject(alarmName: string, state: AlarmState, region: string): string {
  return `${state}: "${alarmName}" in ${regionName(region)}`;
}
