import {
  DBInstanceAlreadyExistsFault$,
  DBInstanceAutomatedBackupNotFoundFault$,
  DBInstanceNotFoundFault$,
  DBLogFileNotFoundFault$,
  DBParameterGroupAlreadyExistsFault$,
  DBParameterGroupNotFoundFault$,
  DBParameterGroupQuotaExceededFault$,
  DBSnapshotAlreadyExistsFault$,
  DBSnapshotNotFoundFault$,
  InsufficientDBInstanceCapacityFault$,
  InvalidDBInstanceAutomatedBackupStateFault$,
  InvalidDBInstanceStateFault$,
  InvalidDBParameterGroupStateFault$,
  InvalidDBSnapshotStateFault$,
  InvalidRestoreFault$,
  PointInTimeRestoreNotEnabledFault$,
} from "@aws-sdk/client-rds";
import { NormalizedSchema } from "@smithy/core/schema";
import type { StaticErrorSchema } from "@smithy/types";
import { AwsError } from "../aws-error";
import { commonErrors } from "../common-errors";

/**
 * RDS's modelled errors, with the Query error code and HTTP status read from
 * the service model's `awsQueryError` trait (DBInstanceNotFoundFault is sent
 * as code `DBInstanceNotFound`, status 404), so that each SDK maps it back to
 * its own exception class.
 */
function modeledError(schema: StaticErrorSchema, message: string): AwsError {
  const traits = NormalizedSchema.of(schema).getMergedTraits();
  const [code, status] = isQueryErrorTrait(traits.awsQueryError) ? traits.awsQueryError : [schema[2], 400];
  return new AwsError(code, message, status);
}

function isQueryErrorTrait(value: unknown): value is [string, number] {
  return Array.isArray(value) && typeof value[0] === "string" && typeof value[1] === "number";
}

export const rdsErrors = {
  dbInstanceNotFound: (identifier: string) =>
    modeledError(DBInstanceNotFoundFault$, `DBInstance ${identifier} not found.`),
  invalidDBInstanceState: (message: string) => modeledError(InvalidDBInstanceStateFault$, message),
  dbInstanceAlreadyExists: (message = "DB instance already exists") =>
    modeledError(DBInstanceAlreadyExistsFault$, message),
  dbSnapshotNotFound: (identifier: string) =>
    modeledError(DBSnapshotNotFoundFault$, `DBSnapshot ${identifier} not found.`),
  dbSnapshotAlreadyExists: (message: string) => modeledError(DBSnapshotAlreadyExistsFault$, message),
  invalidDBSnapshotState: (message: string) => modeledError(InvalidDBSnapshotStateFault$, message),
  /** A common error (not modelled per operation): parameters that cannot be used together. */
  invalidParameterCombination: commonErrors.invalidParameterCombination,
};

const MODELED_FAULTS = {
  DBInstanceNotFound: DBInstanceNotFoundFault$,
  DBInstanceAlreadyExists: DBInstanceAlreadyExistsFault$,
  InvalidDBInstanceState: InvalidDBInstanceStateFault$,
  DBSnapshotNotFound: DBSnapshotNotFoundFault$,
  DBSnapshotAlreadyExists: DBSnapshotAlreadyExistsFault$,
  InvalidDBSnapshotState: InvalidDBSnapshotStateFault$,
  PointInTimeRestoreNotEnabled: PointInTimeRestoreNotEnabledFault$,
  InvalidRestore: InvalidRestoreFault$,
  DBInstanceAutomatedBackupNotFound: DBInstanceAutomatedBackupNotFoundFault$,
  InvalidDBInstanceAutomatedBackupState: InvalidDBInstanceAutomatedBackupStateFault$,
  InsufficientDBInstanceCapacity: InsufficientDBInstanceCapacityFault$,
  // Its Query code keeps the "Fault" (awsQueryError DBLogFileNotFoundFault, 404).
  DBLogFileNotFoundFault: DBLogFileNotFoundFault$,
  DBParameterGroupNotFound: DBParameterGroupNotFoundFault$,
  DBParameterGroupAlreadyExists: DBParameterGroupAlreadyExistsFault$,
  DBParameterGroupQuotaExceeded: DBParameterGroupQuotaExceededFault$,
  InvalidDBParameterGroupState: InvalidDBParameterGroupStateFault$,
} as const;

export type ModeledFaultCode = keyof typeof MODELED_FAULTS;

/** A modelled RDS fault by its Query error code, with a message already in AWS's words. */
export function rdsFault(code: ModeledFaultCode, message: string): AwsError {
  return modeledError(MODELED_FAULTS[code], message);
}
