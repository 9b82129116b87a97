import { GetResourceMetrics$, type GetResourceMetricsResponse } from "@aws-sdk/client-pi";
import { z } from "zod";
import { loadSeries } from "../../../insights/load-query";
import type { PerformanceInsightsBackend } from "../pi-backend";
import { definePiOperation, type PiOperation } from "../pi-operation";
import {
  alignedRange,
  decodeToken,
  dimensionGroup,
  encodeToken,
  filterMap,
  loadRequestFields,
  loadSelection,
  loadStatistic,
  requestString,
  resourceOf,
} from "./common";

const input = z
  .object({
    ...loadRequestFields,
    MetricQueries: z
      .array(z.object({ Metric: requestString, GroupBy: dimensionGroup.optional(), Filter: filterMap }).strict())
      .min(1)
      .max(15),
    PeriodAlignment: z.enum(["END_TIME", "START_TIME"]).optional(),
  })
  .strict();

/** PI's default number of keys a GroupBy returns. */
const DEFAULT_GROUP_LIMIT = 10;

/**
 * GetResourceMetrics: per query, the whole selection's series, then one per
 * group key (the Limit largest by average load). Each data point stands for
 * one aligned period, stamped with its end (PeriodAlignment END_TIME, the
 * default) or its start. MaxResults pages the list of series.
 */
export function getResourceMetricsOperation(backend: PerformanceInsightsBackend): PiOperation {
  return definePiOperation({
    schema: GetResourceMetrics$,
    input,
    handle: (request): GetResourceMetricsResponse => {
      const insights = resourceOf(backend, request.ServiceType, request.Identifier);
      const range = alignedRange(request.StartTime, request.EndTime, request.PeriodInSeconds);
      const offset = decodeToken(request.NextToken);
      const stampOffset = request.PeriodAlignment === "START_TIME" ? 0 : range.periodMs;
      const series = request.MetricQueries.flatMap((query, i) => {
        const parameter = `MetricQueries.${i + 1}`;
        const statistic = loadStatistic(query.Metric, `${parameter}.Metric`);
        const selection = loadSelection(query.GroupBy, query.Filter, parameter);
        const { total, groups } = loadSeries(insights.load, insights.texts, selection, range, statistic);
        const limit = query.GroupBy?.Limit ?? DEFAULT_GROUP_LIMIT;
        const chosen = selection.group ? [total, ...groups.slice(0, limit)] : [total];
        return chosen.map((s) => ({
          Key: { Metric: query.Metric, ...(s.key ? { Dimensions: { ...s.key.dimensions } } : {}) },
          DataPoints: s.values.flatMap((value, period) =>
            value === undefined
              ? []
              : [{ Timestamp: new Date(range.alignedStart + period * range.periodMs + stampOffset), Value: value }],
          ),
        }));
      });
      // MaxResults 0 (the model allows it) asks for no particular page size.
      const pageSize = request.MaxResults || series.length;
      const page = series.slice(offset, offset + Math.max(pageSize, 1));
      const next = offset + page.length;
      return {
        AlignedStartTime: new Date(range.alignedStart),
        AlignedEndTime: new Date(range.alignedEnd),
        Identifier: request.Identifier,
        MetricList: page,
        ...(next < series.length ? { NextToken: encodeToken(next) } : {}),
      };
    },
  });
}
