/**
 * DB parameter groups on a real fleet through @aws-sdk/client-rds: the
 * default group, creating, describing (from the real server's pg_settings),
 * modifying within RDS's rules, resetting and deleting groups; an instance
 * switched to a group (pending-reboot until it reboots), a dynamic parameter
 * live after a reload and a static one after a reboot, as SHOW on the node says.
 */
import {
  AddTagsToResourceCommand,
  CopyDBParameterGroupCommand,
  CreateDBInstanceReadReplicaCommand,
  CreateDBParameterGroupCommand,
  DeleteDBParameterGroupCommand,
  DescribeDBParameterGroupsCommand,
  DescribeDBParametersCommand,
  DescribeEngineDefaultParametersCommand,
  DescribeEventsCommand,
  ListTagsForResourceCommand,
  ModifyDBInstanceCommand,
  ModifyDBParameterGroupCommand,
  type Parameter,
  type RDSClient,
  RebootDBInstanceCommand,
  RemoveTagsFromResourceCommand,
  ResetDBParameterGroupCommand,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { waitForInstance } from "../../test-support/rds-waits";
import {
  connectAsMaster,
  describeOne,
  eventually,
  rdsClientFor,
  restartTempFleet,
  startTempFleet,
  type TempFleet,
} from "../../test-support/temp-fleet";

vi.setConfig({ testTimeout: 240_000 });

let f: TempFleet;
let rds: RDSClient;
const REPLICA = "production-myapp-replica-1";
const GROUP = "replica-tuning";

beforeAll(async () => {
  f = await startTempFleet();
  rds = rdsClientFor(f);
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

async function refusal(
  call: Promise<unknown>,
): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  return call.then(
    () => {
      throw new Error("expected a refusal, the call succeeded");
    },
    (e: Error) => e,
  );
}

async function parametersOf(group: string, source?: string): Promise<Parameter[]> {
  const all: Parameter[] = [];
  let marker: string | undefined;
  do {
    const page = await rds.send(
      new DescribeDBParametersCommand({ DBParameterGroupName: group, Source: source, Marker: marker }),
    );
    all.push(...(page.Parameters ?? []));
    marker = page.Marker;
  } while (marker);
  return all;
}

/** A group of the fleet's family with nothing set. */
const createGroup = (name: string) =>
  rds.send(
    new CreateDBParameterGroupCommand({
      DBParameterGroupName: name,
      DBParameterGroupFamily: "postgres17",
      Description: "x",
    }),
  );

const modify = (group: string, parameters: Parameter[]) =>
  rds.send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: group, Parameters: parameters }));

async function show(instanceId: string, setting: string): Promise<string> {
  const port = (await describeOne(rds, instanceId)).Endpoint?.Port ?? 0;
  const db = await connectAsMaster(f, port);
  try {
    const { rows } = await db.query<Record<string, string>>(`show ${setting}`);
    return rows[0]?.[setting] ?? "";
  } finally {
    await db.end();
  }
}

const applyStatusOf = async (id: string) => (await describeOne(rds, id)).DBParameterGroups?.[0];

async function waitApplyStatus(id: string, status: string) {
  return eventually(
    async () => ((await applyStatusOf(id))?.ParameterApplyStatus === status ? true : undefined),
    60_000,
    `${id} parameters ${status}`,
  );
}

async function eventMessages(sourceType: "db-instance" | "db-parameter-group", id: string): Promise<string[]> {
  const events = await rds.send(new DescribeEventsCommand({ SourceType: sourceType, SourceIdentifier: id }));
  return (events.Events ?? []).map((e) => e.Message ?? "");
}

describe("the default group", () => {
  test("every instance starts in default.postgres17, in sync; the group is listed and describes the real server", async () => {
    expect(await applyStatusOf(REPLICA)).toEqual({
      DBParameterGroupName: "default.postgres17",
      ParameterApplyStatus: "in-sync",
    });
    const listed = await rds.send(new DescribeDBParameterGroupsCommand({ DBParameterGroupName: "default.postgres17" }));
    expect(listed.DBParameterGroups).toEqual([
      expect.objectContaining({
        DBParameterGroupFamily: "postgres17",
        DBParameterGroupArn: expect.stringContaining(":pg:default.postgres17"),
      }),
    ]);
    const parameters = await parametersOf("default.postgres17");
    const byName = new Map(parameters.map((p) => [p.ParameterName, p]));
    expect(byName.get("max_connections")).toMatchObject({
      Source: "system",
      // A group serves every class: it holds RDS's formula, each node its class's value.
      ParameterValue: "LEAST({DBInstanceClassMemory/9531392},5000)",
      ApplyType: "static",
      DataType: "integer",
      AllowedValues: "1-262143",
      IsModifiable: true,
    });
    expect(byName.get("work_mem")).toMatchObject({ ApplyType: "dynamic", DataType: "integer", IsModifiable: true });
    expect(byName.get("log_statement")).toMatchObject({ DataType: "string", AllowedValues: "none,ddl,mod,all" });
    expect(byName.get("port")).toMatchObject({ IsModifiable: false, Source: "system" });
    expect(byName.get("jit")).toMatchObject({ DataType: "boolean", AllowedValues: "0,1", Source: "engine-default" });
    expect(parameters.length).toBeGreaterThan(300);
  });

  test("the default group refuses modification, reset and deletion, in RDS's words", async () => {
    const modified = await refusal(
      modify("default.postgres17", [{ ParameterName: "work_mem", ParameterValue: "8192", ApplyMethod: "immediate" }]),
    );
    expect(modified.name).toBe("InvalidParameterValue");
    expect(modified.message).toBe("Cannot modify a default parameter group.");
    const reset = await refusal(
      rds.send(
        new ResetDBParameterGroupCommand({ DBParameterGroupName: "default.postgres17", ResetAllParameters: true }),
      ),
    );
    expect(reset.name).toBe("InvalidParameterValue");
    const deleted = await refusal(
      rds.send(new DeleteDBParameterGroupCommand({ DBParameterGroupName: "default.postgres17" })),
    );
    expect(deleted.name).toBe("InvalidDBParameterGroupStateFault");
    expect(deleted.message).toBe("Default DBParameterGroup cannot be deleted: default.postgres17");
  });

  test("DescribeEngineDefaultParameters answers the family's parameters, and refuses another family", async () => {
    const defaults = await rds.send(
      new DescribeEngineDefaultParametersCommand({ DBParameterGroupFamily: "postgres17" }),
    );
    expect(defaults.EngineDefaults?.DBParameterGroupFamily).toBe("postgres17");
    expect(defaults.EngineDefaults?.Parameters).toHaveLength(100);
    expect(defaults.EngineDefaults?.Marker).toBeTruthy();
    const other = await refusal(
      rds.send(new DescribeEngineDefaultParametersCommand({ DBParameterGroupFamily: "postgres16" })),
    );
    expect(other.name).toBe("InvalidParameterValue");
  });
});

describe("creating and changing a group", () => {
  test("CreateDBParameterGroup: a new group in lowercase; duplicates, bad names and other families refused naming them", async () => {
    const created = await rds.send(
      new CreateDBParameterGroupCommand({
        DBParameterGroupName: "Replica-Tuning",
        DBParameterGroupFamily: "postgres17",
        Description: "replica settings",
      }),
    );
    expect(created.DBParameterGroup).toMatchObject({ DBParameterGroupName: GROUP, Description: "replica settings" });
    const twice = await refusal(
      rds.send(
        new CreateDBParameterGroupCommand({
          DBParameterGroupName: GROUP,
          DBParameterGroupFamily: "postgres17",
          Description: "x",
        }),
      ),
    );
    expect(twice.name).toBe("DBParameterGroupAlreadyExistsFault");
    for (const bad of ["1abc", "a--b", "ends-", "has.dot"]) {
      const e = await refusal(
        rds.send(
          new CreateDBParameterGroupCommand({
            DBParameterGroupName: bad,
            DBParameterGroupFamily: "postgres17",
            Description: "x",
          }),
        ),
      );
      expect(e.name).toBe("InvalidParameterValue");
      expect(e.message).toContain("DBParameterGroupName");
    }
    const family = await refusal(
      rds.send(
        new CreateDBParameterGroupCommand({
          DBParameterGroupName: "old",
          DBParameterGroupFamily: "postgres16",
          Description: "x",
        }),
      ),
    );
    expect(family.message).toContain("postgres16");
  });

  test("DescribeDBParameterGroups pages by name and names an unknown group", async () => {
    for (let i = 0; i < 20; i++) {
      await rds.send(
        new CreateDBParameterGroupCommand({
          DBParameterGroupName: `paged-${String(i).padStart(2, "0")}`,
          DBParameterGroupFamily: "postgres17",
          Description: "paging",
        }),
      );
    }
    const first = await rds.send(new DescribeDBParameterGroupsCommand({ MaxRecords: 20 }));
    expect(first.DBParameterGroups).toHaveLength(20);
    const second = await rds.send(new DescribeDBParameterGroupsCommand({ MaxRecords: 20, Marker: first.Marker }));
    const names = [...(first.DBParameterGroups ?? []), ...(second.DBParameterGroups ?? [])].map(
      (g) => g.DBParameterGroupName,
    );
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["default.postgres17", GROUP, "paged-00", "paged-19"]));
    expect(second.Marker).toBeUndefined();
    for (let i = 0; i < 20; i++) {
      await rds.send(
        new DeleteDBParameterGroupCommand({ DBParameterGroupName: `paged-${String(i).padStart(2, "0")}` }),
      );
    }
    const missing = await refusal(rds.send(new DescribeDBParameterGroupsCommand({ DBParameterGroupName: "nope" })));
    expect(missing.name).toBe("DBParameterGroupNotFoundFault");
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  test.each([
    [
      { ParameterName: "no_such_param", ParameterValue: "1", ApplyMethod: "immediate" },
      "InvalidParameterValue",
      "Could not find parameter with name: no_such_param",
    ],
    [
      { ParameterName: "port", ParameterValue: "6000", ApplyMethod: "pending-reboot" },
      "InvalidParameterValue",
      "The parameter port cannot be modified.",
    ],
    [
      { ParameterName: "max_connections", ParameterValue: "300", ApplyMethod: "immediate" },
      "InvalidParameterCombination",
      "cannot use immediate apply method for static parameter",
    ],
    [
      { ParameterName: "work_mem", ParameterValue: "lots", ApplyMethod: "immediate" },
      "InvalidParameterValue",
      "Invalid parameter value: lots for: work_mem allowed values are: 64-2147483647",
    ],
    [
      { ParameterName: "jit", ParameterValue: "on", ApplyMethod: "immediate" },
      "InvalidParameterValue",
      "for: jit allowed values are: 0,1",
    ],
    [
      { ParameterName: "log_statement", ParameterValue: "some", ApplyMethod: "immediate" },
      "InvalidParameterValue",
      "for: log_statement",
    ],
    [
      { ParameterName: "application_name", ParameterValue: "a\nport = 1", ApplyMethod: "immediate" },
      "InvalidParameterValue",
      "application_name",
    ],
    [
      { ParameterName: "shared_preload_libraries", ParameterValue: "auto_explain", ApplyMethod: "pending-reboot" },
      "InvalidParameterValue",
      "pg_stat_statements",
    ],
    [{ ParameterName: "work_mem", ParameterValue: "8192" }, "MissingParameter", "Parameters.Parameter.2.ApplyMethod"],
    [
      { ParameterName: "work_mem", ApplyMethod: "immediate" },
      "MissingParameter",
      "Parameters.Parameter.2.ParameterValue",
    ],
  ] as [Parameter, string, string][])(
    "ModifyDBParameterGroup refuses %o (%s), and saves nothing of the call",
    async (bad, code, message) => {
      const e = await refusal(
        modify(GROUP, [{ ParameterName: "temp_buffers", ParameterValue: "2048", ApplyMethod: "immediate" }, bad]),
      );
      expect(e.name).toBe(code);
      expect(e.message).toContain(message);
      expect(await parametersOf(GROUP, "user")).toEqual([]);
    },
  );

  test("ModifyDBParameterGroup takes at most 20 parameters, and refuses an unknown group", async () => {
    const many = Array.from({ length: 21 }, () => ({
      ParameterName: "work_mem",
      ParameterValue: "8192",
      ApplyMethod: "immediate" as const,
    }));
    const e = await refusal(modify(GROUP, many));
    expect(e.name).toBe("InvalidParameterValue");
    expect(e.message).toContain("Parameters");
    const unknown = await refusal(
      modify("nope", [{ ParameterName: "work_mem", ParameterValue: "8192", ApplyMethod: "immediate" }]),
    );
    expect(unknown.name).toBe("DBParameterGroupNotFoundFault");
  });
});

describe("an instance using a group", () => {
  test("ModifyDBInstance DBParameterGroupName: pending-reboot with event 0011, in-sync after the reboot with 0092", async () => {
    const modified = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBParameterGroupName: GROUP }),
    );
    expect(modified.DBInstance?.DBParameterGroups).toEqual([
      { DBParameterGroupName: GROUP, ParameterApplyStatus: "pending-reboot" },
    ]);
    expect(await eventMessages("db-instance", REPLICA)).toContain(`Updated to use DBParameterGroup ${GROUP}.`);
    const unknown = await refusal(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBParameterGroupName: "nope" })),
    );
    expect(unknown.name).toBe("DBParameterGroupNotFoundFault");
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: REPLICA }));
    await waitForInstance(rds, REPLICA);
    expect(await applyStatusOf(REPLICA)).toEqual({ DBParameterGroupName: GROUP, ParameterApplyStatus: "in-sync" });
    expect(await eventMessages("db-instance", REPLICA)).toContain("Finished updating DB parameter group.");
  });

  test("a dynamic parameter is live after the reload, without a reboot", async () => {
    await modify(GROUP, [{ ParameterName: "work_mem", ParameterValue: "16384", ApplyMethod: "immediate" }]);
    await waitApplyStatus(REPLICA, "in-sync");
    expect(await show(REPLICA, "work_mem")).toBe("16MB");
    expect(await eventMessages("db-parameter-group", GROUP)).toContain(
      "Updated parameter work_mem to 16384 with apply method immediate.",
    );
    expect(await parametersOf(GROUP, "user")).toEqual([
      expect.objectContaining({
        ParameterName: "work_mem",
        ParameterValue: "16384",
        Source: "user",
        ApplyMethod: "immediate",
      }),
    ]);
  });

  test("a static parameter shows pending-reboot and takes effect after the reboot", async () => {
    // A hot standby needs max_connections at least the primary's (its class's: 112 on a db.t3.micro).
    const sized = await show("production-myapp", "max_connections");
    expect(Number(sized)).toBeLessThan(250);
    await modify(GROUP, [{ ParameterName: "max_connections", ParameterValue: "250", ApplyMethod: "pending-reboot" }]);
    expect((await applyStatusOf(REPLICA))?.ParameterApplyStatus).toBe("pending-reboot");
    expect(await show(REPLICA, "max_connections")).toBe(sized);
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: REPLICA }));
    await waitForInstance(rds, REPLICA);
    expect((await applyStatusOf(REPLICA))?.ParameterApplyStatus).toBe("in-sync");
    expect(await show(REPLICA, "max_connections")).toBe("250");
    expect(await show("production-myapp", "max_connections")).toBe(sized);
  });

  test("a dynamic parameter changed with pending-reboot stays as it was through reloads, and is live after the reboot", async () => {
    expect(await show(REPLICA, "work_mem")).toBe("16MB");
    await modify(GROUP, [{ ParameterName: "work_mem", ParameterValue: "32768", ApplyMethod: "pending-reboot" }]);
    expect((await applyStatusOf(REPLICA))?.ParameterApplyStatus).toBe("pending-reboot");
    // Another change, applied at once, reloads the node's config: work_mem must not come with it.
    await modify(GROUP, [
      { ParameterName: "log_min_duration_statement", ParameterValue: "250", ApplyMethod: "immediate" },
    ]);
    await eventually(
      async () => ((await show(REPLICA, "log_min_duration_statement")) === "250ms" ? true : undefined),
      60_000,
      "log_min_duration_statement live after the reload",
    );
    expect(await show(REPLICA, "work_mem")).toBe("16MB");
    expect((await applyStatusOf(REPLICA))?.ParameterApplyStatus).toBe("pending-reboot");
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: REPLICA }));
    await waitForInstance(rds, REPLICA);
    expect((await applyStatusOf(REPLICA))?.ParameterApplyStatus).toBe("in-sync");
    expect(await show(REPLICA, "work_mem")).toBe("32MB");
    expect(await show(REPLICA, "log_min_duration_statement")).toBe("250ms");
    await rds.send(
      new ResetDBParameterGroupCommand({
        DBParameterGroupName: GROUP,
        Parameters: [{ ParameterName: "log_min_duration_statement", ApplyMethod: "immediate" }],
      }),
    );
  });

  test("a group in use cannot be deleted; reset takes values back to defaults; unused, it can", async () => {
    const inUse = await refusal(rds.send(new DeleteDBParameterGroupCommand({ DBParameterGroupName: GROUP })));
    expect(inUse.name).toBe("InvalidDBParameterGroupStateFault");
    expect(inUse.message).toContain("still members of this parameter group");
    await rds.send(
      new ResetDBParameterGroupCommand({
        DBParameterGroupName: GROUP,
        Parameters: [{ ParameterName: "work_mem", ApplyMethod: "immediate" }],
      }),
    );
    await waitApplyStatus(REPLICA, "in-sync");
    expect(await show(REPLICA, "work_mem")).toBe("4MB");
    expect((await parametersOf(GROUP, "user")).map((p) => p.ParameterName)).toEqual(["max_connections"]);
    const both = await refusal(
      rds.send(
        new ResetDBParameterGroupCommand({
          DBParameterGroupName: GROUP,
          ResetAllParameters: true,
          Parameters: [{ ParameterName: "work_mem", ApplyMethod: "immediate" }],
        }),
      ),
    );
    expect(both.name).toBe("InvalidParameterCombination");
    await rds.send(new ResetDBParameterGroupCommand({ DBParameterGroupName: GROUP, ResetAllParameters: true }));
    expect(await parametersOf(GROUP, "user")).toEqual([]);
    await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: REPLICA, DBParameterGroupName: "default.postgres17" }),
    );
    await rds.send(new DeleteDBParameterGroupCommand({ DBParameterGroupName: GROUP }));
    const gone = await refusal(rds.send(new DescribeDBParameterGroupsCommand({ DBParameterGroupName: GROUP })));
    expect(gone.name).toBe("DBParameterGroupNotFoundFault");
  });
});

describe("a new instance given a group", () => {
  test("CreateDBInstanceReadReplica DBParameterGroupName: the replica starts with the group's values, in sync", async () => {
    const group = "new-replicas";
    await createGroup(group);
    await modify(group, [
      { ParameterName: "work_mem", ParameterValue: "20480", ApplyMethod: "immediate" },
      { ParameterName: "max_connections", ParameterValue: "300", ApplyMethod: "pending-reboot" },
    ]);
    const unknown = await refusal(
      rds.send(
        new CreateDBInstanceReadReplicaCommand({
          DBInstanceIdentifier: "production-myapp-replica-9",
          SourceDBInstanceIdentifier: "production-myapp",
          DBParameterGroupName: "nope",
        }),
      ),
    );
    expect(unknown.name).toBe("DBParameterGroupNotFoundFault");
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: "production-myapp-replica-3",
        SourceDBInstanceIdentifier: "production-myapp",
        DBParameterGroupName: group,
      }),
    );
    await waitForInstance(rds, "production-myapp-replica-3", "available", 180_000);
    expect(await applyStatusOf("production-myapp-replica-3")).toEqual({
      DBParameterGroupName: group,
      ParameterApplyStatus: "in-sync",
    });
    expect(await show("production-myapp-replica-3", "work_mem")).toBe("20MB");
    expect(await show("production-myapp-replica-3", "max_connections")).toBe("300");
  });
});

describe("a reboot with failover", () => {
  test("applies a pending static value of the Multi-AZ writer's group: the new writer runs it", async () => {
    const WRITER = "production-myapp";
    const group = "writer-tuning";
    await createGroup(group);
    // wal_buffers is static and, unlike max_connections, a hot standby does not need it as large as its primary's.
    await modify(group, [{ ParameterName: "wal_buffers", ParameterValue: "512", ApplyMethod: "pending-reboot" }]);
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: WRITER, DBParameterGroupName: group }));
    expect((await applyStatusOf(WRITER))?.ParameterApplyStatus).toBe("pending-reboot");
    const before = await describeOne(rds, WRITER);
    expect(await show(WRITER, "wal_buffers")).not.toBe("4MB");

    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: WRITER, ForceFailover: true }));
    await eventually(
      async () => {
        const i = await describeOne(rds, WRITER);
        return i.DBInstanceStatus === "available" && i.AvailabilityZone !== before.AvailabilityZone ? i : undefined;
      },
      180_000,
      `${WRITER} failed over and available`,
    );
    // In sync once the failover completes: the old writer, rebuilt as the standby, starts on the group's values too.
    await waitApplyStatus(WRITER, "in-sync");
    expect(await show(WRITER, "wal_buffers")).toBe("4MB"); // 512 pages of 8 kB
  });
});

describe("copying and tagging groups", () => {
  const arnOf = (name: string) => `arn:aws:rds:us-east-1:000000000000:pg:${name}`;
  const tagsOf = async (name: string) =>
    (await rds.send(new ListTagsForResourceCommand({ ResourceName: arnOf(name) }))).TagList;

  test("CreateDBParameterGroup keeps its Tags; AddTagsToResource / RemoveTagsFromResource change them by the group's ARN", async () => {
    await rds.send(
      new CreateDBParameterGroupCommand({
        DBParameterGroupName: "tagged",
        DBParameterGroupFamily: "postgres17",
        Description: "x",
        Tags: [{ Key: "team", Value: "payments" }],
      }),
    );
    expect(await tagsOf("tagged")).toEqual([{ Key: "team", Value: "payments" }]);
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: arnOf("new-replicas"), Tags: [{ Key: "env", Value: "prod" }] }),
    );
    await rds.send(
      new AddTagsToResourceCommand({ ResourceName: arnOf("tagged"), Tags: [{ Key: "env", Value: "dev" }] }),
    );
    await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arnOf("tagged"), TagKeys: ["team"] }));
    expect(await tagsOf("tagged")).toEqual([{ Key: "env", Value: "dev" }]);
    const reserved = await refusal(
      rds.send(
        new CreateDBParameterGroupCommand({
          DBParameterGroupName: "reserved-tag",
          DBParameterGroupFamily: "postgres17",
          Description: "x",
          Tags: [{ Key: "aws:owner", Value: "me" }],
        }),
      ),
    );
    expect(reserved.name).toBe("InvalidParameterValue");
    expect(reserved.message).toContain("aws:");
    // Refused whole: the group was not created either.
    expect(
      (await refusal(rds.send(new DescribeDBParameterGroupsCommand({ DBParameterGroupName: "reserved-tag" })))).name,
    ).toBe("DBParameterGroupNotFoundFault");
    expect((await refusal(tagsOf("nope"))).name).toBe("DBParameterGroupNotFoundFault");
    expect((await refusal(tagsOf("default.postgres17"))).name).toBe("InvalidParameterValue");
  });

  test("CopyDBParameterGroup copies the source's values (by name or ARN), not its tags; refuses the default group", async () => {
    const copied = await rds.send(
      new CopyDBParameterGroupCommand({
        SourceDBParameterGroupIdentifier: arnOf("new-replicas"),
        TargetDBParameterGroupIdentifier: "Replicas-Copy",
        TargetDBParameterGroupDescription: "copy",
        Tags: [{ Key: "copied", Value: "yes" }],
      }),
    );
    expect(copied.DBParameterGroup).toMatchObject({
      DBParameterGroupName: "replicas-copy",
      DBParameterGroupFamily: "postgres17",
      Description: "copy",
      DBParameterGroupArn: arnOf("replicas-copy"),
    });
    const values = async (group: string) =>
      (await parametersOf(group, "user")).map((p) => [p.ParameterName, p.ParameterValue, p.ApplyMethod]);
    expect(await values("replicas-copy")).toEqual(await values("new-replicas"));
    expect(await tagsOf("replicas-copy")).toEqual([{ Key: "copied", Value: "yes" }]);
    // The copy is its own group: changing it leaves the source alone.
    await modify("replicas-copy", [{ ParameterName: "work_mem", ParameterValue: "8192", ApplyMethod: "immediate" }]);
    expect(
      (await parametersOf("new-replicas", "user")).find((p) => p.ParameterName === "work_mem")?.ParameterValue,
    ).toBe("20480");

    const copy = (source: string, target: string) =>
      refusal(
        rds.send(
          new CopyDBParameterGroupCommand({
            SourceDBParameterGroupIdentifier: source,
            TargetDBParameterGroupIdentifier: target,
            TargetDBParameterGroupDescription: "x",
          }),
        ),
      );
    const fromDefault = await copy("default.postgres17", "of-default");
    expect(fromDefault.name).toBe("InvalidParameterValue");
    expect(fromDefault.message).toContain("default");
    expect((await copy("nope", "of-nothing")).name).toBe("DBParameterGroupNotFoundFault");
    expect((await copy("new-replicas", "replicas-copy")).name).toBe("DBParameterGroupAlreadyExistsFault");
    const badName = await copy("new-replicas", "a--b");
    expect(badName.name).toBe("InvalidParameterValue");
    expect(badName.message).toContain("TargetDBParameterGroupIdentifier");
  });
});

describe("across a restart of the fleet", () => {
  test("groups, their values and each instance's group outlive it; a pending static value is live after it", async () => {
    const group = "new-replicas";
    await modify(group, [{ ParameterName: "max_connections", ParameterValue: "320", ApplyMethod: "pending-reboot" }]);
    expect((await applyStatusOf("production-myapp-replica-3"))?.ParameterApplyStatus).toBe("pending-reboot");
    rds.destroy();
    f = await restartTempFleet(f);
    rds = rdsClientFor(f);
    expect(await applyStatusOf("production-myapp-replica-3")).toEqual({
      DBParameterGroupName: group,
      ParameterApplyStatus: "in-sync",
    });
    expect(await show("production-myapp-replica-3", "max_connections")).toBe("320");
    expect(await show("production-myapp-replica-3", "work_mem")).toBe("20MB");
    const tags = await rds.send(
      new ListTagsForResourceCommand({ ResourceName: "arn:aws:rds:us-east-1:000000000000:pg:new-replicas" }),
    );
    expect(tags.TagList).toEqual([{ Key: "env", Value: "prod" }]);
    expect((await parametersOf(group, "user")).map((p) => p.ParameterName).sort()).toEqual([
      "max_connections",
      "work_mem",
    ]);
    expect(await applyStatusOf(REPLICA)).toEqual({
      DBParameterGroupName: "default.postgres17",
      ParameterApplyStatus: "in-sync",
    });
  });
});
