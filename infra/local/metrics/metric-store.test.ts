import { appendFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { MetricLog } from "./metric-log";
import { MetricLimitError, MetricStore } from "./metric-store";
import { metricIdentity, valueRecord } from "./metric-types";

const HOUR = 3_600_000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(dir: string, now: () => number, options: { maxCustomSeries?: number; maxLogBytes?: number } = {}) {
  return new MetricStore({
    retentionMs: 25 * HOUR,
    maxCustomSeries: options.maxCustomSeries ?? 100,
    maxLogBytes: options.maxLogBytes ?? 64 * 1024 * 1024,
    log: new MetricLog(path.join(dir, "metrics")),
    now,
  });
}

const cpu = metricIdentity("AWS/RDS", "CPUUtilization", [{ name: "DBInstanceIdentifier", value: "w" }]);
const sumOf = (store: MetricStore, start: number, end: number) => {
  let total = 0;
  for (const s of store.series(cpu)) s.forEach(start, end, (_t, _n, sum) => (total += sum));
  return total;
};

describe("MetricStore with its log", () => {
  test("comes back after a restart with what it held, skipping a torn last line, and forgets what is past retention", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-store-"));
    dirs.push(dir);
    let now = Date.UTC(2025, 0, 1, 0, 0, 0);
    const first = open(dir, () => now);
    for (let i = 0; i < 30; i++) {
      now += HOUR;
      first.put(cpu, "Percent", [valueRecord(now, 1)], { resolution: 1, custom: false });
      await (first as unknown as { options: { log: MetricLog } }).options.log.flush();
    }
    const files = readdirSync(path.join(dir, "metrics")).sort();
    expect(files).toHaveLength(30);
    appendFileSync(path.join(dir, "metrics", files.at(-1) as string), "[1,17");

    const again = open(dir, () => now);
    // Files that end after the retention edge are read; 26 of their hourly records fall inside it.
    expect(again.load()).toEqual({ records: 26, skipped: 1 });
    // Records at now - 25 h … now: 26 hourly values, the oldest exactly at the retention edge.
    expect(sumOf(again, 0, now + 1)).toBe(26);
    expect(readdirSync(path.join(dir, "metrics")).length).toBeLessThanOrEqual(26);
  });

  test("refuses new custom series past the cap, and custom data once the log is full", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-store-"));
    dirs.push(dir);
    const now = Date.now();
    const capped = open(dir, () => now, { maxCustomSeries: 2 });
    const custom = (name: string) => metricIdentity("App", name, []);
    capped.put(custom("a"), "None", [valueRecord(now, 1)], { resolution: 60, custom: true });
    capped.put(custom("b"), "None", [valueRecord(now, 1)], { resolution: 60, custom: true });
    expect(() => capped.put(custom("c"), "None", [valueRecord(now, 1)], { resolution: 60, custom: true })).toThrow(
      MetricLimitError,
    );
    // An existing series still takes data, and the collector's are never refused.
    capped.put(custom("a"), "None", [valueRecord(now, 2)], { resolution: 60, custom: true });
    capped.put(cpu, "Percent", [valueRecord(now, 2)], { resolution: 1, custom: false });

    const other = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-store-"));
    dirs.push(other);
    const full = open(other, () => now, { maxLogBytes: 50 });
    full.put(custom("a"), "None", [valueRecord(now, 1), valueRecord(now + 1000, 1)], { resolution: 1, custom: true });
    expect(() => full.put(custom("a"), "None", [valueRecord(now, 1)], { resolution: 1, custom: true })).toThrow(
      /metric log/,
    );
  });
});
