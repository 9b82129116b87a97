import { RestoreDBInstanceFromDBSnapshot$, type RestoreDBInstanceFromDBSnapshotResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbInstanceClass, dbInstanceIdentifier, dbPort, lookupIdentifier } from "./identifiers";
import { parameterGroupName } from "./parameter-group-input";
import { tagList } from "./tag-input";

const input = z.object({
  DBInstanceIdentifier: dbInstanceIdentifier,
  DBSnapshotIdentifier: lookupIdentifier,
  DBInstanceClass: dbInstanceClass.optional(),
  Port: dbPort.optional(),
  AvailabilityZone: z.string().min(1).optional(),
  MultiAZ: z.boolean().optional(),
  DeletionProtection: z.boolean().optional(),
  Tags: tagList.optional(),
  CopyTagsToSnapshot: z.boolean().optional(),
  DBParameterGroupName: parameterGroupName.optional(),
});

/**
 * RestoreDBInstanceFromDBSnapshot: asynchronous; the answer shows the new
 * instance `creating`. Without Tags it gets the source instance's tags of
 * when the snapshot was taken, as RDS does.
 */
export function restoreDBInstanceFromDBSnapshotOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: RestoreDBInstanceFromDBSnapshot$,
    input,
    handle: async (request): Promise<RestoreDBInstanceFromDBSnapshotResult> => ({
      DBInstance: await backend.restoreDBInstanceFromDBSnapshot({
        instanceId: request.DBInstanceIdentifier,
        snapshotId: request.DBSnapshotIdentifier,
        instanceClass: request.DBInstanceClass,
        port: request.Port,
        availabilityZone: request.AvailabilityZone,
        multiAz: request.MultiAZ,
        deletionProtection: request.DeletionProtection,
        tags: request.Tags,
        copyTagsToSnapshot: request.CopyTagsToSnapshot,
        parameterGroupName: request.DBParameterGroupName,
      }),
    }),
  });
}
