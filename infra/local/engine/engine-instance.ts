/** A DB instance as the engine reports it: its real status, endpoint, placement, replication and settings. */
import type { NodeHealth } from "./node-monitor.js";
import type { Tag } from "./tags.js";

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
  | "stopped";

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
  health?: NodeHealth;
  standbyHealth?: NodeHealth;
  /** Instances with automated backups: the newest time a point-in-time restore can reach. */
  latestRestorableTime?: Date;
  /** While stopped: when RDS starts it again on its own. */
  automaticRestartTime?: Date;
};

/** A failure the operator must read (boot refused, disk full…), not an API fault. */
export class EngineError extends Error {}
