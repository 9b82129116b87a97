import "server-only";
import { ModifyDBInstanceCommand, type RDSClient } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/** The settings the dashboard's Modify dialog changes; absent ones stay as they are. */
export type InstanceModification = {
  instanceClass?: string;
  allocatedGiB?: number;
  maxAllocatedGiB?: number;
  storageType?: "gp2" | "gp3" | "io1" | "io2";
  multiAz?: boolean;
  backupRetentionDays?: number;
  backupWindow?: string;
  maintenanceWindow?: string;
  deletionProtection?: boolean;
  copyTagsToSnapshot?: boolean;
  /**
   * False (RDS's default): class, storage, Multi-AZ and backups switched on or off wait in PendingModifiedValues
   * for the maintenance window.
   */
  applyImmediately: boolean;
};

/**
 * ModifyDBInstance. Returns the instance as RDS answers: `modifying` when
 * the change applies now, still `available` with PendingModifiedValues when
 * it waits for the maintenance window. Throws Invalid for a change RDS
 * refuses (storage grown by less than 10 %, overlapping windows…), Conflict
 * while another action runs, NotFound, or Unavailable.
 */
export async function modifyInstance({
  identifier,
  change,
  client = getRdsClient(),
}: {
  identifier: string;
  change: InstanceModification;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "ModifyDBInstance", identifier }, () =>
    client.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: identifier,
        DBInstanceClass: change.instanceClass,
        AllocatedStorage: change.allocatedGiB,
        MaxAllocatedStorage: change.maxAllocatedGiB,
        StorageType: change.storageType,
        MultiAZ: change.multiAz,
        BackupRetentionPeriod: change.backupRetentionDays,
        PreferredBackupWindow: change.backupWindow,
        PreferredMaintenanceWindow: change.maintenanceWindow,
        DeletionProtection: change.deletionProtection,
        CopyTagsToSnapshot: change.copyTagsToSnapshot,
        ApplyImmediately: change.applyImmediately,
      }),
    ),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "modifying" });
}
