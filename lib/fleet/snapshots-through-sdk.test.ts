/**
 * lib/fleet's snapshot and instance-lifecycle calls through the real AWS SDK
 * and the local RDS API server, with a scripted backend: the shapes, pages and
 * faults are the wire's; the engine's own behaviour is infra/local's to test.
 */
import type { DBInstance, DBSnapshot } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { rdsErrors } from "@/infra/local/api/rds/rds-errors";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { serveLocalAws } from "@/lib/test-support/local-aws-env";
import { describeSnapshot, describeSnapshots } from "./describe-snapshots";
import { createReadReplica, deleteInstance, promoteReplica } from "./instance-lifecycle";
import { createSnapshot, deleteSnapshot, restoreFromSnapshot } from "./snapshot-actions";

const WRITER = "production-myapp";

const snapshot = (id: string, minutesAgo: number, extra: Partial<DBSnapshot> = {}): DBSnapshot => ({
  DBSnapshotIdentifier: id,
  DBInstanceIdentifier: WRITER,
  SnapshotType: "manual",
  Status: "available",
  PercentProgress: 100,
  SnapshotCreateTime: new Date(Date.now() - minutesAgo * 60_000),
  AllocatedStorage: 20,
  Engine: "postgres",
  ...extra,
});

class ScriptedBackend extends InMemoryRdsBackend {
  snapshots: DBSnapshot[] = [];
  refusal: Error | undefined;
  lastDelete: unknown;
  private act<T>(result: T): T {
    if (this.refusal) throw this.refusal;
    return result;
  }
  override describeDBSnapshots = () => this.snapshots;
  override createDBSnapshot = ({ instanceId, snapshotId }: { instanceId: string; snapshotId: string }) =>
    this.act({ ...snapshot(snapshotId, 0), DBInstanceIdentifier: instanceId, Status: "creating", PercentProgress: 0 });
  override deleteDBSnapshot = ({ snapshotId }: { snapshotId: string }) =>
    this.act({ ...snapshot(snapshotId, 1), Status: "deleted" });
  override restoreDBInstanceFromDBSnapshot = async ({ instanceId }: { instanceId: string }) =>
    this.act<DBInstance>({ DBInstanceIdentifier: instanceId, DBInstanceStatus: "creating" });
  override promoteReadReplica = ({ instanceId }: { instanceId: string }) =>
    this.act<DBInstance>({ DBInstanceIdentifier: instanceId, DBInstanceStatus: "modifying" });
  override createDBInstanceReadReplica = async ({ instanceId }: { instanceId: string }) =>
    this.act<DBInstance>({ DBInstanceIdentifier: instanceId, DBInstanceStatus: "creating" });
  override deleteDBInstance = (request: { instanceId: string }) => {
    this.lastDelete = request;
    return this.act<DBInstance>({ DBInstanceIdentifier: request.instanceId, DBInstanceStatus: "deleting" });
  };
}

const backend = new ScriptedBackend(fleetInstances());
const { client } = serveLocalAws(backend);

describe("describeSnapshots", () => {
  it("reads every page, newest first, with a snapshot still being taken on top", async () => {
    backend.snapshots = [
      ...Array.from({ length: 130 }, (_, i) => snapshot(`old-${i}`, 1000 + i)),
      snapshot("newest", 1),
      snapshot("taking", 0, { Status: "creating", PercentProgress: 40, SnapshotCreateTime: undefined }),
    ];
    const all = await describeSnapshots({ client: client() });
    expect(all).toHaveLength(132);
    expect(all.slice(0, 3).map((s) => s.identifier)).toEqual(["taking", "newest", "old-0"]);
    expect(all[0]).toMatchObject({ status: "creating", percentProgress: 40, instanceIdentifier: WRITER });
  });

  it("finds one by identifier, with its tags in RDS's order, and says NotFound for one RDS does not have", async () => {
    backend.snapshots = [
      snapshot("snap-a", 5, {
        TagList: [
          { Key: "Name", Value: WRITER },
          { Key: "reviewed", Value: "" },
        ],
      }),
    ];
    const found = await describeSnapshot({ identifier: "snap-a", client: client() });
    expect(found.identifier).toBe("snap-a");
    expect(found.tags).toEqual([
      { key: "Name", value: WRITER },
      { key: "reviewed", value: "" },
    ]);
    await expect(describeSnapshot({ identifier: "snap-zzz", client: client() })).rejects.toBeInstanceOf(NotFound);
  });
});

describe("actions", () => {
  it("answer with the new status at once, as RDS does", async () => {
    backend.refusal = undefined;
    expect(await createSnapshot({ instance: WRITER, snapshot: "s1", client: client() })).toMatchObject({
      identifier: "s1",
      status: "creating",
    });
    await deleteSnapshot({ snapshot: "s1", client: client() });
    expect((await restoreFromSnapshot({ snapshot: "s1", instance: "copy", client: client() })).status).toBe("creating");
    expect((await promoteReplica({ identifier: "production-myapp-replica-2", client: client() })).status).toBe(
      "modifying",
    );
    expect((await createReadReplica({ source: WRITER, identifier: "r3", client: client() })).status).toBe("creating");
  });

  it("deletes with a final snapshot, or skips it only when told", async () => {
    await deleteInstance({ identifier: "copy", finalSnapshot: "copy-final", client: client() });
    expect(backend.lastDelete).toMatchObject({
      instanceId: "copy",
      skipFinalSnapshot: false,
      finalSnapshotId: "copy-final",
    });
    await deleteInstance({ identifier: "copy", finalSnapshot: undefined, client: client() });
    expect(backend.lastDelete).toMatchObject({ instanceId: "copy", skipFinalSnapshot: true });
  });

  it.each([
    [
      "DBSnapshotAlreadyExists",
      rdsErrors.dbSnapshotAlreadyExists(
        "Cannot create the snapshot because a snapshot with the identifier s1 already exists.",
      ),
      Conflict,
      "already exists",
    ],
    ["DBSnapshotNotFound", rdsErrors.dbSnapshotNotFound("s9"), NotFound, "s9"],
    [
      "InvalidDBSnapshotState",
      rdsErrors.invalidDBSnapshotState("Snapshot s1 is not available."),
      Conflict,
      "is not available",
    ],
    [
      "DBInstanceAlreadyExists",
      rdsErrors.dbInstanceAlreadyExists("DB instance already exists"),
      Conflict,
      "already exists",
    ],
    [
      "InvalidParameterCombination",
      rdsErrors.invalidParameterCombination(
        "Cannot delete protected DB Instance, please disable deletion protection and try again.",
      ),
      Invalid,
      "deletion protection",
    ],
  ])("map RDS's %s to the domain's error, quoting RDS", async (_, fault, type, text) => {
    backend.refusal = fault;
    const attempts = [
      createSnapshot({ instance: WRITER, snapshot: "s1", client: client() }),
      restoreFromSnapshot({ snapshot: "s1", instance: "copy", client: client() }),
      deleteInstance({ identifier: "copy", finalSnapshot: undefined, client: client() }),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toBeInstanceOf(type);
      await expect(attempt).rejects.toThrow(text);
    }
    backend.refusal = undefined;
  });
});
