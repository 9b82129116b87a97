/**
 * How a snapshot looks through the RDS API: the DBSnapshot shape of
 * DescribeDBSnapshots, from what snapshot.json recorded when it was taken.
 */
import type { DBSnapshot } from "@aws-sdk/client-rds";
import type { Fleet } from "../../fleet";
import { LOCAL_ACCOUNT_ID } from "./db-instance-arn";
import type { SnapshotRecord } from "./snapshots/snapshot-store";

export function toDBSnapshot(fleet: Fleet, s: SnapshotRecord): DBSnapshot {
  return {
    DBSnapshotIdentifier: s.id,
    DBInstanceIdentifier: s.instanceId,
    DBSnapshotArn: s.arn,
    SnapshotCreateTime: new Date(s.createdAt),
    OriginalSnapshotCreateTime: new Date(s.createdAt),
    SnapshotType: s.type,
    Status: s.status,
    PercentProgress: s.percentProgress,
    Engine: s.engine,
    EngineVersion: s.engineVersion,
    AllocatedStorage: s.allocatedStorage,
    StorageType: s.storageType,
    Port: s.port,
    AvailabilityZone: s.availabilityZone,
    InstanceCreateTime: new Date(s.instanceCreatedAt),
    MasterUsername: s.masterUsername,
    LicenseModel: "postgresql-license",
    Encrypted: s.encrypted,
    KmsKeyId: `arn:aws:kms:${fleet.region}:${LOCAL_ACCOUNT_ID}:key/rdsdeck-local`,
    IAMDatabaseAuthenticationEnabled: false,
    DbiResourceId: s.dbiResourceId,
    SnapshotTarget: "region",
    DedicatedLogVolume: false,
    MultiTenant: false,
    TagList: s.tags.map((t) => ({ ...t })),
  };
}
