/**
 * ModifyDBInstance on a real fleet through @aws-sdk/client-rds: changes RDS
 * defers wait in PendingModifiedValues for the maintenance window (moved with
 * the engine's seam) or apply with ApplyImmediately; a class change resizes
 * the real nodes, on the Multi-AZ writer through a failover that loses no
 * acknowledged write; storage only grows, by 10 %; windows are checked.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import {
  DescribeEventsCommand,
  DescribeValidDBInstanceModificationsCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance } from "../test-support/rds-waits";
import { connectAsMaster, describeOne, eventually, startSeededFleet, type TempFleet } from "../test-support/temp-fleet";
import { writeLoad } from "../test-support/write-load";

vi.setConfig({ testTimeout: 240_000 });

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";
const R1 = "production-myapp-replica-1";
const R2 = "production-myapp-replica-2";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet(["create table ledger (id bigint primary key)"]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const modify = (input: Omit<ConstructorParameters<typeof ModifyDBInstanceCommand>[0], never>) =>
  rds.send(new ModifyDBInstanceCommand(input));
const portOf = async (id: string) => (await describeOne(rds, id)).Endpoint!.Port!;
const show = async (id: string, setting: string) => {
  const db = await connectAsMaster(f, await portOf(id));
  try {
    return (await db.query(`show ${setting}`)).rows[0]?.[setting] as string;
  } finally {
    await db.end();
  }
};
const messages = async (id: string) =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: id, Duration: 60 })))
      .Events ?? []
  ).map((e) => e.Message);

describe("ModifyDBInstance: deferred changes", () => {
  test("a class change without ApplyImmediately waits in PendingModifiedValues, then applies in the maintenance window", async () => {
    expect(await show(R1, "shared_buffers")).toBe("256MB"); // db.t3.micro: a quarter of 1 GiB
    const out = await modify({ DBInstanceIdentifier: R1, DBInstanceClass: "db.t3.small" });
    expect(out.DBInstance).toMatchObject({
      DBInstanceClass: "db.t3.micro",
      DBInstanceStatus: "available",
      PendingModifiedValues: { DBInstanceClass: "db.t3.small" },
    });
    // Still queued after a describe, and outside the window (sun:04:00-sun:05:00) nothing applies.
    expect((await describeOne(rds, R1)).PendingModifiedValues).toEqual({ DBInstanceClass: "db.t3.small" });
    expect(f.engine.maintenance.applyDue(new Date("2026-12-09T04:30:00Z")).started).toEqual([]);

    const run = f.engine.maintenance.applyDue(new Date("2026-12-13T04:30:00Z")); // a Sunday, in the window
    expect(run.started).toEqual([R1]);
    await waitForInstance(rds, R1, "available", 120_000);
    const after = await describeOne(rds, R1);
    expect(after.DBInstanceClass).toBe("db.t3.small");
    expect(after.PendingModifiedValues).toEqual({});
    expect(await show(R1, "shared_buffers")).toBe("512MB");
    expect(await messages(R1)).toEqual(
      expect.arrayContaining([
        "Applying modification to database instance class.",
        "Finished applying modification to DB instance class.",
      ]),
    );
  });

  test("ApplyImmediately applies the request together with what was queued", async () => {
    await modify({ DBInstanceIdentifier: R2, AllocatedStorage: 30 });
    expect((await describeOne(rds, R2)).PendingModifiedValues).toEqual({ AllocatedStorage: 30 });
    const out = await modify({ DBInstanceIdentifier: R2, DBInstanceClass: "db.t3.small", ApplyImmediately: true });
    expect(out.DBInstance).toMatchObject({
      DBInstanceStatus: "modifying",
      PendingModifiedValues: { AllocatedStorage: 30, DBInstanceClass: "db.t3.small" },
    });
    const done = await eventually(
      async () => {
        const i = await describeOne(rds, R2);
        return i.DBInstanceStatus === "modifying" ? undefined : i;
      },
      120_000,
      `${R2} no longer modifying`,
    );
    expect(done).toMatchObject({ DBInstanceClass: "db.t3.small", AllocatedStorage: 30, PendingModifiedValues: {} });
    expect(["storage-optimization", "available"]).toContain(done.DBInstanceStatus);
    expect(await show(R2, "shared_buffers")).toBe("512MB");
    expect(await messages(R2)).toEqual(
      expect.arrayContaining([
        "Applying modification to allocated storage.",
        "Finished applying modification to allocated storage.",
      ]),
    );
  });
});

describe("ModifyDBInstance: class change of the Multi-AZ writer", () => {
  test("standby first, then a failover: no acknowledged write lost, the nodes' shared_buffers follow", async () => {
    const before = await describeOne(rds, WRITER);
    const load = writeLoad(f);
    try {
      await eventually(async () => (load.acknowledged.length > 50 ? true : undefined), 10_000, "writes flowing");
      const out = await modify({
        DBInstanceIdentifier: WRITER,
        DBInstanceClass: "db.t3.small",
        ApplyImmediately: true,
      });
      expect(out.DBInstance?.DBInstanceStatus).toBe("modifying");
      await eventually(
        async () => {
          const i = await describeOne(rds, WRITER);
          return i.DBInstanceStatus === "available" && i.DBInstanceClass === "db.t3.small" ? true : undefined;
        },
        180_000,
        `${WRITER} available as db.t3.small`,
      );
      const countAfter = load.acknowledged.length;
      await eventually(
        async () => (load.acknowledged.length > countAfter + 50 ? true : undefined),
        15_000,
        "writes flowing after the change",
      );
    } finally {
      await load.stop();
    }
    const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
    try {
      const { rows } = await db.query("select id from ledger where id = any($1::bigint[])", [load.acknowledged]);
      expect(rows.length).toBe(load.acknowledged.length);
      expect((await db.query("show shared_buffers")).rows[0]?.shared_buffers).toBe("512MB");
    } finally {
      await db.end();
    }
    const after = await describeOne(rds, WRITER);
    // The writer moved to the (resized) standby's AZ, as a failover moves it.
    expect(after.AvailabilityZone).toBe(before.SecondaryAvailabilityZone);
    expect(after.SecondaryAvailabilityZone).toBe(before.AvailabilityZone);
    const standby = f.engine.nodeFor("standby");
    const standbyBuffers = await f.engine.asAdmin(standby!, (c) => c.query("show shared_buffers"));
    expect(standbyBuffers.rows[0]?.shared_buffers).toBe("512MB");
    expect(await messages(WRITER)).toEqual(
      expect.arrayContaining([
        "Applying modification to database instance class.",
        "Finished applying modification to DB instance class.",
      ]),
    );
  });
});

describe("ModifyDBInstance: MultiAZ", () => {
  const syncStandbys = async () => {
    const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
    try {
      const { rows } = await db.query<{ n: string }>(
        "select count(*) as n from pg_stat_replication where sync_state = 'sync'",
      );
      return Number(rows[0]?.n);
    } finally {
      await db.end();
    }
  };
  const settled = (multiAz: boolean) =>
    eventually(
      async () => {
        const i = await describeOne(rds, WRITER);
        return i.DBInstanceStatus === "available" && i.MultiAZ === multiAz ? i : undefined;
      },
      180_000,
      `${WRITER} available with MultiAZ ${multiAz}`,
    );

  test("the standby is removed and added again while the writer serves, losing no acknowledged write", async () => {
    const load = writeLoad(f);
    try {
      await eventually(async () => (load.acknowledged.length > 20 ? true : undefined), 10_000, "writes flowing");
      const queued = await modify({ DBInstanceIdentifier: WRITER, MultiAZ: false });
      expect(queued.DBInstance?.PendingModifiedValues).toEqual({ MultiAZ: false });
      await modify({ DBInstanceIdentifier: WRITER, ApplyImmediately: true });
      const single = await settled(false);
      expect(single.SecondaryAvailabilityZone).toBeUndefined();
      expect(await syncStandbys()).toBe(0);

      await modify({ DBInstanceIdentifier: WRITER, MultiAZ: true, ApplyImmediately: true });
      const multi = await settled(true);
      expect(multi.SecondaryAvailabilityZone).toBeDefined();
      expect(multi.SecondaryAvailabilityZone).not.toBe(multi.AvailabilityZone);
      expect(await syncStandbys()).toBe(1);
      const count = load.acknowledged.length;
      await eventually(
        async () => (load.acknowledged.length > count + 20 ? true : undefined),
        15_000,
        "writes flowing",
      );
    } finally {
      await load.stop();
    }
    const db = await connectAsMaster(f, f.info.endpoints[0]!.port);
    try {
      const { rows } = await db.query("select id from ledger where id = any($1::bigint[])", [load.acknowledged]);
      expect(rows.length).toBe(load.acknowledged.length);
    } finally {
      await db.end();
    }
    expect(await messages(WRITER)).toEqual(
      expect.arrayContaining([
        "Finished applying modification to convert to a standard (Single-AZ) DB instance.",
        "Applying modification to convert to a Multi-AZ DB instance.",
        "Finished applying modification to convert to a Multi-AZ DB instance.",
      ]),
    );
  });

  test("a read replica cannot be made Multi-AZ", async () => {
    await expect(modify({ DBInstanceIdentifier: R1, MultiAZ: true })).rejects.toMatchObject({
      name: "InvalidParameterCombination",
    });
  });
});

describe("ModifyDBInstance: MasterUserPassword", () => {
  test("rotated on the writer at once, replicated to its replicas; the credentials file follows", async () => {
    const old = f.engine.credentials.master.password;
    const rotated = "rotated-Pass-1234";
    await modify({ DBInstanceIdentifier: WRITER, MasterUserPassword: rotated });
    await waitForInstance(rds, WRITER, "available", 60_000);
    expect(f.engine.credentials.master.password).toBe(rotated);
    const file = JSON.parse(readFileSync(path.join(f.dataDir, "credentials.json"), "utf8"));
    expect(file.master.password).toBe(rotated);
    // connectAsMaster reads the engine's credentials: the new password works on the writer and, replicated, on a replica.
    await expect(show(WRITER, "server_version_num")).resolves.toMatch(/^17/);
    await eventually(
      async () =>
        await show(R1, "server_version_num").then(
          () => true,
          () => undefined,
        ),
      30_000,
      "replica accepts the new password",
    );
    const stale = new pg.Client({
      host: "127.0.0.1",
      port: f.info.endpoints[0]!.port,
      user: f.engine.credentials.master.username,
      password: old,
      database: f.info.databaseName,
      ssl: { ca: readFileSync(f.info.caCertPath, "utf8") },
    });
    await expect(stale.connect()).rejects.toThrow(/password authentication failed/);
    await stale.end().catch(() => undefined);
    expect(await messages(WRITER)).toContain("Reset master credentials.");
    // Nothing kept the statement that carried it.
    const statements = await f.engine.asAdmin(
      f.engine.nodeFor("writer")!,
      (c) => c.query<{ n: string }>("select count(*) as n from pg_stat_statements where query ilike '%rotated-Pass%'"),
      { database: f.info.databaseName },
    );
    expect(Number(statements.rows[0]?.n)).toBe(0);
  });

  test.each([
    ["too short", WRITER, "short1", "InvalidParameterValue"],
    ["with an @", WRITER, "has@sign-1234", "InvalidParameterValue"],
    ["on a read replica", R1, "a-fine-password-1", "InvalidParameterCombination"],
  ])("a password %s is refused", async (_, id, password, name) => {
    await expect(modify({ DBInstanceIdentifier: id, MasterUserPassword: password })).rejects.toMatchObject({ name });
  });
});

describe("ModifyDBInstance: refusals", () => {
  test.each([
    [
      "an unknown class",
      { DBInstanceClass: "db.x9.huge" },
      "InvalidParameterCombination",
      "DBInstanceClass=db.x9.huge",
    ],
    ["a malformed class", { DBInstanceClass: "t3.micro" }, "InvalidParameterValue", "DBInstanceClass"],
    [
      "a class this machine cannot hold",
      { DBInstanceClass: "db.r6g.4xlarge" },
      "InsufficientDBInstanceCapacityFault",
      "db.r6g.4xlarge",
    ],
    ["storage grown by less than 10 %", { AllocatedStorage: 21 }, "InvalidParameterCombination", "10 percent"],
    ["storage shrunk", { AllocatedStorage: 20 }, "InvalidParameterCombination", "cannot be reduced"],
    [
      "a storage autoscaling ceiling too close to the allocation",
      { MaxAllocatedStorage: 21 },
      "InvalidParameterCombination",
      "maximum allocated storage must be increased by at least 10 percent",
    ],
    ["an unknown storage type", { StorageType: "magnetic" }, "InvalidParameterValue", "StorageType"],
    [
      "overlapping windows",
      { PreferredBackupWindow: "04:30-05:30" },
      "InvalidParameterValue",
      "The backup window and maintenance window must not overlap.",
    ],
    [
      "a maintenance window in the wrong format",
      { PreferredMaintenanceWindow: "sunday 04:00" },
      "InvalidParameterValue",
      "PreferredMaintenanceWindow",
    ],
    [
      "a backup window under 30 minutes",
      { PreferredBackupWindow: "01:00-01:10" },
      "InvalidParameterValue",
      "at least 30 minutes",
    ],
  ])("%s is refused, naming it, and nothing changes", async (_, input, name, text) => {
    const before = await describeOne(rds, WRITER);
    const error = await modify({ DBInstanceIdentifier: WRITER, ApplyImmediately: true, ...input } as never).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toMatchObject({ name });
    expect(error?.message).toContain(text);
    const after = await describeOne(rds, WRITER);
    expect(after).toMatchObject({
      DBInstanceClass: before.DBInstanceClass,
      AllocatedStorage: before.AllocatedStorage,
      MaxAllocatedStorage: before.MaxAllocatedStorage,
      PreferredBackupWindow: before.PreferredBackupWindow,
      PendingModifiedValues: before.PendingModifiedValues,
    });
  });

  test("windows change at once, whatever ApplyImmediately says, and show in DescribeDBInstances", async () => {
    const out = await modify({
      DBInstanceIdentifier: WRITER,
      PreferredBackupWindow: "01:00-01:30",
      PreferredMaintenanceWindow: "Sat:22:00-Sat:23:00",
    });
    expect(out.DBInstance).toMatchObject({
      PreferredBackupWindow: "01:00-01:30",
      PreferredMaintenanceWindow: "sat:22:00-sat:23:00",
    });
  });

  test("storage growth applies with ApplyImmediately and shows in DescribeDBInstances", async () => {
    const out = await modify({ DBInstanceIdentifier: WRITER, AllocatedStorage: 40, ApplyImmediately: true });
    expect(out.DBInstance?.DBInstanceStatus).toBe("modifying");
    const grown = await eventually(
      async () => {
        const i = await describeOne(rds, WRITER);
        return i.DBInstanceStatus === "modifying" ? undefined : i;
      },
      30_000,
      `${WRITER} storage grown`,
    );
    expect(grown).toMatchObject({ AllocatedStorage: 40, PendingModifiedValues: {} });
    if (grown.DBInstanceStatus === "storage-optimization") {
      expect(Number(grown.PercentProgress)).toBeGreaterThanOrEqual(0);
      // A second storage change waits for the optimisation to finish, as on RDS.
      await expect(
        modify({ DBInstanceIdentifier: WRITER, AllocatedStorage: 60, ApplyImmediately: true }),
      ).rejects.toMatchObject({ name: "InvalidParameterCombination" });
    } else {
      expect(grown.DBInstanceStatus).toBe("available");
    }
  });
});

describe("DescribeValidDBInstanceModifications", () => {
  test("storage ranges start 10 % above the allocation, for each storage type; no processor features", async () => {
    const out = await rds.send(new DescribeValidDBInstanceModificationsCommand({ DBInstanceIdentifier: R1 }));
    const storage = out.ValidDBInstanceModificationsMessage?.Storage ?? [];
    expect(storage.map((s) => s.StorageType)).toEqual(["gp2", "gp3", "io1", "io2"]);
    expect(storage[1]).toMatchObject({
      StorageSize: [{ From: 22, To: 65536, Step: 1 }],
      SupportsStorageAutoscaling: true,
    });
    expect(out.ValidDBInstanceModificationsMessage?.ValidProcessorFeatures ?? []).toEqual([]);
  });

  test("an unknown instance is DBInstanceNotFound", async () => {
    await expect(
      rds.send(new DescribeValidDBInstanceModificationsCommand({ DBInstanceIdentifier: "nope" })),
    ).rejects.toMatchObject({ name: "DBInstanceNotFoundFault", $metadata: { httpStatusCode: 404 } });
  });
});
