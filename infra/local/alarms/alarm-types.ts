/**
 * A metric alarm as the local CloudWatch keeps it. Field names are the API's
 * own (MetricAlarm), so the configuration a client sent is what DescribeAlarms
 * returns; timestamps are epoch milliseconds so the record is plain JSON.
 */
export type AlarmState = "OK" | "ALARM" | "INSUFFICIENT_DATA";
export const ALARM_STATES: readonly AlarmState[] = ["OK", "ALARM", "INSUFFICIENT_DATA"];

export type ComparisonOperator =
  | "GreaterThanOrEqualToThreshold"
  | "GreaterThanThreshold"
  | "LessThanThreshold"
  | "LessThanOrEqualToThreshold";

export type TreatMissingData = "missing" | "notBreaching" | "breaching" | "ignore";

export type BasicStatistic = "SampleCount" | "Average" | "Sum" | "Minimum" | "Maximum";

export interface AlarmConfiguration {
  readonly AlarmName: string;
  readonly AlarmDescription?: string;
  readonly ActionsEnabled: boolean;
  readonly OKActions: readonly string[];
  readonly AlarmActions: readonly string[];
  readonly InsufficientDataActions: readonly string[];
  readonly Namespace: string;
  readonly MetricName: string;
  readonly Dimensions: ReadonlyArray<{ readonly Name: string; readonly Value: string }>;
  readonly Statistic?: BasicStatistic;
  readonly ExtendedStatistic?: string;
  readonly Period: number;
  readonly Unit?: string;
  readonly EvaluationPeriods: number;
  /** Absent: equal to EvaluationPeriods. */
  readonly DatapointsToAlarm?: number;
  readonly Threshold: number;
  readonly ComparisonOperator: ComparisonOperator;
  /** Absent: "missing". */
  readonly TreatMissingData?: TreatMissingData;
  readonly EvaluateLowSampleCountPercentile?: "evaluate" | "ignore";
}

export interface AlarmStatus {
  readonly StateValue: AlarmState;
  readonly StateReason: string;
  readonly StateReasonData?: string;
  readonly StateUpdatedTimestamp: number;
  readonly StateTransitionedTimestamp: number;
}

export interface AlarmRecord extends AlarmConfiguration, AlarmStatus {
  readonly AlarmArn: string;
  readonly AlarmConfigurationUpdatedTimestamp: number;
}

export type HistoryItemType = "ConfigurationUpdate" | "StateUpdate" | "Action";

export interface AlarmHistoryEntry {
  readonly AlarmName: string;
  readonly AlarmType: "MetricAlarm";
  readonly Timestamp: number;
  readonly HistoryItemType: HistoryItemType;
  readonly HistorySummary: string;
  readonly HistoryData: string;
}
