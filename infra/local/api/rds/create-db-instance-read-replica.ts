import { CreateDBInstanceReadReplica$, type CreateDBInstanceReadReplicaResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbInstanceClass, dbInstanceIdentifier, dbPort, lookupIdentifier } from "./identifiers";
import { parameterGroupName } from "./parameter-group-input";
import { tagList } from "./tag-input";

const input = z.object({
  DBInstanceIdentifier: dbInstanceIdentifier,
  // An identifier or the source's ARN.
  SourceDBInstanceIdentifier: lookupIdentifier,
  AvailabilityZone: z.string().min(1).optional(),
  DBInstanceClass: dbInstanceClass.optional(),
  Port: dbPort.optional(),
  MultiAZ: z.boolean().optional(),
  DeletionProtection: z.boolean().optional(),
  Tags: tagList.optional(),
  CopyTagsToSnapshot: z.boolean().optional(),
  DBParameterGroupName: parameterGroupName.optional(),
});

/** CreateDBInstanceReadReplica: asynchronous; the answer shows the new replica `creating`, with only the tags given. */
export function createDBInstanceReadReplicaOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: CreateDBInstanceReadReplica$,
    input,
    handle: async (request): Promise<CreateDBInstanceReadReplicaResult> => {
      if (request.MultiAZ) {
        throw commonErrors.invalidParameterValue(
          "The local fleet creates Single-AZ read replicas; MultiAZ is not supported.",
        );
      }
      const source = request.SourceDBInstanceIdentifier.replace(/^arn:aws:rds:[^:]+:\d+:db:/, "");
      return {
        DBInstance: await backend.createDBInstanceReadReplica({
          instanceId: request.DBInstanceIdentifier,
          sourceId: source,
          availabilityZone: request.AvailabilityZone,
          instanceClass: request.DBInstanceClass,
          port: request.Port,
          deletionProtection: request.DeletionProtection,
          tags: request.Tags,
          copyTagsToSnapshot: request.CopyTagsToSnapshot,
          parameterGroupName: request.DBParameterGroupName,
        }),
      };
    },
  });
}
