/**
 * The fleet as the dashboard sees it: instances from DescribeDBInstances,
 * grouped into replication topologies. A topology is one writer, its Multi-AZ
 * standby (which RDS does not expose as an instance of its own) and the read
 * replicas that stream from it, possibly replicas of replicas.
 */

export type Endpoint = { host: string; port: number };

export type Storage = {
  allocatedGiB: number | undefined;
  /** The storage autoscaling ceiling; undefined when autoscaling is off. */
  maxAllocatedGiB: number | undefined;
  type: string | undefined;
  encrypted: boolean;
};

/** A read replica's replication state, from its "read replication" StatusInfo. */
export type ReplicationState = {
  /** "replicating", "error", "stopped", "terminated"… as RDS reports it. */
  status: string;
  normal: boolean;
  message: string | undefined;
};

/** One DB instance, as DescribeDBInstances reports it. */
export type DbInstance = {
  identifier: string;
  arn: string | undefined;
  /** RDS's immutable resource id (db-…): Performance Insights' Identifier. */
  dbiResourceId: string | undefined;
  /** DBInstanceStatus verbatim: available, rebooting, failed, stopped… */
  status: string;
  instanceClass: string | undefined;
  engine: string | undefined;
  engineVersion: string | undefined;
  availabilityZone: string | undefined;
  endpoint: Endpoint | undefined;
  storage: Storage;
  multiAz: boolean;
  /** The Multi-AZ standby's zone. */
  secondaryAvailabilityZone: string | undefined;
  /** The instance this one replicates from (an identifier, or an ARN for a cross-region source). */
  sourceIdentifier: string | undefined;
  replicaIdentifiers: string[];
  replication: ReplicationState | undefined;
  createdAt: Date | undefined;
  backupRetentionDays: number | undefined;
  /** The newest moment a point-in-time restore can reach (instances with automated backups). */
  latestRestorableTime: Date | undefined;
  /** While stopped: when RDS starts it again by itself (7 days after the stop). */
  automaticRestartTime: Date | undefined;
  backupWindow: string | undefined;
  maintenanceWindow: string | undefined;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  performanceInsightsEnabled: boolean;
  /** ModifyDBInstance's changes waiting for the maintenance window, or being applied (PendingModifiedValues). */
  pendingModifications: PendingModifications;
};

/** What PendingModifiedValues lists; empty when nothing is queued. */
export type PendingModifications = {
  instanceClass?: string;
  allocatedGiB?: number;
  storageType?: string;
  multiAz?: boolean;
  /** Backups switched on or off (retention 0 ↔ non-zero) wait too; other retention changes do not. */
  backupRetentionDays?: number;
};

/**
 * A Multi-AZ DB instance's standby: a synchronous copy in another zone with
 * no endpoint of its own. RDS reports one status for the pair, so the standby
 * shows its writer's.
 */
export type Standby = {
  role: "standby";
  writerIdentifier: string;
  /** Undefined while RDS is still placing it (e.g. converting to Multi-AZ). */
  availabilityZone: string | undefined;
  replication: "synchronous";
  status: string;
};

export type ReplicaNode = {
  role: "replica";
  replication: "asynchronous";
  instance: DbInstance;
  replicas: ReplicaNode[];
};

export type Topology = {
  /** The instance the others replicate from. */
  writer: DbInstance;
  /**
   * Set when the topology's root is itself a replica of an instance this
   * listing does not include (a cross-region source): then it is not a writer.
   */
  externalSource: string | undefined;
  standby: Standby | undefined;
  replicas: ReplicaNode[];
};

export type Fleet = {
  topologies: Topology[];
  instanceCount: number;
  describedAt: Date;
};

export type NodeRole = "writer" | "standby" | "replica";
