import { describe, expect, it } from "vitest";
import { alarmForm } from "./alarm-form";

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
    [{ period: "15" }, "period: expected 10, 30 or 60 seconds"],
    [{ evaluationPeriods: "0" }, "evaluation periods: at least 1"],
    [{ evaluationPeriods: "1.5" }, "evaluation periods: expected a whole number"],
  ])("refuses %o: %s", (change, message) => {
    const result = alarmForm.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
