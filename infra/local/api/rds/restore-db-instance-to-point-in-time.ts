import { RestoreDBInstanceToPointInTime$, type RestoreDBInstanceToPointInTimeResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { dbInstanceClass, dbInstanceIdentifier, dbPort, lookupIdentifier } from "./identifiers";
import { parameterGroupName } from "./parameter-group-input";
import { rdsErrors } from "./rds-errors";
import { tagList } from "./tag-input";

const input = z.object({
  SourceDBInstanceIdentifier: lookupIdentifier.optional(),
  SourceDbiResourceId: z.string().min(1).optional(),
  TargetDBInstanceIdentifier: dbInstanceIdentifier,
  RestoreTime: z.date().optional(),
  UseLatestRestorableTime: z.boolean().optional(),
  DBInstanceClass: dbInstanceClass.optional(),
  Port: dbPort.optional(),
  AvailabilityZone: z.string().min(1).optional(),
  DeletionProtection: z.boolean().optional(),
  Tags: tagList.optional(),
  CopyTagsToSnapshot: z.boolean().optional(),
  DBParameterGroupName: parameterGroupName.optional(),
});

/**
 * RestoreDBInstanceToPointInTime: asynchronous; the answer shows the new
 * instance `creating`. Without Tags it gets the source's.
 */
export function restoreDBInstanceToPointInTimeOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: RestoreDBInstanceToPointInTime$,
    input,
    handle: async (request): Promise<RestoreDBInstanceToPointInTimeResult> => {
      assertOneOf(
        request.SourceDBInstanceIdentifier,
        request.SourceDbiResourceId,
        "SourceDBInstanceIdentifier",
        "SourceDbiResourceId",
      );
      assertOneOf(
        request.RestoreTime,
        request.UseLatestRestorableTime || undefined,
        "RestoreTime",
        "UseLatestRestorableTime",
      );
      return {
        DBInstance: await backend.restoreDBInstanceToPointInTime({
          targetId: request.TargetDBInstanceIdentifier,
          sourceId: request.SourceDBInstanceIdentifier,
          sourceDbiResourceId: request.SourceDbiResourceId,
          restoreTime: request.RestoreTime,
          useLatestRestorableTime: request.UseLatestRestorableTime,
          instanceClass: request.DBInstanceClass,
          port: request.Port,
          availabilityZone: request.AvailabilityZone,
          deletionProtection: request.DeletionProtection,
          tags: request.Tags,
          copyTagsToSnapshot: request.CopyTagsToSnapshot,
          parameterGroupName: request.DBParameterGroupName,
        }),
      };
    },
  });
}

/** RDS's InvalidParameterCombination when both or neither of two alternatives are given. */
function assertOneOf(a: unknown, b: unknown, nameA: string, nameB: string): void {
  if (a !== undefined && b !== undefined) {
    throw rdsErrors.invalidParameterCombination(`${nameA} and ${nameB} cannot be specified together.`);
  }
  if (a === undefined && b === undefined) {
    throw rdsErrors.invalidParameterCombination(`One of ${nameA} or ${nameB} must be specified.`);
  }
}
