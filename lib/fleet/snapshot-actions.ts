import "server-only";
import {
  CreateDBSnapshotCommand,
  DeleteDBSnapshotCommand,
  type RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { type DbSnapshot, toDbSnapshot } from "./snapshot-model";
import { toDbInstance } from "./to-db-instance";

/**
 * CreateDBSnapshot: returns at once with the snapshot `creating` (and the
 * instance `backing-up`); DescribeDBSnapshots shows its progress. Throws
 * Conflict for a name in use or a busy instance, NotFound, Unavailable.
 */
export async function createSnapshot({
  instance,
  snapshot,
  client = getRdsClient(),
}: {
  instance: string;
  snapshot: string;
  client?: RDSClient;
}): Promise<DbSnapshot> {
  const output = await callRds({ operation: "CreateDBSnapshot", identifier: instance }, () =>
    client.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: instance, DBSnapshotIdentifier: snapshot })),
  );
  return toDbSnapshot(
    output.DBSnapshot ?? { DBSnapshotIdentifier: snapshot, DBInstanceIdentifier: instance, Status: "creating" },
  );
}

/** DeleteDBSnapshot (manual snapshots only; RDS deletes automated ones itself). */
export async function deleteSnapshot({
  snapshot,
  client = getRdsClient(),
}: {
  snapshot: string;
  client?: RDSClient;
}): Promise<void> {
  await callRds({ operation: "DeleteDBSnapshot" }, () =>
    client.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: snapshot })),
  );
}

/**
 * RestoreDBInstanceFromDBSnapshot: a new instance, `creating` until it holds
 * exactly the snapshot's data and has its own endpoint.
 */
export async function restoreFromSnapshot({
  snapshot,
  instance,
  client = getRdsClient(),
}: {
  snapshot: string;
  instance: string;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "RestoreDBInstanceFromDBSnapshot", identifier: instance }, () =>
    client.send(
      new RestoreDBInstanceFromDBSnapshotCommand({ DBSnapshotIdentifier: snapshot, DBInstanceIdentifier: instance }),
    ),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: instance, DBInstanceStatus: "creating" });
}
