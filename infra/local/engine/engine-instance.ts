/** A DB instance as the engine reports it: its real status, endpoint, placement, replication and settings. */
import type { PendingModifications } from "./fleet-state";
import type { InstanceSettings } from "./instance-settings";
import type { NodeHealth } from "./node-monitor";
import type { Tag } from "./tags";

/** RDS's DBInstanceStatus values the local engine goes through. */
export type InstanceStatus =
  | "creating"
  | "starting"
  | "available"
  | "backing-up"
  | "modifying"
  | "rebooting"
  | "deleting"
  | "failed"
  | "stopping"
  | "stopped"
  | "storage-optimization"
  | "storage-full"
  | "resetting-master-credentials";

export type EngineInstance = {
  id: string;
  /** "writer": a primary (accepts writes), with or without a Multi-AZ standby. */
  kind: "writer" | "replica";
  status: InstanceStatus;
  createdAt: Date;
  dbiResourceId: string;
  endpoint: { host: string; port: number };
  az: string;
  standbyAz?: string;
  sourceId?: string;
  replicaIds: string[];
  instanceClass: string;
  deletionProtection: boolean;
  backupRetentionPeriod: number;
  tags: Tag[];
  copyTagsToSnapshot: boolean;
  parameterGroup: { name?: string; applyStatus: "applying" | "pending-reboot" | "in-sync" };
  health?: NodeHealth;
  standbyHealth?: NodeHealth;
  /** Instances with automated backups: the newest time a point-in-time restore can reach. */
  latestRestorableTime?: Date;
  /** Storage-optimization's progress, 0–99 %, while a storage change is optimised. */
  percentProgress?: number;
  settings: InstanceSettings;
  /** ModifyDBInstance's deferred changes, waiting for the maintenance window or being applied. */
  pendingModifiedValues?: PendingModifications;
  /** While stopped: when RDS starts it again on its own. */
  automaticRestartTime?: Date;
};

/** A failure the operator must read (boot refused, disk full…), not an API fault. */
export class EngineError extends Error {}
