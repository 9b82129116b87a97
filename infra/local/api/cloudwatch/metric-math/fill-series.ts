import { alignStart } from "../../../metrics/statistics";
import { MetricMathError } from "./math-syntax";
import type { TimeSeries } from "./math-values";

/** GetMetricData's largest MaxDatapoints: a filled series never needs more. */
const MAX_PERIODS = 100_800;

export type FillWith = { readonly kind: "value"; readonly value: number } | { readonly kind: "REPEAT" | "LINEAR" };

/**
 * FILL: every period of the queried range that has no data point gets one.
 * REPEAT repeats the last value before the gap; LINEAR interpolates between
 * the values on both sides of it. Neither can fill before the first value,
 * and LINEAR cannot fill after the last: those periods stay missing.
 */
export function fillSeries(series: TimeSeries, fill: FillWith, range: { startMs: number; endMs: number }): TimeSeries {
  if (!Number.isFinite(series.periodMs) || series.periodMs <= 0) return series;
  const first = alignStart(range.startMs, series.periodMs / 1000);
  if ((range.endMs - first) / series.periodMs > MAX_PERIODS)
    throw new MetricMathError(
      `FILL would give more than ${MAX_PERIODS} data points; query a shorter range or a longer period.`,
    );
  const known = new Map(series.timestamps.map((t, k) => [t, series.values[k] as number]));
  const grid = new Set(series.timestamps);
  for (let t = first; t < range.endMs; t += series.periodMs) grid.add(t);
  const timestamps = [...grid].sort((a, b) => a - b);

  const values: Array<number | undefined> = timestamps.map((t) => known.get(t));
  for (let k = 0; k < timestamps.length; k++) {
    if (values[k] !== undefined) continue;
    if (fill.kind === "value") values[k] = fill.value;
    else if (fill.kind === "REPEAT") values[k] = k > 0 ? values[k - 1] : undefined;
    else values[k] = interpolate(timestamps, values, k, known);
  }
  const kept = timestamps.flatMap((t, k) => (values[k] === undefined ? [] : [[t, values[k] as number] as const]));
  return { ...series, timestamps: kept.map(([t]) => t), values: kept.map(([, v]) => v) };
}

function interpolate(
  timestamps: readonly number[],
  values: ReadonlyArray<number | undefined>,
  k: number,
  known: ReadonlyMap<number, number>,
): number | undefined {
  let before = k - 1;
  while (before >= 0 && !known.has(timestamps[before] as number)) before--;
  let after = k + 1;
  while (after < timestamps.length && !known.has(timestamps[after] as number)) after++;
  if (before < 0 || after >= timestamps.length) return undefined;
  const t0 = timestamps[before] as number;
  const t1 = timestamps[after] as number;
  const v0 = values[before] as number;
  const v1 = known.get(t1) as number;
  return v0 + ((v1 - v0) * ((timestamps[k] as number) - t0)) / (t1 - t0);
}
