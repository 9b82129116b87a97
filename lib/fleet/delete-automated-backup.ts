import "server-only";
import { DeleteDBInstanceAutomatedBackupCommand, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";

/**
 * DeleteDBInstanceAutomatedBackup: a deleted instance's retained backups
 * (base snapshots and WAL archive) are gone for good. Throws Conflict for an
 * active one (its instance still exists), NotFound, Unavailable.
 */
export async function deleteAutomatedBackup({
  dbiResourceId,
  client = getRdsClient(),
}: {
  dbiResourceId: string;
  client?: RDSClient;
}): Promise<void> {
  // RDS's refusals name the backup; "DB instance <resource ID>" would not.
  await callRds({ operation: "DeleteDBInstanceAutomatedBackup" }, () =>
    client.send(new DeleteDBInstanceAutomatedBackupCommand({ DbiResourceId: dbiResourceId })),
  );
}
