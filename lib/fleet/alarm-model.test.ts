import { describe, expect, it } from "vitest";
import { describeThreshold, toAlarm } from "./alarm-model";

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
      }),
    ).toEqual({
      name: "production-rds-cpu-utilization",
      state: "ALARM",
      metric: "CPUUtilization",
      instance: "production-myapp",
      threshold: 80,
      comparison: "GreaterThanThreshold",
      updated,
      reason: "Threshold Crossed",
    });
  });

  it("reads a bare alarm as INSUFFICIENT_DATA with no instance", () => {
    const alarm = toAlarm({ AlarmName: "x", Dimensions: [{ Name: "Other", Value: "y" }] });
    expect(alarm.state).toBe("INSUFFICIENT_DATA");
    expect(alarm.instance).toBeUndefined();
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
  ])("%o reads %s", (alarm, text) => {
    expect(describeThreshold(alarm)).toBe(text);
  });
});
