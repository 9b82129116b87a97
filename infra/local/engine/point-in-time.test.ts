/**
 * Point-in-time restore on a real fleet through @aws-sdk/client-rds: the WAL
 * archive, LatestRestorableTime, and RestoreDBInstanceToPointInTime to the
 * transaction, across a Multi-AZ failover, with RDS's refusals.
 */
import {
  DeleteDBInstanceAutomatedBackupCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
  RebootDBInstanceCommand,
  RestoreDBInstanceToPointInTimeCommand,
  type RestoreDBInstanceToPointInTimeCommandInput,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForInstanceGone, waitForSnapshot } from "../test-support/rds-waits";
import { connectAsMaster, describeOne, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";

vi.setConfig({ testTimeout: 300_000 });

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet(["create table marks (id int primary key)"]));
  // The first base backup: automated snapshots are what a point-in-time restore starts from.
  const run = f.engine.backups.backupNow(f.engine.now(), WRITER);
  await waitForSnapshot(rds, run.started[0]!);
  await waitForInstance(rds, WRITER);
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

/** Inserts a row through the writer endpoint and returns its commit time, as postgres recorded it. */
async function mark(id: number): Promise<Date> {
  const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
  try {
    await db.query("insert into marks values ($1)", [id]);
    const { rows } = await db.query<{ at: Date }>(
      "select pg_xact_commit_timestamp(xmin) as at from marks where id = $1",
      [id],
    );
    return rows[0]!.at;
  } finally {
    await db.end();
  }
}

/** The ids in `marks` on the instance at `port`. */
async function marksAt(port: number): Promise<number[]> {
  const db = await connectAsMaster(f, port);
  try {
    return (await db.query<{ id: number }>("select id from marks order by id")).rows.map((r) => r.id);
  } finally {
    await db.end();
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function restorableAtLeast(at: Date): Promise<Date> {
  return eventually(
    async () => {
      const latest = (await describeOne(rds, WRITER)).LatestRestorableTime;
      return latest && latest >= at ? latest : undefined;
    },
    60_000,
    `LatestRestorableTime of ${WRITER} at or after ${at.toISOString()}`,
  );
}

async function restoredMarks(input: Omit<RestoreDBInstanceToPointInTimeCommandInput, "SourceDBInstanceIdentifier">) {
  const out = await rds.send(
    new RestoreDBInstanceToPointInTimeCommand({ SourceDBInstanceIdentifier: WRITER, ...input }),
  );
  expect(out.DBInstance).toMatchObject({ DBInstanceStatus: "creating", MultiAZ: false });
  const restored = await waitForInstance(rds, input.TargetDBInstanceIdentifier!, "available", 180_000);
  return marksAt(restored.Endpoint!.Port!);
}

const between = (a: Date, b: Date) => new Date((a.getTime() + b.getTime()) / 2);

describe("RestoreDBInstanceToPointInTime", () => {
  let t1: Date;
  let t2: Date;

  test("a time between two commits holds the first and not the second; the latest holds both", async () => {
    t1 = await mark(1);
    await pause(300);
    t2 = await mark(2);
    const latest = await restorableAtLeast(t2);
    expect(latest.getTime()).toBeLessThanOrEqual(Date.now());

    expect(await restoredMarks({ TargetDBInstanceIdentifier: "pitr-between", RestoreTime: between(t1, t2) })).toEqual([
      1,
    ]);
    expect(await restoredMarks({ TargetDBInstanceIdentifier: "pitr-latest", UseLatestRestorableTime: true })).toEqual([
      1, 2,
    ]);
    // No commit after that moment is archived, which postgres alone would refuse ("recovery ended before
    // configured recovery target was reached"): every archived commit is the answer.
    expect(await restoredMarks({ TargetDBInstanceIdentifier: "pitr-at-latest", RestoreTime: latest })).toEqual([1, 2]);
    const events = (
      await rds.send(
        new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: "pitr-between", Duration: 60 }),
      )
    ).Events!.map((e) => e.Message);
    expect(events).toContain(`Restored from DB instance ${WRITER} to pitr-between`);
  });

  test("across a Multi-AZ failover: rows of both timelines, and a time between them", async () => {
    const t3 = await mark(3);
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER, ForceFailover: true }));
    await waitForInstance(rds, WRITER);
    const t4 = await mark(4);
    await restorableAtLeast(t4);
    expect(
      await restoredMarks({ TargetDBInstanceIdentifier: "pitr-timelines", UseLatestRestorableTime: true }),
    ).toEqual([1, 2, 3, 4]);
    expect(
      await restoredMarks({ TargetDBInstanceIdentifier: "pitr-before-failover", RestoreTime: between(t3, t4) }),
    ).toEqual([1, 2, 3]);
  });

  test("a commit archived while the restore runs is not in it, even when postgres is started again without a target", async () => {
    const latest = await restorableAtLeast(await mark(5));
    const committed = await marksAt(f.info.endpoints[0]!.port);
    // Nothing is committed after `latest`, so the first recovery ends before its target and the restore starts
    // postgres again to replay all the archive it read: a commit archived in between must not be part of that.
    let committedBetween = false;
    f.engine.hooks.beforeRecoveryAttempt = async (id, attempt) => {
      if (id !== "pitr-during" || attempt !== 2) return;
      await restorableAtLeast(await mark(6));
      committedBetween = true;
    };
    try {
      expect(await restoredMarks({ TargetDBInstanceIdentifier: "pitr-during", RestoreTime: latest })).toEqual(
        committed,
      );
    } finally {
      f.engine.hooks.beforeRecoveryAttempt = undefined;
    }
    expect(committedBetween).toBe(true);
  });

  test.each([
    [
      "both RestoreTime and UseLatestRestorableTime",
      { RestoreTime: new Date(), UseLatestRestorableTime: true },
      "InvalidParameterCombination",
    ],
    ["neither RestoreTime nor UseLatestRestorableTime", {}, "InvalidParameterCombination"],
    ["a time before the first backup", { RestoreTime: new Date("2020-01-01T00:00:00Z") }, "InvalidRestoreFault"],
    ["a time in the future", { RestoreTime: new Date(Date.now() + 3_600_000) }, "InvalidRestoreFault"],
    [
      "an existing target",
      { TargetDBInstanceIdentifier: "pitr-latest", UseLatestRestorableTime: true },
      "DBInstanceAlreadyExistsFault",
    ],
    [
      "an unknown source",
      { SourceDBInstanceIdentifier: "nope", UseLatestRestorableTime: true },
      "DBInstanceNotFoundFault",
    ],
    [
      "a read replica (retention 0)",
      { SourceDBInstanceIdentifier: `${WRITER}-replica-1`, UseLatestRestorableTime: true },
      "PointInTimeRestoreNotEnabledFault",
    ],
    [
      "an unknown DbiResourceId",
      { SourceDBInstanceIdentifier: undefined, SourceDbiResourceId: "db-NOPE", UseLatestRestorableTime: true },
      "DBInstanceAutomatedBackupNotFoundFault",
    ],
    [
      "a tag key RDS reserves",
      { Tags: [{ Key: "aws:team", Value: "db" }], UseLatestRestorableTime: true },
      "InvalidParameterValue",
    ],
    [
      "a parameter the local fleet does not apply (not silently dropped)",
      { DBSubnetGroupName: "elsewhere", UseLatestRestorableTime: true },
      "InvalidParameterCombination",
    ],
    [
      "a bad target identifier",
      { TargetDBInstanceIdentifier: "pitr_x", UseLatestRestorableTime: true },
      "InvalidParameterValue",
    ],
  ])("%s is %s", async (_, extra, name) => {
    const error = await rds
      .send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: WRITER,
          TargetDBInstanceIdentifier: "pitr-refused",
          ...extra,
        }),
      )
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error).toMatchObject({ name });
    if (name === "InvalidRestoreFault")
      expect(error?.message).toMatch(/outside the restorable window of production-myapp: \S+ to \S+/);
  });

  test("by SourceDbiResourceId, as RDS names an instance's backups, with the Tags and CopyTagsToSnapshot given", async () => {
    const { DbiResourceId } = await describeOne(rds, WRITER);
    const tags = [
      { Key: "team", Value: "db" },
      { Key: "restored-by", Value: "" },
    ];
    const out = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDbiResourceId: DbiResourceId,
        TargetDBInstanceIdentifier: "pitr-by-resource",
        UseLatestRestorableTime: true,
        Tags: tags,
        CopyTagsToSnapshot: true,
      }),
    );
    expect(out.DBInstance).toMatchObject({
      DBInstanceIdentifier: "pitr-by-resource",
      TagList: tags,
      CopyTagsToSnapshot: true,
    });
    await waitForInstance(rds, "pitr-by-resource", "available", 180_000);
  });

  test("without Tags the restored instance has its source's, and does not copy them to snapshots unless asked", async () => {
    const [source, restored] = await Promise.all([describeOne(rds, WRITER), describeOne(rds, "pitr-latest")]);
    expect(source.TagList).toContainEqual({ Key: "Name", Value: WRITER });
    expect(restored.TagList).toEqual(source.TagList);
    expect(restored.CopyTagsToSnapshot).toBe(false);
  });
});

describe("automated backups, active and retained", () => {
  test("DescribeDBInstanceAutomatedBackups: the writer's is active, its window ending at LatestRestorableTime", async () => {
    const writer = await describeOne(rds, WRITER);
    const backups =
      (await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: WRITER })))
        .DBInstanceAutomatedBackups ?? [];
    expect(backups).toHaveLength(1);
    const [backup] = backups;
    expect(backup).toMatchObject({ DbiResourceId: writer.DbiResourceId, Status: "active", BackupRetentionPeriod: 7 });
    expect(backup!.RestoreWindow!.EarliestTime!.getTime()).toBeLessThan(backup!.RestoreWindow!.LatestTime!.getTime());
    expect(backup!.RestoreWindow!.LatestTime!.getTime()).toBeGreaterThanOrEqual(writer.LatestRestorableTime!.getTime());
    await expect(
      rds.send(new DeleteDBInstanceAutomatedBackupCommand({ DbiResourceId: writer.DbiResourceId })),
    ).rejects.toMatchObject({ name: "InvalidDBInstanceAutomatedBackupStateFault" });
    await expect(
      rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ DbiResourceId: "db-NOPE" })),
    ).rejects.toMatchObject({ name: "DBInstanceAutomatedBackupNotFoundFault" });
  });

  test("a deleted instance's retained backup restores to its last commit, until it is deleted", async () => {
    const doomed = "pitr-latest";
    const run = f.engine.backups.backupNow(f.engine.now(), doomed);
    await waitForSnapshot(rds, run.started[0]!);
    await waitForInstance(rds, doomed);
    const { DbiResourceId, Endpoint } = await describeOne(rds, doomed);
    const db = await connectAsMaster(f, Endpoint!.Port!);
    await db.query("insert into marks values (10)");
    await db.end();
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: doomed,
        SkipFinalSnapshot: true,
        DeleteAutomatedBackups: false,
      }),
    );
    await waitForInstanceGone(rds, doomed, 60_000);
    const [retained] =
      (await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ DbiResourceId }))).DBInstanceAutomatedBackups ??
      [];
    expect(retained).toMatchObject({ DBInstanceIdentifier: doomed, Status: "retained" });

    const out = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDbiResourceId: DbiResourceId,
        TargetDBInstanceIdentifier: "pitr-from-retained",
        UseLatestRestorableTime: true,
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe("creating");
    const restored = await waitForInstance(rds, "pitr-from-retained", "available", 180_000);
    const check = await connectAsMaster(f, restored.Endpoint!.Port!);
    const { rows } = await check.query<{ id: number }>("select id from marks order by id");
    await check.end();
    expect(rows.map((r) => r.id)).toEqual([1, 2, 10]);

    const deleted = await rds.send(new DeleteDBInstanceAutomatedBackupCommand({ DbiResourceId }));
    expect(deleted.DBInstanceAutomatedBackup).toMatchObject({ DbiResourceId, Status: "deleting" });
    await expect(rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ DbiResourceId }))).rejects.toMatchObject({
      name: "DBInstanceAutomatedBackupNotFoundFault",
    });
    await expect(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDbiResourceId: DbiResourceId,
          TargetDBInstanceIdentifier: "pitr-too-late",
          UseLatestRestorableTime: true,
        }),
      ),
    ).rejects.toMatchObject({ name: "DBInstanceAutomatedBackupNotFoundFault" });
  });

  test("backups switched on by ModifyDBInstance on an instance that had none: archived from then on, restorable", async () => {
    const promoted = `${WRITER}-replica-2`;
    await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: promoted, BackupRetentionPeriod: 0 }));
    await waitForInstance(rds, promoted, "available", 120_000);
    expect((await describeOne(rds, promoted)).LatestRestorableTime).toBeUndefined();

    // Switching backups on waits for the maintenance window, as on RDS, unless applied now.
    const queued = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: promoted, BackupRetentionPeriod: 3 }),
    );
    expect(queued.DBInstance).toMatchObject({
      BackupRetentionPeriod: 0,
      PendingModifiedValues: { BackupRetentionPeriod: 3 },
    });
    const backupEvents = async () =>
      (
        await rds.send(
          new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: promoted, Duration: 60 }),
        )
      ).Events?.map((e) => e.Message);
    expect(await describeOne(rds, promoted)).toMatchObject({ BackupRetentionPeriod: 0 });
    expect(await backupEvents()).not.toContain("Automatic backups for this DB instance have been enabled.");
    const applied = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: promoted, BackupRetentionPeriod: 3, ApplyImmediately: true }),
    );
    expect(applied.DBInstance).toMatchObject({
      DBInstanceStatus: "modifying",
      PendingModifiedValues: { BackupRetentionPeriod: 3 },
    });
    await waitForInstance(rds, promoted);
    expect(await describeOne(rds, promoted)).toMatchObject({ BackupRetentionPeriod: 3, PendingModifiedValues: {} });
    expect(await backupEvents()).toContain("Automatic backups for this DB instance have been enabled.");
    const run = f.engine.backups.backupNow(f.engine.now(), promoted);
    await waitForSnapshot(rds, run.started[0]!);
    await waitForInstance(rds, promoted);
    const { Endpoint } = await describeOne(rds, promoted);
    const db = await connectAsMaster(f, Endpoint!.Port!);
    await db.query("insert into marks values (20)");
    const { rows } = await db.query<{ at: Date }>(
      "select pg_xact_commit_timestamp(xmin) as at from marks where id = 20",
    );
    await db.end();
    // Only an archive that the new setting switched on can carry that commit.
    const latest = await eventually(
      async () => {
        const at = (await describeOne(rds, promoted)).LatestRestorableTime;
        return at && at >= rows[0]!.at ? at : undefined;
      },
      60_000,
      `LatestRestorableTime of ${promoted} past its last commit`,
    );
    expect(latest.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
