/**
 * RDS tags on a real fleet through @aws-sdk/client-rds: AddTagsToResource,
 * ListTagsForResource and RemoveTagsFromResource by ARN on instances and
 * snapshots, TagList in the describes, CopyTagsToSnapshot on manual and
 * automated snapshots, Tags on create and restore, RDS's refusals, and tags
 * that outlive a restart of the fleet.
 */
import {
  AddTagsToResourceCommand,
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  type DBSnapshot,
  DescribeDBSnapshotsCommand,
  ListTagsForResourceCommand,
  ModifyDBInstanceCommand,
  type RDSClient,
  RemoveTagsFromResourceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  type Tag,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance, waitForSnapshot } from "../test-support/rds-waits";
import {
  describeOne,
  rdsClientFor,
  restartTempFleet,
  startSeededFleet,
  type TempFleet,
} from "../test-support/temp-fleet";

vi.setConfig({ testTimeout: 240_000 });

let f: TempFleet;
let rds: RDSClient;
const WRITER = "production-myapp";
const REPLICA_1 = "production-myapp-replica-1";
const REPLICA_2 = "production-myapp-replica-2";

beforeAll(async () => {
  ({ fleet: f, rds } = await startSeededFleet(["create table kept (id int primary key)"]));
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const arnOf = async (id: string) => (await describeOne(rds, id)).DBInstanceArn!;
const tagsOf = async (resource: string) =>
  (await rds.send(new ListTagsForResourceCommand({ ResourceName: resource }))).TagList;
const addTags = (resource: string, tags: Tag[]) =>
  rds.send(new AddTagsToResourceCommand({ ResourceName: resource, Tags: tags }));
const snapshotNamed = async (id: string): Promise<DBSnapshot> =>
  (await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }))).DBSnapshots![0]!;

/** The error a call fails with (the test fails if it succeeds). */
async function refusal(call: Promise<unknown>): Promise<Error> {
  return call.then(
    () => {
      throw new Error("expected a refusal, the call succeeded");
    },
    (e: Error) => e,
  );
}

describe("tags on instances", () => {
  test("the fleet's instances carry the CDK stack's tags, alike in DescribeDBInstances and ListTagsForResource", async () => {
    const writer = await describeOne(rds, WRITER);
    expect(writer.TagList).toEqual([
      { Key: "Name", Value: WRITER },
      { Key: "Environment", Value: "production" },
      { Key: "Application", Value: "rdsdeck" },
    ]);
    expect(writer.CopyTagsToSnapshot).toBe(true);
    expect(await tagsOf(writer.DBInstanceArn!)).toEqual(writer.TagList);
  });

  test("AddTagsToResource adds and overwrites (the same key twice: the last value); RemoveTagsFromResource removes", async () => {
    const arn = await arnOf(REPLICA_1);
    await addTags(arn, [
      { Key: "team", Value: "db" },
      { Key: "Name", Value: "reader one" },
      { Key: "cost-center", Value: "" },
      { Key: "team", Value: "platform" },
    ]);
    const added = [
      { Key: "Name", Value: "reader one" },
      { Key: "Environment", Value: "production" },
      { Key: "Application", Value: "rdsdeck" },
      { Key: "team", Value: "platform" },
      { Key: "cost-center", Value: "" },
    ];
    expect(await tagsOf(arn)).toEqual(added);
    expect((await describeOne(rds, REPLICA_1)).TagList).toEqual(added);
    // An ARN in upper case names the same instance, as RDS keeps identifiers in lowercase.
    expect(await tagsOf(arn.replace(REPLICA_1, REPLICA_1.toUpperCase()))).toEqual(added);

    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: ["team", "not-there"] }));
    expect((await tagsOf(arn))?.map((t) => t.Key)).toEqual(["Name", "Environment", "Application", "cost-center"]);
  });

  test("at most 50 tags: the 51st is refused and nothing of that call is kept", async () => {
    const arn = await arnOf(REPLICA_2);
    const before = (await tagsOf(arn)) ?? [];
    const filler = Array.from({ length: 50 - before.length }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
    await addTags(arn, filler);
    expect(await tagsOf(arn)).toHaveLength(50);
    const error = await refusal(
      addTags(arn, [
        { Key: "Name", Value: "renamed" },
        { Key: "one-too-many", Value: "x" },
      ]),
    );
    expect(error).toMatchObject({ name: "InvalidParameterValue" });
    expect(error.message).toContain("more than 50 tags");
    expect((await tagsOf(arn))?.find((t) => t.Key === "Name")?.Value).toBe(REPLICA_2);
    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: filler.map((t) => t.Key) }));
    expect(await tagsOf(arn)).toEqual(before);
  });

  const longKey = "k".repeat(129);
  test.each([
    ["an unknown instance", "arn:aws:rds:us-east-1:000000000000:db:nope", undefined, "DBInstanceNotFoundFault", "nope"],
    [
      "an unknown snapshot",
      "arn:aws:rds:us-east-1:000000000000:snapshot:nope",
      undefined,
      "DBSnapshotNotFoundFault",
      "nope",
    ],
    [
      "a fleet instance's name in another region",
      `arn:aws:rds:eu-west-1:000000000000:db:${WRITER}`,
      undefined,
      "DBInstanceNotFoundFault",
      WRITER,
    ],
    ["a bare identifier for an ARN", WRITER, undefined, "InvalidParameterValue", "ResourceName"],
    [
      "a cluster ARN",
      "arn:aws:rds:us-east-1:000000000000:cluster:c1",
      undefined,
      "InvalidParameterValue",
      "no cluster resources",
    ],
    ["a key starting with aws:", undefined, { Key: "aws:team", Value: "x" }, "InvalidParameterValue", '"aws:team"'],
    ["a key starting with rds:", undefined, { Key: "rds:team", Value: "x" }, "InvalidParameterValue", '"rds:team"'],
    ["an empty key", undefined, { Key: "", Value: "x" }, "InvalidParameterValue", "Tags.Tag.1.Key"],
    ["a key of 129 characters", undefined, { Key: longKey, Value: "x" }, "InvalidParameterValue", "at most 128"],
    ["a value of 257 characters", undefined, { Key: "k", Value: "v".repeat(257) }, "InvalidParameterValue", "256"],
    ["a key with a *", undefined, { Key: "a*b", Value: "x" }, "InvalidParameterValue", '"a*b"'],
  ])("AddTagsToResource: %s is %s", async (_, resource, tag, name, named) => {
    const writerArn = await arnOf(WRITER);
    const before = await tagsOf(writerArn);
    const error = await refusal(addTags(resource ?? writerArn, [tag ?? { Key: "team", Value: "db" }]));
    expect(error).toMatchObject({ name });
    expect(error.message).toContain(named);
    expect(await tagsOf(writerArn)).toEqual(before);
  });

  test("ListTagsForResource and RemoveTagsFromResource refuse what AddTagsToResource refuses", async () => {
    const nowhere = "arn:aws:rds:us-east-1:000000000000:db:nope";
    await expect(tagsOf(nowhere)).rejects.toMatchObject({ name: "DBInstanceNotFoundFault" });
    await expect(
      rds.send(new RemoveTagsFromResourceCommand({ ResourceName: nowhere, TagKeys: ["team"] })),
    ).rejects.toMatchObject({ name: "DBInstanceNotFoundFault" });
    await expect(tagsOf("not-an-arn")).rejects.toMatchObject({ name: "InvalidParameterValue" });
  });
});

describe("tags on snapshots and what is created from them", () => {
  let copied: DBSnapshot;

  test("CreateDBSnapshot of an instance that copies its tags: the snapshot has them", async () => {
    const out = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "t-copied" }),
    );
    const writerTags = (await describeOne(rds, WRITER)).TagList;
    expect(out.DBSnapshot?.TagList).toEqual(writerTags);
    copied = await waitForSnapshot(rds, "t-copied");
    expect(copied.TagList).toEqual(writerTags);
    expect(await tagsOf(copied.DBSnapshotArn!)).toEqual(writerTags);
    await waitForInstance(rds, WRITER);
  });

  test("Tags given to CreateDBSnapshot are its only tags, even when the instance copies its own (RDS's rule)", async () => {
    const tags = [{ Key: "purpose", Value: "before the migration" }];
    const out = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "t-given", Tags: tags }),
    );
    expect(out.DBSnapshot?.TagList).toEqual(tags);
    expect((await waitForSnapshot(rds, "t-given")).TagList).toEqual(tags);
    await waitForInstance(rds, WRITER);
  });

  test("CopyTagsToSnapshot off (ModifyDBInstance): a snapshot gets none; the automated one, taken once it is on again, gets them", async () => {
    const off = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, CopyTagsToSnapshot: false }),
    );
    expect(off.DBInstance?.CopyTagsToSnapshot).toBe(false);
    await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: WRITER, DBSnapshotIdentifier: "t-not-copied" }));
    expect((await waitForSnapshot(rds, "t-not-copied")).TagList).toEqual([]);
    await waitForInstance(rds, WRITER);

    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, CopyTagsToSnapshot: true }));
    const run = f.engine.backups.backupNow(f.engine.now(), WRITER);
    expect(run.started).toHaveLength(1);
    const automated = await waitForSnapshot(rds, run.started[0]!);
    expect(automated.SnapshotType).toBe("automated");
    expect(automated.TagList).toEqual((await describeOne(rds, WRITER)).TagList);
    await waitForInstance(rds, WRITER);

    // An automated snapshot's ARN ends in "snapshot:rds:<instance>-…": it is tagged like any other.
    await addTags(automated.DBSnapshotArn!, [{ Key: "keep", Value: "yes" }]);
    expect((await snapshotNamed(automated.DBSnapshotIdentifier!)).TagList).toContainEqual({
      Key: "keep",
      Value: "yes",
    });
  });

  test("a snapshot's own tags change without touching its instance's", async () => {
    await addTags(copied.DBSnapshotArn!, [{ Key: "reviewed", Value: "yes" }]);
    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: copied.DBSnapshotArn!, TagKeys: ["Name"] }));
    expect((await snapshotNamed("t-copied")).TagList?.map((t) => t.Key)).toEqual([
      "Environment",
      "Application",
      "reviewed",
    ]);
    expect((await describeOne(rds, WRITER)).TagList?.map((t) => t.Key)).toEqual(["Name", "Environment", "Application"]);
  });

  test("a restore without Tags gets the instance's tags of when the snapshot was taken, not the snapshot's", async () => {
    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBSnapshotIdentifier: "t-given",
        DBInstanceIdentifier: "t-restored",
        CopyTagsToSnapshot: true,
      }),
    );
    const writerTags = (await describeOne(rds, WRITER)).TagList;
    expect(out.DBInstance).toMatchObject({ TagList: writerTags, CopyTagsToSnapshot: true });
    await waitForInstance(rds, "t-restored", "available", 180_000);
  });

  test("a read replica gets only the Tags given, and CopyTagsToSnapshot as asked", async () => {
    const tags = [{ Key: "team", Value: "analytics" }];
    const out = await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: "t-replica",
        SourceDBInstanceIdentifier: WRITER,
        Tags: tags,
      }),
    );
    expect(out.DBInstance).toMatchObject({ TagList: tags, CopyTagsToSnapshot: false });
    await waitForInstance(rds, "t-replica", "available", 180_000);
  });

  test("a create whose Tags break RDS's rules creates nothing", async () => {
    const error = await refusal(
      rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: WRITER,
          DBSnapshotIdentifier: "t-refused",
          Tags: [{ Key: "rds:mine", Value: "x" }],
        }),
      ),
    );
    expect(error).toMatchObject({ name: "InvalidParameterValue" });
    await expect(snapshotNamed("t-refused")).rejects.toMatchObject({ name: "DBSnapshotNotFoundFault" });
  });
});

describe("parameters the local fleet does not apply", () => {
  test.each([
    [
      "ModifyDBInstance EngineVersion",
      () => rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, EngineVersion: "17.7" })),
      "EngineVersion",
    ],
    [
      "CreateDBInstanceReadReplica TagSpecifications",
      () =>
        rds.send(
          new CreateDBInstanceReadReplicaCommand({
            DBInstanceIdentifier: "t-never",
            SourceDBInstanceIdentifier: WRITER,
            TagSpecifications: [{ ResourceType: "auto-backup", Tags: [{ Key: "a", Value: "b" }] }],
          }),
        ),
      "TagSpecifications",
    ],
  ])("%s is refused by name, and nothing changes", async (_, send: () => Promise<unknown>, parameter) => {
    const before = await describeOne(rds, WRITER);
    const error = await refusal(send());
    expect(error).toMatchObject({ name: "InvalidParameterCombination" });
    expect(error.message).toContain(parameter);
    expect((await describeOne(rds, WRITER)).DBInstanceClass).toBe(before.DBInstanceClass);
    await expect(describeOne(rds, "t-never")).rejects.toMatchObject({ name: "DBInstanceNotFoundFault" });
  });
});

describe("persistence", () => {
  test("instance and snapshot tags, and CopyTagsToSnapshot, outlive a restart of the fleet", async () => {
    const replicaArn = await arnOf(REPLICA_1);
    const before = {
      replica: await tagsOf(replicaArn),
      snapshot: (await snapshotNamed("t-copied")).TagList,
      restored: await describeOne(rds, "t-restored"),
    };
    rds.destroy();
    f = await restartTempFleet(f);
    rds = rdsClientFor(f);
    expect(await tagsOf(replicaArn)).toEqual(before.replica);
    expect((await snapshotNamed("t-copied")).TagList).toEqual(before.snapshot);
    const restored = await describeOne(rds, "t-restored");
    expect(restored.TagList).toEqual(before.restored.TagList);
    expect(restored.CopyTagsToSnapshot).toBe(true);
  });
});
