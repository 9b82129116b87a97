import { ModifyDBInstance$, type ModifyDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  DeletionProtection: z.boolean().optional(),
  BackupRetentionPeriod: z.number().int().min(0).max(35).optional(),
  ApplyImmediately: z.boolean().optional(),
});

/**
 * ModifyDBInstance: DeletionProtection and BackupRetentionPeriod (both
 * immediate on RDS too). Any other member (DBInstanceClass, AllocatedStorage…)
 * is refused by name by the query layer until the fleet applies it.
 */
export function modifyDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: ModifyDBInstance$,
    input,
    handle: (request): ModifyDBInstanceResult => ({
      DBInstance: backend.modifyDBInstance({
        instanceId: request.DBInstanceIdentifier,
        deletionProtection: request.DeletionProtection,
        backupRetentionPeriod: request.BackupRetentionPeriod,
        applyImmediately: request.ApplyImmediately ?? false,
      }),
    }),
  });
}
