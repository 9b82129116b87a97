import { DeleteDBSnapshot$, type DeleteDBSnapshotResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({ DBSnapshotIdentifier: lookupIdentifier });

/** DeleteDBSnapshot: manual snapshots that are not being created; answers with the snapshot `deleted`. */
export function deleteDBSnapshotOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DeleteDBSnapshot$,
    input,
    handle: (request): DeleteDBSnapshotResult => ({
      DBSnapshot: backend.deleteDBSnapshot({ snapshotId: request.DBSnapshotIdentifier }),
    }),
  });
}
