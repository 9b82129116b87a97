import { createHash } from "node:crypto";
import { GetMetricData$, type GetMetricDataOutput, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { decodeToken, encodeToken } from "./common";
import { metricDataQuerySchema, runMetricDataQueries } from "./metric-data-queries";

const input = z.object({
  MetricDataQueries: z.array(metricDataQuerySchema).max(500),
  StartTime: z.date(),
  EndTime: z.date(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
  MaxDatapoints: z.number().int().positive().optional(),
});

type Input = z.infer<typeof input>;

/** CloudWatch's default and largest MaxDatapoints. */
const MAX_DATAPOINTS = 100_800;

/**
 * GetMetricData for MetricStat queries (Average, Sum, Minimum, Maximum,
 * SampleCount, pNN.NN) and metric math expressions over them, ordered by
 * ScanBy, paged by MaxDatapoints over all queries together.
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
      const all = runMetricDataQueries(backend, request.MetricDataQueries, { startMs: start, endMs: end });
      if (descending) {
        for (const series of all) {
          series.timestamps.reverse();
          series.values.reverse();
        }
      }

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
          Timestamps: series.timestamps.slice(from, from + take).map((t) => new Date(t)),
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

/** A NextToken is only valid for the request it came from (NextToken itself aside). */
function fingerprintOf(request: Input): string {
  const { NextToken: _, ...rest } = request;
  return createHash("sha256").update(JSON.stringify(rest)).digest("base64url").slice(0, 16);
}
