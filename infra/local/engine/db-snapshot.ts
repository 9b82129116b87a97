/** How a snapshot looks through the RDS API: the DBSnapshot shape of DescribeDBSnapshots. */
import type { DBSnapshot } from "@aws-sdk/client-rds";
import type { Fleet } from "../../fleet.js";
import { instanceArn, LOCAL_ACCOUNT_ID } from "./db-instance-arn.js";
import type { SnapshotRecord } from "./snapshots/snapshot-store.js";

export function toDBSnapshot(fleet: Fleet, s: SnapshotRecord): DBSnapshot {
  return {
    DBSnapshotIdentifier: s.id,
    DBInstanceIdentifier: s.instanceId,
    DBSnapshotArn: instanceArn(fleet, "db-snapshot", s.id),
    SnapshotCreateTime: new Date(s.createdAt),
    OriginalSnapshotCreateTime: new Date(s.createdAt),
    SnapshotType: s.type,
    Status: s.status,
    PercentProgress: s.percentProgress,
    Engine: fleet.engine,
    EngineVersion: s.engineVersion,
    AllocatedStorage: fleet.allocatedStorageGiB,
    StorageType: fleet.storageType,
    Port: s.port,
    AvailabilityZone: s.availabilityZone,
    InstanceCreateTime: new Date(s.instanceCreatedAt),
    MasterUsername: s.masterUsername,
    LicenseModel: "postgresql-license",
    Encrypted: fleet.storageEncrypted,
    KmsKeyId: `arn:aws:kms:${fleet.region}:${LOCAL_ACCOUNT_ID}:key/rdsdeck-local`,
    IAMDatabaseAuthenticationEnabled: false,
    DbiResourceId: s.dbiResourceId,
    SnapshotTarget: "region",
    DedicatedLogVolume: false,
    MultiTenant: false,
    TagList: [],
  };
}
