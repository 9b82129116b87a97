import { describe, expect, test } from "vitest";
import { MetricSeries } from "./metric-series";
import { metricIdentity, valueRecord } from "./metric-types";
import { aggregate, alignStart, parseStatistic, percentile, statisticValue } from "./statistics";

const metric = metricIdentity("Test", "m", []);
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

function series(points: Array<[number, number]>): MetricSeries {
  const s = new MetricSeries(metric, "Count", true);
  for (const [t, v] of points) s.add(valueRecord(T0 + t, v), 1000);
  return s;
}

describe("aggregate and statisticValue", () => {
  const s = series([
    [0, 1],
    [10_000, 2],
    [20_000, 3],
    [60_000, 10],
    [70_000, 20],
  ]);
  const buckets = aggregate([s], { start: T0, end: T0 + 120_000, periodMs: 60_000, withValues: true });

  test.each([
    ["Average", 2, 15],
    ["Sum", 6, 30],
    ["Minimum", 1, 10],
    ["Maximum", 3, 20],
    ["SampleCount", 3, 2],
    ["p50", 2, 10],
    ["p99", 3, 20],
  ])("%s per minute", (stat, first, second) => {
    const statistic = parseStatistic(stat);
    expect(statistic).toBeDefined();
    if (!statistic) return;
    expect([statisticValue(buckets.get(T0)!, statistic), statisticValue(buckets.get(T0 + 60_000)!, statistic)]).toEqual(
      [first, second],
    );
  });

  test("statistic sets with different minimum and maximum make percentiles unavailable, as in CloudWatch", () => {
    const sets = new MetricSeries(metric, "Count", true);
    sets.add({ timestamp: T0, count: 10, sum: 50, min: 1, max: 9 }, 1000);
    const bucket = aggregate([sets], { start: T0, end: T0 + 60_000, periodMs: 60_000, withValues: true }).get(T0);
    expect(statisticValue(bucket!, parseStatistic("p90")!)).toBeUndefined();
    expect(statisticValue(bucket!, parseStatistic("Average")!)).toBe(5);
  });

  test("percentiles weigh values by their counts (nearest rank)", () => {
    expect(
      percentile(
        [
          [1, 98],
          [100, 2],
        ],
        98,
      ),
    ).toBe(1);
    expect(
      percentile(
        [
          [1, 98],
          [100, 2],
        ],
        99,
      ),
    ).toBe(100);
  });

  test("only CloudWatch's statistics parse", () => {
    expect(["Average", "p0", "p99.9", "p100"].map((s) => parseStatistic(s)?.label)).toEqual([
      "Average",
      "p0",
      "p99.9",
      "p100",
    ]);
    expect(["average", "tm90", "p101", "IQM", "p"].map(parseStatistic)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("periods start on even divisions of the minute, or on the minute", () => {
    const t = Date.UTC(2025, 0, 1, 1, 5, 23, 400);
    expect(new Date(alignStart(t, 10)).toISOString()).toBe("2025-01-01T01:05:20.000Z");
    expect(new Date(alignStart(t, 300)).toISOString()).toBe("2025-01-01T01:05:00.000Z");
  });
});

describe("MetricSeries", () => {
  test("merges records of one storage slot and keeps time order for late ones", () => {
    const s = new MetricSeries(metric, "None", true);
    s.add(valueRecord(T0 + 5_000, 1), 60_000);
    s.add(valueRecord(T0 + 30_000, 3), 60_000);
    s.add(valueRecord(T0 - 60_000, 7), 60_000);
    const seen: number[][] = [];
    s.forEach(0, Number.POSITIVE_INFINITY, (t, n, sum, min, max) => seen.push([t - T0, n, sum, min, max]));
    expect(seen).toEqual([
      [-60_000, 1, 7, 7, 7],
      [0, 2, 4, 1, 3],
    ]);
  });

  test("rolls high-resolution records up to one-minute records and trims what is past retention", () => {
    const s = series([
      [0, 1],
      [1_000, 2],
      [61_000, 5],
      [3_600_000, 9],
    ]);
    s.rollUp(T0 + 120_000, 60_000);
    expect(s.size).toBe(3);
    s.trim(T0 + 60_000);
    const seen: number[] = [];
    s.forEach(0, Number.POSITIVE_INFINITY, (_t, _n, sum) => seen.push(sum));
    expect(seen).toEqual([5, 9]);
  });
});
