/**
 * Instances created, promoted, modified and deleted on a real fleet through
 * @aws-sdk/client-rds: ModifyDBInstance, CreateDBInstanceReadReplica,
 * PromoteReadReplica, DeleteDBInstance (with and without a final snapshot,
 * and of a source with replicas), and a restore that fails cleanly.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import {
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
  RebootDBInstanceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import {
  connectAsMaster,
  describeOne,
  eventually,
  rdsClientFor,
  startSeededFleet,
  startTempFleet,
  type TempFleet,
} from "../test-support/temp-fleet";

// Tests chain waits (create, then replicate, then delete); each wait names
// what it was stuck on, well before the test's own limit.
vi.setConfig({ testTimeout: 300_000 });

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";
const R1 = "production-myapp-replica-1";
const R2 = "production-myapp-replica-2";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet([
    "create table notes (id int primary key, body text)",
    "insert into notes select g, 'seed' from generate_series(1, 100) g",
  ]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const instance = (id: string) => describeOne(rds, id);
const portOf = async (id: string) => (await instance(id)).Endpoint!.Port!;
const messages = async (id: string, sourceType: "db-instance" | "db-snapshot" = "db-instance") =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: sourceType, SourceIdentifier: id, Duration: 60 })))
      .Events ?? []
  ).map((e) => `${e.EventCategories?.join(",")}: ${e.Message}`);
const waitStatus = (id: string, status: string, timeoutMs?: number) => waitForInstance(rds, id, status, timeoutMs);
const waitGone = (id: string, timeoutMs = 60_000) =>
  eventually(
    async () =>
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })).then(
        () => undefined,
        (e: Error) => (e.name === "DBInstanceNotFoundFault" ? true : undefined),
      ),
    timeoutMs,
    `${id} gone`,
  );
const write = async (id: string, row: number) => {
  const db = await connectAsMaster(f, await portOf(id));
  try {
    await db.query("insert into notes values ($1, $2)", [row, id]);
  } finally {
    await db.end();
  }
};
const hasRow = async (id: string, row: number) => {
  const db = await connectAsMaster(f, await portOf(id));
  try {
    return (await db.query("select 1 from notes where id = $1", [row])).rows.length === 1;
  } finally {
    await db.end();
  }
};
const waitRow = (id: string, row: number) =>
  eventually(async () => ((await hasRow(id, row)) ? true : undefined), 15_000, `row ${row} on ${id}`);

describe("ModifyDBInstance", () => {
  test("DeletionProtection and BackupRetentionPeriod change at once and show in DescribeDBInstances", async () => {
    await expect(
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: WRITER, SkipFinalSnapshot: true })),
    ).rejects.toMatchObject({
      name: "InvalidParameterCombination",
      message: "Cannot delete protected DB Instance, please disable deletion protection and try again.",
    });
    const out = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: WRITER,
        DeletionProtection: false,
        BackupRetentionPeriod: 3,
        ApplyImmediately: true,
      }),
    );
    expect(out.DBInstance).toMatchObject({
      DeletionProtection: false,
      BackupRetentionPeriod: 3,
      DBInstanceStatus: "available",
    });
    expect(await instance(WRITER)).toMatchObject({ DeletionProtection: false, BackupRetentionPeriod: 3 });
  });

  test.each([
    ["an unknown instance", { DBInstanceIdentifier: "nope", DeletionProtection: true }, "DBInstanceNotFoundFault"],
    [
      "retention 0 on the source of replicas",
      { DBInstanceIdentifier: WRITER, BackupRetentionPeriod: 0 },
      "InvalidParameterCombination",
    ],
    ["retention above 35", { DBInstanceIdentifier: WRITER, BackupRetentionPeriod: 36 }, "InvalidParameterValue"],
    [
      "backups on a read replica",
      { DBInstanceIdentifier: R2, BackupRetentionPeriod: 1 },
      "InvalidParameterCombination",
    ],
  ])("%s is refused with the AWS fault", async (_, input, name) => {
    await expect(rds.send(new ModifyDBInstanceCommand(input))).rejects.toMatchObject({ name });
  });

  test("a second action while one runs is InvalidDBInstanceState", async () => {
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: R2 }));
    await expect(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: R2, DeletionProtection: true })),
    ).rejects.toMatchObject({ name: "InvalidDBInstanceStateFault" });
    await expect(rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: R2 }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
    });
    await waitStatus(R2, "available");
  });
});

describe("CreateDBInstanceReadReplica", () => {
  test("a new replica: creating, then available and streaming new writes, listed by its source", async () => {
    const out = await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: "reporting-replica",
        SourceDBInstanceIdentifier: WRITER,
        AvailabilityZone: "us-east-1b",
      }),
    );
    expect(out.DBInstance).toMatchObject({
      DBInstanceIdentifier: "reporting-replica",
      DBInstanceStatus: "creating",
      ReadReplicaSourceDBInstanceIdentifier: WRITER,
      AvailabilityZone: "us-east-1b",
    });
    // Busy creating: any other action on it is refused.
    await expect(
      rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: "reporting-replica", DBSnapshotIdentifier: "too-soon" }),
      ),
    ).rejects.toMatchObject({ name: "InvalidDBInstanceStateFault" });
    await expect(
      rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: "reporting-replica" })),
    ).rejects.toMatchObject({ name: "InvalidDBInstanceStateFault" });

    const ready = await waitStatus("reporting-replica", "available");
    expect(ready.StatusInfos).toEqual([{ StatusType: "read replication", Status: "replicating", Normal: true }]);
    expect((await instance(WRITER)).ReadReplicaDBInstanceIdentifiers).toEqual([R1, R2, "reporting-replica"]);
    expect(await hasRow("reporting-replica", 100)).toBe(true);
    await write(WRITER, 201);
    await waitRow("reporting-replica", 201);
    expect(await messages("reporting-replica")).toEqual(
      expect.arrayContaining([
        "creation: DB instance created",
        "read replica: Replication for the Read Replica resumed.",
      ]),
    );
  });

  test.each([
    ["an existing identifier", R1, WRITER, "DBInstanceAlreadyExistsFault"],
    ["an unknown source", "replica-x", "nope", "DBInstanceNotFoundFault"],
    ["a replica as source", "replica-x", R2, "InvalidParameterCombination"],
    ["a bad identifier", "replica--x", WRITER, "InvalidParameterValue"],
  ])("%s is %s", async (_, DBInstanceIdentifier, SourceDBInstanceIdentifier, name) => {
    await expect(
      rds.send(new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier, SourceDBInstanceIdentifier })),
    ).rejects.toMatchObject({ name });
  });
});

describe("PromoteReadReplica", () => {
  test("the promoted replica takes writes and leaves its source; the other replicas keep replicating", async () => {
    const out = await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: R1 }));
    expect(out.DBInstance?.DBInstanceStatus).toBe("modifying");
    const promoted = await waitStatus(R1, "available");
    expect(promoted.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(promoted.StatusInfos).toBeUndefined();
    expect(promoted.BackupRetentionPeriod).toBe(1);
    expect((await instance(WRITER)).ReadReplicaDBInstanceIdentifiers).toEqual([R2, "reporting-replica"]);

    await write(R1, 301);
    await write(WRITER, 302);
    await waitRow(R2, 302);
    await waitRow("reporting-replica", 302);
    expect(await hasRow(R1, 302)).toBe(false);
    expect(await hasRow(WRITER, 301)).toBe(false);
    expect(await messages(R1)).toContain(
      "read replica: Replication for the Read Replica terminated. The read replica was promoted to a standalone DB instance.",
    );
  });

  test("a primary is not a read replica: InvalidDBInstanceState", async () => {
    await expect(rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: WRITER }))).rejects.toMatchObject({
      name: "InvalidDBInstanceStateFault",
    });
  });
});

describe("DeleteDBInstance", () => {
  test.each([
    [
      "a primary without FinalDBSnapshotIdentifier or SkipFinalSnapshot",
      { DBInstanceIdentifier: R1 },
      "InvalidParameterCombination",
    ],
    [
      "a replica with a final snapshot",
      { DBInstanceIdentifier: R2, FinalDBSnapshotIdentifier: "r2-final" },
      "InvalidParameterCombination",
    ],
    [
      "a final snapshot that exists",
      { DBInstanceIdentifier: R1, FinalDBSnapshotIdentifier: "taken" },
      "DBSnapshotAlreadyExistsFault",
    ],
    ["an unknown instance", { DBInstanceIdentifier: "nope", SkipFinalSnapshot: true }, "DBInstanceNotFoundFault"],
  ])("%s is refused with the AWS fault", async (_, input, name) => {
    if (
      "FinalDBSnapshotIdentifier" in input &&
      input.FinalDBSnapshotIdentifier === "taken" &&
      !(await snapshotExists("taken"))
    ) {
      await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: R1, DBSnapshotIdentifier: "taken" }));
      await waitSnapshot("taken");
      await waitStatus(R1, "available");
    }
    await expect(rds.send(new DeleteDBInstanceCommand(input))).rejects.toMatchObject({ name });
  });

  test("a replica: deleting, then gone, and no longer listed by its source", async () => {
    const out = await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: "reporting-replica" }));
    expect(out.DBInstance?.DBInstanceStatus).toBe("deleting");
    await waitGone("reporting-replica");
    expect((await instance(WRITER)).ReadReplicaDBInstanceIdentifiers).toEqual([R2]);
    expect(await messages("reporting-replica")).toContain("deletion: DB instance deleted");
  });

  test("with a final snapshot: the snapshot is taken first, and it restores the instance's rows; automated snapshots go", async () => {
    const automated = f.engine.backups.backupNow(new Date(), R1).started;
    expect(automated).toHaveLength(1);
    await waitSnapshot(automated[0]!);
    await waitStatus(R1, "available");
    await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: R1, FinalDBSnapshotIdentifier: "r1-final" }));
    expect((await instance(R1)).DBInstanceStatus).toBe("deleting");
    await waitGone(R1);
    const final = await waitSnapshot("r1-final");
    expect(final).toMatchObject({ DBInstanceIdentifier: R1, SnapshotType: "manual" });
    // DeleteAutomatedBackups defaults to true: the automated snapshot went with the instance, the final one stays.
    expect(await snapshotExists(automated[0]!)).toBe(false);
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({ DBInstanceIdentifier: "r1-back", DBSnapshotIdentifier: "r1-final" }),
    );
    await waitStatus("r1-back", "available");
    expect(await hasRow("r1-back", 301)).toBe(true);
    expect(await hasRow("r1-back", 302)).toBe(false);
  });

  test("the writer with a replica: the replica is promoted to a standalone instance, the writer is gone", async () => {
    await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: WRITER, SkipFinalSnapshot: true }));
    await waitGone(WRITER);
    const former = await waitStatus(R2, "available");
    expect(former.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    await write(R2, 401);
    expect(await hasRow(R2, 401)).toBe(true);
    expect(await messages(WRITER)).toContain("deletion: DB instance deleted");
    const ids = ((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).map(
      (i) => i.DBInstanceIdentifier,
    );
    expect(ids).toEqual([R2, "r1-back"]);
  });
});

describe("a restore that fails", () => {
  test("leaves no instance and no files, with an event saying why", async () => {
    await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: R2, DBSnapshotIdentifier: "no-wal" }));
    await waitSnapshot("no-wal");
    await waitStatus(R2, "available");
    // A snapshot without its WAL cannot reach a consistent state.
    rmSync(path.join(f.dataDir, "snapshots", "no-wal", "wal"), { recursive: true, force: true });
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({ DBInstanceIdentifier: "broken", DBSnapshotIdentifier: "no-wal" }),
    );
    await waitGone("broken", 90_000);
    const why = await messages("broken");
    expect(why.some((m) => m.startsWith("failure: DB instance failed. Restore from snapshot no-wal failed:"))).toBe(
      true,
    );
    expect(f.engine.state.instances.map((i) => i.id)).not.toContain("broken");
    // The fleet stays usable: the same identifier can be restored from a good snapshot.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({ DBInstanceIdentifier: "broken", DBSnapshotIdentifier: "r1-final" }),
    );
    await waitStatus("broken", "available");
  });
});

async function snapshotExists(id: string): Promise<boolean> {
  return rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id })).then(
    () => true,
    () => false,
  );
}

const waitSnapshot = (id: string) => waitForSnapshot(rds, id, 60_000);

describe("a restart", () => {
  test("brings back the instances created, restored and promoted at run time, on their ports, with their rows", async () => {
    const before = ((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).map((i) => ({
      id: i.DBInstanceIdentifier,
      port: i.Endpoint?.Port,
    }));
    await f.stop();
    const again = await startTempFleet({
      dataDir: f.dataDir,
      env: { RDSDECK_PORT_BASE: String(f.config.portBase), RDSDECK_API_PORT: String(f.config.apiPort) },
    });
    const client = rdsClientFor(again);
    try {
      const after = (await client.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
      expect(after.map((i) => ({ id: i.DBInstanceIdentifier, port: i.Endpoint?.Port }))).toEqual(before);
      expect(after.every((i) => i.DBInstanceStatus === "available")).toBe(true);
      const db = await connectAsMaster(again, after.find((i) => i.DBInstanceIdentifier === R2)!.Endpoint!.Port!);
      expect((await db.query("select 1 from notes where id = 401")).rows.length).toBe(1);
      await db.end();
    } finally {
      client.destroy();
      await again.stop();
    }
  });
});
