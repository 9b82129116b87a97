/** The local RDS API in front of a real fleet, through the real AWS SDK client. */
import { DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { nonLoopbackAddress, tryConnect, urlHost } from "./api/test-support/interface-address";
import { connectAsMaster, eventually, rdsClientFor, startTempFleet, type TempFleet } from "./test-support/temp-fleet";

let f: TempFleet;
let rds: RDSClient;

beforeAll(async () => {
  f = await startTempFleet();
  rds = rdsClientFor(f);
});
afterAll(async () => {
  rds?.destroy();
  await f?.cleanup();
});

const describeAll = async () => (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];

describe("DescribeDBInstances on the real local fleet", () => {
  test("reports the fleet's topology and the server's real version", async () => {
    const all = await describeAll();
    expect(all.map((i) => i.DBInstanceIdentifier)).toEqual([
      "production-myapp",
      "production-myapp-replica-1",
      "production-myapp-replica-2",
    ]);
    const [writer, r1, r2] = all;
    const db = await connectAsMaster(f, writer!.Endpoint!.Port!);
    const serverVersion = (await db.query("show server_version")).rows[0].server_version as string;
    await db.end();
    expect(writer).toMatchObject({
      DBInstanceStatus: "available",
      Engine: "postgres",
      EngineVersion: serverVersion,
      MultiAZ: true,
      AvailabilityZone: "us-east-1a",
      SecondaryAvailabilityZone: "us-east-1b",
      ReadReplicaDBInstanceIdentifiers: ["production-myapp-replica-1", "production-myapp-replica-2"],
      DBInstanceClass: "db.t3.micro",
      AllocatedStorage: 20,
      MaxAllocatedStorage: 100,
      StorageType: "gp3",
      StorageEncrypted: true,
      BackupRetentionPeriod: 7,
      PreferredBackupWindow: "03:00-04:00",
      PreferredMaintenanceWindow: "sun:04:00-sun:05:00",
      DeletionProtection: true,
      PerformanceInsightsEnabled: true,
      DBInstanceArn: "arn:aws:rds:us-east-1:000000000000:db:production-myapp",
    });
    expect(writer?.InstanceCreateTime).toBeInstanceOf(Date);
    for (const [replica, az] of [
      [r1, "us-east-1c"],
      [r2, "us-east-1a"],
    ] as const) {
      expect(replica).toMatchObject({
        DBInstanceStatus: "available",
        MultiAZ: false,
        AvailabilityZone: az,
        ReadReplicaSourceDBInstanceIdentifier: "production-myapp",
        StatusInfos: [{ StatusType: "read replication", Status: "replicating", Normal: true }],
      });
      expect(replica?.SecondaryAvailabilityZone).toBeUndefined();
    }
  });

  const outside = nonLoopbackAddress();
  test.skipIf(outside === undefined)(
    `the API listens on loopback only by default: not on ${outside ?? "(skipped: this machine has no non-loopback interface address)"}`,
    async () => {
      const port = new URL(f.info.apiUrl).port;
      expect(f.info.apiUrl).toBe(`http://127.0.0.1:${port}`);
      expect(await tryConnect(`http://${urlHost(outside ?? "")}:${port}/`)).toBe("ECONNREFUSED");
    },
  );

  test("each reported endpoint is the instance it names", async () => {
    for (const i of await describeAll()) {
      const db = await connectAsMaster(f, i.Endpoint!.Port!);
      const { rows } = await db.query("select pg_is_in_recovery() as replica");
      await db.end();
      expect({ id: i.DBInstanceIdentifier, replica: rows[0].replica }).toEqual({
        id: i.DBInstanceIdentifier,
        replica: i.ReadReplicaSourceDBInstanceIdentifier !== undefined,
      });
    }
  });

  test("a killed replica shows as failed with replication in error", async () => {
    process.kill(f.engine.nodeFor("production-myapp-replica-1")!.postmaster.pid!, "SIGKILL");
    const replica = await eventually(
      async () =>
        (await describeAll()).find(
          (i) => i.DBInstanceIdentifier === "production-myapp-replica-1" && i.DBInstanceStatus === "failed",
        ),
      10_000,
      "replica-1 failed in DescribeDBInstances",
    );
    expect(replica.StatusInfos).toEqual([{ StatusType: "read replication", Status: "error", Normal: false }]);
  });
});
