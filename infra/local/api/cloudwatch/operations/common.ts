import { z } from "zod";
import { type Dimension, type MetricIdentity, metricIdentity } from "../../../metrics/metric-types";
import { cloudWatchErrors } from "../cloudwatch-errors";

/** CloudWatch's StandardUnit values. */
export const STANDARD_UNITS = [
  "Seconds",
  "Microseconds",
  "Milliseconds",
  "Bytes",
  "Kilobytes",
  "Megabytes",
  "Gigabytes",
  "Terabytes",
  "Bits",
  "Kilobits",
  "Megabits",
  "Gigabits",
  "Terabits",
  "Percent",
  "Count",
  "Bytes/Second",
  "Kilobytes/Second",
  "Megabytes/Second",
  "Gigabytes/Second",
  "Terabytes/Second",
  "Bits/Second",
  "Kilobits/Second",
  "Megabits/Second",
  "Gigabits/Second",
  "Terabits/Second",
  "Count/Second",
  "None",
] as const;

export const unitSchema = z.enum(STANDARD_UNITS);
export const nameSchema = z.string().min(1).max(255);
export const dimensionsSchema = z.array(z.object({ Name: nameSchema, Value: z.string().min(1).max(1024) })).max(30);

/** API dimensions → the store's metric identity; a dimension named twice is an error, as in CloudWatch. */
export function toMetric(
  namespace: string,
  metricName: string,
  dimensions: ReadonlyArray<{ Name: string; Value: string }> | undefined,
  parameter = "Dimensions",
): MetricIdentity {
  const list: Dimension[] = (dimensions ?? []).map((d) => ({ name: d.Name, value: d.Value }));
  const seen = new Set<string>();
  for (const d of list) {
    if (seen.has(d.name))
      throw cloudWatchErrors.invalidParameterValue(
        `The collection ${parameter} must not have a duplicate dimension name: ${d.name}.`,
      );
    seen.add(d.name);
  }
  return metricIdentity(namespace, metricName, list);
}

export function toApiDimensions(metric: MetricIdentity): Array<{ Name: string; Value: string }> {
  return metric.dimensions.map((d) => ({ Name: d.name, Value: d.value }));
}

/** Periods CloudWatch accepts for metric queries: 1, 5, 10, 20, 30, 60 or any multiple of 60. */
export function checkQueryPeriod(period: number, parameter: string): void {
  if (
    !Number.isInteger(period) ||
    period < 1 ||
    (period >= 60 ? period % 60 !== 0 : ![1, 5, 10, 20, 30].includes(period))
  ) {
    throw cloudWatchErrors.invalidParameterValue(
      `The parameter ${parameter} must be 1, 5, 10, 20, 30, 60, or any multiple of 60; ${period} is not.`,
    );
  }
}

const TOKEN_PREFIX = "rdsdeck-cw-v1:";

/** Paging tokens: opaque to clients (base64url), holding what the next page needs and a check of the request it belongs to. */
export function encodeToken(state: Record<string, unknown>): string {
  return Buffer.from(`${TOKEN_PREFIX}${JSON.stringify(state)}`, "utf8").toString("base64url");
}

export function decodeToken(token: string): Record<string, unknown> {
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, "base64url").toString("utf8") : "";
  if (!text.startsWith(TOKEN_PREFIX)) throw cloudWatchErrors.invalidNextToken();
  try {
    const parsed: unknown = JSON.parse(text.slice(TOKEN_PREFIX.length));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw cloudWatchErrors.invalidNextToken();
}

/** MaxRecords of the Describe* calls: 1–100, default 50. */
export function resolveMaxRecords(requested: number | undefined): number {
  if (requested === undefined) return 50;
  if (!Number.isInteger(requested) || requested < 1 || requested > 100) {
    throw cloudWatchErrors.invalidParameterValue(
      `The value ${requested} for parameter MaxRecords is invalid: it must be between 1 and 100.`,
    );
  }
  return requested;
}
