import { CreateDBSnapshot$, type CreateDBSnapshotResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbSnapshotIdentifier, lookupIdentifier } from "./identifiers";

const input = z.object({
  DBSnapshotIdentifier: dbSnapshotIdentifier,
  DBInstanceIdentifier: lookupIdentifier,
  Tags: z.array(z.object({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
});

/** CreateDBSnapshot: asynchronous; the answer shows the snapshot `creating` and the instance goes `backing-up`. */
export function createDBSnapshotOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: CreateDBSnapshot$,
    input,
    handle: (request): CreateDBSnapshotResult => ({
      DBSnapshot: backend.createDBSnapshot({
        instanceId: request.DBInstanceIdentifier,
        snapshotId: request.DBSnapshotIdentifier,
      }),
    }),
  });
}
