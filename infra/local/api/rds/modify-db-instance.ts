import { ModifyDBInstance$, type ModifyDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbInstanceClass, lookupIdentifier } from "./identifiers";
import { assignInstanceParameterGroup } from "./instance-parameter-group";
import { parameterGroupName } from "./parameter-group-input";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  ApplyImmediately: z.boolean().optional(),
  DeletionProtection: z.boolean().optional(),
  BackupRetentionPeriod: z.number().int().min(0).max(35).optional(),
  CopyTagsToSnapshot: z.boolean().optional(),
  DBParameterGroupName: parameterGroupName.optional(),
  DBInstanceClass: dbInstanceClass.optional(),
  AllocatedStorage: z.number().int().min(20).max(65536).optional(),
  MaxAllocatedStorage: z.number().int().min(20).max(65536).optional(),
  StorageType: z.enum(["gp2", "gp3", "io1", "io2"]).optional(),
  MultiAZ: z.boolean().optional(),
  // Its rules (8–128 printable characters but / @ " and space) are the engine's, in RDS's words.
  MasterUserPassword: z.string().optional(),
  // Formats and overlap are the engine's checks: they depend on the instance's other window.
  PreferredBackupWindow: z.string().min(1).optional(),
  PreferredMaintenanceWindow: z.string().min(1).optional(),
});

/**
 * ModifyDBInstance: the members the local fleet applies, immediately or in
 * the maintenance window as RDS does (see engine/modify-instance.ts). Every
 * other member is refused by name: answering "done" for a change nothing
 * applied would leave Terraform and CDK users with endless drift.
 */
export function modifyDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: ModifyDBInstance$,
    input,
    handle: (request): ModifyDBInstanceResult => {
      assignInstanceParameterGroup(backend, request);
      return {
        DBInstance: backend.modifyDBInstance({
          instanceId: request.DBInstanceIdentifier,
          deletionProtection: request.DeletionProtection,
          backupRetentionPeriod: request.BackupRetentionPeriod,
          copyTagsToSnapshot: request.CopyTagsToSnapshot,
          instanceClass: request.DBInstanceClass,
          allocatedStorage: request.AllocatedStorage,
          maxAllocatedStorage: request.MaxAllocatedStorage,
          storageType: request.StorageType,
          multiAZ: request.MultiAZ,
          masterUserPassword: request.MasterUserPassword,
          preferredBackupWindow: request.PreferredBackupWindow,
          preferredMaintenanceWindow: request.PreferredMaintenanceWindow,
          applyImmediately: request.ApplyImmediately ?? false,
        }),
      };
    },
  });
}
