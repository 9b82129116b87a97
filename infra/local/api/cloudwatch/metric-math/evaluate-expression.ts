import { type FillWith, fillSeries } from "./fill-series";
import { type BinaryOperator, type MathNode, MetricMathError } from "./math-syntax";
import {
  acrossSeries,
  type MathValue,
  mapValues,
  perSeries,
  scalar,
  single,
  type TimeSeries,
  zipSeries,
} from "./math-values";

export interface MathScope {
  /** The queried range, for FILL's grid. */
  readonly startMs: number;
  readonly endMs: number;
  /** The value of another query, by Id; throws for an Id the request does not have. */
  byId(id: string): MathValue;
  /** The MetricStat queries' series (METRICS()), in request order. */
  metrics(): ReadonlyArray<{ readonly id: string; readonly series: TimeSeries }>;
}

/**
 * CloudWatch's metric math functions that the local CloudWatch does not
 * compute: refused by name rather than reported as unknown.
 */
const NOT_SUPPORTED = new Set([
  "ANOMALY_DETECTION_BAND",
  "AVG_OVER_TIME",
  "CEIL",
  "DATAPOINT_COUNT",
  "DATE",
  "DAY",
  "DB_PERF_INSIGHTS",
  "DIFF",
  "DIFF_TIME",
  "FIRST",
  "FLOOR",
  "HOUR",
  "IF",
  "INSIGHT_RULE_METRIC",
  "LAMBDA",
  "LAST",
  "LOG",
  "LOG10",
  "METRIC_COUNT",
  "MINUTE",
  "MONTH",
  "PERIOD",
  "REMOVE_EMPTY",
  "RUNNING_SUM",
  "SEARCH",
  "SERVICE_QUOTA",
  "SLICE",
  "SORT",
  "STDDEV",
  "TIME_SERIES",
]);

/** A Map, not an object literal: a function named `constructor` must not find Object's. */
const AGGREGATES = new Map<string, (values: readonly number[]) => number>([
  ["SUM", (values) => values.reduce((s, v) => s + v, 0)],
  ["AVG", (values) => values.reduce((s, v) => s + v, 0) / values.length],
  ["MIN", (values) => values.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY)],
  ["MAX", (values) => values.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY)],
]);

const OPERATIONS: Record<BinaryOperator, (x: number, y: number) => number> = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  "/": (x, y) => x / y,
  "^": (x, y) => x ** y,
};

export function evaluateExpression(node: MathNode, scope: MathScope): MathValue {
  switch (node.kind) {
    case "number":
      return scalar(node.value);
    case "string":
      throw new MetricMathError(`The string "${node.value}" can only be an argument of METRICS.`);
    case "name":
      return scope.byId(node.name);
    case "negate":
      return combine("*", scalar(-1), evaluateExpression(node.operand, scope));
    case "binary":
      return combine(node.op, evaluateExpression(node.left, scope), evaluateExpression(node.right, scope));
    case "call":
      return call(node.name, node.args, scope);
  }
}

function combine(op: BinaryOperator, a: MathValue, b: MathValue): MathValue {
  const f = OPERATIONS[op];
  if (a.kind === "scalar" && b.kind === "scalar") return scalar(f(a.value, b.value));
  if (a.kind === "scalar") return perSeries(b, (s) => mapValues(s, (y) => f(a.value, y)), op);
  if (b.kind === "scalar") return perSeries(a, (s) => mapValues(s, (x) => f(x, b.value)), op);
  if (a.kind === "series" && b.kind === "series") return single(zipSeries(a.series, b.series, f));
  if (a.kind === "array" && b.kind === "series") return perSeries(a, (s) => zipSeries(s, b.series, f), op);
  if (a.kind === "series" && b.kind === "array") return perSeries(b, (s) => zipSeries(a.series, s, f), op);
  throw new MetricMathError(`The operator ${op} cannot combine two arrays of time series.`);
}

function call(name: string, args: readonly MathNode[], scope: MathScope): MathValue {
  const arity = (count: number): void => {
    if (args.length !== count)
      throw new MetricMathError(
        `The function ${name} takes ${count} argument${count === 1 ? "" : "s"}; it was given ${args.length}.`,
      );
  };
  const aggregate = AGGREGATES.get(name);
  if (aggregate !== undefined) {
    arity(1);
    const value = evaluateExpression(args[0] as MathNode, scope);
    if (value.kind === "scalar") return value;
    if (value.kind === "series")
      return scalar(value.series.values.length === 0 ? Number.NaN : aggregate(value.series.values));
    return single(acrossSeries(value.list, aggregate, name));
  }
  switch (name) {
    case "METRICS":
      return metrics(args, scope);
    case "ABS": {
      arity(1);
      const value = evaluateExpression(args[0] as MathNode, scope);
      return value.kind === "scalar"
        ? scalar(Math.abs(value.value))
        : perSeries(value, (s) => mapValues(s, Math.abs), name);
    }
    case "RATE":
      arity(1);
      return perSeries(evaluateExpression(args[0] as MathNode, scope), rate, name);
    case "FILL": {
      arity(2);
      const fill = fillWith(args[1] as MathNode, scope);
      const range = { startMs: scope.startMs, endMs: scope.endMs };
      return perSeries(evaluateExpression(args[0] as MathNode, scope), (s) => fillSeries(s, fill, range), name);
    }
  }
  if (NOT_SUPPORTED.has(name))
    throw new MetricMathError(
      `The function ${name} is not supported by the local CloudWatch; it supports SUM, AVG, MIN, MAX, METRICS, RATE, FILL and ABS.`,
    );
  throw new MetricMathError(`Unknown function ${name}.`);
}

function metrics(args: readonly MathNode[], scope: MathScope): MathValue {
  if (args.length > 1)
    throw new MetricMathError(`The function METRICS takes at most 1 argument; it was given ${args.length}.`);
  const filter = args[0];
  if (filter !== undefined && filter.kind !== "string")
    throw new MetricMathError(`The argument of METRICS must be a string in double quotes, such as METRICS("errors").`);
  const wanted = filter?.value ?? "";
  return { kind: "array", list: scope.metrics().flatMap((m) => (m.id.includes(wanted) ? [m.series] : [])) };
}

function fillWith(node: MathNode, scope: MathScope): FillWith {
  if (node.kind === "name" && (node.name === "REPEAT" || node.name === "LINEAR")) return { kind: node.name };
  const value = evaluateExpression(node, scope);
  if (value.kind !== "scalar")
    throw new MetricMathError("The second argument of FILL must be a number, REPEAT or LINEAR.");
  return { kind: "value", value: value.value };
}

/** Per second, between each data point and the one before it. */
function rate(series: TimeSeries): TimeSeries {
  const timestamps = series.timestamps.slice(1);
  const values = timestamps.map((t, k) => {
    const seconds = (t - (series.timestamps[k] as number)) / 1000;
    return ((series.values[k + 1] as number) - (series.values[k] as number)) / seconds;
  });
  return { ...series, timestamps, values };
}
