/** Metric math on hand-made series: the parser's precedence, alignment by timestamp, and each function. */
import { describe, expect, test } from "vitest";
import { evaluateExpression, type MathScope } from "./evaluate-expression";
import { MetricMathError } from "./math-syntax";
import type { MathValue, TimeSeries } from "./math-values";
import { parseExpression } from "./parse-expression";

const MINUTE = 60_000;
const series = (label: string, points: Array<[number, number]>): TimeSeries => ({
  label,
  periodMs: MINUTE,
  timestamps: points.map(([minute]) => minute * MINUTE),
  values: points.map(([, value]) => value),
});

const metrics: Record<string, TimeSeries> = {
  errors_a: series("A", [
    [0, 1],
    [1, 2],
    [3, 4],
  ]),
  errors_b: series("B", [
    [1, 10],
    [2, 20],
    [3, 30],
  ]),
  requests: series("Requests", [
    [0, 100],
    [1, 200],
    [2, 300],
    [4, 500],
  ]),
};

const scope: MathScope = {
  startMs: 0,
  endMs: 5 * MINUTE,
  byId: (id) => {
    const found = metrics[id];
    if (found === undefined) throw new MetricMathError(`Unknown Id ${id}.`);
    return { kind: "series", series: found };
  },
  metrics: () => Object.entries(metrics).map(([id, s]) => ({ id, series: s })),
};

const run = (expression: string): MathValue => evaluateExpression(parseExpression(expression), scope);
const points = (value: MathValue): Array<[number, number]> => {
  if (value.kind !== "series") throw new Error(`expected one series, got ${value.kind}`);
  return value.series.timestamps.map((t, k) => [t / MINUTE, value.series.values[k] as number]);
};

describe("arithmetic", () => {
  test.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["2 ^ 3 ^ 2", 512],
    ["-2 ^ 2", -4],
    ["8 / 4 / 2", 1],
    ["1.5e2 + .5", 150.5],
  ])("%s = %d", (expression, expected) => {
    expect(run(expression)).toEqual({ kind: "scalar", value: expected });
  });

  test("two series combine only where both have a data point", () => {
    expect(points(run("errors_a + errors_b"))).toEqual([
      [1, 12],
      [3, 34],
    ]);
  });

  test("a series and a number combine at every data point", () => {
    expect(points(run("100 * errors_a / 2"))).toEqual([
      [0, 50],
      [1, 100],
      [3, 200],
    ]);
  });
});

describe("functions", () => {
  test("SUM, AVG, MIN, MAX of one series are numbers", () => {
    expect(run("SUM(requests)")).toEqual({ kind: "scalar", value: 1100 });
    expect(run("AVG(requests)")).toEqual({ kind: "scalar", value: 275 });
    expect(run("MIN(requests)")).toEqual({ kind: "scalar", value: 100 });
    expect(run("MAX(requests)")).toEqual({ kind: "scalar", value: 500 });
    expect(points(run("requests - MIN(requests)"))).toEqual([
      [0, 0],
      [1, 100],
      [2, 200],
      [4, 400],
    ]);
  });

  test('SUM(METRICS("errors")) adds, per timestamp, the series whose Id contains the string', () => {
    expect(points(run('SUM(METRICS("errors"))'))).toEqual([
      [0, 1],
      [1, 12],
      [2, 20],
      [3, 34],
    ]);
    expect(points(run("MAX(METRICS())"))).toEqual([
      [0, 100],
      [1, 200],
      [2, 300],
      [3, 30],
      [4, 500],
    ]);
    const each = run('METRICS("errors") * 2');
    expect(each.kind === "array" && each.list.map((s) => [s.label, s.values])).toEqual([
      ["A", [2, 4, 8]],
      ["B", [20, 40, 60]],
    ]);
  });

  test("RATE is the change per second since the previous data point", () => {
    expect(points(run("RATE(requests)"))).toEqual([
      [1, 100 / 60],
      [2, 100 / 60],
      [4, 200 / 120],
    ]);
  });

  test("FILL with a number, REPEAT or LINEAR fills every missing period of the range", () => {
    expect(points(run("FILL(errors_a, 0)"))).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 4],
      [4, 0],
    ]);
    expect(points(run("FILL(errors_b, REPEAT)"))).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 30],
    ]);
    expect(points(run("FILL(requests, LINEAR)"))).toEqual([
      [0, 100],
      [1, 200],
      [2, 300],
      [3, 400],
      [4, 500],
    ]);
    expect(points(run("FILL(errors_a, AVG(errors_b))"))[2]).toEqual([2, 20]);
  });

  test("ABS of a number and of a series", () => {
    expect(run("ABS(-3)")).toEqual({ kind: "scalar", value: 3 });
    expect(points(run("ABS(errors_a - 3)"))).toEqual([
      [0, 2],
      [1, 1],
      [3, 1],
    ]);
  });
});

describe("refusals name what is wrong", () => {
  test.each([
    ["m1 > 3", /The operator > is not supported/],
    ["m1 AND m2", /The operator AND is not supported/],
    ["IF(m1, 1, 0)", /The function IF is not supported by the local CloudWatch/],
    ["ANOMALY_DETECTION_BAND(requests)", /The function ANOMALY_DETECTION_BAND is not supported/],
    ["NOPE(requests)", /^Unknown function NOPE\.$/],
    ["constructor(requests)", /^Unknown function constructor\.$/],
    ["SUM(requests, 1)", /The function SUM takes 1 argument; it was given 2/],
    ["FILL(requests)", /The function FILL takes 2 arguments; it was given 1/],
    ["FILL(requests, requests)", /second argument of FILL must be a number, REPEAT or LINEAR/],
    ["RATE(5)", /RATE needs a time series/],
    ["METRICS(requests)", /argument of METRICS must be a string/],
    ["METRICS() + METRICS()", /cannot combine two arrays/],
    ['"errors"', /can only be an argument of METRICS/],
    ["nothing + 1", /Unknown Id nothing/],
    ["(1 + 2", /Expected '\)' but found the end of the expression/],
    ["1 +", /The expression ends too early/],
    ["1 2", /Unexpected '2' at position 3/],
    ["m1 # 2", /Unexpected character '#' at position 4/],
    ['METRICS("x', /Unterminated string starting at position 9/],
    [`${"(".repeat(100)}1${")".repeat(100)}`, /nests deeper than 64 levels/],
  ])("%s", (expression, message) => {
    expect(() => run(expression)).toThrow(message);
  });
});
