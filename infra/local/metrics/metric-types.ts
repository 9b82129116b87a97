/**
 * The metric model shared by the collector, the store, the alarms and the
 * CloudWatch API: a metric is a namespace, a name and a set of dimensions;
 * its data are records of (time, count, sum, min, max), so a single value and
 * a CloudWatch statistic set are stored alike.
 */

export interface Dimension {
  readonly name: string;
  readonly value: string;
}

export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  /** Sorted by name: CloudWatch treats dimension order as insignificant. */
  readonly dimensions: readonly Dimension[];
}

/** One stored datapoint: a value is count 1 with sum = min = max. */
export interface MetricRecord {
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

/** CloudWatch's StorageResolution: 1 (high resolution) or 60 (standard). */
export type StorageResolution = 1 | 60;

/** CloudWatch's StandardUnit values; "None" is what it reports when no unit was given. */
export type MetricUnit = string;

export const NO_UNIT: MetricUnit = "None";

export function metricIdentity(
  namespace: string,
  metricName: string,
  dimensions: readonly Dimension[],
): MetricIdentity {
  return { namespace, metricName, dimensions: [...dimensions].sort((a, b) => compare(a.name, b.name)) };
}

/** A stable text key for a metric; "\u0000" cannot occur in CloudWatch names or values. */
export function metricKey(metric: MetricIdentity): string {
  const dims = metric.dimensions.map((d) => `${d.name}\u0001${d.value}`).join("\u0000");
  return `${metric.namespace}\u0000${metric.metricName}\u0000${dims}`;
}

export function valueRecord(timestamp: number, value: number): MetricRecord {
  return { timestamp, count: 1, sum: value, min: value, max: value };
}

/** Code-unit order, so that paging markers compare the same way the lists are sorted. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
