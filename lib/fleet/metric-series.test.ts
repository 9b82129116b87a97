import { describe, expect, it } from "vitest";
import { toMetricSeries } from "./metric-series";

describe("toMetricSeries", () => {
  it("matches results by id, sorts points oldest first and drops non-finite values", () => {
    const series = toMetricSeries(
      ["CPUUtilization", "DatabaseConnections"],
      [
        { Id: "m1", Timestamps: [new Date(2_000), new Date(1_000)], Values: [5, 3] },
        { Id: "m0", Timestamps: [new Date(3_000), new Date(1_000)], Values: [Number.NaN, 12.5] },
      ],
    );
    expect(series).toEqual([
      { metric: "CPUUtilization", unit: "Percent", points: [{ t: 1_000, v: 12.5 }] },
      {
        metric: "DatabaseConnections",
        unit: "Count",
        points: [
          { t: 1_000, v: 3 },
          { t: 2_000, v: 5 },
        ],
      },
    ]);
  });

  it("gives an empty series for a metric CloudWatch returned nothing for", () => {
    expect(toMetricSeries(["ReplicaLag"], [])).toEqual([{ metric: "ReplicaLag", unit: "Seconds", points: [] }]);
  });
});
