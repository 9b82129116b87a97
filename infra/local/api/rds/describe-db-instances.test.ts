import {
  DBInstanceNotFoundFault,
  DescribeDBInstancesCommand,
  type DescribeDBInstancesCommandOutput,
  paginateDescribeDBInstances,
  RDSServiceException,
} from "@aws-sdk/client-rds";
import { afterEach, describe, expect, test } from "vitest";
import { fleetInstances, InMemoryRdsBackend, manyInstances } from "../test-support/fleet-fixture";
import { startTestServer, type TestServer } from "../test-support/test-server";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function fleetClient(instances = fleetInstances()) {
  server = await startTestServer(new InMemoryRdsBackend(instances));
  return server.client();
}

async function rejection(promise: Promise<unknown>): Promise<RDSServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RDSServiceException)) throw new Error(`expected an RDS error, got ${String(error)}`);
  return error;
}

describe("DescribeDBInstances through @aws-sdk/client-rds", () => {
  test("returns every instance with every field exactly as the engine reported it", async () => {
    const client = await fleetClient();
    const output = await client.send(new DescribeDBInstancesCommand({}));

    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.Marker).toBeUndefined();
    expect(output.DBInstances).toEqual(fleetInstances());
  });

  test("round-trips the fields the dashboard reads, value by value", async () => {
    const client = await fleetClient();
    const { DBInstances = [] } = await client.send(new DescribeDBInstancesCommand({}));
    const [writer, replica1, replica2] = DBInstances;

    expect(writer).toMatchObject({
      DBInstanceIdentifier: "production-myapp",
      DBInstanceArn: "arn:aws:rds:us-east-1:000000000000:db:production-myapp",
      DBInstanceStatus: "available",
      Endpoint: { Address: "127.0.0.1", Port: 15432, HostedZoneId: "Z2R2ITUGPM61AM" },
      MultiAZ: true,
      AvailabilityZone: "us-east-1a",
      SecondaryAvailabilityZone: "us-east-1b",
      ReadReplicaDBInstanceIdentifiers: ["production-myapp-replica-1", "production-myapp-replica-2"],
      Engine: "postgres",
      EngineVersion: "17.6",
      DBInstanceClass: "db.t3.micro",
      AllocatedStorage: 20,
      MaxAllocatedStorage: 100,
      StorageType: "gp3",
      StorageEncrypted: true,
      PreferredBackupWindow: "03:00-04:00",
      PreferredMaintenanceWindow: "sun:04:00-sun:05:00",
      BackupRetentionPeriod: 7,
      PerformanceInsightsEnabled: true,
      DeletionProtection: true,
      VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-0a1b2c3d4e5f67890", Status: "active" }],
      DBParameterGroups: [{ DBParameterGroupName: "default.postgres17", ParameterApplyStatus: "in-sync" }],
      EnabledCloudwatchLogsExports: ["postgresql", "upgrade"],
      TagList: [
        { Key: "Environment", Value: "production" },
        { Key: "Role", Value: "writer" },
      ],
    });
    expect(writer?.InstanceCreateTime).toBeInstanceOf(Date);
    expect(writer?.InstanceCreateTime?.toISOString()).toBe("2025-01-15T08:30:12.345Z");
    expect(writer?.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(writer?.StatusInfos).toBeUndefined();

    expect(replica1).toMatchObject({
      DBInstanceIdentifier: "production-myapp-replica-1",
      DBInstanceStatus: "available",
      MultiAZ: false,
      ReadReplicaSourceDBInstanceIdentifier: "production-myapp",
      ReadReplicaDBInstanceIdentifiers: [],
      StatusInfos: [{ StatusType: "read replication", Normal: true, Status: "replicating" }],
      PerformanceInsightsEnabled: false,
      DeletionProtection: false,
    });
    expect(replica1?.SecondaryAvailabilityZone).toBeUndefined();

    expect(replica2).toMatchObject({
      DBInstanceIdentifier: "production-myapp-replica-2",
      DBInstanceStatus: "failed",
      StatusInfos: [
        {
          StatusType: "read replication",
          Normal: false,
          Status: "error",
          Message: "Replication has stopped: the replica could not reach its source & will retry <soon>.",
        },
      ],
    });
  });

  test.each([
    ["its identifier", "production-myapp-replica-1"],
    ["its identifier in another case", "PRODUCTION-MYAPP-REPLICA-1"],
    ["its ARN", "arn:aws:rds:us-east-1:000000000000:db:production-myapp-replica-1"],
  ])("DBInstanceIdentifier finds one instance by %s", async (_, identifier) => {
    const client = await fleetClient();
    const output = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }));
    expect(output.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual(["production-myapp-replica-1"]);
  });

  test("an unknown DBInstanceIdentifier is DBInstanceNotFoundFault, HTTP 404", async () => {
    const client = await fleetClient();
    const error = await rejection(client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "nope" })));

    expect(error).toBeInstanceOf(DBInstanceNotFoundFault);
    expect(error.name).toBe("DBInstanceNotFoundFault");
    expect(error.message).toBe("DBInstance nope not found.");
    expect(error.$fault).toBe("client");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("DescribeDBInstances Filters", () => {
  const ids = (output: DescribeDBInstancesCommandOutput) => output.DBInstances?.map((i) => i.DBInstanceIdentifier);

  test.each([
    [
      "db-instance-id by identifiers (values are alternatives)",
      [{ Name: "db-instance-id", Values: ["production-myapp", "production-myapp-replica-2"] }],
      ["production-myapp", "production-myapp-replica-2"],
    ],
    [
      "db-instance-id by ARN",
      [{ Name: "db-instance-id", Values: ["arn:aws:rds:us-east-1:000000000000:db:production-myapp-replica-1"] }],
      ["production-myapp-replica-1"],
    ],
    [
      "engine",
      [{ Name: "engine", Values: ["postgres"] }],
      ["production-myapp", "production-myapp-replica-1", "production-myapp-replica-2"],
    ],
    ["engine that no instance runs", [{ Name: "engine", Values: ["mysql"] }], []],
    [
      "dbi-resource-id",
      [{ Name: "dbi-resource-id", Values: ["db-REPLICA2CCCCCCCCCCCCCCCCCC"] }],
      ["production-myapp-replica-2"],
    ],
    ["db-cluster-id (no instance here belongs to a cluster)", [{ Name: "db-cluster-id", Values: ["any"] }], []],
    [
      "two filters, which must both match",
      [
        { Name: "engine", Values: ["postgres"] },
        { Name: "db-instance-id", Values: ["production-myapp-replica-1", "not-there"] },
      ],
      ["production-myapp-replica-1"],
    ],
  ])("%s", async (_, Filters, expected) => {
    const client = await fleetClient();
    expect(ids(await client.send(new DescribeDBInstancesCommand({ Filters })))).toEqual(expected);
  });

  test("an identifier and a filter together narrow each other", async () => {
    const client = await fleetClient();
    const output = await client.send(
      new DescribeDBInstancesCommand({
        DBInstanceIdentifier: "production-myapp",
        Filters: [{ Name: "engine", Values: ["mysql"] }],
      }),
    );
    expect(ids(output)).toEqual([]);
  });

  test("an unknown filter name is InvalidParameterValue", async () => {
    const client = await fleetClient();
    const error = await rejection(
      client.send(new DescribeDBInstancesCommand({ Filters: [{ Name: "DBInstanceStatus", Values: ["failed"] }] })),
    );
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe("Unrecognized filter name: DBInstanceStatus");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe("DescribeDBInstances paging", () => {
  test("paginateDescribeDBInstances walks every instance once, in identifier order", async () => {
    const client = await fleetClient(manyInstances(45).reverse());
    const pages: string[][] = [];
    for await (const page of paginateDescribeDBInstances({ client, pageSize: 20 }, {})) {
      pages.push(page.DBInstances?.map((i) => i.DBInstanceIdentifier ?? "") ?? []);
    }
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(manyInstances(45).map((i) => i.DBInstanceIdentifier));
  });

  test("without MaxRecords a page holds 100 instances and a Marker leads on", async () => {
    const client = await fleetClient(manyInstances(120));
    const first = await client.send(new DescribeDBInstancesCommand({}));
    expect(first.DBInstances).toHaveLength(100);
    expect(first.Marker).toEqual(expect.any(String));
    const second = await client.send(new DescribeDBInstancesCommand({ Marker: first.Marker }));
    expect(second.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual(
      manyInstances(120)
        .slice(100)
        .map((i) => i.DBInstanceIdentifier),
    );
    expect(second.Marker).toBeUndefined();
  });

  test("paging with a filter pages the filtered list", async () => {
    const client = await fleetClient([...manyInstances(30), ...fleetInstances()]);
    const output = await client.send(
      new DescribeDBInstancesCommand({ MaxRecords: 20, Filters: [{ Name: "engine", Values: ["postgres"] }] }),
    );
    expect(output.DBInstances).toHaveLength(20);
    const rest = await client.send(
      new DescribeDBInstancesCommand({
        MaxRecords: 20,
        Marker: output.Marker,
        Filters: [{ Name: "engine", Values: ["postgres"] }],
      }),
    );
    expect(rest.DBInstances).toHaveLength(13);
    expect(rest.Marker).toBeUndefined();
  });

  test.each([
    [19, "Invalid value 19 for MaxRecords. Must be between 20 and 100"],
    [101, "Invalid value 101 for MaxRecords. Must be between 20 and 100"],
  ])("MaxRecords %i is InvalidParameterValue", async (MaxRecords, message) => {
    const client = await fleetClient();
    const error = await rejection(client.send(new DescribeDBInstancesCommand({ MaxRecords })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.message).toBe(message);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  test.each(["not-a-marker!", "Zm9vYmFy", ""])(
    "Marker %j that this endpoint never issued is InvalidParameterValue",
    async (Marker) => {
      const client = await fleetClient();
      const error = await rejection(client.send(new DescribeDBInstancesCommand({ Marker })));
      expect(error.name).toBe("InvalidParameterValue");
      expect(error.message).toBe(`The marker '${Marker}' is not valid.`);
    },
  );
});
