/** A CloudWatch alarm as the dashboard shows it, mapped from DescribeAlarms' MetricAlarm. */
import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";

export type Alarm = {
  name: string;
  state: string;
  metric: string;
  /** The DB instance the alarm watches, when its DBInstanceIdentifier dimension says. */
  instance: string | undefined;
  threshold: number | undefined;
  comparison: string | undefined;
  updated: Date | undefined;
  reason: string | undefined;
};

export function toAlarm(raw: MetricAlarm): Alarm {
  return {
    name: raw.AlarmName ?? "(unnamed)",
    state: raw.StateValue ?? "INSUFFICIENT_DATA",
    metric: raw.MetricName ?? "(metric math)",
    instance: raw.Dimensions?.find((d) => d.Name === "DBInstanceIdentifier")?.Value,
    threshold: raw.Threshold,
    comparison: raw.ComparisonOperator,
    updated: raw.StateUpdatedTimestamp,
    reason: raw.StateReason,
  };
}

const COMPARISON_SYMBOLS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: "≥",
  GreaterThanThreshold: ">",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "≤",
};

/** "> 80" for GreaterThanThreshold 80; the operator's own name when it has no symbol (anomaly bands). */
export function describeThreshold(alarm: Pick<Alarm, "comparison" | "threshold">): string {
  if (alarm.threshold === undefined) return alarm.comparison ?? "—";
  const op = alarm.comparison ? (COMPARISON_SYMBOLS[alarm.comparison] ?? alarm.comparison) : "";
  return `${op} ${alarm.threshold}`.trim();
}
