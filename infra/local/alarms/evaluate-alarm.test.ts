import { describe, expect, test } from "vitest";
import type { AlarmConfiguration, TreatMissingData } from "./alarm-types";
import { evaluateAlarm, type PeriodDatapoint } from "./evaluate-alarm";
import { GUIDE, MODES } from "./test-support/missing-data-guide";

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 8, 25, 18, 45);

function alarm(
  m: number,
  n: number,
  treat: TreatMissingData,
  overrides: Partial<AlarmConfiguration> = {},
): AlarmConfiguration {
  return {
    AlarmName: "a",
    ActionsEnabled: true,
    OKActions: [],
    AlarmActions: [],
    InsufficientDataActions: [],
    Namespace: "Test",
    MetricName: "m",
    Dimensions: [],
    Statistic: "Average",
    Period: 60,
    EvaluationPeriods: n,
    DatapointsToAlarm: m,
    Threshold: 5,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: treat,
    ...overrides,
  };
}

/** "0 - X - X" (oldest first, as in the guide): 0 within the threshold, X breaching, - missing. */
function range(pattern: string): PeriodDatapoint[] {
  return pattern.split(" ").map((c, i) => ({
    start: T0 + i * MINUTE,
    value: c === "X" ? 10 : c === "0" ? 1 : undefined,
    ...(c === "-" ? {} : { sampleCount: 1 }),
  }));
}

const now = T0 + 5 * MINUTE + 12_000;

describe("evaluateAlarm reproduces the CloudWatch User Guide's missing-data tables", () => {
  test.each(
    GUIDE.flatMap(([m, n, pattern, results]) => MODES.map((mode, i) => [m, n, pattern, mode, results[i]] as const)),
  )("%i of %i, %s, TreatMissingData %s → %s", (m, n, pattern, mode, expected) => {
    expect(evaluateAlarm(alarm(m, n, mode), range(pattern), now).state).toBe(expected);
  });
});

describe("StateReason and StateReasonData as CloudWatch writes them", () => {
  test("an M of N transition to ALARM lists the breaching datapoints, newest first", () => {
    const result = evaluateAlarm(alarm(2, 3, "missing"), range("0 0 X 0 X"), now);
    expect(result.reason).toBe(
      "Threshold Crossed: 2 out of the last 3 datapoints [10.0 (25/09/25 18:49:00), 10.0 (25/09/25 18:47:00)] were greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).",
    );
    expect(JSON.parse(result.reasonData)).toEqual({
      version: "1.0",
      queryDate: "2025-09-25T18:50:12.000+0000",
      startDate: "2025-09-25T18:47:00.000+0000",
      statistic: "Average",
      period: 60,
      recentDatapoints: [10, 1, 10],
      threshold: 5,
      evaluatedDatapoints: [
        { timestamp: "2025-09-25T18:49:00.000+0000", sampleCount: 1, value: 10 },
        { timestamp: "2025-09-25T18:48:00.000+0000", sampleCount: 1, value: 1 },
        { timestamp: "2025-09-25T18:47:00.000+0000", sampleCount: 1, value: 10 },
      ],
    });
  });

  test("a transition to OK lists the datapoints within the threshold", () => {
    const result = evaluateAlarm(
      alarm(1, 1, "missing", { Threshold: 2147483648, ComparisonOperator: "LessThanThreshold" }),
      [{ start: T0, value: 21393682432, sampleCount: 6 }],
      now,
    );
    expect(result).toMatchObject({
      state: "OK",
      reason:
        "Threshold Crossed: 1 out of the last 1 datapoints [2.1393682432E10 (25/09/25 18:45:00)] was not less than the threshold (2.147483648E9) (minimum 1 datapoint for ALARM -> OK transition).",
    });
  });

  test("no data at all, treated as missing, is CloudWatch's Insufficient Data reason", () => {
    expect(evaluateAlarm(alarm(1, 1, "missing"), range("- - -"), now).reason).toBe(
      "Insufficient Data: 1 datapoint was unknown.",
    );
  });

  test("no data at all, treated as breaching, says how many missing datapoints were filled in", () => {
    expect(evaluateAlarm(alarm(3, 3, "breaching"), range("- - - - -"), now).reason).toBe(
      "Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].",
    );
  });

  test.each([
    ["GreaterThanOrEqualToThreshold", 5, "ALARM"],
    ["GreaterThanThreshold", 5, "OK"],
    ["LessThanThreshold", 4.9, "ALARM"],
    ["LessThanOrEqualToThreshold", 5, "ALARM"],
    ["LessThanOrEqualToThreshold", 5.1, "OK"],
  ] as const)("%s with a datapoint of %d against 5 → %s", (operator, value, expected) => {
    const result = evaluateAlarm(alarm(1, 1, "missing", { ComparisonOperator: operator }), [{ start: T0, value }], now);
    expect(result.state).toBe(expected);
  });
});
