import { MetricMathError } from "./math-syntax";

/** A time series in ascending time order; `periodMs` is the grid FILL fills on. */
export interface TimeSeries {
  readonly label: string;
  readonly periodMs: number;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

/** What an expression yields: a number, one time series, or an array of them (METRICS()). */
export type MathValue =
  | { readonly kind: "scalar"; readonly value: number }
  | { readonly kind: "series"; readonly series: TimeSeries }
  | { readonly kind: "array"; readonly list: readonly TimeSeries[] };

export const scalar = (value: number): MathValue => ({ kind: "scalar", value });
export const single = (series: TimeSeries): MathValue => ({ kind: "series", series });

export function mapValues(series: TimeSeries, f: (value: number) => number): TimeSeries {
  return { ...series, values: series.values.map(f) };
}

/** A function of each time series: applied to one, or to each of an array. */
export function perSeries(value: MathValue, f: (series: TimeSeries) => TimeSeries, what: string): MathValue {
  switch (value.kind) {
    case "series":
      return single(f(value.series));
    case "array":
      return { kind: "array", list: value.list.map(f) };
    case "scalar":
      throw new MetricMathError(`${what} needs a time series or an array of time series, not a number.`);
  }
}

/**
 * Two series combined where both have a data point: CloudWatch aligns series
 * by timestamp, and a timestamp missing from either is missing from the result.
 */
export function zipSeries(a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.timestamps.length && j < b.timestamps.length) {
    const ta = a.timestamps[i] as number;
    const tb = b.timestamps[j] as number;
    if (ta < tb) i++;
    else if (tb < ta) j++;
    else {
      timestamps.push(ta);
      values.push(f(a.values[i] as number, b.values[j] as number));
      i++;
      j++;
    }
  }
  return { label: a.label, periodMs: Math.min(a.periodMs, b.periodMs), timestamps, values };
}

/** Per timestamp across an array, over the series that have a value there (the union of their timestamps). */
export function acrossSeries(
  list: readonly TimeSeries[],
  reduce: (values: readonly number[]) => number,
  label: string,
): TimeSeries {
  const at = new Map<number, number[]>();
  for (const series of list) {
    series.timestamps.forEach((t, k) => {
      const values = at.get(t);
      if (values) values.push(series.values[k] as number);
      else at.set(t, [series.values[k] as number]);
    });
  }
  const timestamps = [...at.keys()].sort((x, y) => x - y);
  return {
    label,
    periodMs: list.reduce((m, s) => Math.min(m, s.periodMs), Number.POSITIVE_INFINITY),
    timestamps,
    values: timestamps.map((t) => reduce(at.get(t) as number[])),
  };
}
