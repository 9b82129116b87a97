import { describe, expect, it } from "vitest";
import { metricRanges, parseMetricRange } from "./metric-range";

describe("parseMetricRange", () => {
  it("defaults to the last hour when no range, or an empty one, is given", () => {
    expect(parseMetricRange({})).toEqual({ ok: true, range: "1h" });
    expect(parseMetricRange({ range: "" })).toEqual({ ok: true, range: "1h" });
  });

  it.each(["1h", "3h", "12h", "24h"] as const)("accepts %s", (range) => {
    expect(parseMetricRange({ range })).toEqual({ ok: true, range });
  });

  it.each([
    ["2h", "expected one of 1h, 3h, 12h, 24h"],
    [["1h", "3h"], "expected one value, got several"],
  ])("refuses %j, naming the parameter", (range, message) => {
    expect(parseMetricRange({ range })).toEqual({ ok: false, issues: [{ field: "range", message }] });
  });

  it("keeps every range under 300 points per chart", () => {
    for (const { ms, periodSeconds } of Object.values(metricRanges)) {
      expect(ms / 1000 / periodSeconds).toBeLessThanOrEqual(300);
    }
  });
});
