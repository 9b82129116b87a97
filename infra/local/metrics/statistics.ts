import type { Distribution, MetricSeries } from "./metric-series";

/** The statistics CloudWatch computes: the five basic ones and percentiles (pNN, pNN.NN). */
export type Statistic =
  | { readonly kind: "Average" | "Sum" | "Minimum" | "Maximum" | "SampleCount"; readonly label: string }
  | { readonly kind: "percentile"; readonly percent: number; readonly label: string };

const BASIC = new Set(["Average", "Sum", "Minimum", "Maximum", "SampleCount"]);

/** "Average", "p99", "p99.9" → a Statistic; anything else (tm90, IQM, …) is not computed here. */
export function parseStatistic(text: string): Statistic | undefined {
  if (BASIC.has(text)) return { kind: text as "Average", label: text };
  const match = /^p(\d{1,2}(\.\d{1,10})?|100(\.0{1,10})?)$/.exec(text);
  if (!match) return undefined;
  return { kind: "percentile", percent: Number(match[1]), label: text };
}

/** One period's worth of records, aggregated. */
export interface Bucket {
  count: number;
  sum: number;
  min: number;
  max: number;
  /**
   * (value, weight) pairs for percentiles, or null once a record makes them
   * unavailable: CloudWatch computes percentiles only from raw values, from
   * statistic sets whose SampleCount is 1 or whose Minimum equals Maximum, and
   * never over negative values.
   */
  values: Array<[number, number]> | null;
}

export interface AggregateOptions {
  /** Inclusive, ms; already aligned by the caller. */
  readonly start: number;
  /** Exclusive, ms. */
  readonly end: number;
  readonly periodMs: number;
  readonly withValues: boolean;
}

/** Past this many periods dense arrays would cost more memory than they save time; a Map takes over. */
const MAX_DENSE_BUCKETS = 200_000;

/**
 * The periods of a time range with their aggregated records. Sums are
 * accumulated in dense typed arrays indexed by period (a day of minutes is
 * 1,440 slots), so a record costs a few array writes rather than a Map
 * lookup, and reading a statistic over all periods allocates nothing per
 * period. Very long ranges at fine periods fall back to a Map of buckets.
 */
export class PeriodBuckets implements Iterable<[number, Bucket]> {
  private readonly slots: number;
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly values: Array<Array<[number, number]> | null | undefined>;
  private readonly sparse: Map<number, Bucket> | undefined;

  constructor(
    sources: readonly MetricSeries[],
    private readonly options: AggregateOptions,
  ) {
    const { start, periodMs, withValues } = options;
    const slots = Math.max(0, Math.ceil((options.end - start) / periodMs));
    this.slots = slots > MAX_DENSE_BUCKETS ? 0 : slots;
    this.count = new Float64Array(this.slots);
    this.sum = new Float64Array(this.slots);
    this.min = new Float64Array(this.slots).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(this.slots).fill(Number.NEGATIVE_INFINITY);
    this.values = withValues && this.slots > 0 ? new Array(this.slots) : [];
    this.sparse = slots > MAX_DENSE_BUCKETS ? aggregateSparse(sources, options) : undefined;
    if (this.sparse) return;
    const { count, sum, min, max, values } = this;
    for (const series of sources) {
      series.forEach(start, options.end, (timestamp, n, total, low, high, distribution) => {
        const i = Math.floor((timestamp - start) / periodMs);
        count[i] = (count[i] as number) + n;
        sum[i] = (sum[i] as number) + total;
        if (low < (min[i] as number)) min[i] = low;
        if (high > (max[i] as number)) max[i] = high;
        if (withValues) values[i] = addValues(values[i] === undefined ? [] : values[i], n, low, high, distribution);
      });
    }
  }

  /** The bucket of the period starting at `start`, if any record fell in it. */
  get(start: number): Bucket | undefined {
    if (this.sparse) return this.sparse.get(start);
    const i = (start - this.options.start) / this.options.periodMs;
    return Number.isInteger(i) && i >= 0 && i < this.slots ? this.bucketAt(i) : undefined;
  }

  *[Symbol.iterator](): Iterator<[number, Bucket]> {
    if (this.sparse) {
      yield* this.sparse;
      return;
    }
    for (let i = 0; i < this.slots; i++) {
      const bucket = this.bucketAt(i);
      if (bucket) yield [this.options.start + i * this.options.periodMs, bucket];
    }
  }

  /** One statistic for every period with data, oldest first: (period start, value) in two parallel arrays. */
  series(statistic: Statistic): { starts: number[]; values: number[] } {
    const starts: number[] = [];
    const values: number[] = [];
    if (this.sparse || statistic.kind === "percentile") {
      for (const [start, bucket] of [...this].sort((a, b) => a[0] - b[0])) {
        const value = statisticValue(bucket, statistic);
        if (value === undefined) continue;
        starts.push(start);
        values.push(value);
      }
      return { starts, values };
    }
    const { count, sum, min, max } = this;
    for (let i = 0; i < this.slots; i++) {
      const n = count[i] as number;
      if (n === 0) continue;
      starts.push(this.options.start + i * this.options.periodMs);
      const kind = statistic.kind;
      values.push(
        kind === "Average"
          ? (sum[i] as number) / n
          : kind === "Sum"
            ? (sum[i] as number)
            : kind === "Minimum"
              ? (min[i] as number)
              : kind === "Maximum"
                ? (max[i] as number)
                : n,
      );
    }
    return { starts, values };
  }

  private bucketAt(i: number): Bucket | undefined {
    const n = this.count[i] as number;
    if (n === 0) return undefined;
    return {
      count: n,
      sum: this.sum[i] as number,
      min: this.min[i] as number,
      max: this.max[i] as number,
      values: this.options.withValues ? (this.values[i] ?? null) : null,
    };
  }
}

export function aggregate(sources: readonly MetricSeries[], options: AggregateOptions): PeriodBuckets {
  return new PeriodBuckets(sources, options);
}

function aggregateSparse(sources: readonly MetricSeries[], options: AggregateOptions): Map<number, Bucket> {
  const buckets = new Map<number, Bucket>();
  const { start, periodMs, withValues } = options;
  for (const series of sources) {
    series.forEach(start, options.end, (timestamp, count, sum, min, max, distribution) => {
      const key = start + Math.floor((timestamp - start) / periodMs) * periodMs;
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = {
          count: 0,
          sum: 0,
          min: Number.POSITIVE_INFINITY,
          max: Number.NEGATIVE_INFINITY,
          values: withValues ? [] : null,
        };
        buckets.set(key, bucket);
      }
      bucket.count += count;
      bucket.sum += sum;
      if (min < bucket.min) bucket.min = min;
      if (max > bucket.max) bucket.max = max;
      if (bucket.values !== null) bucket.values = addValues(bucket.values, count, min, max, distribution);
    });
  }
  return buckets;
}

/** Adds a record's values for percentiles; null once they cannot be known (a statistic set, a negative value). */
function addValues(
  into: Array<[number, number]> | null,
  count: number,
  min: number,
  max: number,
  distribution: Distribution | undefined,
): Array<[number, number]> | null {
  if (into === null || min < 0) return null;
  if (distribution !== undefined && distribution !== null) into.push(...distribution);
  else if (distribution === undefined && (count === 1 || min === max)) into.push([min, count]);
  else return null;
  return into;
}

export function statisticValue(bucket: Bucket, statistic: Statistic): number | undefined {
  switch (statistic.kind) {
    case "Average":
      return bucket.sum / bucket.count;
    case "Sum":
      return bucket.sum;
    case "Minimum":
      return bucket.min;
    case "Maximum":
      return bucket.max;
    case "SampleCount":
      return bucket.count;
    case "percentile":
      return bucket.values === null ? undefined : percentile(bucket.values, statistic.percent);
  }
}

/** Nearest-rank percentile over weighted values: the smallest value with at least p % of the weight at or below it. */
export function percentile(values: Array<[number, number]>, percent: number): number | undefined {
  if (values.length === 0) return undefined;
  values.sort((a, b) => a[0] - b[0]);
  const total = values.reduce((sum, [, weight]) => sum + weight, 0);
  const rank = Math.max(1, Math.ceil((percent / 100) * total));
  let seen = 0;
  for (const [value, weight] of values) {
    seen += weight;
    if (seen >= rank) return value;
  }
  return values.at(-1)?.[0];
}

/**
 * Where CloudWatch starts the first period: periods under a minute on even
 * divisions of the minute (1, 5, 10, 20, 30 s), longer ones on the whole minute.
 */
export function alignStart(startMs: number, periodSeconds: number): number {
  const unit = periodSeconds < 60 ? periodSeconds * 1000 : 60_000;
  return Math.floor(startMs / unit) * unit;
}
