import { describe, expect, it } from "vitest";
import { formatMetricValue, formatThreshold } from "./format-metric-value";

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

describe("formatThreshold", () => {
  it.each([
    [80, "Percent", "80 %"],
    [80.25, "Percent", "80.25 %"],
    [0.5, "Seconds", "0.5 s"],
    [1500, "Count/Second", "1500/s"],
    [25, "Count", "25"],
    [512, "Bytes", "512 B"],
    [2 * 1024 ** 3, "Bytes", "2 GiB"],
    [1.5 * 1024 ** 2, "Bytes", "1.5 MiB"],
    [1e9, "Bytes", "953.7 MiB (1000000000 bytes)"],
    [7, "Milliseconds", "7 Milliseconds"],
  ])("%d %s reads %s, never rounded", (value, unit, text) => {
    expect(formatThreshold(value, unit)).toBe(text);
  });
});
