/**
 * The local Performance Insights API on a real fleet, through
 * @aws-sdk/client-pi: a known slow statement tops the SQL by load with its
 * normalised text and pg_stat_statements' rates, a session blocked on a row
 * lock shows as a Lock wait, DB load reaches CloudWatch as DBLoad, and
 * malformed requests are refused naming what is wrong.
 */
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  DescribeDimensionKeysCommand,
  GetDimensionKeyDetailsCommand,
  GetResourceMetricsCommand,
  type GetResourceMetricsCommandInput,
  ListAvailableResourceMetricsCommand,
  PIClient,
} from "@aws-sdk/client-pi";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { fleetNames } from "../../../fleet";
import { cloudWatchClient } from "../../monitoring/cloudwatch-client";
import {
  connectAsMaster,
  describeOne,
  eventually,
  startSeededFleet,
  type TempFleet,
} from "../../test-support/temp-fleet";

const CALLS = "db.sql_tokenized.stats.calls_per_sec.avg";
const ROWS = "db.sql_tokenized.stats.rows_per_sec.avg";
const TIME = "db.sql_tokenized.stats.total_time_per_sec.avg";

let fleet: TempFleet;
let pi: PIClient;
let writer: { id: string; port: number; dbiResourceId: string };
const clients: pg.Client[] = [];

const connect = async (application: string) => {
  const c = await connectAsMaster(fleet, writer.port);
  await c.query(`set application_name = '${application}'`);
  clients.push(c);
  return c;
};
const sinceSeconds = (seconds: number) => ({ StartTime: new Date(Date.now() - seconds * 1000), EndTime: new Date() });

beforeAll(async () => {
  // Statement deltas and DBLoad every 5 s rather than every minute, so the test sees several.
  vi.stubEnv("RDSDECK_INSIGHTS_INTERVAL_SECONDS", "5");
  const started = await startSeededFleet([
    "create table pi_items (id int primary key, name text not null)",
    "insert into pi_items select g, 'item ' || g from generate_series(1, 100) g",
  ]);
  fleet = started.fleet;
  const id = fleetNames(fleet.fleet).writer;
  const port = fleet.info.endpoints.find((e) => e.role === "writer")?.port;
  if (port === undefined) throw new Error("no writer endpoint");
  const described = await describeOne(started.rds, id);
  writer = { id, port, dbiResourceId: described.DbiResourceId ?? "" };
  started.rds.destroy();
  pi = new PIClient({
    endpoint: fleet.info.apiUrl,
    region: fleet.info.region,
    credentials: fleet.engine.credentials.aws,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  pi?.destroy();
  await fleet?.cleanup();
});

describe("a slow statement", () => {
  beforeAll(async () => {
    // Three sessions sleeping half a second at a time, one running a quick count as fast as it can: the count is
    // called far more often, yet the sleep is what loads the database.
    const sleepers = await Promise.all([1, 2, 3].map(() => connect("pi-test-sleeper")));
    const counter = await connect("pi-test-counter");
    const until = Date.now() + 6_000;
    await Promise.all([
      ...sleepers.map(async (c) => {
        while (Date.now() < until) await c.query("select pg_sleep(0.5)");
      }),
      (async () => {
        while (Date.now() < until) await counter.query("select count(*) from pi_items where id > $1", [10]);
      })(),
    ]);
  });

  test("tops DescribeDimensionKeys by db.sql_tokenized, with its normalised text and its rates", async () => {
    const keys = await eventually(
      async () => {
        const answer = await pi.send(
          new DescribeDimensionKeysCommand({
            ServiceType: "RDS",
            Identifier: writer.dbiResourceId,
            ...sinceSeconds(120),
            Metric: "db.load.avg",
            GroupBy: { Group: "db.sql_tokenized", Limit: 5 },
            AdditionalMetrics: [CALLS, ROWS, TIME],
          }),
        );
        // pg_stat_statements' deltas come every 5 s: wait for one taken after the workload.
        const top = answer.Keys?.[0];
        return top && (top.AdditionalMetrics?.[CALLS] ?? 0) > 0 ? answer.Keys : undefined;
      },
      30_000,
      "the sleeper's digest with its SQL statistics",
    );
    const [top, ...others] = keys ?? [];
    expect(top?.Dimensions?.["db.sql_tokenized.statement"]).toBe("select pg_sleep($1)");
    // Three sessions asleep most of the time: close to 3 average active sessions while they ran.
    expect(top?.Total).toBeGreaterThan(0.1);
    for (const other of others) expect(other.Total ?? 0).toBeLessThan(top?.Total ?? 0);
    // Each sleep returns one row and takes half a second: about 500 ms per call.
    const calls = top?.AdditionalMetrics?.[CALLS] ?? 0;
    const seconds = top?.AdditionalMetrics?.[TIME] ?? 0;
    expect(top?.AdditionalMetrics?.[ROWS]).toBeCloseTo(calls, 5);
    expect((seconds / calls) * 1000).toBeGreaterThan(450);
    expect((seconds / calls) * 1000).toBeLessThan(1000);
  });

  test("waits on Timeout:PgSleep in GetResourceMetrics by db.wait_event, per second", async () => {
    const window = { StartTime: new Date(Date.now() - 120_500), EndTime: new Date(Date.now() - 250) };
    const answer = await pi.send(
      new GetResourceMetricsCommand({
        ServiceType: "RDS",
        Identifier: writer.dbiResourceId,
        ...window,
        PeriodInSeconds: 1,
        MetricQueries: [
          {
            Metric: "db.load.avg",
            GroupBy: { Group: "db.wait_event" },
            Filter: { "db.application.name": "pi-test-sleeper" },
          },
        ],
      }),
    );
    // Widened to whole seconds: the start down, the end up.
    expect(answer.AlignedStartTime?.getTime()).toBe(Math.floor(window.StartTime.getTime() / 1000) * 1000);
    expect(answer.AlignedEndTime?.getTime()).toBe(Math.ceil(window.EndTime.getTime() / 1000) * 1000);
    const [total, ...byWait] = answer.MetricList ?? [];
    expect(total?.Key).toEqual({ Metric: "db.load.avg" });
    expect(byWait.map((s) => s.Key?.Dimensions?.["db.wait_event.name"])).toContain("Timeout:PgSleep");
    // Three sleepers: some second saw all three.
    expect(Math.max(...(total?.DataPoints ?? []).map((p) => p.Value ?? 0))).toBe(3);
  });

  test("gives the full statement of a digest by its db.sql.id", async () => {
    const digests = await pi.send(
      new DescribeDimensionKeysCommand({
        ServiceType: "RDS",
        Identifier: writer.dbiResourceId,
        ...sinceSeconds(120),
        Metric: "db.load.avg",
        GroupBy: { Group: "db.sql", Dimensions: ["db.sql.id", "db.sql.statement"], Limit: 1 },
        Filter: { "db.application.name": "pi-test-sleeper" },
      }),
    );
    const sqlId = digests.Keys?.[0]?.Dimensions?.["db.sql.id"];
    expect(sqlId).toMatch(/^[0-9A-F]{40}$/);
    const details = await pi.send(
      new GetDimensionKeyDetailsCommand({
        ServiceType: "RDS",
        Identifier: writer.dbiResourceId,
        Group: "db.sql",
        GroupIdentifier: sqlId,
        RequestedDimensions: ["statement"],
      }),
    );
    expect(details.Dimensions).toEqual([
      { Dimension: "db.sql.statement", Value: "select pg_sleep(0.5)", Status: "AVAILABLE" },
    ]);
  });

  test("splits each digest's load by application with PartitionBy", async () => {
    const answer = await pi.send(
      new DescribeDimensionKeysCommand({
        ServiceType: "RDS",
        Identifier: writer.dbiResourceId,
        ...sinceSeconds(120),
        Metric: "db.load.avg",
        GroupBy: { Group: "db.sql_tokenized", Dimensions: ["db.sql_tokenized.statement"], Limit: 1 },
        PartitionBy: { Group: "db.application" },
      }),
    );
    const sleeper = answer.PartitionKeys?.findIndex((p) => p.Dimensions?.["db.application.name"] === "pi-test-sleeper");
    expect(sleeper).toBeGreaterThanOrEqual(0);
    const [top] = answer.Keys ?? [];
    expect(top?.Dimensions).toEqual({ "db.sql_tokenized.statement": "select pg_sleep($1)" });
    // Only the sleepers ran it: their partition is the whole of its load.
    expect(top?.Partitions?.[sleeper ?? -1]).toBeCloseTo(top?.Total ?? 0, 10);
  });

  test("pages GetResourceMetrics' series with MaxResults and NextToken", async () => {
    // Two applications of its own, each asleep long enough for the once-a-second sampler to see it: with the total,
    // at least three series to page through, whatever the earlier workload's fast queries left in the window.
    const [a, b] = await Promise.all([connect("pi-test-page-a"), connect("pi-test-page-b")]);
    await Promise.all([a.query("select pg_sleep(2.5)"), b.query("select pg_sleep(2.5)")]);
    const input = {
      ServiceType: "RDS" as const,
      Identifier: writer.dbiResourceId,
      ...sinceSeconds(120),
      PeriodInSeconds: 60,
      MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.application" } }],
    };
    const whole = await pi.send(new GetResourceMetricsCommand(input));
    const applications = (whole.MetricList ?? []).map((m) => m.Key?.Dimensions?.["db.application.name"]);
    expect(applications).toEqual(expect.arrayContaining(["pi-test-page-a", "pi-test-page-b"]));
    const keys: unknown[] = [];
    let NextToken: string | undefined;
    do {
      const page = await pi.send(new GetResourceMetricsCommand({ ...input, MaxResults: 1, NextToken }));
      expect(page.MetricList?.length).toBe(1);
      keys.push(...(page.MetricList ?? []).map((m) => m.Key));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(keys).toEqual(whole.MetricList?.map((m) => m.Key));
    expect(keys.length).toBeGreaterThan(2);
  });

  test("publishes DBLoad, DBLoadCPU and DBLoadNonCPU to CloudWatch", async () => {
    const cw = cloudWatchClient(fleet);
    try {
      const metric = (name: string) => ({
        Id: name.toLowerCase(),
        MetricStat: {
          Metric: {
            Namespace: "AWS/RDS",
            MetricName: name,
            Dimensions: [{ Name: "DBInstanceIdentifier", Value: writer.id }],
          },
          Period: 60,
          Stat: "Maximum",
        },
      });
      const answer = await cw.send(
        new GetMetricDataCommand({
          ...sinceSeconds(600),
          EndTime: new Date(Date.now() + 60_000),
          MetricDataQueries: ["DBLoad", "DBLoadCPU", "DBLoadNonCPU"].map(metric),
        }),
      );
      const max = (id: string) => Math.max(0, ...(answer.MetricDataResults?.find((r) => r.Id === id)?.Values ?? []));
      expect(max("dbload")).toBeGreaterThan(1);
      // The sleepers wait (Timeout:PgSleep): most of the load is not on CPU.
      expect(max("dbloadnoncpu")).toBeGreaterThan(max("dbloadcpu"));
    } finally {
      cw.destroy();
    }
  });
});

test("a session blocked on a row lock shows as a Lock wait", async () => {
  const holder = await connect("pi-test-holder");
  const waiter = await connect("pi-test-waiter");
  await holder.query("begin");
  await holder.query("select * from pi_items where id = 1 for update");
  const blocked = waiter.query("select * from pi_items where id = 1 for update");
  try {
    const lock = await eventually(
      async () => {
        const answer = await pi.send(
          new GetResourceMetricsCommand({
            ServiceType: "RDS",
            Identifier: writer.dbiResourceId,
            ...sinceSeconds(10),
            PeriodInSeconds: 1,
            MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.wait_event_type" } }],
          }),
        );
        return answer.MetricList?.find((s) => s.Key?.Dimensions?.["db.wait_event_type.name"] === "Lock");
      },
      15_000,
      "a Lock series",
    );
    expect(Math.max(...(lock.DataPoints ?? []).map((p) => p.Value ?? 0))).toBe(1);
  } finally {
    await holder.query("rollback");
    await blocked;
  }
});

test("ListAvailableResourceMetrics lists db.load and db.sampledload for db, nothing for os", async () => {
  const answer = await pi.send(
    new ListAvailableResourceMetricsCommand({
      ServiceType: "RDS",
      Identifier: writer.dbiResourceId,
      MetricTypes: ["db", "os"],
    }),
  );
  expect(answer.Metrics?.map((m) => m.Metric)).toEqual(["db.load", "db.sampledload"]);
});

describe("malformed requests are refused naming what is wrong", () => {
  const base = (): GetResourceMetricsCommandInput => ({
    ServiceType: "RDS",
    Identifier: writer.dbiResourceId,
    ...sinceSeconds(300),
    PeriodInSeconds: 60,
    MetricQueries: [{ Metric: "db.load.avg" }],
  });
  test.each<[string, (b: GetResourceMetricsCommandInput) => GetResourceMetricsCommandInput, string, RegExp]>([
    [
      "a period PI does not offer",
      (b) => ({ ...b, PeriodInSeconds: 7 }),
      "InvalidArgumentException",
      /PeriodInSeconds 7/,
    ],
    [
      "an unknown group",
      (b) => ({ ...b, MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.nope" } }] }),
      "InvalidArgumentException",
      /db\.nope.*MetricQueries\.1\.GroupBy\.Group/,
    ],
    [
      "a dimension of another group",
      (b) => ({
        ...b,
        MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.user", Dimensions: ["db.sql.id"] } }],
      }),
      "InvalidArgumentException",
      /db\.sql\.id.*GroupBy\.Dimensions/,
    ],
    [
      "an unknown statistic",
      (b) => ({ ...b, MetricQueries: [{ Metric: "db.load.median" }] }),
      "InvalidArgumentException",
      /not a known statistic: db\.load\.median \(MetricQueries\.1\.Metric\)/,
    ],
    [
      "an unknown filter dimension",
      (b) => ({ ...b, MetricQueries: [{ Metric: "db.load.avg", Filter: { "db.host.name": "x" } }] }),
      "InvalidArgumentException",
      /db\.host\.name.*Filter/,
    ],
    [
      "an end before the start",
      (b) => ({ ...b, StartTime: b.EndTime, EndTime: b.StartTime }),
      "InvalidArgumentException",
      /EndTime must be later than StartTime/,
    ],
    [
      "a GroupBy limit over 25",
      (b) => ({ ...b, MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.user", Limit: 26 } }] }),
      "ValidationException",
      /metricQueries\.1\.member\.groupBy\.limit/,
    ],
    [
      "a service type other than RDS",
      (b) => ({ ...b, ServiceType: "DOCDB" }),
      "InvalidArgumentException",
      /ServiceType DOCDB/,
    ],
    [
      "an unknown resource",
      (b) => ({ ...b, Identifier: "db-AAAAAAAAAAAAAAAAAAAAAAAAAA" }),
      "NotAuthorizedException",
      /db-AAAAAAAAAAAAAAAAAAAAAAAAAA for service type RDS is not authorized/,
    ],
  ])("GetResourceMetrics with %s", async (_what, change, name, message) => {
    const error = await pi.send(new GetResourceMetricsCommand(change(base()))).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe(name);
    expect((error as Error).message).toMatch(message);
  });

  test("DescribeDimensionKeys with SQL statistics for a group other than db.sql_tokenized", async () => {
    const error = await pi
      .send(
        new DescribeDimensionKeysCommand({
          ServiceType: "RDS",
          Identifier: writer.dbiResourceId,
          ...sinceSeconds(60),
          Metric: "db.load.avg",
          GroupBy: { Group: "db.wait_event" },
          AdditionalMetrics: [CALLS],
        }),
      )
      .catch((e: Error) => e);
    expect((error as Error).name).toBe("InvalidArgumentException");
    expect((error as Error).message).toMatch(/AdditionalMetrics.*db\.sql_tokenized/);
  });

  test("GetDimensionKeyDetails for a group it has no details of", async () => {
    const error = await pi
      .send(
        new GetDimensionKeyDetailsCommand({
          ServiceType: "RDS",
          Identifier: writer.dbiResourceId,
          Group: "db.execution_plan",
          GroupIdentifier: "x",
        }),
      )
      .catch((e: Error) => e);
    expect((error as Error).name).toBe("InvalidArgumentException");
    expect((error as Error).message).toMatch(/db\.execution_plan.*\(Group\)/);
  });
});
