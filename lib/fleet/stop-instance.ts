import "server-only";
import { type RDSClient, StopDBInstanceCommand } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/**
 * StopDBInstance, with a snapshot first when `snapshot` names one.
 * Asynchronous like on AWS: it returns the instance already `stopping`.
 * Throws Conflict for a read replica, an instance with read replicas or one
 * not available (RDS's message says which), NotFound, or Unavailable.
 */
export async function stopInstance({
  identifier,
  snapshot,
  client = getRdsClient(),
}: {
  identifier: string;
  snapshot?: string;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "StopDBInstance", identifier }, () =>
    client.send(new StopDBInstanceCommand({ DBInstanceIdentifier: identifier, DBSnapshotIdentifier: snapshot })),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "stopping" });
}
