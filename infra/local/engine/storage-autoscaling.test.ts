/**
 * Storage autoscaling on a real fleet through @aws-sdk/client-rds: an
 * allocated GiB stands for 8 MiB, the five minutes of low storage are one
 * second and the six hours since the last change none, so rows inserted into
 * the writer make RDS's rules fire: the storage grows from 20 GiB, capped by
 * MaxAllocatedStorage 30, with events 0217/0218/0225, and once the ceiling
 * is full too the instance is storage-full at 30 GiB, not grown past it.
 */
import { DescribeEventsCommand, ModifyDBInstanceCommand, type RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { connectAsMaster, describeOne, rdsClientFor, startTempFleet, type TempFleet } from "../test-support/temp-fleet";

vi.setConfig({ testTimeout: 300_000 });

const WRITER = "production-myapp";
const CHUNK = "insert into fill (body) select repeat('x', 1000) from generate_series(1, 2000)";
const READ_ONLY = "25006";

let f: TempFleet;
let rds: RDSClient;

beforeAll(async () => {
  f = await startTempFleet({
    env: {
      RDSDECK_STORAGE_GIB_BYTES: String(8 * 1024 ** 2),
      RDSDECK_STORAGE_CHECK_SECONDS: "1",
      RDSDECK_STORAGE_AUTOSCALING_LOW_SECONDS: "1",
      RDSDECK_STORAGE_AUTOSCALING_COOLDOWN_SECONDS: "0",
    },
  });
  rds = rdsClientFor(f);
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const messages = async () =>
  (
    (await rds.send(new DescribeEventsCommand({ SourceType: "db-instance", SourceIdentifier: WRITER, Duration: 60 })))
      .Events ?? []
  ).map((e) => e.Message ?? "");

describe("storage autoscaling", () => {
  test("grows the storage up to MaxAllocatedStorage and not past it", async () => {
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, MaxAllocatedStorage: 30 }));
    const db = await connectAsMaster(f, (await describeOne(rds, WRITER)).Endpoint!.Port!);
    try {
      await db.query("create table fill (id bigserial primary key, body text)");
      // Writes until the writer is full at its ceiling; a refusal before that is storage-full before autoscaling's
      // second of low storage has passed, which autoscaling then resolves.
      let full = false;
      for (let round = 0; round < 400 && !full; round++) {
        try {
          await db.query(CHUNK);
          await f.engine.storage.check();
        } catch (error) {
          expect((error as { code?: string }).code).toBe(READ_ONLY);
          const now = await describeOne(rds, WRITER);
          full = now.DBInstanceStatus === "storage-full" && now.AllocatedStorage === 30;
          if (!full) await new Promise((r) => setTimeout(r, 500));
        }
      }
      expect(full).toBe(true);
    } finally {
      await db.end();
    }
    const after = await describeOne(rds, WRITER);
    expect(after).toMatchObject({ AllocatedStorage: 30, MaxAllocatedStorage: 30, DBInstanceStatus: "storage-full" });
    const events = await messages();
    expect(
      events.filter((m) => m === "Applying autoscaling-initiated modification to allocated storage."),
    ).toHaveLength(1);
    expect(events).toEqual(
      expect.arrayContaining([
        "Finished applying autoscaling-initiated modification to allocated storage.",
        "Allocated storage size 30 GB is approaching the maximum storage threshold 30 GB. Increase the maximum storage threshold.",
        "Allocated storage has been exhausted. Allocate additional storage to resolve.",
      ]),
    );
  });
});
