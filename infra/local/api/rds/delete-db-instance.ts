import { DeleteDBInstance$, type DeleteDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { finalDBSnapshotIdentifier, lookupIdentifier } from "./identifiers";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  SkipFinalSnapshot: z.boolean().optional(),
  FinalDBSnapshotIdentifier: finalDBSnapshotIdentifier.optional(),
  DeleteAutomatedBackups: z.boolean().optional(),
});

/** DeleteDBInstance: asynchronous; the answer shows the instance `deleting`. */
export function deleteDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DeleteDBInstance$,
    input,
    handle: (request): DeleteDBInstanceResult => ({
      DBInstance: backend.deleteDBInstance({
        instanceId: request.DBInstanceIdentifier,
        skipFinalSnapshot: request.SkipFinalSnapshot ?? false,
        finalSnapshotId: request.FinalDBSnapshotIdentifier,
        deleteAutomatedBackups: request.DeleteAutomatedBackups ?? true,
      }),
    }),
  });
}
