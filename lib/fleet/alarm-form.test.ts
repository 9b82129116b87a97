import { describe, expect, it } from "vitest";
import { alarmForm, alarmFormValues } from "./alarm-form";
import { toAlarm } from "./alarm-model";

const valid = {
  name: "writer-cpu-high",
  instance: "production-myapp",
  metric: "CPUUtilization",
  comparison: "GreaterThanThreshold",
  threshold: "80",
  period: "60",
  evaluationPeriods: "2",
};

describe("alarmForm", () => {
  it("parses a valid form into CloudWatch's types", () => {
    expect(alarmForm.parse(valid)).toEqual({ ...valid, threshold: 80, period: 60, evaluationPeriods: 2 });
  });

  it.each([
    [{ name: "" }, "expected an alarm name"],
    [{ name: "cpu high!" }, "an alarm name has letters, digits, dots, hyphens and underscores only"],
    [{ instance: "-bad" }, "a DB instance identifier has letters, digits and hyphens, and starts with a letter"],
    [{ metric: "Nonsense" }, "metric: expected one of CPUUtilization"],
    [{ comparison: "Sideways" }, "comparison: expected one of the listed operators"],
    [{ threshold: "lots" }, "threshold: expected a number"],
    [{ period: "15" }, "period: expected one of 10, 30, 60, 300, 900, 3600 seconds"],
    [{ evaluationPeriods: "0" }, "evaluation periods: at least 1"],
    [{ evaluationPeriods: "1.5" }, "evaluation periods: expected a whole number"],
  ])("refuses %o: %s", (change, message) => {
    const result = alarmForm.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe("alarmFormValues", () => {
  const seedAlarm = {
    AlarmName: "production-rds-cpu-utilization",
    Namespace: "AWS/RDS",
    MetricName: "CPUUtilization",
    Dimensions: [{ Name: "DBInstanceIdentifier", Value: "production-myapp" }],
    Statistic: "Average" as const,
    Period: 300,
    EvaluationPeriods: 2,
    Threshold: 80,
    ComparisonOperator: "GreaterThanThreshold" as const,
  };

  it("fills the form with the alarm's settings, which the form then accepts unchanged", () => {
    const result = alarmFormValues(toAlarm(seedAlarm));
    expect(result).toEqual({
      values: {
        name: "production-rds-cpu-utilization",
        instance: "production-myapp",
        metric: "CPUUtilization",
        comparison: "GreaterThanThreshold",
        threshold: "80",
        period: "300",
        evaluationPeriods: "2",
      },
    });
    if ("values" in result) expect(alarmForm.safeParse(result.values).success).toBe(true);
  });

  it.each([
    [{ Namespace: "MyApp" }, "does not watch a single DB instance's AWS/RDS metric"],
    [{ Dimensions: [] }, "does not watch a single DB instance's AWS/RDS metric"],
    [{ Statistic: "Maximum" as const }, "uses the Maximum statistic, not Average"],
    [{ Period: 120 }, "period: expected one of"],
    [{ MetricName: "DiskQueueDepth" }, "metric: expected one of"],
  ])("refuses to edit an alarm with %o", (change, reason) => {
    const result = alarmFormValues(toAlarm({ ...seedAlarm, ...change }));
    expect(result).toEqual({ notEditable: expect.stringContaining(reason) });
  });
});
