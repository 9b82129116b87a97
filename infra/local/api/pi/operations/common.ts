/** What PI's operations share: the resource, the aligned time range, metric names, groups and filters. */
import { z } from "zod";
import { DIMENSION_GROUPS, DIMENSIONS } from "../../../insights/dimensions";
import type { InstanceInsights } from "../../../insights/instance-insights";
import type { LoadSelection, LoadStatistic } from "../../../insights/load-query";
import type { PerformanceInsightsBackend } from "../pi-backend";
import { piErrors } from "../pi-errors";

export const PERIODS = [1, 60, 300, 3600, 86400] as const;
/** One response's data points per series at most; PI answers a longer PeriodInSeconds for such ranges. */
const MAX_PERIODS = 86_400;

export const requestString = z.string().max(256);
export const dimensionGroup = z
  .object({
    Group: requestString,
    Dimensions: z.array(requestString).min(1).max(10).optional(),
    Limit: z.number().int().min(1).max(25).optional(),
  })
  .strict();
export const filterMap = z.record(requestString, requestString).optional();

/** The members GetResourceMetrics and DescribeDimensionKeys share: whose load, over which range, and the paging. */
export const loadRequestFields = {
  ServiceType: z.string(),
  Identifier: requestString,
  StartTime: z.date(),
  EndTime: z.date(),
  PeriodInSeconds: z.number().int().optional(),
  MaxResults: z.number().int().min(0).max(25).optional(),
  NextToken: z.string().min(1).max(8192).optional(),
};

/** The instance's data, or PI's answer for a resource it does not know. */
export function resourceOf(
  backend: PerformanceInsightsBackend,
  serviceType: string,
  identifier: string,
): InstanceInsights {
  if (serviceType !== "RDS") {
    throw piErrors.invalidArgument(
      `ServiceType ${serviceType} is not served here: the local fleet's data sources are RDS DB instances (ServiceType RDS).`,
    );
  }
  const insights = backend.insightsOf(identifier);
  if (insights === undefined) throw piErrors.notAuthorized(identifier, serviceType);
  return insights;
}

export interface AlignedRange {
  readonly alignedStart: number;
  readonly alignedEnd: number;
  readonly periodMs: number;
}

/**
 * StartTime (inclusive) and EndTime (exclusive) widened to whole periods, as
 * PI does: AlignedStartTime ≤ StartTime, AlignedEndTime ≥ EndTime. Without
 * PeriodInSeconds, PI picks the shortest period giving at most about 200
 * data points.
 */
export function alignedRange(start: Date, end: Date, periodInSeconds: number | undefined): AlignedRange {
  if (end.getTime() <= start.getTime()) {
    throw piErrors.invalidArgument("EndTime must be later than StartTime.");
  }
  if (periodInSeconds !== undefined && !(PERIODS as readonly number[]).includes(periodInSeconds)) {
    throw piErrors.invalidArgument(
      `PeriodInSeconds ${periodInSeconds} is not valid: use one of ${PERIODS.join(", ")}.`,
    );
  }
  const span = end.getTime() - start.getTime();
  const period = periodInSeconds ?? PERIODS.find((p) => span / (p * 1000) <= 200) ?? 86400;
  const periodMs = period * 1000;
  const alignedStart = Math.floor(start.getTime() / periodMs) * periodMs;
  const alignedEnd = Math.ceil(end.getTime() / periodMs) * periodMs;
  if ((alignedEnd - alignedStart) / periodMs > MAX_PERIODS) {
    throw piErrors.invalidArgument(
      `PeriodInSeconds ${period} gives more than ${MAX_PERIODS} data points between StartTime and EndTime: use a longer period or a shorter range.`,
    );
  }
  return { alignedStart, alignedEnd, periodMs };
}

/** db.sampledload is db.load unscaled; the local fleet samples every session, so the two are the same. */
const LOAD_METRIC = /^db\.(?:load|sampledload)\.(avg|sum|min|max)$/;

/** "db.load.avg" → "avg"; anything else is refused naming the parameter that carried it. */
export function loadStatistic(metric: string, parameter: string): LoadStatistic {
  const match = LOAD_METRIC.exec(metric);
  if (match) return match[1] as LoadStatistic;
  if (metric.startsWith("db.load.") || metric.startsWith("db.sampledload.")) {
    throw piErrors.invalidArgument(
      `The specified statistic is not a known statistic: ${metric} (${parameter}); use db.load.avg, db.load.sum, db.load.min or db.load.max.`,
    );
  }
  throw piErrors.invalidArgument(
    `The specified metric is not a known metric: ${metric} (${parameter}); this resource has db.load.avg, db.load.sum, db.load.min and db.load.max.`,
  );
}

/** A GroupBy and a Filter checked against the known groups and dimensions, as a load selection. */
export function loadSelection(
  group: z.infer<typeof dimensionGroup> | undefined,
  filter: Readonly<Record<string, string>> | undefined,
  parameter: string,
): LoadSelection {
  for (const dimension of Object.keys(filter ?? {})) {
    if (!DIMENSIONS.has(dimension)) {
      throw piErrors.invalidArgument(
        `This dimension is not a known dimension: ${dimension} is not valid for current resource (${memberOf(parameter, "Filter")}).`,
      );
    }
  }
  return {
    filter: new Map(Object.entries(filter ?? {})),
    group: group ? checkedGroup(group, memberOf(parameter, "GroupBy")) : undefined,
  };
}

/** "MetricQueries.1" + "GroupBy" → "MetricQueries.1.GroupBy"; a top-level member is named alone. */
const memberOf = (parent: string, member: string) => (parent ? `${parent}.${member}` : member);

export function checkedGroup(
  group: z.infer<typeof dimensionGroup>,
  parameter: string,
): { name: string; dimensions: string[] } {
  const known = DIMENSION_GROUPS[group.Group];
  if (known === undefined) {
    throw piErrors.invalidArgument(
      `This group is not a known group: ${group.Group} is not valid for current resource (${parameter}.Group).`,
    );
  }
  const all = Object.keys(known.dimensions);
  for (const dimension of group.Dimensions ?? []) {
    if (!all.includes(dimension)) {
      throw piErrors.invalidArgument(
        `The dimension ${dimension} is not in group ${group.Group} (${parameter}.Dimensions); it has ${all.join(", ")}.`,
      );
    }
  }
  return { name: group.Group, dimensions: group.Dimensions ?? all };
}

/** Paging tokens: an offset into the answer, which each page computes afresh from the same request. */
export function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), "utf8").toString("base64url");
}

export function decodeToken(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const parsed = z
      .object({ offset: z.number().int().min(0) })
      .parse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.offset;
  } catch {
    throw piErrors.invalidArgument("NextToken is not a token this endpoint issued.");
  }
}
