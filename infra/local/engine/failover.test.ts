/** Reboot and Multi-AZ failover through the RDS API, on a real fleet under write load. */

import { DescribeEventsCommand, type RDSClient, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { waitForInstance } from "../test-support/rds-waits";
import { connectAsMaster, describeOne, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";
import { writeLoad } from "../test-support/write-load";

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet([
    "create table ledger (id bigint primary key, at timestamptz default now())",
  ]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const instance = (id: string) => describeOne(rds, id);
const eventIds = async (id: string) =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: id, Duration: 60 })))
      .Events ?? []
  ).map((e) => e.Message?.slice(0, 40));
const waitEvent = (id: string, prefix: string, timeoutMs = 60_000) =>
  eventually(
    async () => ((await eventIds(id)).some((m) => m?.startsWith(prefix)) ? true : undefined),
    timeoutMs,
    `event "${prefix}" on ${id}`,
  );

async function assertAllOnWriter(ids: number[]) {
  const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
  try {
    const { rows } = await db.query("select id from ledger where id = any($1::bigint[])", [ids]);
    expect(rows.length).toBe(ids.length);
  } finally {
    await db.end();
  }
}

describe("RebootDBInstance", () => {
  test("a replica reboots: rebooting, then available, with its events", async () => {
    const out = await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "production-myapp-replica-1" }));
    expect(out.DBInstance?.DBInstanceStatus).toBe("rebooting");
    await waitForInstance(rds, "production-myapp-replica-1", "available", 30_000);
    await waitEvent("production-myapp-replica-1", "DB instance restarted");
    expect(await eventIds("production-myapp-replica-1")).toContain("DB instance shutdown");
  });

  test("unknown instance → DBInstanceNotFound; failover of a replica → InvalidParameterCombination", async () => {
    await expect(rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "nope" }))).rejects.toMatchObject({
      name: "DBInstanceNotFoundFault",
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      rds.send(
        new RebootDBInstanceCommand({ DBInstanceIdentifier: "production-myapp-replica-2", ForceFailover: true }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterCombination", $metadata: { httpStatusCode: 400 } });
  });
});

describe("Multi-AZ failover", () => {
  test("ForceFailover under write load: no acknowledged write lost, AZs swapped, replicas follow, second action refused", async () => {
    const before = await instance(WRITER);
    expect(before).toMatchObject({
      AvailabilityZone: "us-east-1a",
      SecondaryAvailabilityZone: "us-east-1b",
      MultiAZ: true,
    });
    const oldNode = f.engine.nodeFor("writer")!.name;
    const load = writeLoad(f);
    await eventually(async () => (load.acknowledged.length > 50 ? true : undefined), 10_000, "writes flowing");

    const out = await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER, ForceFailover: true }));
    expect(out.DBInstance?.DBInstanceStatus).toBe("rebooting");
    await expect(rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
    });
    await waitEvent(WRITER, "Multi-AZ failover has completed.");
    const countAtFailover = load.acknowledged.length;
    await eventually(
      async () => (load.acknowledged.length > countAtFailover + 50 ? true : undefined),
      10_000,
      "writes on the new writer",
    );
    await load.stop();

    await assertAllOnWriter(load.acknowledged);
    expect(f.engine.nodeFor("writer")!.name).not.toBe(oldNode);
    expect(await instance(WRITER)).toMatchObject({
      DBInstanceStatus: "available",
      AvailabilityZone: "us-east-1b",
      SecondaryAvailabilityZone: "us-east-1a",
      MultiAZ: true,
    });
    const messages = await eventIds(WRITER);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^A Multi-AZ failover that resulted/),
        expect.stringMatching(/^The Multi-AZ failover that resulted/),
      ]),
    );

    // The rebuilt standby is synchronous again, and the replicas stream from the new writer.
    const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
    const { rows } = await db.query("select application_name, sync_state from pg_stat_replication order by 1");
    await db.query("insert into ledger (id) values (-1)");
    await db.end();
    expect(rows).toEqual([
      { application_name: oldNode, sync_state: "sync" },
      { application_name: "production-myapp-replica-1", sync_state: "async" },
      { application_name: "production-myapp-replica-2", sync_state: "async" },
    ]);
    for (const r of f.info.endpoints.filter((e) => e.role === "replica")) {
      const c = await connectAsMaster(f, r.port);
      await eventually(
        async () => ((await c.query("select 1 from ledger where id = -1")).rows.length ? true : undefined),
        10_000,
        `row on ${r.id}`,
      );
      await c.end();
    }
  });

  test("kill -9 of the writer fails over automatically, losing no acknowledged write", async () => {
    const load = writeLoad(f);
    await eventually(async () => (load.acknowledged.length > 50 ? true : undefined), 10_000, "writes flowing");
    const victim = f.engine.nodeFor("writer")!;
    const since = new Date();
    process.kill(victim.postmaster.pid!, "SIGKILL");
    await eventually(
      async () => {
        const events =
          (
            await rds.send(
              new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: WRITER, StartTime: since }),
            )
          ).Events ?? [];
        return events.some((e) => e.Message === "Multi-AZ failover has completed.") ? events : undefined;
      },
      60_000,
      "automatic failover completed",
    );
    const countAfter = load.acknowledged.length;
    await eventually(
      async () => (load.acknowledged.length > countAfter + 20 ? true : undefined),
      10_000,
      "writes resume",
    );
    await load.stop();
    await assertAllOnWriter(load.acknowledged);
    expect(f.engine.nodeFor("writer")!.name).not.toBe(victim.name);
    const started = (
      await rds.send(
        new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: WRITER, StartTime: since }),
      )
    ).Events!;
    expect(started.some((e) => e.Message?.includes("automatic: the writer's postgres exited (SIGKILL)"))).toBe(true);
  });
});
