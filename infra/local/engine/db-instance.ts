/**
 * How an engine instance looks through the RDS API: the DBInstance shape of
 * DescribeDBInstances, filled from the fleet definition and the engine's real
 * state (status, endpoints, replication).
 */
import type { DBInstance } from "@aws-sdk/client-rds";
import type { Fleet } from "../../fleet";
import { instanceArn, LOCAL_ACCOUNT_ID } from "./db-instance-arn";
import type { EngineInstance } from "./engine-instance";

function replicationStatus(i: EngineInstance): DBInstance["StatusInfos"] {
  if (i.kind !== "replica") return undefined;
  const h = i.health;
  const status =
    i.status === "stopped" || i.status === "stopping"
      ? "stopped"
      : i.status === "available" && h?.answering && h.streaming
        ? "replicating"
        : "error";
  return [{ StatusType: "read replication", Status: status, Normal: status === "replicating", Message: undefined }];
}

/** RDS answers an empty PendingModifiedValues element when nothing is queued. */
function pendingModifiedValues(i: EngineInstance): DBInstance["PendingModifiedValues"] {
  const p = i.pendingModifiedValues;
  return {
    DBInstanceClass: p?.instanceClass,
    AllocatedStorage: p?.allocatedStorage,
    StorageType: p?.storageType,
    MultiAZ: p?.multiAZ,
    BackupRetentionPeriod: p?.backupRetentionPeriod,
  };
}

export function toDBInstance(
  fleet: Fleet,
  i: EngineInstance,
  masterUsername: string,
  engineVersion: string,
): DBInstance {
  const isWriter = i.kind === "writer";
  return {
    DBInstanceIdentifier: i.id,
    DBInstanceArn: instanceArn(fleet, "db-instance", i.id),
    DbiResourceId: i.dbiResourceId,
    DBInstanceClass: i.instanceClass,
    Engine: fleet.engine,
    EngineVersion: engineVersion,
    DBInstanceStatus: i.status,
    PercentProgress: i.percentProgress === undefined ? undefined : String(i.percentProgress),
    MasterUsername: masterUsername,
    DBName: fleet.databaseName,
    Endpoint: { Address: i.endpoint.host, Port: i.endpoint.port },
    AllocatedStorage: i.settings.allocatedStorage,
    MaxAllocatedStorage: i.settings.maxAllocatedStorage,
    StorageType: i.settings.storageType,
    StorageEncrypted: fleet.storageEncrypted,
    KmsKeyId: `arn:aws:kms:${fleet.region}:${LOCAL_ACCOUNT_ID}:key/rdsdeck-local`,
    InstanceCreateTime: i.createdAt,
    AvailabilityZone: i.az,
    MultiAZ: isWriter && i.standbyAz !== undefined,
    SecondaryAvailabilityZone: isWriter ? i.standbyAz : undefined,
    ReadReplicaSourceDBInstanceIdentifier: i.sourceId,
    ReadReplicaDBInstanceIdentifiers: i.replicaIds,
    StatusInfos: replicationStatus(i),
    // RDS gives read replicas no automated backups unless asked (the record says 0 for them).
    BackupRetentionPeriod: i.backupRetentionPeriod,
    LatestRestorableTime: i.latestRestorableTime,
    AutomaticRestartTime: i.automaticRestartTime,
    PreferredBackupWindow: i.settings.preferredBackupWindow,
    PreferredMaintenanceWindow: i.settings.preferredMaintenanceWindow,
    PendingModifiedValues: pendingModifiedValues(i),
    PerformanceInsightsEnabled: true,
    PerformanceInsightsRetentionPeriod: fleet.performanceInsightsRetentionDays,
    MonitoringInterval: fleet.monitoringIntervalSeconds,
    DeletionProtection: i.deletionProtection,
    PubliclyAccessible: false,
    AutoMinorVersionUpgrade: true,
    CopyTagsToSnapshot: i.copyTagsToSnapshot,
    IAMDatabaseAuthenticationEnabled: false,
    LicenseModel: "postgresql-license",
    CACertificateIdentifier: "rdsdeck-local-ca",
    DBParameterGroups: [
      {
        DBParameterGroupName: i.parameterGroup.name ?? `default.postgres${engineVersion.split(".")[0]}`,
        ParameterApplyStatus: i.parameterGroup.applyStatus,
      },
    ],
    EnabledCloudwatchLogsExports: ["postgresql"],
    TagList: i.tags,
  };
}
