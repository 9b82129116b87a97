import { describe, expect, it } from "vitest";
import { formatMetricValue } from "./format-metric-value";

describe("formatMetricValue", () => {
  it.each([
    [12.345, "Percent", "12.3 %"],
    [3, "Count", "3"],
    [0.42, "Seconds", "0.4 s"],
    [12.34, "Count/Second", "12.3/s"],
    [512, "Bytes", "512 B"],
    [20 * 1024 ** 3, "Bytes", "20 GiB"],
    [1536, "Bytes", "1.5 KiB"],
    [7, "Bytes/Second", "7 Bytes/Second"],
  ])("%d %s reads %s", (value, unit, text) => {
    expect(formatMetricValue(value, unit)).toBe(text);
  });
});
