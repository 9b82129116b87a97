import { DescribeDimensionKeys$, type DescribeDimensionKeysResponse } from "@aws-sdk/client-pi";
import { z } from "zod";
import type { InstanceInsights } from "../../../insights/instance-insights";
import { type GroupKey, type LoadSelection, type LoadStatistic, loadSeries } from "../../../insights/load-query";
import type { StatementRates } from "../../../insights/statement-history";
import type { PerformanceInsightsBackend } from "../pi-backend";
import { piErrors } from "../pi-errors";
import { definePiOperation, type PiOperation } from "../pi-operation";
import {
  type AlignedRange,
  alignedRange,
  checkedGroup,
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
    Metric: requestString,
    GroupBy: dimensionGroup,
    AdditionalMetrics: z.array(requestString).min(1).max(30).optional(),
    PartitionBy: dimensionGroup.optional(),
    Filter: filterMap,
  })
  .strict();

const DEFAULT_LIMIT = 10;

/** The per-SQL statistics of RDS for PostgreSQL served, from pg_stat_statements' deltas. */
const SQL_STATISTICS: Readonly<Record<string, (r: StatementRates) => number>> = {
  "db.sql_tokenized.stats.calls_per_sec.avg": (r) => r.callsPerSec,
  "db.sql_tokenized.stats.rows_per_sec.avg": (r) => r.rowsPerSec,
  "db.sql_tokenized.stats.total_time_per_sec.avg": (r) => r.totalTimePerSec,
};

/**
 * DescribeDimensionKeys: the group's keys over the whole range, largest
 * Total (the metric over the range) first, the Limit largest; per key the
 * requested SQL statistics and, with PartitionBy, its load split by the
 * partition group's largest keys.
 */
export function describeDimensionKeysOperation(backend: PerformanceInsightsBackend): PiOperation {
  return definePiOperation({
    schema: DescribeDimensionKeys$,
    input,
    handle: (request): DescribeDimensionKeysResponse => {
      const insights = resourceOf(backend, request.ServiceType, request.Identifier);
      const statistic = loadStatistic(request.Metric, "Metric");
      const requested = alignedRange(request.StartTime, request.EndTime, request.PeriodInSeconds);
      // One period over the whole aligned range: each key's Total.
      const whole: AlignedRange = { ...requested, periodMs: requested.alignedEnd - requested.alignedStart };
      const selection = loadSelection(request.GroupBy, request.Filter, "");
      const additional = checkedAdditionalMetrics(request.AdditionalMetrics, request.GroupBy.Group);
      const keys = totals(insights, selection, whole, statistic).slice(0, request.GroupBy.Limit ?? DEFAULT_LIMIT);

      const partitions = request.PartitionBy
        ? partitionKeys(insights, request, whole, statistic).slice(0, request.PartitionBy.Limit ?? DEFAULT_LIMIT)
        : undefined;
      const partitionTotals = partitions?.map((p) => {
        const within: LoadSelection = {
          ...selection,
          filter: new Map([...selection.filter, ...Object.entries(p.key.identity)]),
        };
        return new Map(totals(insights, within, whole, statistic).map((k) => [k.key.id, k.total]));
      });
      const rates = additional.length > 0 ? insights.statements.rates(whole.alignedStart, whole.alignedEnd) : undefined;

      const offset = decodeToken(request.NextToken);
      const pageSize = request.MaxResults || keys.length;
      const page = keys.slice(offset, offset + Math.max(pageSize, 1));
      const next = offset + page.length;
      return {
        AlignedStartTime: new Date(requested.alignedStart),
        AlignedEndTime: new Date(requested.alignedEnd),
        ...(partitions ? { PartitionKeys: partitions.map((p) => ({ Dimensions: { ...p.key.dimensions } })) } : {}),
        Keys: page.map((k) => ({
          Dimensions: { ...k.key.dimensions },
          Total: k.total,
          ...(rates
            ? {
                AdditionalMetrics: Object.fromEntries(
                  additional.map((name) => {
                    const r = rates.get(k.key.identity["db.sql_tokenized.id"] ?? "");
                    return [name, r ? (SQL_STATISTICS[name] as (r: StatementRates) => number)(r) : 0];
                  }),
                ),
              }
            : {}),
          ...(partitionTotals ? { Partitions: partitionTotals.map((t) => t.get(k.key.id) ?? 0) } : {}),
        })),
        ...(next < keys.length ? { NextToken: encodeToken(next) } : {}),
      };
    },
  });
}

function totals(
  insights: InstanceInsights,
  selection: LoadSelection,
  whole: AlignedRange,
  statistic: LoadStatistic,
): { key: GroupKey; total: number }[] {
  return loadSeries(insights.load, insights.texts, selection, whole, statistic)
    .groups.map((g) => ({ key: g.key as GroupKey, total: g.values[0] ?? 0 }))
    .sort((a, b) => b.total - a.total);
}

function partitionKeys(
  insights: InstanceInsights,
  request: z.infer<typeof input>,
  whole: AlignedRange,
  statistic: LoadStatistic,
): { key: GroupKey; total: number }[] {
  const group = checkedGroup(request.PartitionBy as z.infer<typeof dimensionGroup>, "PartitionBy");
  const base = loadSelection(undefined, request.Filter, "");
  return totals(insights, { ...base, group }, whole, statistic);
}

function checkedAdditionalMetrics(names: readonly string[] | undefined, group: string): string[] {
  if (names === undefined) return [];
  if (group !== "db.sql_tokenized") {
    throw piErrors.invalidArgument(
      `AdditionalMetrics are per-SQL statistics: they need GroupBy.Group db.sql_tokenized, not ${group}.`,
    );
  }
  for (const name of names) {
    if (!(name in SQL_STATISTICS)) {
      throw piErrors.invalidArgument(
        `The specified metric is not a known metric: ${name} (AdditionalMetrics); available: ${Object.keys(SQL_STATISTICS).join(", ")}.`,
      );
    }
  }
  return [...names];
}
