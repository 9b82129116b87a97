import type { DBInstance } from "@aws-sdk/client-rds";
import type { DbInstance, PendingModifications, ReplicationState } from "./fleet-model";

/** Maps the SDK's DBInstance (every field optional) to the domain's DbInstance. */
export function toDbInstance(raw: DBInstance): DbInstance {
  const endpoint = raw.Endpoint;
  return {
    identifier: raw.DBInstanceIdentifier ?? "(unnamed)",
    arn: raw.DBInstanceArn,
    dbiResourceId: raw.DbiResourceId,
    status: raw.DBInstanceStatus ?? "unknown",
    instanceClass: raw.DBInstanceClass,
    engine: raw.Engine,
    engineVersion: raw.EngineVersion,
    availabilityZone: raw.AvailabilityZone,
    endpoint:
      endpoint?.Address !== undefined && endpoint.Port !== undefined
        ? { host: endpoint.Address, port: endpoint.Port }
        : undefined,
    storage: {
      allocatedGiB: raw.AllocatedStorage,
      maxAllocatedGiB: raw.MaxAllocatedStorage,
      type: raw.StorageType,
      encrypted: raw.StorageEncrypted ?? false,
    },
    multiAz: raw.MultiAZ ?? false,
    secondaryAvailabilityZone: raw.SecondaryAvailabilityZone,
    sourceIdentifier: raw.ReadReplicaSourceDBInstanceIdentifier,
    replicaIdentifiers: raw.ReadReplicaDBInstanceIdentifiers ?? [],
    replication: replicationState(raw),
    createdAt: raw.InstanceCreateTime,
    backupRetentionDays: raw.BackupRetentionPeriod,
    latestRestorableTime: raw.LatestRestorableTime,
    automaticRestartTime: raw.AutomaticRestartTime,
    backupWindow: raw.PreferredBackupWindow,
    maintenanceWindow: raw.PreferredMaintenanceWindow,
    deletionProtection: raw.DeletionProtection ?? false,
    copyTagsToSnapshot: raw.CopyTagsToSnapshot ?? false,
    performanceInsightsEnabled: raw.PerformanceInsightsEnabled ?? false,
    pendingModifications: pendingModifications(raw),
  };
}

function pendingModifications(raw: DBInstance): PendingModifications {
  const p = raw.PendingModifiedValues;
  const all: PendingModifications = {
    instanceClass: p?.DBInstanceClass,
    allocatedGiB: p?.AllocatedStorage,
    storageType: p?.StorageType,
    multiAz: p?.MultiAZ,
    backupRetentionDays: p?.BackupRetentionPeriod,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

function replicationState(raw: DBInstance): ReplicationState | undefined {
  const info = raw.StatusInfos?.find((i) => i.StatusType === "read replication");
  if (!info?.Status) return undefined;
  return { status: info.Status, normal: info.Normal ?? false, message: info.Message };
}
