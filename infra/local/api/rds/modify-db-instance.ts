import { ModifyDBInstance$, type ModifyDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";
import { assignInstanceParameterGroup } from "./instance-parameter-group";
import { parameterGroupName } from "./parameter-group-input";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  DeletionProtection: z.boolean().optional(),
  BackupRetentionPeriod: z.number().int().min(0).max(35).optional(),
  CopyTagsToSnapshot: z.boolean().optional(),
  ApplyImmediately: z.boolean().optional(),
  DBParameterGroupName: parameterGroupName.optional(),
});

/**
 * ModifyDBInstance: DeletionProtection, BackupRetentionPeriod and
 * CopyTagsToSnapshot (immediate on RDS too). Every other member is refused by
 * name: answering "done" for a class or storage change nothing applied would
 * leave Terraform and CDK users with endless drift.
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
          applyImmediately: request.ApplyImmediately ?? false,
        }),
      };
    },
  });
}
