import { StopDBInstance$, type StopDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbSnapshotIdentifier, lookupIdentifier } from "./identifiers";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  DBSnapshotIdentifier: dbSnapshotIdentifier.optional(),
});

/**
 * StopDBInstance: asynchronous like on AWS; the answer shows the instance
 * `stopping`. With DBSnapshotIdentifier a manual snapshot is taken first.
 */
export function stopDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: StopDBInstance$,
    input,
    handle: (request): StopDBInstanceResult => ({
      DBInstance: backend.stopDBInstance({
        instanceId: request.DBInstanceIdentifier,
        snapshotId: request.DBSnapshotIdentifier,
      }),
    }),
  });
}
