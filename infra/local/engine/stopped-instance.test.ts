/**
 * What RDS does with a stopped instance, on a real fleet through
 * @aws-sdk/client-rds: CreateDBSnapshot (its files, shut down cleanly, copied;
 * it stays stopped) restores with its rows; RestoreDBInstanceToPointInTime
 * from it; DeleteDBInstance with a final snapshot, which restores too; and
 * what RDS refuses on a stopped instance, refused.
 */

import type { RDSClient } from "@aws-sdk/client-rds";
import {
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  RebootDBInstanceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  StopDBInstanceCommand,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import { connectAsMaster, describeOne, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";

vi.setConfig({ testTimeout: 300_000 });

const R2 = "production-myapp-replica-2";
let f: TempFleet;
let rds: RDSClient;

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet([
    "create table notes (id int primary key, body text)",
    "insert into notes select g, 'seed' from generate_series(1, 50) g",
  ]));
  // A standalone instance (no replicas), with an automated backup to restore to a point in time from.
  await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: R2 }));
  await waitForInstance(rds, R2);
  const run = f.engine.backups.backupNow(f.engine.now(), R2);
  await waitForSnapshot(rds, run.started[0]!);
  await waitForInstance(rds, R2);
  const db = await connectAsMaster(f, (await describeOne(rds, R2)).Endpoint!.Port!);
  try {
    await db.query("insert into notes select g, 'after the backup' from generate_series(51, 60) g");
  } finally {
    await db.end();
  }
  await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: R2 }));
  await waitForInstance(rds, R2, "stopped");
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

async function notesOf(id: string): Promise<number> {
  const db = await connectAsMaster(f, (await describeOne(rds, id)).Endpoint!.Port!);
  try {
    return Number((await db.query("select count(*) from notes")).rows[0].count);
  } finally {
    await db.end();
  }
}

async function restoreSnapshot(snapshotId: string, target: string): Promise<number> {
  await rds.send(
    new RestoreDBInstanceFromDBSnapshotCommand({ DBSnapshotIdentifier: snapshotId, DBInstanceIdentifier: target }),
  );
  await waitForInstance(rds, target, "available", 180_000);
  return notesOf(target);
}

describe("a stopped instance", () => {
  test("refuses ModifyDBInstance, RebootDBInstance and CreateDBInstanceReadReplica as RDS does", async () => {
    // RDS: "Instance <id> is not in available state." (the local engine says "DB instance" for a replica's source)
    const notAvailable = {
      name: "InvalidDBInstanceStateFault",
      message: expect.stringMatching(new RegExp(`[Ii]nstance ${R2} is not in available state`)),
    };
    await expect(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: R2, DeletionProtection: true })),
    ).rejects.toMatchObject(notAvailable);
    await expect(rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: R2 }))).rejects.toMatchObject(
      notAvailable,
    );
    await expect(
      rds.send(
        new CreateDBInstanceReadReplicaCommand({
          DBInstanceIdentifier: "replica-of-stopped",
          SourceDBInstanceIdentifier: R2,
        }),
      ),
    ).rejects.toMatchObject(notAvailable);
    expect((await describeOne(rds, R2)).DBInstanceStatus).toBe("stopped");
  });

  test("CreateDBSnapshot copies its files; it stays stopped; the snapshot restores with every row", async () => {
    await expect(
      rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: R2, DBSnapshotIdentifier: "1-bad--name" })),
    ).rejects.toMatchObject({
      name: "InvalidParameterValue",
      message: expect.stringContaining("DBSnapshotIdentifier"),
    });
    const out = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: R2, DBSnapshotIdentifier: "of-stopped" }),
    );
    expect(out.DBSnapshot?.Status).toBe("creating");
    expect((await describeOne(rds, R2)).DBInstanceStatus).toBe("stopped");
    await waitForSnapshot(rds, "of-stopped");
    expect((await describeOne(rds, R2)).DBInstanceStatus).toBe("stopped");
    expect(await restoreSnapshot("of-stopped", "from-stopped-snapshot")).toBe(60);
  });

  test("RestoreDBInstanceToPointInTime from it holds what it had committed", async () => {
    await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: R2,
        TargetDBInstanceIdentifier: "pitr-of-stopped",
        UseLatestRestorableTime: true,
      }),
    );
    await waitForInstance(rds, "pitr-of-stopped", "available", 180_000);
    expect(await notesOf("pitr-of-stopped")).toBe(60);
  });

  test("DeleteDBInstance refuses a final snapshot with SkipFinalSnapshot, then deletes it with its final snapshot", async () => {
    await expect(
      rds.send(
        new DeleteDBInstanceCommand({
          DBInstanceIdentifier: R2,
          SkipFinalSnapshot: true,
          FinalDBSnapshotIdentifier: "final-of-stopped",
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidParameterCombination" });
    const out = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: R2, FinalDBSnapshotIdentifier: "final-of-stopped" }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe("deleting");
    await eventually(
      () =>
        describeOne(rds, R2).then(
          () => undefined,
          (error: Error) => (error.name === "DBInstanceNotFoundFault" ? true : undefined),
        ),
      120_000,
      `${R2} deleted`,
    );
    expect(await restoreSnapshot("final-of-stopped", "from-final-snapshot")).toBe(60);
  });
});
