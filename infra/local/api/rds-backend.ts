import type {
  DBInstance,
  DBInstanceAutomatedBackup,
  DBSnapshot,
  DescribeDBLogFilesDetails,
  DownloadDBLogFilePortionDetails,
  Event,
  Tag,
  ValidDBInstanceModificationsMessage,
} from "@aws-sdk/client-rds";
import type { ParameterGroupBackend } from "./parameter-group-backend";

/**
 * What the local engine implements so that the API can answer RDS calls.
 *
 * Types come from the real SDK so that the engine fills exactly the fields the
 * RDS service model defines; the API layer serialises whatever it is given by
 * that model. New actions (snapshots, events, reboot…) add a method here and
 * one operation file under `rds/`.
 */
export interface RdsBackend {
  /** DB parameter groups, where the backend has them (test backends that do not, answer InvalidAction). */
  readonly parameterGroups?: ParameterGroupBackend;
  /** Every DB instance, in its current real state. */
  describeDBInstances(): DBInstance[];
  /**
   * Starts a reboot (or, with forceFailover, a Multi-AZ failover) and returns
   * the instance as it is now. Throws an AwsError when the instance's state
   * does not allow it.
   */
  rebootDBInstance(request: { identifier: string; forceFailover: boolean }): DBInstance;
  /** Every recorded event, oldest first; the operation filters and pages. */
  describeEvents(): Event[];
  /** Starts a manual snapshot; returns it `creating`. Tags given replace those it would copy from the instance. */
  createDBSnapshot(request: { instanceId: string; snapshotId: string; tags?: ResourceTag[] }): DBSnapshot;
  /** Every snapshot, manual and automated, in its current state, with its TagList. */
  describeDBSnapshots(): DBSnapshot[];
  /** Deletes a manual snapshot; returns it as it was, with status `deleted`. */
  deleteDBSnapshot(request: { snapshotId: string }): DBSnapshot;
  /** Starts a restore into a new instance; returns it `creating`. */
  restoreDBInstanceFromDBSnapshot(request: RestoreDBInstanceRequest): Promise<DBInstance>;
  /** Starts a point-in-time restore into a new instance; returns it `creating`. */
  restoreDBInstanceToPointInTime(request: PointInTimeRestoreRequest): Promise<DBInstance>;
  /** The automated backups of live instances (active) and of deleted ones (retained). */
  describeDBInstanceAutomatedBackups(): DBInstanceAutomatedBackup[];
  /** Deletes a retained automated backup, by resource id or ARN; returns it `deleting`. */
  deleteDBInstanceAutomatedBackup(request: { dbiResourceId?: string; arn?: string }): DBInstanceAutomatedBackup;
  /** Starts promoting a read replica to a standalone instance; returns it `modifying`. */
  promoteReadReplica(request: { instanceId: string; backupRetentionPeriod?: number }): DBInstance;
  /** Starts creating a read replica of a primary; returns it `creating`. */
  createDBInstanceReadReplica(request: CreateReadReplicaRequest): Promise<DBInstance>;
  /** Starts deleting an instance (after its final snapshot, if asked); returns it `deleting`. */
  deleteDBInstance(request: DeleteDBInstanceRequest): DBInstance;
  /** Applies the settings the local fleet supports; returns the instance as modified. */
  modifyDBInstance(request: ModifyDBInstanceRequest): DBInstance;
  /** What ModifyDBInstance accepts for the instance now (its storage ranges). */
  describeValidDBInstanceModifications(request: { instanceId: string }): ValidDBInstanceModificationsMessage;
  /** Adds tags to an instance or snapshot (a key it has gets the new value); DBInstanceNotFound / DBSnapshotNotFound. */
  addTagsToResource(request: { resource: TaggedResource; tags: ResourceTag[] }): void;
  listTagsForResource(request: { resource: TaggedResource }): Tag[];
  removeTagsFromResource(request: { resource: TaggedResource; keys: string[] }): void;
  /** Starts stopping an instance (after a snapshot, if asked); returns it `stopping`. */
  stopDBInstance(request: { instanceId: string; snapshotId?: string }): DBInstance;
  /** Starts a stopped instance; returns it `starting`. */
  startDBInstance(request: { instanceId: string }): DBInstance;
  /** Every log file of an instance, oldest first; the operation filters and pages. DBInstanceNotFound if none. */
  describeDBLogFiles(request: { instanceId: string }): DescribeDBLogFilesDetails[];
  /** A portion of one log file, by DownloadDBLogFilePortion's rules; DBLogFileNotFoundFault for an unknown name. */
  downloadDBLogFilePortion(request: LogFilePortionRequest): DownloadDBLogFilePortionDetails;
}

/** A tag as the API has checked it: a Value is always there, empty when the client sent none. */
export type ResourceTag = { Key: string; Value: string };

/** The resource a tagging call names: an instance (…:db:<id>) or a snapshot (…:snapshot:<id>), id in lowercase. */
export type TaggedResource = { type: "db" | "snapshot" | "pg"; id: string; arn: string };

export type LogFilePortionRequest = {
  instanceId: string;
  logFileName: string;
  /** "0" (from the start) or a Marker the API returned; absent: the file's last lines. */
  marker?: string;
  numberOfLines?: number;
};

export type CreateReadReplicaRequest = {
  instanceId: string;
  sourceId: string;
  availabilityZone?: string;
  instanceClass?: string;
  port?: number;
  deletionProtection?: boolean;
  tags?: ResourceTag[];
  copyTagsToSnapshot?: boolean;
  /** Its DB parameter group (lowercase); absent: the source's for a replica, the default group for a restore. */
  parameterGroupName?: string;
};

export type DeleteDBInstanceRequest = {
  instanceId: string;
  skipFinalSnapshot: boolean;
  finalSnapshotId?: string;
  deleteAutomatedBackups: boolean;
};

export type ModifyDBInstanceRequest = {
  instanceId: string;
  deletionProtection?: boolean;
  backupRetentionPeriod?: number;
  copyTagsToSnapshot?: boolean;
  instanceClass?: string;
  allocatedStorage?: number;
  maxAllocatedStorage?: number;
  storageType?: "gp2" | "gp3" | "io1" | "io2";
  multiAZ?: boolean;
  masterUserPassword?: string;
  preferredBackupWindow?: string;
  preferredMaintenanceWindow?: string;
  applyImmediately: boolean;
};

export type RestoreDBInstanceRequest = {
  instanceId: string;
  snapshotId: string;
  instanceClass?: string;
  port?: number;
  availabilityZone?: string;
  multiAz?: boolean;
  deletionProtection?: boolean;
  tags?: ResourceTag[];
  copyTagsToSnapshot?: boolean;
  /** Its DB parameter group (lowercase); absent: the source's for a replica, the default group for a restore. */
  parameterGroupName?: string;
};

export type PointInTimeRestoreRequest = {
  targetId: string;
  sourceId?: string;
  sourceDbiResourceId?: string;
  restoreTime?: Date;
  useLatestRestorableTime?: boolean;
  instanceClass?: string;
  port?: number;
  availabilityZone?: string;
  deletionProtection?: boolean;
  tags?: ResourceTag[];
  copyTagsToSnapshot?: boolean;
  /** Its DB parameter group (lowercase); absent: the source's for a replica, the default group for a restore. */
  parameterGroupName?: string;
};
