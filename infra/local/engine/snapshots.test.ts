/**
 * DB snapshots on a real fleet through @aws-sdk/client-rds: CreateDBSnapshot,
 * DescribeDBSnapshots, DeleteDBSnapshot, RestoreDBInstanceFromDBSnapshot and
 * the automated daily backups with their retention.
 */
import {
  CreateDBSnapshotCommand,
  type DBSnapshot,
  DeleteDBSnapshotCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  type RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from "@aws-sdk/client-rds";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits.js";
import {
  connectAsMaster,
  describeOne,
  eventually,
  startSeededFleet,
  type TempFleet,
} from "../test-support/temp-fleet.js";

// Several tests chain waits (snapshot, then restore, then backups of every
// instance); each wait names what it was stuck on, well before the test's own limit.
vi.setConfig({ testTimeout: 300_000 });

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet([
    "create table orders (id bigint primary key, note text)",
    "insert into orders select g, 'before' from generate_series(1, 1000) g",
  ]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const instance = (id: string) => describeOne(rds, id);
const messages = async (sourceType: "db-instance" | "db-snapshot", id: string) =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: sourceType, SourceIdentifier: id, Duration: 60 })))
      .Events ?? []
  ).map((e) => `${e.EventCategories?.join(",")}: ${e.Message}`);
const waitSnapshot = (id: string) => waitForSnapshot(rds, id);
const waitInstance = (id: string, status = "available") => waitForInstance(rds, id, status);
const rowIds = async (port: number) => {
  const db = await connectAsMaster(f, port);
  try {
    return (await db.query<{ id: string }>("select id from orders order by id")).rows.map((r) => Number(r.id));
  } finally {
    await db.end();
  }
};

describe("CreateDBSnapshot", () => {
  test("the snapshot goes creating → available while the instance is backing-up, with RDS's events", async () => {
    const out = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "Snap-One" }),
    );
    expect(out.DBSnapshot).toMatchObject({
      DBSnapshotIdentifier: "snap-one",
      DBInstanceIdentifier: WRITER,
      Status: "creating",
      SnapshotType: "manual",
      Engine: "postgres",
      DBSnapshotArn: "arn:aws:rds:us-east-1:000000000000:snapshot:snap-one",
    });
    expect((await instance(WRITER)).DBInstanceStatus).toBe("backing-up");
    const done = await waitSnapshot("snap-one");
    expect(done).toMatchObject({
      PercentProgress: 100,
      AllocatedStorage: 20,
      Encrypted: true,
      MasterUsername: "dbadmin",
      AvailabilityZone: "us-east-1a",
      Port: f.info.endpoints[0]!.port,
    });
    expect(done.SnapshotCreateTime).toBeInstanceOf(Date);
    expect(done.InstanceCreateTime).toBeInstanceOf(Date);
    expect(done.DbiResourceId).toBe((await instance(WRITER)).DbiResourceId);
    await waitInstance(WRITER);
    expect(await messages("db-snapshot", "snap-one")).toEqual(
      expect.arrayContaining(["creation: Creating manual snapshot", "creation: Manual snapshot created"]),
    );
    expect(await messages("db-instance", WRITER)).toEqual(
      expect.arrayContaining(["backup: Backing up DB instance", "backup: Finished DB Instance backup"]),
    );
  });

  test("a second action on a backing-up instance is InvalidDBInstanceState; a snapshot still creating cannot be deleted", async () => {
    await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "snap-busy" }));
    await expect(
      rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "snap-busy-2" })),
    ).rejects.toMatchObject({ name: "InvalidDBInstanceStateFault", $metadata: { httpStatusCode: 400 } });
    await expect(rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: "snap-busy" }))).rejects.toMatchObject({
      name: "InvalidDBSnapshotStateFault",
    });
    await waitSnapshot("snap-busy");
    await waitInstance(WRITER);
  });

  test.each([
    ["an existing snapshot identifier", WRITER, "snap-one", "DBSnapshotAlreadyExistsFault"],
    ["an unknown instance", "nope", "snap-nope", "DBInstanceNotFoundFault"],
    ["a snapshot identifier starting with a digit", WRITER, "1snap", "InvalidParameterValue"],
    ["a snapshot identifier ending with a hyphen", WRITER, "snap-", "InvalidParameterValue"],
    ["two consecutive hyphens", WRITER, "snap--x", "InvalidParameterValue"],
    ["an underscore", WRITER, "snap_x", "InvalidParameterValue"],
    ["256 characters", WRITER, `s${"a".repeat(255)}`, "InvalidParameterValue"],
  ])("%s is %s", async (_, DBInstanceIdentifier, DBSnapshotIdentifier, name) => {
    await expect(
      rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier, DBSnapshotIdentifier })),
    ).rejects.toMatchObject({ name });
  });
});

describe("RestoreDBInstanceFromDBSnapshot", () => {
  test("the restored instance holds exactly the snapshot's rows, on its own endpoint, and takes writes", async () => {
    const writer = await connectAsMaster(f, f.info.endpoints[0]!.port);
    await writer.query("insert into orders select g, 'after' from generate_series(1001, 1500) g");
    await writer.end();

    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "Restored-One",
        DBSnapshotIdentifier: "snap-one",
      }),
    );
    expect(out.DBInstance).toMatchObject({ DBInstanceIdentifier: "restored-one", DBInstanceStatus: "creating" });
    const restored = await waitInstance("restored-one");
    expect(restored).toMatchObject({
      MultiAZ: false,
      ReadReplicaDBInstanceIdentifiers: [],
      DeletionProtection: false,
      AvailabilityZone: "us-east-1a",
      DBInstanceClass: "db.t3.micro",
    });
    expect(restored.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    const port = restored.Endpoint!.Port!;
    expect(f.info.endpoints.map((e) => e.port)).not.toContain(port);

    const ids = await rowIds(port);
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    const db = await connectAsMaster(f, port);
    const { rows } = await db.query("select pg_is_in_recovery() as standby");
    await db.query("insert into orders values (9001, 'restored')");
    await db.end();
    expect(rows[0].standby).toBe(false);
    // The source is untouched by the restore.
    expect((await rowIds(f.info.endpoints[0]!.port)).length).toBe(1500);
    expect(await messages("db-instance", "restored-one")).toEqual(
      expect.arrayContaining(["creation: DB instance created", "restoration: Restored from snapshot snap-one"]),
    );
  });

  test("rows written during the snapshot leave it consistent: the restore holds a prefix of them, at least those before the call", async () => {
    const writer = await connectAsMaster(f, f.info.endpoints[0]!.port);
    await writer.query("create table ticks (id bigint primary key)");
    let next = 1;
    let stop = false;
    const load = (async (db: pg.Client) => {
      while (!stop) await db.query("insert into ticks values ($1)", [next++]);
    })(writer);
    await eventually(async () => (next > 200 ? true : undefined), 10_000, "writes flowing");
    const before = next - 1;
    await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "snap-under-load" }),
    );
    await waitSnapshot("snap-under-load");
    stop = true;
    await load;
    await writer.end();

    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "restored-load",
        DBSnapshotIdentifier: "snap-under-load",
      }),
    );
    const restored = await waitInstance("restored-load");
    const db = await connectAsMaster(f, restored.Endpoint!.Port!);
    const { rows } = await db.query("select count(*)::int as n, coalesce(max(id), 0)::int as top from ticks");
    await db.end();
    expect(rows[0].n).toBe(rows[0].top);
    expect(rows[0].n).toBeGreaterThanOrEqual(before);
    expect(rows[0].n).toBeLessThan(next);
  });

  test("a read replica's snapshot (taken on a hot standby) restores the rows it had replayed", async () => {
    const replica = "production-myapp-replica-1";
    const writerCount = (await rowIds(f.info.endpoints[0]!.port)).length;
    const replicaPort = (await instance(replica)).Endpoint!.Port!;
    await eventually(
      async () => ((await rowIds(replicaPort)).length === writerCount ? true : undefined),
      15_000,
      "replica caught up",
    );
    await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: replica, DBSnapshotIdentifier: "snap-of-replica" }),
    );
    expect((await waitSnapshot("snap-of-replica")).DBInstanceIdentifier).toBe(replica);
    await waitInstance(replica);
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "restored-from-replica",
        DBSnapshotIdentifier: "snap-of-replica",
        DBInstanceClass: "db.r6g.large",
        DeletionProtection: true,
        Port: f.config.portBase + 60,
      }),
    );
    const restored = await waitInstance("restored-from-replica");
    expect(restored).toMatchObject({
      DBInstanceClass: "db.r6g.large",
      DeletionProtection: true,
      Endpoint: { Port: f.config.portBase + 60 },
    });
    expect((await rowIds(restored.Endpoint!.Port!)).length).toBe(writerCount);
  });

  test.each([
    ["an existing instance identifier", WRITER, "snap-one", {}, "DBInstanceAlreadyExistsFault"],
    ["an unknown snapshot", "restored-x", "nope", {}, "DBSnapshotNotFoundFault"],
    ["MultiAZ", "restored-x", "snap-one", { MultiAZ: true }, "InvalidParameterCombination"],
    ["a bad instance identifier", "restored_x", "snap-one", {}, "InvalidParameterValue"],
    [
      "an unknown availability zone",
      "restored-x",
      "snap-one",
      { AvailabilityZone: "mars-1a" },
      "InvalidParameterValue",
    ],
  ])("%s is %s", async (_, DBInstanceIdentifier, DBSnapshotIdentifier, extra, name) => {
    await expect(
      rds.send(new RestoreDBInstanceFromDBSnapshotCommand({ DBInstanceIdentifier, DBSnapshotIdentifier, ...extra })),
    ).rejects.toMatchObject({ name });
  });
});

describe("DescribeDBSnapshots and DeleteDBSnapshot", () => {
  test("by instance and by type; a deleted snapshot is gone, with its event", async () => {
    const ofWriter =
      (await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: WRITER }))).DBSnapshots ?? [];
    expect(ofWriter.map((s) => s.DBSnapshotIdentifier)).toEqual(["snap-busy", "snap-one", "snap-under-load"]);
    const manual = (await rds.send(new DescribeDBSnapshotsCommand({ SnapshotType: "manual" }))).DBSnapshots ?? [];
    expect(manual.every((s: DBSnapshot) => s.SnapshotType === "manual")).toBe(true);

    const out = await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: "snap-busy" }));
    expect(out.DBSnapshot).toMatchObject({ DBSnapshotIdentifier: "snap-busy", Status: "deleted" });
    await expect(rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: "snap-busy" }))).rejects.toMatchObject(
      { name: "DBSnapshotNotFoundFault", $metadata: { httpStatusCode: 404 } },
    );
    await expect(rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: "snap-busy" }))).rejects.toMatchObject({
      name: "DBSnapshotNotFoundFault",
    });
    expect(await messages("db-snapshot", "snap-busy")).toContain("deletion: Deleted manual snapshot");
  });
});

describe("automated backups", () => {
  const day1 = new Date("2031-03-01T03:30:00Z");
  const automatedOf = async (id: string) =>
    (
      (await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: id, SnapshotType: "automated" })))
        .DBSnapshots ?? []
    ).map((s) => s.DBSnapshotIdentifier);
  /** Each backup started has finished, and its instance is available for the next run again. */
  const settled = async (started: string[]) => {
    for (const id of started) await waitInstance((await waitSnapshot(id)).DBInstanceIdentifier!);
  };

  test("nothing outside the backup window; one automated snapshot a day inside it", async () => {
    expect(f.engine.backups.runDue(new Date("2031-03-01T02:59:00Z")).started).toEqual([]);
    const run = f.engine.backups.runDue(day1);
    expect(run.started).toContain("rds:production-myapp-2031-03-01-03-30");
    const s = await waitSnapshot("rds:production-myapp-2031-03-01-03-30");
    expect(s).toMatchObject({ SnapshotType: "automated", DBInstanceIdentifier: WRITER });
    await settled(run.started);
    // Later in the same window: already backed up today.
    expect(f.engine.backups.runDue(new Date("2031-03-01T03:45:00Z")).started).toEqual([]);
    expect(await automatedOf(WRITER)).toEqual(["rds:production-myapp-2031-03-01-03-30"]);
    expect(await messages("db-snapshot", "rds:production-myapp-2031-03-01-03-30")).toEqual(
      expect.arrayContaining(["creation: Creating automated snapshot", "creation: Automated snapshot created"]),
    );
    await expect(
      rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: "rds:production-myapp-2031-03-01-03-30" })),
    ).rejects.toMatchObject({ name: "InvalidDBSnapshotStateFault" });
  });

  test("snapshots older than BackupRetentionPeriod (7 days) are pruned", async () => {
    const within = f.engine.backups.runDue(new Date("2031-03-07T03:10:00Z"));
    expect(within.pruned).toEqual([]);
    await settled(within.started);
    const later = f.engine.backups.runDue(new Date("2031-03-08T03:31:00Z"));
    expect(later.pruned).toContain("rds:production-myapp-2031-03-01-03-30");
    await settled(later.started);
    expect(await automatedOf(WRITER)).toEqual([
      "rds:production-myapp-2031-03-07-03-10",
      "rds:production-myapp-2031-03-08-03-31",
    ]);
    expect(await messages("db-snapshot", "rds:production-myapp-2031-03-01-03-30")).toContain(
      "deletion: Deleted automated snapshot",
    );
  });
});
