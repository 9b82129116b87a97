/**
 * pg_stat_statements' cumulative counters turned into per-interval rates:
 * deltas between readings, a baseline at the first reading and after a
 * reset, and what a new instance ran before its first reading.
 */
import { describe, expect, test } from "vitest";
import { type StatementCounters, StatementHistory } from "./statement-history";

const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
const epoch = { restarted: false, startMs: T0 - 600_000 };
const counters = (entries: Record<string, StatementCounters>) => new Map(Object.entries(entries));

describe("StatementHistory", () => {
  test("rates are the counters' deltas between readings, per second", () => {
    const h = new StatementHistory();
    h.record(T0, counters({ a: { calls: 100, rows: 100, totalTimeMs: 1_000, sinceMs: T0 - 900_000 } }), epoch);
    h.record(T0 + 60_000, counters({ a: { calls: 160, rows: 220, totalTimeMs: 31_000 } }), epoch);
    const a = h.rates(T0, T0 + 60_000).get("a");
    expect(a).toEqual({ callsPerSec: 1, rowsPerSec: 2, totalTimePerSec: 0.5 });
  });

  test("a digest counted since before this epoch is only a baseline at the first reading", () => {
    const h = new StatementHistory();
    h.record(T0, counters({ old: { calls: 500, rows: 500, totalTimeMs: 5_000, sinceMs: epoch.startMs - 1 } }), epoch);
    expect(h.rates(T0 - 3_600_000, T0).size).toBe(0);
  });

  test("what a new instance ran before the first reading counts over the digest's own lifetime", () => {
    const h = new StatementHistory();
    const since = T0 - 10_000;
    h.record(T0, counters({ fresh: { calls: 20, rows: 20, totalTimeMs: 6_000, sinceMs: since } }), epoch);
    const fresh = h.rates(since, T0).get("fresh");
    expect(fresh?.callsPerSec).toBeCloseTo(2, 9);
    expect(fresh?.totalTimePerSec).toBeCloseTo(0.6, 9);
    // Nothing is claimed for time before the digest existed.
    expect(h.rates(since - 60_000, since).size).toBe(0);
    // Later readings count from this one, never twice.
    h.record(T0 + 60_000, counters({ fresh: { calls: 80, rows: 80, totalTimeMs: 6_000, sinceMs: since } }), epoch);
    expect(h.rates(T0, T0 + 60_000).get("fresh")?.callsPerSec).toBeCloseTo(1, 9);
  });

  test("after the counters restarted, the reading is a new baseline plus what was counted since", () => {
    const h = new StatementHistory();
    h.record(T0, counters({ a: { calls: 1_000, rows: 0, totalTimeMs: 0, sinceMs: epoch.startMs } }), epoch);
    const restart = T0 + 30_000;
    h.record(
      T0 + 60_000,
      counters({
        a: { calls: 3, rows: 0, totalTimeMs: 0, sinceMs: epoch.startMs },
        b: { calls: 30, rows: 30, totalTimeMs: 300, sinceMs: restart + 1_000 },
      }),
      { restarted: true, startMs: restart },
    );
    const rates = h.rates(T0, T0 + 60_000);
    // a's 3 calls since the restart are not knowable apart from its saved counts: none are claimed.
    expect(rates.has("a")).toBe(false);
    expect(rates.get("b")?.callsPerSec).toBeCloseTo(30 / 60, 9);
  });

  test("a digest first seen after the reading's own start still gets a non-empty interval", () => {
    const h = new StatementHistory();
    h.record(T0, counters({ late: { calls: 1, rows: 1, totalTimeMs: 1, sinceMs: T0 + 5 } }), epoch);
    expect(h.rates(T0 - 1, T0).get("late")?.callsPerSec).toBeCloseTo(1_000, 6);
  });
});
