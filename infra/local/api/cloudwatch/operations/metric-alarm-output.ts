import type { AlarmHistoryItem, MetricAlarm } from "@aws-sdk/client-cloudwatch";
import type { AlarmHistoryEntry, AlarmRecord } from "../../../alarms/alarm-types";

/** An alarm as DescribeAlarms returns it: the stored record with Dates for its timestamps. */
export function toMetricAlarm(alarm: AlarmRecord): MetricAlarm {
  return {
    AlarmName: alarm.AlarmName,
    AlarmArn: alarm.AlarmArn,
    AlarmDescription: alarm.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: new Date(alarm.AlarmConfigurationUpdatedTimestamp),
    ActionsEnabled: alarm.ActionsEnabled,
    OKActions: [...alarm.OKActions],
    AlarmActions: [...alarm.AlarmActions],
    InsufficientDataActions: [...alarm.InsufficientDataActions],
    StateValue: alarm.StateValue,
    StateReason: alarm.StateReason,
    StateReasonData: alarm.StateReasonData,
    StateUpdatedTimestamp: new Date(alarm.StateUpdatedTimestamp),
    MetricName: alarm.MetricName,
    Namespace: alarm.Namespace,
    Statistic: alarm.Statistic,
    ExtendedStatistic: alarm.ExtendedStatistic,
    Dimensions: alarm.Dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
    Period: alarm.Period,
    Unit: alarm.Unit as MetricAlarm["Unit"],
    EvaluationPeriods: alarm.EvaluationPeriods,
    DatapointsToAlarm: alarm.DatapointsToAlarm,
    Threshold: alarm.Threshold,
    ComparisonOperator: alarm.ComparisonOperator,
    TreatMissingData: alarm.TreatMissingData,
    EvaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile,
    StateTransitionedTimestamp: new Date(alarm.StateTransitionedTimestamp),
  };
}

export function toHistoryItem(entry: AlarmHistoryEntry): AlarmHistoryItem {
  return {
    AlarmName: entry.AlarmName,
    AlarmType: entry.AlarmType,
    Timestamp: new Date(entry.Timestamp),
    HistoryItemType: entry.HistoryItemType,
    HistorySummary: entry.HistorySummary,
    HistoryData: entry.HistoryData,
  };
}
