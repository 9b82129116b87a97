import {
  type Datapoint,
  GetMetricStatistics$,
  type GetMetricStatisticsOutput,
  type StandardUnit,
} from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { alignStart, parseStatistic, type Statistic, statisticValue } from "../../../metrics/statistics";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { checkQueryPeriod, dimensionsSchema, nameSchema, toMetric, unitSchema } from "./common";
import { needsValues, queryPeriods } from "./metric-query";

const input = z.object({
  Namespace: nameSchema,
  MetricName: nameSchema,
  Dimensions: dimensionsSchema.optional(),
  StartTime: z.date(),
  EndTime: z.date(),
  Period: z.number(),
  Statistics: z
    .array(z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]))
    .max(5)
    .optional(),
  ExtendedStatistics: z.array(z.string()).max(10).optional(),
  Unit: unitSchema.optional(),
});

const MAX_DATAPOINTS = 1_440;

/** GetMetricStatistics: the basic statistics and/or percentiles per period, at most 1,440 datapoints, in no particular order. */
export function getMetricStatisticsOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: GetMetricStatistics$,
    input,
    handle: (request): GetMetricStatisticsOutput => {
      const basic = request.Statistics ?? [];
      const extended = request.ExtendedStatistics ?? [];
      if ((basic.length === 0) === (extended.length === 0)) {
        throw cloudWatchErrors.invalidParameterCombination(
          "Must specify either Statistics or ExtendedStatistics, but not both.",
        );
      }
      const percentiles = extended.map((text) => {
        const statistic = parseStatistic(text);
        if (statistic?.kind !== "percentile") {
          throw cloudWatchErrors.invalidParameterValue(
            `The value ${text} for parameter ExtendedStatistics is invalid: use a percentile such as p99 or p99.9.`,
          );
        }
        return statistic;
      });
      checkQueryPeriod(request.Period, "Period");
      const start = request.StartTime.getTime();
      const end = request.EndTime.getTime();
      if (start >= end)
        throw cloudWatchErrors.invalidParameterValue(
          "The parameter StartTime must be less than the parameter EndTime.",
        );
      const requested = Math.ceil((end - alignStart(start, request.Period)) / (request.Period * 1000));
      if (requested > MAX_DATAPOINTS) {
        throw cloudWatchErrors.invalidParameterCombination(
          `You have requested up to ${requested.toLocaleString("en-US")} datapoints, which exceeds the limit of 1,440. ` +
            "You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
        );
      }
      const statistics: Statistic[] = [...basic.map((b) => parseStatistic(b) as Statistic), ...percentiles];
      const { buckets, unit } = queryPeriods(backend.metrics, {
        metric: toMetric(request.Namespace, request.MetricName, request.Dimensions),
        unit: request.Unit,
        periodSeconds: request.Period,
        startMs: start,
        endMs: end,
        withValues: needsValues(statistics),
      });
      const datapoints: Datapoint[] = [];
      for (const [time, bucket] of buckets) {
        const point: Record<string, unknown> = { Timestamp: new Date(time), Unit: unit as StandardUnit };
        for (const statistic of basic)
          point[statistic] = statisticValue(bucket, parseStatistic(statistic) as Statistic);
        if (percentiles.length > 0) {
          const values: Record<string, number> = {};
          for (const p of percentiles) {
            const value = statisticValue(bucket, p);
            if (value !== undefined) values[p.label] = value;
          }
          point.ExtendedStatistics = values;
        }
        datapoints.push(point as Datapoint);
      }
      return { Label: request.MetricName, Datapoints: datapoints };
    },
  });
}
