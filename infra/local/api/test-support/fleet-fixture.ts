import type { DBInstance, Event } from "@aws-sdk/client-rds";
import type { RdsBackend } from "../rds-backend";

/**
 * A fleet as the local engine reports it: a Multi-AZ writer with two read
 * replicas, one of which has failed. Fields and values are the ones RDS
 * returns for such a fleet (shapes from the RDS API Reference).
 */
const ACCOUNT = "000000000000";
const arn = (id: string) => `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`;

const shared = {
  DBInstanceClass: "db.t3.micro",
  Engine: "postgres",
  EngineVersion: "17.6",
  MasterUsername: "dbadmin",
  DBName: "myapp",
  AllocatedStorage: 20,
  MaxAllocatedStorage: 100,
  StorageType: "gp3",
  Iops: 3000,
  StorageThroughput: 125,
  StorageEncrypted: true,
  KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b2c6f3e-4a1d-4c8e-9f3a-7d5e2b1c0a99`,
  PreferredBackupWindow: "03:00-04:00",
  PreferredMaintenanceWindow: "sun:04:00-sun:05:00",
  AutoMinorVersionUpgrade: true,
  PubliclyAccessible: false,
  LicenseModel: "postgresql-license",
  CACertificateIdentifier: "rds-ca-rsa2048-g1",
  CertificateDetails: { CAIdentifier: "rds-ca-rsa2048-g1", ValidTill: new Date("2026-01-15T08:29:00.000Z") },
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-0a1b2c3d4e5f67890", Status: "active" }],
  DBParameterGroups: [{ DBParameterGroupName: "default.postgres17", ParameterApplyStatus: "in-sync" }],
  OptionGroupMemberships: [{ OptionGroupName: "default:postgres-17", Status: "in-sync" }],
  DBSubnetGroup: {
    DBSubnetGroupName: "production-db-subnet-group",
    DBSubnetGroupDescription: "rdsdeck production subnets",
    VpcId: "vpc-0123456789abcdef0",
    SubnetGroupStatus: "Complete",
    Subnets: [
      { SubnetIdentifier: "subnet-0aaa", SubnetAvailabilityZone: { Name: "us-east-1a" }, SubnetStatus: "Active" },
      { SubnetIdentifier: "subnet-0bbb", SubnetAvailabilityZone: { Name: "us-east-1b" }, SubnetStatus: "Active" },
    ],
  },
  PendingModifiedValues: {},
  MonitoringInterval: 60,
  MonitoringRoleArn: `arn:aws:iam::${ACCOUNT}:role/rds-monitoring-role`,
  CopyTagsToSnapshot: true,
  IAMDatabaseAuthenticationEnabled: false,
  EnabledCloudwatchLogsExports: ["postgresql", "upgrade"],
  NetworkType: "IPV4",
  DomainMemberships: [],
  AssociatedRoles: [],
  DBInstanceAutomatedBackupsReplications: [],
  CustomerOwnedIpEnabled: false,
  BackupTarget: "region",
  MultiTenant: false,
  DedicatedLogVolume: false,
  IsStorageConfigUpgradeAvailable: false,
  EngineLifecycleSupport: "open-source-rds-extended-support",
} satisfies DBInstance;

export function fleetInstances(): DBInstance[] {
  return [
    {
      ...shared,
      DBInstanceIdentifier: "production-myapp",
      DBInstanceArn: arn("production-myapp"),
      DbiResourceId: "db-WRITERAAAAAAAAAAAAAAAAAAAA",
      DBInstanceStatus: "available",
      Endpoint: { Address: "127.0.0.1", Port: 15432, HostedZoneId: "Z2R2ITUGPM61AM" },
      InstanceCreateTime: new Date("2025-01-15T08:30:12.345Z"),
      LatestRestorableTime: new Date("2025-06-01T12:05:00.000Z"),
      BackupRetentionPeriod: 7,
      MultiAZ: true,
      AvailabilityZone: "us-east-1a",
      SecondaryAvailabilityZone: "us-east-1b",
      ReadReplicaDBInstanceIdentifiers: ["production-myapp-replica-1", "production-myapp-replica-2"],
      ReadReplicaDBClusterIdentifiers: [],
      PerformanceInsightsEnabled: true,
      PerformanceInsightsRetentionPeriod: 7,
      PerformanceInsightsKMSKeyId: shared.KmsKeyId,
      DeletionProtection: true,
      TagList: [
        { Key: "Environment", Value: "production" },
        { Key: "Role", Value: "writer" },
      ],
    },
    {
      ...shared,
      DBInstanceIdentifier: "production-myapp-replica-1",
      DBInstanceArn: arn("production-myapp-replica-1"),
      DbiResourceId: "db-REPLICA1BBBBBBBBBBBBBBBBBB",
      DBInstanceStatus: "available",
      Endpoint: { Address: "127.0.0.1", Port: 15433, HostedZoneId: "Z2R2ITUGPM61AM" },
      InstanceCreateTime: new Date("2025-01-15T09:02:40.001Z"),
      BackupRetentionPeriod: 0,
      MultiAZ: false,
      AvailabilityZone: "us-east-1c",
      ReadReplicaSourceDBInstanceIdentifier: "production-myapp",
      ReadReplicaDBInstanceIdentifiers: [],
      ReplicaMode: "open-read-only",
      StatusInfos: [{ StatusType: "read replication", Normal: true, Status: "replicating" }],
      PerformanceInsightsEnabled: false,
      DeletionProtection: false,
      TagList: [{ Key: "Role", Value: "reader" }],
    },
    {
      ...shared,
      DBInstanceIdentifier: "production-myapp-replica-2",
      DBInstanceArn: arn("production-myapp-replica-2"),
      DbiResourceId: "db-REPLICA2CCCCCCCCCCCCCCCCCC",
      DBInstanceStatus: "failed",
      Endpoint: { Address: "127.0.0.1", Port: 15434, HostedZoneId: "Z2R2ITUGPM61AM" },
      InstanceCreateTime: new Date("2025-01-15T09:03:05.500Z"),
      BackupRetentionPeriod: 0,
      MultiAZ: false,
      AvailabilityZone: "us-east-1a",
      ReadReplicaSourceDBInstanceIdentifier: "production-myapp",
      ReadReplicaDBInstanceIdentifiers: [],
      ReplicaMode: "open-read-only",
      StatusInfos: [
        {
          StatusType: "read replication",
          Normal: false,
          Status: "error",
          Message: "Replication has stopped: the replica could not reach its source & will retry <soon>.",
        },
      ],
      PerformanceInsightsEnabled: false,
      DeletionProtection: false,
      TagList: [{ Key: "Role", Value: "reader" }],
    },
  ];
}

/** Many identical-shape instances, for paging. */
export function manyInstances(count: number): DBInstance[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `bulk-${String(i).padStart(3, "0")}`;
    return {
      DBInstanceIdentifier: id,
      DBInstanceArn: arn(id),
      DbiResourceId: `db-BULK${String(i).padStart(3, "0")}`,
      Engine: "postgres",
      DBInstanceStatus: "available",
    };
  });
}

/** The actions the protocol tests never take; the real engine's tests do (infra/local/engine, api/rds/*.test.ts). */
export function unusedRdsActions(): Omit<RdsBackend, "describeDBInstances" | "describeEvents"> {
  const unused = () => {
    throw new Error("not used by the protocol tests");
  };
  return {
    rebootDBInstance: unused,
    createDBSnapshot: unused,
    describeDBSnapshots: () => [],
    deleteDBSnapshot: unused,
    restoreDBInstanceFromDBSnapshot: unused,
    restoreDBInstanceToPointInTime: unused,
    describeDBInstanceAutomatedBackups: unused,
    deleteDBInstanceAutomatedBackup: unused,
    promoteReadReplica: unused,
    createDBInstanceReadReplica: unused,
    deleteDBInstance: unused,
    modifyDBInstance: unused,
    describeValidDBInstanceModifications: unused,
    addTagsToResource: unused,
    listTagsForResource: unused,
    removeTagsFromResource: unused,
    describeDBLogFiles: unused,
    downloadDBLogFilePortion: unused,
    stopDBInstance: unused,
    startDBInstance: unused,
  };
}

const UNUSED = unusedRdsActions();

export class InMemoryRdsBackend implements RdsBackend {
  constructor(public instances: DBInstance[]) {}

  readonly createDBSnapshot = UNUSED.createDBSnapshot;
  readonly describeDBSnapshots = UNUSED.describeDBSnapshots;
  readonly deleteDBSnapshot = UNUSED.deleteDBSnapshot;
  readonly restoreDBInstanceFromDBSnapshot = UNUSED.restoreDBInstanceFromDBSnapshot;
  readonly restoreDBInstanceToPointInTime = UNUSED.restoreDBInstanceToPointInTime;
  readonly describeDBInstanceAutomatedBackups = UNUSED.describeDBInstanceAutomatedBackups;
  readonly deleteDBInstanceAutomatedBackup = UNUSED.deleteDBInstanceAutomatedBackup;
  readonly promoteReadReplica = UNUSED.promoteReadReplica;
  readonly createDBInstanceReadReplica = UNUSED.createDBInstanceReadReplica;
  readonly deleteDBInstance = UNUSED.deleteDBInstance;
  readonly modifyDBInstance = UNUSED.modifyDBInstance;
  readonly describeValidDBInstanceModifications = UNUSED.describeValidDBInstanceModifications;
  readonly addTagsToResource = UNUSED.addTagsToResource;
  readonly listTagsForResource = UNUSED.listTagsForResource;
  readonly removeTagsFromResource = UNUSED.removeTagsFromResource;
  readonly describeDBLogFiles = UNUSED.describeDBLogFiles;
  readonly downloadDBLogFilePortion = UNUSED.downloadDBLogFilePortion;
  readonly stopDBInstance = UNUSED.stopDBInstance;
  readonly startDBInstance = UNUSED.startDBInstance;

  describeDBInstances(): DBInstance[] {
    return this.instances;
  }

  /** The protocol tests never reboot; the real engine's tests do (infra/local/engine). */
  rebootDBInstance(_request: { identifier: string; forceFailover: boolean }): DBInstance {
    throw new Error("not used by the protocol tests");
  }

  describeEvents(): Event[] {
    return [];
  }
}
