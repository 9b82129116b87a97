/**
 * DB snapshots on a real fleet through @aws-sdk/client-rds: CreateDBSnapshot,
 * DescribeDBSnapshots, DeleteDBSnapshot, RestoreDBInstanceFromDBSnapshot and
 * the automated daily backups with their retention.
 */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  CreateDBSnapshotCommand,
  type DBSnapshot,
  DeleteDBSnapshotCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  type RDSClient,
  RebootDBInstanceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
} from "@aws-sdk/client-rds";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { withNode } from "../pg/sql-client";
import { parseLsn } from "../pg/wal-files";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import { connectAsMaster, describeOne, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";

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

  test("a replica's snapshot restores when the last WAL it replayed is not a commit and nothing follows it (idle writer)", async () => {
    // Recovery with recovery_target = 'immediate' stops only after a commit record or before a next record;
    // a standby's backup ends at the last record it replayed, so an idle writer left it neither.
    const replica = "production-myapp-replica-2";
    const ca = readFileSync(f.info.caCertPath, "utf8");
    const admin = f.engine.credentials.admin;
    const writerNode = f.engine.nodeFor("writer")!;
    const replicaNode = f.engine.nodeFor(replica)!;
    const writerCount = (await rowIds(f.info.endpoints[0]!.port)).length;
    const last = await withNode(writerNode.address, admin, ca, async (db) => {
      await db.query("select pg_log_standby_snapshot()");
      return (await db.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn")).rows[0]!.lsn;
    });
    await eventually(
      () =>
        withNode(replicaNode.address, admin, ca, async (db) => {
          const { rows } = await db.query<{ caught: boolean }>(
            "select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught",
            [last],
          );
          return rows[0]?.caught ? true : undefined;
        }),
      15_000,
      "replica replayed the standby snapshot record",
    );
    await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: replica, DBSnapshotIdentifier: "snap-idle" }));
    await waitSnapshot("snap-idle");
    await waitInstance(replica);
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "restored-idle",
        DBSnapshotIdentifier: "snap-idle",
      }),
    );
    const restored = await waitInstance("restored-idle");
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
    // The archive keeps the WAL from the oldest kept base backup on, and nothing before it.
    const { DbiResourceId } = await instance(WRITER);
    const archive = path.join(f.dataDir, "backups", DbiResourceId!, "wal");
    const oldest = (
      await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: "rds:production-myapp-2031-03-07-03-10" }))
    ).DBSnapshots![0]!;
    const startSegment = f.engine.snapshots.get(oldest.DBSnapshotIdentifier!)!.startLsn!;
    const segnos = readdirSync(archive)
      .filter((n) => /^[0-9A-F]{24}\.gz$/.test(n))
      .map((n) => Number.parseInt(n.slice(8, 24), 16));
    expect(segnos.length).toBeGreaterThan(0);
    expect(Math.min(...segnos)).toBe(Number(parseLsn(startSegment) / 16_777_216n));
  });
});

describe("the first automated backup", () => {
  test("an instance that keeps backups but has none yet gets one at once, outside the window; then no more", async () => {
    // A restored instance keeps backups (7 days) and has none yet; every other one has its daily backups by now.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "restored-first",
        DBSnapshotIdentifier: "snap-one",
      }),
    );
    await waitInstance("restored-first");
    const outside = new Date("2031-03-10T12:00:00Z");
    const run = f.engine.backups.firstBackups(outside);
    expect(run.started).toEqual(["rds:restored-first-2031-03-10-12-00"]);
    await waitSnapshot(run.started[0]!);
    await waitInstance("restored-first");
    expect(f.engine.backups.firstBackups(outside).started).toEqual([]);
  });
});

describe("a replica's snapshot across a writer failover", () => {
  test("its WAL spans both timelines and the restore holds the rows of both", async () => {
    const replica = "production-myapp-replica-1";
    const ca = readFileSync(f.info.caCertPath, "utf8");
    const writer = await connectAsMaster(f, f.info.endpoints[0]!.port);
    await writer.query("create table timeline_rows (id int primary key)");
    await writer.query("insert into timeline_rows values (1)");
    await writer.end();
    const replicaPort = (await instance(replica)).Endpoint!.Port!;
    const replicaHas = (id: number) => async () => {
      const db = await connectAsMaster(f, replicaPort);
      try {
        const { rows } = await db.query("select 1 from timeline_rows where id = $1", [id]);
        return rows.length === 1 ? true : undefined;
      } finally {
        await db.end();
      }
    };
    await eventually(replicaHas(1), 15_000, "replica has the first timeline's row");

    // Between the copy and pg_backup_stop: the writer fails over, and the replica replays a row of the new timeline.
    f.engine.hooks.beforeSnapshotStop = async (snapshotId) => {
      if (snapshotId !== "snap-across") return;
      await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER, ForceFailover: true }));
      await waitInstance(WRITER);
      const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
      await db.query("insert into timeline_rows values (2)");
      await db.end();
      await eventually(replicaHas(2), 30_000, "replica has the new timeline's row");
      // A standby's backup ends at its minimum recovery point, which moves lazily; a restartpoint
      // moves it to what was replayed, so the backup certainly ends on the new timeline.
      await withNode(f.engine.nodeFor(replica)!.address, f.engine.credentials.admin, ca, (a) => a.query("checkpoint"), {
        queryTimeoutMs: 60_000,
      });
    };
    try {
      await rds.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: replica, DBSnapshotIdentifier: "snap-across" }),
      );
      await waitSnapshot("snap-across");
    } finally {
      f.engine.hooks.beforeSnapshotStop = undefined;
    }
    const dir = f.engine.snapshots.dirOf("snap-across");
    const startTimeline = Number(
      /START TIMELINE: (\d+)/.exec(readFileSync(path.join(dir, "data", "backup_label"), "utf8"))?.[1],
    );
    const walTimelines = new Set(
      readdirSync(path.join(dir, "wal"))
        .filter((n) => /^[0-9A-F]{24}$/.test(n))
        .map((n) => Number.parseInt(n.slice(0, 8), 16)),
    );
    expect([...walTimelines].sort((a, b) => a - b)).toEqual([startTimeline, startTimeline + 1]);

    await waitInstance(replica);
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: "restored-across",
        DBSnapshotIdentifier: "snap-across",
      }),
    );
    const restored = await waitInstance("restored-across");
    const db = await connectAsMaster(f, restored.Endpoint!.Port!);
    const { rows } = await db.query<{ id: number }>("select id from timeline_rows order by id");
    await db.end();
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });
});
