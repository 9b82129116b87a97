import { z } from "zod";
import { parseStatistic } from "../../../metrics/statistics";
import type { AwsError } from "../../aws-error";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { evaluateExpression } from "../metric-math/evaluate-expression";
import { type MathNode, MetricMathError } from "../metric-math/math-syntax";
import type { MathValue, TimeSeries } from "../metric-math/math-values";
import { parseExpression } from "../metric-math/parse-expression";
import { checkQueryPeriod, dimensionsSchema, toMetric, unitSchema } from "./common";
import { queryPeriods } from "./metric-query";

/** One result of GetMetricData, in ascending time order; an array expression gives several with the same Id. */
export interface QueryResult {
  readonly id: string;
  readonly label: string;
  readonly timestamps: number[];
  readonly values: number[];
}

export const metricDataQuerySchema = z.object({
  Id: z.string().min(1).max(255),
  MetricStat: z
    .object({
      Metric: z.object({
        Namespace: z.string().min(1).max(255).optional(),
        MetricName: z.string().min(1).max(255).optional(),
        Dimensions: dimensionsSchema.optional(),
      }),
      Period: z.number(),
      Stat: z.string().min(1),
      Unit: unitSchema.optional(),
    })
    .optional(),
  Expression: z.string().min(1).max(2048).optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().optional(),
  AccountId: z.string().optional(),
});

type Query = z.infer<typeof metricDataQuerySchema>;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

/**
 * Every query of a GetMetricData request: MetricStat queries read from the
 * store, expressions evaluated over the other queries' results by Id (each
 * once, cycles refused). Only queries whose ReturnData is not false are
 * returned, and never a NaN or infinite value (a division by zero has no
 * data point, as in CloudWatch).
 */
export function runMetricDataQueries(
  backend: CloudWatchBackend,
  queries: readonly Query[],
  range: { startMs: number; endMs: number },
): QueryResult[] {
  checkIds(queries);
  const metrics = new Map<string, TimeSeries>();
  const expressions = new Map<string, MathNode>();
  queries.forEach((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (q.Period !== undefined) checkQueryPeriod(q.Period, `${at}.Period`);
    if (q.Expression !== undefined && q.MetricStat !== undefined)
      throw cloudWatchErrors.invalidParameterCombination(
        `${at}: specify either MetricStat or Expression in a MetricDataQuery, not both.`,
      );
    if (q.Expression !== undefined) expressions.set(q.Id, parseOrRefuse(q.Id, q.Expression));
    else metrics.set(q.Id, readMetric(backend, q, at, range));
  });

  const values = new Map<string, MathValue>();
  const evaluating = new Set<string>();
  const scope = {
    ...range,
    metrics: () => [...metrics].map(([id, series]) => ({ id, series })),
    byId: (id: string): MathValue => {
      const series = metrics.get(id);
      if (series !== undefined) return { kind: "series", series };
      const node = expressions.get(id);
      if (node === undefined) throw new MetricMathError(`Unknown Id ${id}: no query in MetricDataQueries has it.`);
      const known = values.get(id);
      if (known !== undefined) return known;
      if (evaluating.has(id)) throw new MetricMathError(`Circular reference: ${id} depends on itself.`);
      evaluating.add(id);
      const value = inExpression(id, () => evaluateExpression(node, scope));
      evaluating.delete(id);
      values.set(id, value);
      return value;
    },
  };
  for (const id of expressions.keys()) scope.byId(id);

  return queries.flatMap((q): QueryResult[] => {
    if (q.ReturnData === false) return [];
    const series = metrics.get(q.Id);
    if (series !== undefined) return [finite(q.Id, series.label, series)];
    const value = values.get(q.Id) as MathValue;
    if (value.kind === "scalar")
      throw expressionError(q.Id, "it yields a single number; GetMetricData returns time series only.");
    if (value.kind === "series") return [finite(q.Id, q.Label ?? q.Id, value.series)];
    return value.list.map((s) => finite(q.Id, q.Label === undefined ? s.label : `${q.Label} ${s.label}`, s));
  });
}

function checkIds(queries: readonly Query[]): void {
  const ids = new Set<string>();
  queries.forEach((q, i) => {
    if (!QUERY_ID.test(q.Id)) {
      throw cloudWatchErrors.validation(
        `The value ${q.Id} for parameter MetricDataQueries.member.${i + 1}.Id is invalid: it must start with a lowercase letter and contain only letters, digits and underscores.`,
      );
    }
    if (ids.has(q.Id))
      throw cloudWatchErrors.validation(`The values of MetricDataQueries Id must be unique; ${q.Id} is used twice.`);
    ids.add(q.Id);
  });
}

function readMetric(
  backend: CloudWatchBackend,
  q: Query,
  at: string,
  range: { startMs: number; endMs: number },
): TimeSeries {
  const stat = q.MetricStat;
  if (stat === undefined)
    throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat or ${at}.Expression is required.`);
  const { Namespace, MetricName } = stat.Metric;
  if (Namespace === undefined)
    throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat.Metric.Namespace is required.`);
  if (MetricName === undefined)
    throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat.Metric.MetricName is required.`);
  const period = stat.Period;
  checkQueryPeriod(period, `${at}.MetricStat.Period`);
  const statistic = parseStatistic(stat.Stat);
  if (statistic === undefined) {
    throw cloudWatchErrors.invalidParameterValue(
      `The value ${stat.Stat} for parameter ${at}.MetricStat.Stat is not supported by the local CloudWatch: use Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99.`,
    );
  }
  const { buckets } = queryPeriods(backend.metrics, {
    metric: toMetric(Namespace, MetricName, stat.Metric.Dimensions, `${at}.MetricStat.Metric.Dimensions`),
    unit: stat.Unit,
    periodSeconds: period,
    startMs: range.startMs,
    endMs: range.endMs,
    withValues: statistic.kind === "percentile",
  });
  const { starts, values } = buckets.series(statistic);
  return { label: q.Label ?? MetricName, periodMs: period * 1000, timestamps: starts, values };
}

function parseOrRefuse(id: string, expression: string): MathNode {
  return inExpression(id, () => parseExpression(expression));
}

/** A metric math error, named after the expression it is in (the innermost one, for expressions using others). */
function inExpression<T>(id: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MetricMathError) throw expressionError(id, error.message);
    throw error;
  }
}

function expressionError(id: string, message: string): AwsError {
  return cloudWatchErrors.validation(`Error in expression ${id}: ${message}`);
}

function finite(id: string, label: string, series: TimeSeries): QueryResult {
  const timestamps: number[] = [];
  const values: number[] = [];
  series.values.forEach((v, k) => {
    if (!Number.isFinite(v)) return;
    timestamps.push(series.timestamps[k] as number);
    values.push(v);
  });
  return { id, label, timestamps, values };
}
