/**
 * DB load read back from sampled seconds: each statistic over a period,
 * seconds without a session counting as zero, keys ranked by load, filters,
 * and periods nothing was sampled in left without a value.
 */
import { describe, expect, test } from "vitest";
import type { SessionTuple } from "./dimensions";
import { LoadHistory } from "./load-history";
import { type LoadStatistic, loadSeries } from "./load-query";
import { StatementTextStore } from "./statement-texts";

const session = (waitEvent: string, user = "app"): SessionTuple => ({
  waitEventType: waitEvent === "CPU" ? "CPU" : (waitEvent.split(":")[0] as string),
  waitEvent,
  tokenizedId: `T-${waitEvent}`,
  tokenizedDbId: "42",
  sqlId: `S-${waitEvent}`,
  userId: "10",
  userName: user,
  application: "psql",
});
const cpu = session("CPU");
const lock = session("Lock:transactionid", "batch");

const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
/** Seconds 0–3 of one minute: 2 CPU; 1 CPU + 1 lock; nothing; 1 lock. Nothing sampled in the next minute. */
function history(): LoadHistory {
  const h = new LoadHistory();
  h.record(T0, [cpu, cpu]);
  h.record(T0 + 1000, [cpu, lock]);
  h.record(T0 + 2000, []);
  h.record(T0 + 3000, [lock]);
  return h;
}
const range = { alignedStart: T0, alignedEnd: T0 + 120_000, periodMs: 60_000 };
const texts = new StatementTextStore();

describe("loadSeries", () => {
  test.each<[LoadStatistic, number]>([
    ["avg", 5 / 4],
    ["sum", 5],
    ["max", 2],
    ["min", 0],
  ])("db.load.%s of a minute folds its sampled seconds", (statistic, expected) => {
    const { total } = loadSeries(history(), texts, { filter: new Map() }, range, statistic);
    expect(total.values).toEqual([expected, undefined]);
  });

  test("grouped by wait event: each key's own per-second counts, largest load first", () => {
    const { groups } = loadSeries(
      history(),
      texts,
      { filter: new Map(), group: { name: "db.wait_event", dimensions: ["db.wait_event.name", "db.wait_event.type"] } },
      range,
      "max",
    );
    expect(groups.map((g) => [g.key?.dimensions, g.values[0], g.average])).toEqual([
      [{ "db.wait_event.name": "CPU", "db.wait_event.type": "CPU" }, 2, 3 / 4],
      [{ "db.wait_event.name": "Lock:transactionid", "db.wait_event.type": "Lock" }, 1, 2 / 4],
    ]);
  });

  test("a filter keeps only matching sessions, over all sampled seconds", () => {
    const { total } = loadSeries(history(), texts, { filter: new Map([["db.user.name", "batch"]]) }, range, "avg");
    expect(total.values[0]).toBe(2 / 4);
  });

  test("one-second periods: a value for every sampled second, none for the rest", () => {
    const { total } = loadSeries(
      history(),
      texts,
      { filter: new Map() },
      { alignedStart: T0, alignedEnd: T0 + 5000, periodMs: 1000 },
      "avg",
    );
    expect(total.values).toEqual([2, 2, 0, 1, undefined]);
  });
});
