/**
 * StopDBInstance / StartDBInstance on a real fleet through @aws-sdk/client-rds:
 * RDS's refusals, a stopped endpoint refusing connections, the data back
 * after a start, a Multi-AZ writer stopped and started with its synchronous
 * standby, a stopped instance staying stopped across engine restarts, and
 * the automatic start 7 days on (through the check's clock seam).
 */
import { rmSync } from "node:fs";
import {
  DescribeEventsCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import {
  connectAsMaster,
  describeOne,
  makeTempDataDir,
  rdsClientFor,
  startTempFleet,
  type TempFleet,
} from "../test-support/temp-fleet";
import { MAX_STOPPED_MS } from "./stop-instance";

vi.setConfig({ testTimeout: 300_000 });

const WRITER = "production-myapp";
const R1 = "production-myapp-replica-1";
const R2 = "production-myapp-replica-2";

const dataDir = makeTempDataDir();
let f: TempFleet;
let rds: RDSClient;

async function boot(): Promise<void> {
  f = await startTempFleet({ dataDir });
  rds = rdsClientFor(f);
}

beforeAll(async () => {
  await boot();
  const db = await connectAsMaster(f, (await describeOne(rds, WRITER)).Endpoint!.Port!);
  try {
    await db.query("create table notes (id int primary key, body text)");
    await db.query("insert into notes select g, 'seed' from generate_series(1, 50) g");
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
  // RDSDECK_TEST_KEEP_FLEETS=1 keeps it, as startTempFleet keeps the ones it creates.
  if (process.env.RDSDECK_TEST_KEEP_FLEETS !== "1") rmSync(dataDir, { recursive: true, force: true });
});

const portOf = async (id: string) => (await describeOne(rds, id)).Endpoint!.Port!;
const waitStatus = (id: string, status: string) => waitForInstance(rds, id, status);
const messages = async (id: string) =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: id, Duration: 60 })))
      .Events ?? []
  ).map((e) => `${e.EventCategories?.join(",")}: ${e.Message}`);
const countNotes = async (id: string) => {
  const db = await connectAsMaster(f, await portOf(id));
  try {
    return Number((await db.query("select count(*) from notes")).rows[0].count);
  } finally {
    await db.end();
  }
};
const refusesConnections = async (id: string) => {
  const port = await portOf(id);
  await expect(connectAsMaster(f, port)).rejects.toThrow();
};

describe("refusals, in RDS's words", () => {
  test("a read replica, the source of read replicas, and an instance that is not stopped", async () => {
    await expect(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R1 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
      message: "Cannot stop or start a Read-Replica instance",
    });
    await expect(rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: R1 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
      message: "Cannot stop or start a Read-Replica instance",
    });
    await expect(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: WRITER }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
      message: expect.stringContaining(`DB instance ${WRITER} because it has read replicas`),
    });
    await expect(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: "nope" }))).rejects.toMatchObject({
      name: "DBInstanceNotFoundFault",
    });
    await expect(
      rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R1, DBSnapshotIdentifier: "1-bad--name" })),
    ).rejects.toMatchObject({
      name: "InvalidParameterValue",
      message: expect.stringContaining("DBSnapshotIdentifier"),
    });
    expect((await describeOne(rds, R1)).DBInstanceStatus).toBe("available");
  });
});

describe("a single-AZ instance", () => {
  beforeAll(async () => {
    await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: R2 }));
    await waitStatus(R2, "available");
  });

  test("stopped after its snapshot: refuses connections, shows AutomaticRestartTime, starts again with its data", async () => {
    await expect(rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: R2 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
      message: `Instance ${R2} is not in stopped state.`,
    });
    const before = Date.now();
    const out = await rds.send(
      new StopDBInstanceCommand({ DBInstanceIdentifier: R2, DBSnapshotIdentifier: "before-stopping" }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe("stopping");
    await expect(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R2 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
    });
    const stopped = await waitStatus(R2, "stopped");
    expect((await waitForSnapshot(rds, "before-stopping")).DBInstanceIdentifier).toBe(R2);
    const restartAt = stopped.AutomaticRestartTime!.getTime();
    expect(restartAt).toBeGreaterThanOrEqual(before + MAX_STOPPED_MS - 1000);
    expect(restartAt).toBeLessThanOrEqual(Date.now() + MAX_STOPPED_MS);
    await refusesConnections(R2);
    await expect(rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R2 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
      message: `Instance ${R2} is not in available state.`,
    });

    expect(
      (await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: R2 }))).DBInstance?.DBInstanceStatus,
    ).toBe("starting");
    const started = await waitStatus(R2, "available");
    expect(started.AutomaticRestartTime).toBeUndefined();
    expect(await countNotes(R2)).toBe(50);
    const events = await messages(R2);
    expect(events).toContain("notification: DB instance stopped.");
    expect(events).toContain("notification: DB instance started.");
  });
});

describe("a Multi-AZ writer", () => {
  beforeAll(async () => {
    await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: R1 }));
    await waitStatus(R1, "available");
  });

  test("stops with its standby and starts with it: writes commit (the synchronous standby is back)", async () => {
    await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: WRITER }));
    await waitStatus(WRITER, "stopped");
    expect(f.engine.nodeFor("writer")?.postmaster.running).toBe(false);
    expect(f.engine.nodeFor("standby")?.postmaster.running).toBe(false);
    await refusesConnections(WRITER);

    await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: WRITER }));
    const started = await waitStatus(WRITER, "available");
    expect(started.MultiAZ).toBe(true);
    const db = await connectAsMaster(f, await portOf(WRITER));
    try {
      // With synchronous_commit on, this returns only once the standby has the commit.
      await db.query("insert into notes values (1001, 'after start')");
      const { rows } = await db.query("select sync_state from pg_stat_replication where sync_state = 'sync'");
      expect(rows).toHaveLength(1);
    } finally {
      await db.end();
    }
  });
});

describe("across engine restarts and 7 days", () => {
  test("a stopped instance stays stopped when the engine starts again, then starts on its own after 7 days", async () => {
    await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R1 }));
    const { AutomaticRestartTime } = await waitStatus(R1, "stopped");
    rds.destroy();
    await f.cleanup();
    await boot();

    const after = await describeOne(rds, R1);
    expect(after.DBInstanceStatus).toBe("stopped");
    expect(after.AutomaticRestartTime).toEqual(AutomaticRestartTime);
    expect(f.engine.nodeServing(R1)?.postmaster.running).toBe(false);
    await refusesConnections(R1);
    expect((await describeOne(rds, WRITER)).DBInstanceStatus).toBe("available");

    expect(f.engine.automaticRestarts.check(new Date(AutomaticRestartTime!.getTime() - 60_000))).toEqual([]);
    expect(f.engine.automaticRestarts.check(new Date(AutomaticRestartTime!.getTime() + 1))).toEqual([R1]);
    await waitStatus(R1, "available");
    expect(await countNotes(R1)).toBe(50);
    expect(await messages(R1)).toEqual(
      expect.arrayContaining([
        "notification: DB instance is being started due to it exceeding the maximum allowed time being stopped.",
        "notification: DB instance started.",
      ]),
    );
  });
});
