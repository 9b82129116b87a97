/** The collector on a real fleet, read back through @aws-sdk/client-cloudwatch (JSON 1.0). */
import { readFileSync } from "node:fs";
import {
  type CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
} from "@aws-sdk/client-cloudwatch";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cloudWatchClient, recentRdsStatistic } from "../monitoring/cloudwatch-client";
import { withNode } from "../pg/sql-client";
import {
  connectAsMaster,
  eventually,
  restartTempFleet,
  startTempFleet,
  type TempFleet,
} from "../test-support/temp-fleet";
import { RDS_METRIC_UNITS } from "./rds-metrics";

let f: TempFleet;
let cw: CloudWatchClient;
const WRITER = "production-myapp";
const REPLICA = "production-myapp-replica-1";

beforeAll(async () => {
  process.env.RDSDECK_METRICS_INTERVAL_SECONDS = "1";
  process.env.RDSDECK_ALARM_EVALUATION_SECONDS = "1";
  f = await startTempFleet();
  cw = cloudWatchClient(f);
});
afterAll(async () => {
  cw?.destroy();
  await f?.cleanup();
});

describe("metrics of the real fleet", () => {
  test("every instance publishes RDS's metrics under RDS's names, units and dimension, with plausible values", async () => {
    const expected = {
      [WRITER]: Object.keys(RDS_METRIC_UNITS).filter((m) => m !== "ReplicaLag"),
      [REPLICA]: Object.keys(RDS_METRIC_UNITS).filter(
        (m) => !["OldestReplicationSlotLag", "TransactionLogsGeneration"].includes(m),
      ),
    };
    await eventually(
      async () => {
        const { Metrics = [] } = await cw.send(new ListMetricsCommand({ Namespace: "AWS/RDS" }));
        const have = (id: string) =>
          Metrics.filter(
            (m) => m.Dimensions?.[0]?.Value === id && m.Dimensions?.[0]?.Name === "DBInstanceIdentifier",
          ).map((m) => m.MetricName);
        return Object.entries(expected).every(([id, names]) => names.every((n) => have(id).includes(n)))
          ? true
          : undefined;
      },
      15_000,
      "every RDS metric of the writer and a replica",
    );
    for (const [name, unit] of Object.entries(RDS_METRIC_UNITS)) {
      const instance = name === "ReplicaLag" ? REPLICA : WRITER;
      const { Datapoints = [] } = await cw.send(
        new GetMetricStatisticsCommand({
          Namespace: "AWS/RDS",
          MetricName: name,
          Dimensions: [{ Name: "DBInstanceIdentifier", Value: instance }],
          StartTime: new Date(Date.now() - 60_000),
          EndTime: new Date(),
          Period: 60,
          Statistics: ["Average"],
        }),
      );
      expect({ name, unit: Datapoints[0]?.Unit }).toEqual({ name, unit });
    }
    const allocated = f.fleet.allocatedStorageGiB * 1024 ** 3;
    const free = await recentRdsStatistic(cw, WRITER, "FreeStorageSpace", "Minimum", 60);
    expect(free).toBeGreaterThan(allocated - 1024 ** 3);
    expect(free).toBeLessThan(allocated);
    expect(await recentRdsStatistic(cw, WRITER, "FreeableMemory", "Minimum", 60)).toBeGreaterThan(16 * 1024 ** 2);
    expect(await recentRdsStatistic(cw, WRITER, "TransactionLogsDiskUsage", "Minimum", 60)).toBeGreaterThanOrEqual(
      16 * 1024 ** 2,
    );
    expect(await recentRdsStatistic(cw, WRITER, "MaximumUsedTransactionIDs", "Maximum", 60)).toBeGreaterThan(0);
    expect(await recentRdsStatistic(cw, REPLICA, "ReplicaLag", "Minimum", 60)).toBeGreaterThanOrEqual(0);
  });

  test("a CPU-bound query on the writer shows in its CPUUtilization", async () => {
    const db = await connectAsMaster(f, f.info.endpoints[0]?.port ?? 0);
    // Busy until the metric shows it: one short query could fall between two samples.
    let busy = true;
    const load = (async () => {
      while (busy) await db.query("select count(*) from generate_series(1, 3000000)");
    })();
    try {
      const cpu = await eventually(
        async () => {
          const max = await recentRdsStatistic(cw, WRITER, "CPUUtilization", "Maximum", 5);
          return max !== undefined && max > 10 ? max : undefined;
        },
        15_000,
        "CPUUtilization above 10 %",
      );
      expect(cpu).toBeLessThanOrEqual(100);
    } finally {
      busy = false;
      await load;
      await db.end();
    }
  });

  test("50 open connections raise the writer's DatabaseConnections", async () => {
    const port = f.info.endpoints[0]?.port ?? 0;
    const clients: pg.Client[] = [];
    try {
      for (let i = 0; i < 50; i++) clients.push(await connectAsMaster(f, port));
      const seen = await eventually(
        async () => {
          const max = await recentRdsStatistic(cw, WRITER, "DatabaseConnections", "Maximum", 5);
          return max !== undefined && max >= 50 ? max : undefined;
        },
        10_000,
        "DatabaseConnections ≥ 50",
      );
      expect(seen).toBeLessThan(60);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  test("pausing replay on a replica makes its ReplicaLag grow while the writer keeps writing", async () => {
    const replica = f.engine.nodeFor(REPLICA);
    if (!replica) throw new Error("no replica node");
    const ca = readFileSync(f.info.caCertPath, "utf8");
    const admin = f.engine.credentials.admin;
    const writer = await connectAsMaster(f, f.info.endpoints[0]?.port ?? 0);
    await writer.query("create table if not exists lag_probe (at timestamptz)");
    await withNode(replica.address, admin, ca, (db) => db.query("select pg_wal_replay_pause()"));
    // Lag is time since the last replayed commit while received WAL waits: commits must keep coming.
    let writing = true;
    const writes = (async () => {
      while (writing) {
        await writer.query("insert into lag_probe values (now())");
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    try {
      const lag = await eventually(
        async () => {
          const max = await recentRdsStatistic(cw, REPLICA, "ReplicaLag", "Maximum", 10);
          return max !== undefined && max >= 3 ? max : undefined;
        },
        20_000,
        "ReplicaLag ≥ 3 s",
      ).catch(async (error: Error) => {
        const state = await withNode(replica.address, admin, ca, (db) =>
          db.query(
            "select pg_get_wal_replay_pause_state() as pause, pg_last_wal_receive_lsn()::text as received, pg_last_wal_replay_lsn()::text as replayed, now() - pg_last_xact_replay_timestamp() as lag",
          ),
        );
        throw new Error(`${error.message}; replica: ${JSON.stringify(state.rows[0])}`);
      });
      expect(lag).toBeGreaterThanOrEqual(3);
    } finally {
      writing = false;
      await writes;
      await withNode(replica.address, admin, ca, (db) => db.query("select pg_wal_replay_resume()"));
      await writer.end();
    }
  });

  test("metrics, alarms and their history outlive a restart of the fleet", async () => {
    const before = await recentRdsStatistic(cw, WRITER, "MaximumUsedTransactionIDs", "SampleCount", 120);
    expect(before).toBeGreaterThan(0);
    const stoppedAt = Date.now();
    cw.destroy();
    f = await restartTempFleet(f);
    cw = cloudWatchClient(f);
    const { Datapoints = [] } = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: "AWS/RDS",
        MetricName: "MaximumUsedTransactionIDs",
        Dimensions: [{ Name: "DBInstanceIdentifier", Value: WRITER }],
        StartTime: new Date(stoppedAt - 120_000),
        EndTime: new Date(stoppedAt),
        Period: 60,
        Statistics: ["SampleCount"],
      }),
    );
    expect(Datapoints.reduce((sum, d) => sum + (d.SampleCount ?? 0), 0)).toBeGreaterThanOrEqual(before ?? 0);
    const { MetricAlarms = [] } = await cw.send(new DescribeAlarmsCommand({}));
    expect(MetricAlarms).toHaveLength(7);
  });
});
