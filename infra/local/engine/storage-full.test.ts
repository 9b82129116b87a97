/**
 * Low storage and storage-full on a real fleet through @aws-sdk/client-rds:
 * an allocated GiB stands for 8 MiB (RDSDECK_STORAGE_GIB_BYTES), so rows
 * inserted into the writer really fill its "20 GiB": RDS-EVENT-0089 past
 * 90 %, then storage-full with RDS-EVENT-0007 and writes refused, across an
 * engine restart, while snapshots are still taken; ModifyDBInstance accepted while full grows the storage and
 * writes go on again. Autoscaling stays out of it (its five minutes are a day here).
 */
import { rmSync } from "node:fs";
import {
  CreateDBSnapshotCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loadEngineConfig } from "../config";
import { directoryBytes } from "../metrics/directory-size";
import { cloudWatchClient, recentRdsStatistic } from "../monitoring/cloudwatch-client";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import {
  connectAsMaster,
  describeOne,
  eventually,
  makeTempDataDir,
  rdsClientFor,
  startTempFleet,
  type TempFleet,
} from "../test-support/temp-fleet";

vi.setConfig({ testTimeout: 300_000 });

const WRITER = "production-myapp";
const ENV = {
  RDSDECK_STORAGE_GIB_BYTES: String(8 * 1024 ** 2),
  RDSDECK_STORAGE_CHECK_SECONDS: "1",
  RDSDECK_STORAGE_AUTOSCALING_LOW_SECONDS: "86400",
};
/** About 2 MiB of rows (and as much WAL): each row stays under the TOAST threshold, so nothing is compressed. */
const CHUNK = "insert into fill (body) select repeat('x', 1000) from generate_series(1, 2000)";
const READ_ONLY = "25006";

const dataDir = makeTempDataDir();
let f: TempFleet;
let rds: RDSClient;

async function boot(): Promise<void> {
  f = await startTempFleet({ dataDir, env: ENV });
  rds = rdsClientFor(f);
}

beforeAll(async () => {
  await boot();
  await withWriter((db) => db.query("create table fill (id bigserial primary key, body text)"));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
  if (process.env.RDSDECK_TEST_KEEP_FLEETS !== "1") rmSync(dataDir, { recursive: true, force: true });
});

async function withWriter<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = await connectAsMaster(f, (await describeOne(rds, WRITER)).Endpoint!.Port!);
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const lowStorageEvents = async () =>
  (
    (
      await rds.send(
        new DescribeEventsCommand({
          SourceType: "db-instance",
          SourceIdentifier: WRITER,
          EventCategories: ["low storage"],
          Duration: 60,
        }),
      )
    ).Events ?? []
  ).map((e) => e.Message ?? "");

/** Inserts chunks until the writer refuses one; the watcher checks after each, as its timer would. */
async function fillUntilRefused(): Promise<{ chunks: number; error: Error & { code?: string } }> {
  return withWriter(async (db) => {
    for (let chunks = 0; chunks < 200; chunks++) {
      try {
        await db.query(CHUNK);
      } catch (error) {
        return { chunks, error: error as Error & { code?: string } };
      }
      await f.engine.storage.check();
    }
    throw new Error("200 chunks inserted and the writer still takes writes");
  });
}

describe("storage-full", () => {
  test("rows fill the allocation: 0089 past 90 %, then storage-full, 0007 and a write refused", async () => {
    const { chunks, error } = await fillUntilRefused();
    expect(chunks).toBeGreaterThan(0);
    expect(error.code).toBe(READ_ONLY);
    expect(error.message).toMatch(/read-only transaction/);

    const full = await describeOne(rds, WRITER);
    expect(full).toMatchObject({ DBInstanceStatus: "storage-full", AllocatedStorage: 20 });
    const messages = await lowStorageEvents();
    expect(messages).toEqual(
      expect.arrayContaining([
        "Allocated storage has been exhausted. Allocate additional storage to resolve.",
        expect.stringMatching(
          /^The free storage capacity for DB instance: production-myapp is low at \d+% of the provisioned storage \[Provisioned Storage: 20\.00 GB, Free Storage: \d+\.\d\d GB\]\. You may want to increase the provisioned storage to address this issue\.$/,
        ),
      ]),
    );
    // A new connection is refused too, and reads go on.
    await withWriter(async (db) => {
      await expect(db.query("insert into fill (body) values ('one more')")).rejects.toMatchObject({ code: READ_ONLY });
      expect(Number((await db.query("select count(*) from fill")).rows[0].count)).toBe(chunks * 2000);
    });
  });

  test("storage-full holds across an engine restart", async () => {
    rds.destroy();
    await f.cleanup();
    await boot();
    expect((await describeOne(rds, WRITER)).DBInstanceStatus).toBe("storage-full");
    await withWriter((db) =>
      expect(db.query("insert into fill (body) values ('after restart')")).rejects.toMatchObject({ code: READ_ONLY }),
    );
  });

  test("backups go on while full: CreateDBSnapshot, then storage-full again", async () => {
    await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "while-full" }));
    expect((await waitForSnapshot(rds, "while-full")).Status).toBe("available");
    expect((await waitForInstance(rds, WRITER, "storage-full")).AllocatedStorage).toBe(20);
  });

  test("ModifyDBInstance refuses a storage change below 10 % while full, naming the sizes", async () => {
    await expect(
      rds.send(
        new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, AllocatedStorage: 21, ApplyImmediately: true }),
      ),
    ).rejects.toMatchObject({
      name: "InvalidParameterCombination",
      message: expect.stringContaining("at least 22 GiB from 20 GiB"),
    });
    expect((await describeOne(rds, WRITER)).DBInstanceStatus).toBe("storage-full");
  });

  test("growing the storage while full brings it back to available, and writes are accepted again", async () => {
    await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, AllocatedStorage: 40, ApplyImmediately: true }),
    );
    const back = await waitForInstance(rds, WRITER, "available", 120_000);
    expect(back.AllocatedStorage).toBe(40);
    await eventually(
      () =>
        withWriter(async (db) => {
          await db.query("insert into fill (body) values ('room again')");
          return true;
        }),
      30_000,
      "a write accepted after the storage grew",
    );
  });
});

describe("FreeStorageSpace on the allocation's scale", () => {
  test("the grown 40 GiB instance reports its free GiBs, not the few real MiB they stand for", async () => {
    const cw = cloudWatchClient(f);
    const gibBytes = Number(ENV.RDSDECK_STORAGE_GIB_BYTES);
    const expected = () => {
      const used = directoryBytes(f.engine.nodeServing(WRITER)!.pgData);
      return ((40 * gibBytes - used) / gibBytes) * 1024 ** 3;
    };
    let last: number | undefined;
    try {
      // The collector walks the data directory once a minute: the first walk after the growth.
      await eventually(
        async () => {
          last = await recentRdsStatistic(cw, WRITER, "FreeStorageSpace", "Minimum", 30);
          return last !== undefined && Math.abs(last - expected()) < 2 * 1024 ** 3 ? last : undefined;
        },
        150_000,
        `FreeStorageSpace near ${(expected() / 1024 ** 3).toFixed(1)} GiB`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last ${last === undefined ? "none" : (last / 1024 ** 3).toFixed(2)} GiB`);
      });
    } finally {
      cw.destroy();
    }
  });
});

describe("RDSDECK_STORAGE_GIB_BYTES", () => {
  test.each([["12"], ["0"], [String(2 * 1024 ** 3)], ["many"]])("refuses %s, naming the variable", (value) => {
    expect(() => loadEngineConfig({ RDSDECK_STORAGE_GIB_BYTES: value }, "/tmp")).toThrow(
      /^Invalid RDSDECK_STORAGE_GIB_BYTES/,
    );
  });

  test("defaults to 2^30 bytes a GiB", () => {
    expect(loadEngineConfig({}, "/tmp").storageGibBytes).toBe(2 ** 30);
  });
});
