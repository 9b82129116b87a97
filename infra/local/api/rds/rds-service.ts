import type { AwsService } from "../aws-service";
import type { QueryOperation } from "../query/query-operation";
import { handleQueryRequest, type QueryService, queryErrorResponse } from "../query/query-service";
import type { RdsBackend } from "../rds-backend";
import { addTagsToResourceOperation } from "./add-tags-to-resource";
import { createDBInstanceReadReplicaOperation } from "./create-db-instance-read-replica";
import { createDBSnapshotOperation } from "./create-db-snapshot";
import { deleteDBInstanceOperation } from "./delete-db-instance";
import { deleteDBInstanceAutomatedBackupOperation } from "./delete-db-instance-automated-backup";
import { deleteDBSnapshotOperation } from "./delete-db-snapshot";
import { describeDBInstanceAutomatedBackupsOperation } from "./describe-db-instance-automated-backups";
import { describeDBInstancesOperation } from "./describe-db-instances";
import { describeDBLogFilesOperation } from "./describe-db-log-files";
import { describeDBSnapshotsOperation } from "./describe-db-snapshots";
import { describeEventsOperation } from "./describe-events";
import { describeValidDBInstanceModificationsOperation } from "./describe-valid-db-instance-modifications";
import { downloadDBLogFilePortionOperation } from "./download-db-log-file-portion";
import { listTagsForResourceOperation } from "./list-tags-for-resource";
import { modifyDBInstanceOperation } from "./modify-db-instance";
import { parameterGroupOperations } from "./parameter-group-operations";
import { promoteReadReplicaOperation } from "./promote-read-replica";
import { rebootDBInstanceOperation } from "./reboot-db-instance";
import { removeTagsFromResourceOperation } from "./remove-tags-from-resource";
import { restoreDBInstanceFromDBSnapshotOperation } from "./restore-db-instance-from-db-snapshot";
import { restoreDBInstanceToPointInTimeOperation } from "./restore-db-instance-to-point-in-time";
import { startDBInstanceOperation } from "./start-db-instance";
import { stopDBInstanceOperation } from "./stop-db-instance";

/** The RDS actions served; a new action is one file and one line here. */
export function rdsOperations(backend: RdsBackend): QueryOperation[] {
  return [
    describeDBInstancesOperation(backend),
    rebootDBInstanceOperation(backend),
    describeEventsOperation(backend),
    createDBSnapshotOperation(backend),
    describeDBSnapshotsOperation(backend),
    deleteDBSnapshotOperation(backend),
    restoreDBInstanceFromDBSnapshotOperation(backend),
    restoreDBInstanceToPointInTimeOperation(backend),
    describeDBInstanceAutomatedBackupsOperation(backend),
    deleteDBInstanceAutomatedBackupOperation(backend),
    promoteReadReplicaOperation(backend),
    createDBInstanceReadReplicaOperation(backend),
    deleteDBInstanceOperation(backend),
    modifyDBInstanceOperation(backend),
    describeValidDBInstanceModificationsOperation(backend),
    addTagsToResourceOperation(backend),
    listTagsForResourceOperation(backend),
    removeTagsFromResourceOperation(backend),
    describeDBLogFilesOperation(backend),
    downloadDBLogFilePortionOperation(backend),
    ...(backend.parameterGroups ? parameterGroupOperations(backend.parameterGroups) : []),
    stopDBInstanceOperation(backend),
    startDBInstanceOperation(backend),
  ];
}

export const RDS_API_VERSION = "2014-10-31";

export function createRdsService(backend: RdsBackend): AwsService {
  const service: QueryService = {
    xmlNamespace: `http://rds.amazonaws.com/doc/${RDS_API_VERSION}/`,
    version: RDS_API_VERSION,
    operations: new Map(rdsOperations(backend).map((operation) => [operation.action, operation])),
  };
  return {
    signingName: "rds",
    handle: (request, requestId) => handleQueryRequest(service, request, requestId),
    renderError: (error, _request, requestId) => queryErrorResponse(service, error, requestId),
  };
}
