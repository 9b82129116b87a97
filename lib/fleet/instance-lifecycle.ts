import "server-only";
import {
  CreateDBInstanceReadReplicaCommand,
  DeleteDBInstanceCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
} from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/**
 * PromoteReadReplica: the replica stops replicating and becomes a standalone
 * writer (`modifying` until it is). Its former source no longer lists it.
 */
export async function promoteReplica({
  identifier,
  client = getRdsClient(),
}: {
  identifier: string;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "PromoteReadReplica", identifier }, () =>
    client.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: identifier })),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "modifying" });
}

/** CreateDBInstanceReadReplica: a new replica of `source`, `creating` until it streams. */
export async function createReadReplica({
  source,
  identifier,
  client = getRdsClient(),
}: {
  source: string;
  identifier: string;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "CreateDBInstanceReadReplica", identifier: source }, () =>
    client.send(
      new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: identifier, SourceDBInstanceIdentifier: source }),
    ),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "creating" });
}

/**
 * DeleteDBInstance, with a final snapshot unless `finalSnapshot` is undefined
 * (SkipFinalSnapshot). RDS refuses it while deletion protection is on.
 */
export async function deleteInstance({
  identifier,
  finalSnapshot,
  retainAutomatedBackups = false,
  client = getRdsClient(),
}: {
  identifier: string;
  finalSnapshot: string | undefined;
  /** Keep its automated backups (restorable by resource ID) instead of deleting them with it, as RDS does by default. */
  retainAutomatedBackups?: boolean;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "DeleteDBInstance", identifier }, () =>
    client.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: identifier,
        DeleteAutomatedBackups: !retainAutomatedBackups,
        ...(finalSnapshot === undefined
          ? { SkipFinalSnapshot: true }
          : { SkipFinalSnapshot: false, FinalDBSnapshotIdentifier: finalSnapshot }),
      }),
    ),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "deleting" });
}
