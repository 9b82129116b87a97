/**
 * What the engine's long-running actions (reboot, failover, standby rebuild,
 * snapshots, restore, promotion, replica creation, deletion) may do to the
 * fleet. FleetEngine implements it; the actions live in their own modules and
 * see only this.
 */
import type pg from "pg";
import type pino from "pino";
import type { Fleet } from "../../fleet";
import type { EngineConfig } from "../config";
import type { Progress } from "../log";
import type { FleetCredentials } from "../pg/credentials";
import type { NodeRole } from "../pg/node-files";
import type { NodeClientOptions } from "../pg/sql-client";
import type { ActionRunner } from "./action-runner";
import type { InstanceStatus } from "./engine-instance";
import type { EventLog } from "./event-log";
import type { FleetState, InstanceRecord } from "./fleet-state";
import type { ParameterGroups } from "./parameters/parameter-groups";
import type { NodeContext, RuntimeNode } from "./runtime-node";
import type { RetainedBackups } from "./snapshots/retained-backups";
import type { SnapshotStore } from "./snapshots/snapshot-store";

/**
 * Points where a test acts in the middle of an action, to make an interleaving
 * certain rather than likely (a writer failover while a replica is copied).
 * Unset outside tests.
 */
export type EngineHooks = {
  /** After a snapshot's files are copied, before its backup is stopped. */
  beforeSnapshotStop?: (snapshotId: string) => Promise<void>;
  /** Before a point-in-time restore starts postgres on its files (attempt 1, then 2 on a retry without a target). */
  beforeRecoveryAttempt?: (instanceId: string, attempt: number) => Promise<void>;
};

export interface FleetOps {
  readonly state: FleetState;
  readonly hooks: EngineHooks;
  readonly events: EventLog;
  readonly log: pino.Logger;
  readonly progress: Progress;
  readonly config: EngineConfig;
  readonly fleet: Fleet;
  readonly credentials: FleetCredentials;
  readonly engineVersion: string;
  readonly actions: ActionRunner;
  readonly snapshots: SnapshotStore;
  /** The fleet's DB parameter groups and the engine's parameters. */
  readonly parameterGroups: ParameterGroups;
  /** What deleted instances left for point-in-time restore (DeleteAutomatedBackups=false). */
  readonly retained: RetainedBackups;
  /** Paths, binaries, TLS and the postgres account, as nodes use them. */
  readonly nodeContext: NodeContext;
  /** True once the engine is shutting down: long copies stop early. */
  readonly stopping: boolean;
  /** The engine's clock: injectable so tests can move backup windows and retention. */
  now(): Date;
  /** The instance, or a DBInstanceNotFound fault. */
  requireInstance(id: string): InstanceRecord;
  node(name: string): RuntimeNode;
  /** The node, if the engine runs one by that name (none yet during boot or creation). */
  findNode(name: string): RuntimeNode | undefined;
  /** Creates the runtime side of a node (process supervisor, monitor) for a node record. */
  addNode(name: string, port: number, role: NodeRole): RuntimeNode;
  /** Stops a node's monitor and process and forgets it (its files stay). */
  removeNode(name: string): Promise<void>;
  /** Starts (or re-points) the endpoint of a primary; undefined refuses and cuts connections. */
  routeEndpoint(instanceId: string, nodePort: number | undefined): void;
  openEndpoint(instance: InstanceRecord): Promise<void>;
  closeEndpoint(instanceId: string): Promise<void>;
  status(instanceId: string): InstanceStatus | undefined;
  setStatus(instanceId: string, status: InstanceStatus): void;
  /** After a failed action: available if the instance's postgres runs, failed otherwise. */
  settleStatus(instanceId: string): void;
  saveState(): void;
  startNode(node: RuntimeNode, label: string): Promise<void>;
  /** Replaces each target's data directory with a base backup of `source`, each with its own slot on it. */
  clone(source: RuntimeNode, targets: RuntimeNode[]): Promise<void>;
  /** Runs SQL on a node as the engine's superuser. */
  asAdmin<T>(node: RuntimeNode, fn: (db: pg.Client) => Promise<T>, opts?: NodeClientOptions): Promise<T>;
  /** Waits until each follower streams from `source`. */
  waitStreaming(source: RuntimeNode, followers: RuntimeNode[], timeoutMs?: number): Promise<void>;
  /** Allocates a free endpoint port from the fleet's range (or checks the one asked for), reserved until released. */
  allocatePort(requested?: number): Promise<number>;
  /** Ends a port's reservation: the instance record that holds it now is in the state. */
  releasePort(port: number): void;
}

export type EngineFaultCode =
  | "DBInstanceNotFound"
  | "DBInstanceAlreadyExists"
  | "InvalidDBInstanceState"
  | "InvalidParameterCombination"
  | "InvalidParameterValue"
  | "DBSnapshotNotFound"
  | "DBSnapshotAlreadyExists"
  | "InvalidDBSnapshotState"
  | "PointInTimeRestoreNotEnabled"
  | "InvalidRestore"
  | "DBInstanceAutomatedBackupNotFound"
  | "InvalidDBInstanceAutomatedBackupState"
  | "DBLogFileNotFoundFault"
  | "DBParameterGroupNotFound"
  | "DBParameterGroupAlreadyExists"
  | "DBParameterGroupQuotaExceeded"
  | "InvalidDBParameterGroupState"
  | "InsufficientDBInstanceCapacity";

/** An action refused for the fleet's current state, mapped by the API to the AWS fault of the same code. */
export class EngineFault extends Error {
  constructor(
    readonly code: EngineFaultCode,
    message: string,
  ) {
    super(message);
  }
}
