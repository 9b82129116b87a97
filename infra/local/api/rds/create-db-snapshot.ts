import { CreateDBSnapshot$, type CreateDBSnapshotResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbSnapshotIdentifier, lookupIdentifier } from "./identifiers";
import { tagList } from "./tag-input";

const input = z.object({
  DBSnapshotIdentifier: dbSnapshotIdentifier,
  DBInstanceIdentifier: lookupIdentifier,
  Tags: tagList.optional(),
});

/**
 * CreateDBSnapshot: asynchronous; the answer shows the snapshot `creating` and
 * the instance goes `backing-up`. Tags given are the snapshot's; without them
 * it gets the instance's if the instance copies its tags to snapshots.
 */
export function createDBSnapshotOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: CreateDBSnapshot$,
    input,
    handle: (request): CreateDBSnapshotResult => ({
      DBSnapshot: backend.createDBSnapshot({
        instanceId: request.DBInstanceIdentifier,
        snapshotId: request.DBSnapshotIdentifier,
        tags: request.Tags,
      }),
    }),
  });
}
