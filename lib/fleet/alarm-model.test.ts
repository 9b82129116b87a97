import { describe, expect, it } from "vitest";
import { describeEvaluation, describeThreshold, summarizeAlarms, thresholdLines, toAlarm } from "./alarm-model";

describe("toAlarm", () => {
  it("maps a MetricAlarm, taking the instance from its DBInstanceIdentifier dimension", () => {
    const updated = new Date("2026-01-01T00:00:00Z");
    expect(
      toAlarm({
        AlarmName: "production-rds-cpu-utilization",
        StateValue: "ALARM",
        MetricName: "CPUUtilization",
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: "production-myapp" }],
        Threshold: 80,
        ComparisonOperator: "GreaterThanThreshold",
        StateUpdatedTimestamp: updated,
        StateReason: "Threshold Crossed",
        Namespace: "AWS/RDS",
        Statistic: "Average",
        Period: 300,
        EvaluationPeriods: 2,
        TreatMissingData: "missing",
        ActionsEnabled: false,
        AlarmActions: ["arn:aws:sns:us-east-1:000000000000:rdsdeck-alarms"],
        AlarmDescription: "CPU above 80 %",
      }),
    ).toEqual({
      name: "production-rds-cpu-utilization",
      state: "ALARM",
      namespace: "AWS/RDS",
      metric: "CPUUtilization",
      instance: "production-myapp",
      dimensionCount: 1,
      statistic: "Average",
      period: 300,
      evaluationPeriods: 2,
      datapointsToAlarm: undefined,
      threshold: 80,
      comparison: "GreaterThanThreshold",
      treatMissingData: "missing",
      actionsEnabled: false,
      alarmActions: ["arn:aws:sns:us-east-1:000000000000:rdsdeck-alarms"],
      description: "CPU above 80 %",
      updated,
      reason: "Threshold Crossed",
    });
  });

  it("reads a bare alarm as INSUFFICIENT_DATA with no instance", () => {
    const alarm = toAlarm({ AlarmName: "x", Dimensions: [{ Name: "Other", Value: "y" }] });
    expect(alarm.state).toBe("INSUFFICIENT_DATA");
    expect(alarm.instance).toBeUndefined();
    // CloudWatch enables actions unless told otherwise.
    expect(alarm.actionsEnabled).toBe(true);
  });
});

describe("describeThreshold", () => {
  it.each([
    [{ comparison: "GreaterThanThreshold", threshold: 80 }, "> 80"],
    [{ comparison: "LessThanOrEqualToThreshold", threshold: 1e9 }, "≤ 1000000000"],
    [
      { comparison: "LessThanLowerOrGreaterThanUpperThreshold", threshold: undefined },
      "LessThanLowerOrGreaterThanUpperThreshold",
    ],
    [{ comparison: undefined, threshold: undefined }, "—"],
    [{ comparison: "GreaterThanThreshold", threshold: 80, metric: "CPUUtilization" }, "> 80 %"],
    [{ comparison: "LessThanThreshold", threshold: 2 * 1024 ** 3, metric: "FreeStorageSpace" }, "< 2 GiB"],
    [{ comparison: "LessThanThreshold", threshold: 1e9, metric: "FreeableMemory" }, "< 953.7 MiB (1000000000 bytes)"],
    [{ comparison: "GreaterThanThreshold", threshold: 60, metric: "ReplicaLag" }, "> 60 s"],
    [{ comparison: "GreaterThanThreshold", threshold: 80, metric: "DatabaseConnections" }, "> 80"],
    [{ comparison: "GreaterThanThreshold", threshold: 5, metric: "MyAppMetric" }, "> 5"],
    [{ comparison: "GreaterThanThreshold", threshold: 5, metric: "constructor" }, "> 5"],
  ])("%o reads %s", (alarm, text) => {
    expect(describeThreshold(alarm)).toBe(text);
  });
});

describe("describeEvaluation", () => {
  it.each([
    [{ statistic: "Average", period: 300, evaluationPeriods: 2 }, "Average over 2 × 300 s"],
    [{ statistic: "Average", period: 300, evaluationPeriods: 2, datapointsToAlarm: 2 }, "Average over 2 × 300 s"],
    [{ statistic: "Maximum", period: 60, evaluationPeriods: 5, datapointsToAlarm: 3 }, "Maximum, 3 of 5 × 60 s"],
  ])("%j reads %s", (alarm, text) => {
    expect(describeEvaluation(alarm)).toBe(text);
  });
});

const alarm = (name: string, state: string, instance: string | undefined, metric = "CPUUtilization") =>
  toAlarm({
    AlarmName: name,
    StateValue: state as "OK",
    Namespace: "AWS/RDS",
    MetricName: metric,
    Dimensions: instance ? [{ Name: "DBInstanceIdentifier", Value: instance }] : [],
    Threshold: 80,
    ComparisonOperator: "GreaterThanThreshold",
  });

describe("summarizeAlarms", () => {
  it("counts alarms by state and lists the firing ones by instance", () => {
    const summary = summarizeAlarms([
      alarm("a", "ALARM", "w"),
      alarm("b", "ALARM", "w"),
      alarm("c", "ALARM", undefined),
      alarm("d", "OK", "r1"),
      alarm("e", "INSUFFICIENT_DATA", "r1"),
    ]);
    expect(summary.counts).toEqual({ ALARM: 3, OK: 1, INSUFFICIENT_DATA: 1 });
    expect(summary.firingByInstance).toEqual({ w: ["a", "b"] });
  });
});

describe("thresholdLines", () => {
  it("draws only the alarms on this instance's AWS/RDS metrics", () => {
    const custom = toAlarm({
      AlarmName: "app",
      Namespace: "MyApp",
      MetricName: "CPUUtilization",
      Threshold: 1,
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: "w" }],
    });
    expect(thresholdLines([alarm("a", "ALARM", "w"), alarm("b", "OK", "r1"), custom], "w")).toEqual([
      { alarm: "a", metric: "CPUUtilization", value: 80, label: "> 80 %", state: "ALARM" },
    ]);
  });
});
