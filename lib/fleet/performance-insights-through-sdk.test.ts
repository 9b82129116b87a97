/**
 * The instance page's Performance Insights reads through @aws-sdk/client-pi
 * against a real local fleet: DB load by wait event, the top SQL with its
 * rates and full text, and PI's refusal of an unknown instance as the
 * domain's Unavailable.
 */
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { fleetNames } from "@/infra/fleet";
import { fleetEnv } from "@/infra/local/fleet-env";
import {
  connectAsMaster,
  describeOne,
  eventually,
  startSeededFleet,
  type TempFleet,
} from "@/infra/local/test-support/temp-fleet";
import { Unavailable } from "@/lib/errors";
import { getDatabaseLoad } from "./get-database-load";
import { getStatementLoad } from "./get-statement-load";
import { statementText, withFullTexts } from "./statement-text";
import { topSql } from "./top-sql";

let fleet: TempFleet;
let writer: { identifier: string; dbiResourceId: string };
const clients: pg.Client[] = [];

beforeAll(async () => {
  vi.stubEnv("RDSDECK_INSIGHTS_INTERVAL_SECONDS", "5");
  const started = await startSeededFleet(["create table pi_notes (id int primary key, body text not null)"]);
  fleet = started.fleet;
  for (const [name, value] of Object.entries(fleetEnv(fleet.info, fleet.engine.credentials))) vi.stubEnv(name, value);
  vi.stubEnv("RDSDECK_MODE", "local");
  vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
  const identifier = fleetNames(fleet.fleet).writer;
  writer = { identifier, dbiResourceId: (await describeOne(started.rds, identifier)).DbiResourceId ?? "" };
  started.rds.destroy();
  const port = fleet.info.endpoints.find((e) => e.role === "writer")?.port ?? 0;
  const sessions = await Promise.all([1, 2].map(() => connectAsMaster(fleet, port)));
  clients.push(...sessions);
  const until = Date.now() + 4_000;
  await Promise.all(
    sessions.map(async (c) => {
      while (Date.now() < until) await c.query("select pg_sleep(0.3)");
    }),
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  await fleet?.cleanup();
  vi.unstubAllEnvs();
});

describe("getDatabaseLoad", () => {
  test("charts the load by wait event, per minute over the last hour", async () => {
    const load = await getDatabaseLoad({ ...writer, range: "1h" });
    expect(load.periodSeconds).toBe(60);
    expect(load.waitEvents).toContain("Timeout:PgSleep");
    const busiest = load.points.reduce((a, b) => (b.total > a.total ? b : a));
    expect(busiest.total).toBeGreaterThan(0);
    expect(busiest.byWaitEvent["Timeout:PgSleep"]).toBeGreaterThan(0);
    expect(busiest.byWaitEvent["Timeout:PgSleep"]).toBeLessThanOrEqual(busiest.total);
    // Points carry their period's start, on whole minutes.
    expect(new Date(busiest.at).getTime() % 60_000).toBe(0);
  });

  test("an instance PI has no data for is Unavailable", async () => {
    const error = await getDatabaseLoad({ identifier: "ghost", dbiResourceId: "db-GHOSTGHOSTGHOSTGHOSTGHOST" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Unavailable);
    expect((error as Unavailable).message).toContain("DB instance ghost");
  });
});

describe("topSql", () => {
  test("puts the sleeping statement first, with calls/s, rows/s, mean ms per call and its full text", async () => {
    const statements = await eventually(
      async () => {
        const top = await topSql({ ...writer, range: "1h" });
        return (top[0]?.callsPerSecond ?? 0) > 0 ? top : undefined;
      },
      30_000,
      "the top SQL with pg_stat_statements' rates",
    );
    const [first] = statements;
    expect(first?.statement).toBe("select pg_sleep($1)");
    expect(first?.load).toBeGreaterThan(0);
    expect(first?.rowsPerSecond).toBeCloseTo(first?.callsPerSecond ?? 0, 5);
    expect(first?.meanMsPerCall).toBeGreaterThan(250);
    expect(first?.meanMsPerCall).toBeLessThan(800);
    expect(first?.sqlId).toBeDefined();
    const text = await statementText({ ...writer, sqlId: first?.sqlId ?? "" });
    expect(text).toBe("select pg_sleep(0.3)");
    const [withText] = await withFullTexts({ ...writer, statements: statements.slice(0, 1) });
    expect(withText?.fullText).toBe("select pg_sleep(0.3)");
  });

  test("each digest's load over time, per minute, from GetResourceMetrics filtered by its db.sql_tokenized.id", async () => {
    const now = new Date();
    const [first] = await topSql({ ...writer, range: "1h", now });
    const byDigest = await getStatementLoad({
      ...writer,
      range: "1h",
      now,
      digestIds: [first?.id ?? "", "0000000000000000000000000000000000000000"],
    });
    const points = byDigest.get(first?.id ?? "") ?? [];
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(new Date(p.at).getTime() % 60_000).toBe(0);
    // The range's load is an average of the periods' (weighted by seconds sampled): the busiest period reaches it.
    expect(Math.max(...points.map((p) => p.load))).toBeGreaterThanOrEqual(first?.load ?? Number.POSITIVE_INFINITY);
    // A digest that never ran: zero in every sampled period, as PI gives it.
    const never = byDigest.get("0000000000000000000000000000000000000000") ?? [];
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((p) => p.load === 0)).toBe(true);
  });

  test("a statement PI cut at 500 bytes gets its full text from GetDimensionKeyDetails", async () => {
    const port = fleet.info.endpoints.find((e) => e.role === "writer")?.port ?? 0;
    // A digest of its own (select pg_sleep($1), $2): its statement, with the literal, is over PI's 500 bytes.
    const long = `select pg_sleep(0.3), '${"x".repeat(600)}' as padding`;
    const c = await connectAsMaster(fleet, port);
    clients.push(c);
    // It runs until PI has seen it: the sampler looks once a second, and on a loaded machine its ticks run late.
    let running = true;
    const workload = (async () => {
      while (running) await c.query(long);
    })();
    const statements = await eventually(
      async () => {
        const top = await topSql({ ...writer, range: "1h" });
        const cut = top.filter((s) => (s.sqlStatement?.length ?? 0) === 500);
        return cut.length > 0 ? cut : undefined;
      },
      30_000,
      "the long statement in the top SQL",
    ).finally(() => {
      running = false;
    });
    await workload;
    const [withText] = await withFullTexts({ ...writer, statements });
    expect(withText?.fullText).toBe(long);
  });
});
