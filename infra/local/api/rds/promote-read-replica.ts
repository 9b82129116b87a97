import { PromoteReadReplica$, type PromoteReadReplicaResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  BackupRetentionPeriod: z.number().int().min(0).max(35).optional(),
  PreferredBackupWindow: z.string().optional(),
});

/** PromoteReadReplica: asynchronous; the answer shows the replica `modifying`. */
export function promoteReadReplicaOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: PromoteReadReplica$,
    input,
    handle: (request): PromoteReadReplicaResult => ({
      DBInstance: backend.promoteReadReplica({
        instanceId: request.DBInstanceIdentifier,
        backupRetentionPeriod: request.BackupRetentionPeriod,
      }),
    }),
  });
}
