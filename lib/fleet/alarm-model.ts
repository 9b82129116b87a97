/** A CloudWatch alarm as the dashboard shows it, mapped from DescribeAlarms' MetricAlarm. */
import type { MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { formatThreshold } from "./format-metric-value";
import { type ChartedMetric, METRIC_UNITS } from "./metric-series";

export const ALARM_STATES = ["ALARM", "INSUFFICIENT_DATA", "OK"] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

export type Alarm = {
  name: string;
  state: string;
  namespace: string | undefined;
  metric: string;
  /** The DB instance the alarm watches, when its DBInstanceIdentifier dimension says. */
  instance: string | undefined;
  /** The other dimensions: an alarm on more than the instance is not one the dashboard's form can edit. */
  dimensionCount: number;
  statistic: string | undefined;
  period: number | undefined;
  evaluationPeriods: number | undefined;
  datapointsToAlarm: number | undefined;
  threshold: number | undefined;
  comparison: string | undefined;
  treatMissingData: string | undefined;
  actionsEnabled: boolean;
  /** Where ALARM transitions notify (SNS topic ARNs on AWS, the local topic locally). */
  alarmActions: string[];
  description: string | undefined;
  updated: Date | undefined;
  reason: string | undefined;
};

export function toAlarm(raw: MetricAlarm): Alarm {
  return {
    name: raw.AlarmName ?? "(unnamed)",
    state: raw.StateValue ?? "INSUFFICIENT_DATA",
    namespace: raw.Namespace,
    metric: raw.MetricName ?? "(metric math)",
    instance: raw.Dimensions?.find((d) => d.Name === "DBInstanceIdentifier")?.Value,
    dimensionCount: raw.Dimensions?.length ?? 0,
    statistic: raw.Statistic ?? raw.ExtendedStatistic,
    period: raw.Period,
    evaluationPeriods: raw.EvaluationPeriods,
    datapointsToAlarm: raw.DatapointsToAlarm,
    threshold: raw.Threshold,
    comparison: raw.ComparisonOperator,
    treatMissingData: raw.TreatMissingData,
    // CloudWatch's default when the field is absent is enabled.
    actionsEnabled: raw.ActionsEnabled ?? true,
    alarmActions: raw.AlarmActions ?? [],
    description: raw.AlarmDescription,
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

/**
 * "> 80 %" for GreaterThanThreshold 80 on CPUUtilization, in the metric's unit
 * where RDS documents one ("< 2 GiB", not "< 2147483648"); the operator's own
 * name when it has no symbol (anomaly bands).
 */
export function describeThreshold(alarm: Pick<Alarm, "comparison" | "threshold"> & { metric?: string }): string {
  if (alarm.threshold === undefined) return alarm.comparison ?? "—";
  const op = alarm.comparison ? (COMPARISON_SYMBOLS[alarm.comparison] ?? alarm.comparison) : "";
  const unit =
    alarm.metric !== undefined && Object.hasOwn(METRIC_UNITS, alarm.metric)
      ? METRIC_UNITS[alarm.metric as ChartedMetric]
      : undefined;
  const value = unit ? formatThreshold(alarm.threshold, unit) : String(alarm.threshold);
  return `${op} ${value}`.trim();
}

/** "Average over 2 × 300 s", "Average, 3 of 5 × 60 s": how CloudWatch's console words an alarm's window. */
export function describeEvaluation(
  alarm: Partial<Pick<Alarm, "statistic" | "period" | "evaluationPeriods" | "datapointsToAlarm">>,
): string {
  const { statistic = "—", period, evaluationPeriods = 1, datapointsToAlarm } = alarm;
  const window = period === undefined ? "" : ` × ${period} s`;
  if (datapointsToAlarm !== undefined && datapointsToAlarm !== evaluationPeriods) {
    return `${statistic}, ${datapointsToAlarm} of ${evaluationPeriods}${window}`;
  }
  return `${statistic} over ${evaluationPeriods}${window}`;
}

/** A threshold line for a chart: which alarm draws it, where, and whether it is firing. */
export type ThresholdLine = { alarm: string; metric: string; value: number; label: string; state: string };

/** The thresholds of the alarms that watch this instance's AWS/RDS metrics, by metric. */
export function thresholdLines(alarms: Alarm[], instance: string): ThresholdLine[] {
  return alarms
    .filter((a) => a.instance === instance && a.namespace === "AWS/RDS" && a.threshold !== undefined)
    .map((a) => ({
      alarm: a.name,
      metric: a.metric,
      value: a.threshold as number,
      label: describeThreshold(a),
      state: a.state,
    }));
}

export type AlarmSummary = {
  counts: Record<AlarmState, number>;
  /** Names of the alarms in ALARM, by the DB instance they watch. */
  firingByInstance: Record<string, string[]>;
};

/** What the overview shows: how many alarms are in each state, and which instances have one firing. */
export function summarizeAlarms(alarms: Alarm[]): AlarmSummary {
  const counts: Record<AlarmState, number> = { ALARM: 0, INSUFFICIENT_DATA: 0, OK: 0 };
  const firingByInstance: Record<string, string[]> = {};
  for (const alarm of alarms) {
    if (isAlarmState(alarm.state)) counts[alarm.state]++;
    if (alarm.state === "ALARM" && alarm.instance) {
      firingByInstance[alarm.instance] = [...(firingByInstance[alarm.instance] ?? []), alarm.name];
    }
  }
  return { counts, firingByInstance };
}

export const isAlarmState = (value: string): value is AlarmState => (ALARM_STATES as readonly string[]).includes(value);
