/**
 * The instance page's chart ranges. The period grows with the range so a
 * chart holds at most a few hundred points (CloudWatch's own console does the
 * same): 1 and 3 hours by the minute, 12 and 24 hours by five minutes.
 */
import { z } from "zod";
import type { ErrorDetail } from "@/lib/errors";
import { expectedOneOf, queryIssues, queryParam, type SearchParams } from "@/lib/query-param";

export const metricRanges = {
  "1h": { short: "1 h", label: "last hour", ms: 3_600_000, periodSeconds: 60 },
  "3h": { short: "3 h", label: "last 3 hours", ms: 3 * 3_600_000, periodSeconds: 60 },
  "12h": { short: "12 h", label: "last 12 hours", ms: 12 * 3_600_000, periodSeconds: 300 },
  "24h": { short: "24 h", label: "last 24 hours", ms: 24 * 3_600_000, periodSeconds: 300 },
} as const;

export type MetricRange = keyof typeof metricRanges;
export const defaultMetricRange: MetricRange = "1h";
const rangeKeys = Object.keys(metricRanges) as [MetricRange, ...MetricRange[]];

const querySchema = z.object({ range: queryParam(z.enum(rangeKeys, { error: expectedOneOf(rangeKeys) })) });

export type ParsedMetricRange = { ok: true; range: MetricRange } | { ok: false; issues: ErrorDetail[] };

/** The `range` query parameter; other parameters are not the charts' business. */
export function parseMetricRange(params: SearchParams): ParsedMetricRange {
  const parsed = querySchema.safeParse({ range: params.range });
  if (!parsed.success) return { ok: false, issues: queryIssues(parsed.error) };
  return { ok: true, range: parsed.data.range ?? defaultMetricRange };
}
