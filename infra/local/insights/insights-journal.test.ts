/**
 * Performance Insights across a restart: what an instance's history
 * recorded (sampled seconds, statement deltas, texts) is journalled to disk,
 * read back by a new journal over the same folder (as `npm start` again
 * does, through the sampler), and pruned by retention.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { SessionTuple } from "./dimensions";
import { InsightsJournal } from "./insights-journal";
import { InsightsSampler } from "./insights-sampler";
import { InstanceInsights } from "./instance-insights";
import { RETENTION_MS } from "./load-history";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 6, 10, 59, 58);
const DBI = "db-JOURNALJOURNALJOURNALJO";
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdsdeck-insights-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tuple = (waitEvent: string, tokenizedId: string, sqlId: string): SessionTuple => ({
  waitEventType: waitEvent === "CPU" ? "CPU" : (waitEvent.split(":")[0] as string),
  waitEvent,
  tokenizedId,
  tokenizedDbId: `q${tokenizedId}`,
  sqlId,
  userId: "10",
  userName: "app",
  application: "psql",
});
const sleeping = tuple("Timeout:PgSleep", "DIGEST1", "SQL1");
const locked = tuple("Lock:transactionid", "DIGEST2", "SQL2");

/** Seconds either side of an hour, so the history spans two files; texts learnt after their first use. */
function record(insights: InstanceInsights): void {
  insights.load.record(T0, [sleeping]);
  insights.texts.rememberSql("SQL1", "select pg_sleep(0.5)", "DIGEST1");
  insights.texts.rememberTokenized("DIGEST1", "select pg_sleep($1)");
  insights.load.record(T0 + 1_000, []);
  insights.load.record(T0 + 2_000, [sleeping, locked]);
  insights.texts.rememberSql("SQL2", "update t set v = 1 where id = 1", "DIGEST2");
  insights.texts.rememberTokenized("DIGEST2", "update t set v = $1 where id = $2");
  insights.load.record(T0 + 3_000, [locked]);
  const epoch = { restarted: false, startMs: T0 - HOUR };
  insights.statements.record(T0, new Map([["DIGEST1", { calls: 1, rows: 1, totalTimeMs: 500 }]]), epoch);
  insights.statements.record(T0 + 60_000, new Map([["DIGEST1", { calls: 7, rows: 7, totalTimeMs: 3_500 }]]), epoch);
}

function snapshot(insights: InstanceInsights) {
  const seconds = [...insights.load.secondsBetween(T0 - HOUR, T0 + HOUR)].map((s) => [
    s.second,
    s.tuples.map((id) => insights.load.tuple(id)),
  ]);
  return {
    instanceId: insights.instanceId,
    seconds,
    rates: [...insights.statements.rates(T0, T0 + 60_000)],
    texts: ["DIGEST1", "DIGEST2"].map((id) => insights.texts.tokenized(id)),
    sql: ["SQL1", "SQL2"].map((id) => insights.texts.sql(id)),
  };
}

describe("InsightsJournal", () => {
  test("a new journal over the same folder reads back every second, delta and text, across hour files", () => {
    const dir = tempDir();
    const before = new InsightsJournal(dir);
    const insights = new InstanceInsights(DBI, "production-myapp");
    before.attach(insights);
    record(insights);
    before.flush();
    expect(readdirSync(path.join(dir, DBI))).toHaveLength(2);

    const { instances, skipped } = new InsightsJournal(dir).load();
    expect(skipped).toBe(0);
    expect(instances).toHaveLength(1);
    const after = snapshot(instances[0] as InstanceInsights);
    expect(after).toEqual(snapshot(insights));
    expect(after.seconds).toHaveLength(4);
    expect(after.rates).toEqual([["DIGEST1", { callsPerSec: 0.1, rowsPerSec: 0.1, totalTimePerSec: 0.05 }]]);
  });

  test("what is recorded after a restart is appended to the same hour's file and read back with the rest", () => {
    const dir = tempDir();
    const first = new InsightsJournal(dir);
    const insights = new InstanceInsights(DBI, "production-myapp");
    first.attach(insights);
    record(insights);
    first.flush();

    const second = new InsightsJournal(dir);
    const [restored] = second.load().instances;
    second.attach(restored as InstanceInsights);
    // A new tuple: after the restart its id may be one an earlier line of the file gave another tuple.
    const cpu = tuple("CPU", "DIGEST3", "SQL3");
    restored?.load.record(T0 + 4_000, [cpu, locked]);
    second.flush();

    const [again] = new InsightsJournal(dir).load().instances;
    const seconds = [...(again as InstanceInsights).load.secondsBetween(T0 + 4_000, T0 + 5_000)];
    expect(seconds.map((s) => s.tuples.map((id) => again?.load.tuple(id)))).toEqual([[cpu, locked]]);
  });

  test("a line cut short by a crash is skipped and counted, the rest read back", () => {
    const dir = tempDir();
    const journal = new InsightsJournal(dir);
    const insights = new InstanceInsights(DBI, "production-myapp");
    journal.attach(insights);
    record(insights);
    journal.flush();
    const newest = readdirSync(path.join(dir, DBI)).sort().at(-1) as string;
    appendFileSync(path.join(dir, DBI, newest), "[17652");
    const { instances, skipped } = new InsightsJournal(dir).load();
    expect(skipped).toBe(1);
    expect(snapshot(instances[0] as InstanceInsights)).toEqual(snapshot(insights));
  });

  test("prune deletes the hours past 7 days and the folder of an instance no longer kept", () => {
    const dir = tempDir();
    const journal = new InsightsJournal(dir);
    const insights = new InstanceInsights(DBI, "production-myapp");
    journal.attach(insights);
    record(insights);
    journal.flush();
    const [older, newer] = readdirSync(path.join(dir, DBI)).sort();
    // Just past retention for the first hour file, not the second.
    journal.prune(T0 + 2_000 + RETENTION_MS, new Set([DBI]));
    expect(readdirSync(path.join(dir, DBI))).toEqual([newer]);
    expect(older).toBeDefined();
    journal.prune(T0 + 2_000 + RETENTION_MS, new Set());
    expect(existsSync(path.join(dir, DBI))).toBe(false);
  });
});

test("the sampler starts with what its journal kept: PI data survives a restart of the local fleet", () => {
  const dir = tempDir();
  const journal = new InsightsJournal(dir);
  const insights = new InstanceInsights(DBI, "production-myapp");
  journal.attach(insights);
  record(insights);
  journal.flush();

  const sampler = new InsightsSampler({
    instances: () => [],
    admin: { username: "unused", password: "unused" },
    caCertPem: "",
    database: "unused",
    publishLoad: () => {},
    onError: (error) => {
      throw error;
    },
    journal: new InsightsJournal(dir),
    now: () => T0 + 10_000,
  });
  const restored = sampler.insightsOf(DBI);
  expect(restored).toBeDefined();
  expect(snapshot(restored as InstanceInsights)).toEqual(snapshot(insights));
});
