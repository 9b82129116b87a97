import { createHash } from "node:crypto";
import { GetMetricData$, type GetMetricDataOutput, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { parseStatistic } from "../../../metrics/statistics";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { checkQueryPeriod, decodeToken, dimensionsSchema, encodeToken, toMetric, unitSchema } from "./common";
import { queryPeriods } from "./metric-query";

const query = z.object({
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
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().optional(),
  AccountId: z.string().optional(),
});

const input = z.object({
  MetricDataQueries: z.array(query).max(500),
  StartTime: z.date(),
  EndTime: z.date(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().positive().optional(),
});

type Input = z.infer<typeof input>;

/** CloudWatch's default and largest MaxDatapoints. */
const MAX_DATAPOINTS = 100_800;
const QUERY_ID = /^[a-z][a-zA-Z0-9_]*$/;

interface Series {
  readonly id: string;
  readonly label: string;
  readonly timestamps: Date[];
  readonly values: number[];
}

/**
 * GetMetricData for MetricStat queries (Average, Sum, Minimum, Maximum,
 * SampleCount, pNN.NN), ordered by ScanBy, paged by MaxDatapoints over all
 * queries together. Metric math expressions are refused with a clear error.
 */
export function getMetricDataOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: GetMetricData$,
    input,
    handle: (request): GetMetricDataOutput => {
      const start = request.StartTime.getTime();
      const end = request.EndTime.getTime();
      if (start >= end)
        throw cloudWatchErrors.invalidParameterValue(
          "The parameter StartTime must be less than the parameter EndTime.",
        );
      if (request.MetricDataQueries.length === 0)
        throw cloudWatchErrors.missingParameter("The parameter MetricDataQueries is required.");
      const maxDatapoints = Math.min(request.MaxDatapoints ?? MAX_DATAPOINTS, MAX_DATAPOINTS);
      const descending = (request.ScanBy ?? "TimestampDescending") === "TimestampDescending";
      const all = computeAll(backend, request, start, end, descending);

      const fingerprint = fingerprintOf(request);
      let cursor = { query: 0, offset: 0 };
      if (request.NextToken !== undefined) {
        const token = decodeToken(request.NextToken);
        if (token.f !== fingerprint || typeof token.q !== "number" || typeof token.o !== "number")
          throw cloudWatchErrors.invalidNextToken();
        cursor = { query: token.q, offset: token.o };
      }

      let budget = maxDatapoints;
      let next: { query: number; offset: number } | undefined;
      const results: MetricDataResult[] = all.map((series, index) => {
        const from = index < cursor.query ? series.values.length : index === cursor.query ? cursor.offset : 0;
        const take = next === undefined ? Math.min(budget, series.values.length - from) : 0;
        budget -= take;
        const done = from + take >= series.values.length;
        if (!done && next === undefined) next = { query: index, offset: from + take };
        return {
          Id: series.id,
          Label: series.label,
          Timestamps: series.timestamps.slice(from, from + take),
          Values: series.values.slice(from, from + take),
          StatusCode: done ? "Complete" : "PartialData",
        };
      });
      return {
        MetricDataResults: results,
        Messages: [],
        ...(next === undefined ? {} : { NextToken: encodeToken({ f: fingerprint, q: next.query, o: next.offset }) }),
      };
    },
  });
}

function computeAll(
  backend: CloudWatchBackend,
  request: Input,
  start: number,
  end: number,
  descending: boolean,
): Series[] {
  const ids = new Set<string>();
  return request.MetricDataQueries.flatMap((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (!QUERY_ID.test(q.Id)) {
      throw cloudWatchErrors.validation(
        `The value ${q.Id} for parameter ${at}.Id is invalid: it must start with a lowercase letter and contain only letters, digits and underscores.`,
      );
    }
    if (ids.has(q.Id))
      throw cloudWatchErrors.validation(`The values of MetricDataQueries Id must be unique; ${q.Id} is used twice.`);
    ids.add(q.Id);
    if (q.Expression !== undefined) {
      throw cloudWatchErrors.invalidParameterValue(
        `${at}.Expression: metric math and Metrics Insights expressions are not supported by the local CloudWatch; query metrics with MetricStat.`,
      );
    }
    const stat = q.MetricStat;
    if (stat === undefined) throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat is required.`);
    const { Namespace, MetricName } = stat.Metric;
    if (Namespace === undefined)
      throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat.Metric.Namespace is required.`);
    if (MetricName === undefined)
      throw cloudWatchErrors.missingParameter(`The parameter ${at}.MetricStat.Metric.MetricName is required.`);
    checkQueryPeriod(stat.Period, `${at}.MetricStat.Period`);
    const statistic = parseStatistic(stat.Stat);
    if (statistic === undefined) {
      throw cloudWatchErrors.invalidParameterValue(
        `The value ${stat.Stat} for parameter ${at}.MetricStat.Stat is not supported by the local CloudWatch: use Average, Sum, Minimum, Maximum, SampleCount or a percentile such as p99.`,
      );
    }
    if (q.ReturnData === false) return [];
    const { buckets } = queryPeriods(backend.metrics, {
      metric: toMetric(Namespace, MetricName, stat.Metric.Dimensions, `${at}.MetricStat.Metric.Dimensions`),
      unit: stat.Unit,
      periodSeconds: stat.Period,
      startMs: start,
      endMs: end,
      withValues: statistic.kind === "percentile",
    });
    const { starts, values } = buckets.series(statistic);
    if (descending) {
      starts.reverse();
      values.reverse();
    }
    return [
      {
        id: q.Id,
        label: q.Label ?? MetricName,
        timestamps: starts.map((t) => new Date(t)),
        values,
      },
    ];
  });
}

/** A NextToken is only valid for the request it came from (NextToken itself aside). */
function fingerprintOf(request: Input): string {
  const { NextToken: _, ...rest } = request;
  return createHash("sha256").update(JSON.stringify(rest)).digest("base64url").slice(0, 16);
}
