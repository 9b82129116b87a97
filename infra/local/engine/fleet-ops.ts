/**
 * What the engine's long-running actions (reboot, failover, standby rebuild)
 * may do to the fleet. FleetEngine implements it; the actions live in their
 * own modules and see only this.
 */
import type pino from "pino";
import type { Progress } from "../log.js";
import type { EventLog } from "./event-log.js";
import type { InstanceStatus } from "./fleet-engine.js";
import type { FleetState } from "./fleet-state.js";
import type { RuntimeNode } from "./runtime-node.js";

export interface FleetOps {
  readonly state: FleetState;
  readonly events: EventLog;
  readonly log: pino.Logger;
  readonly progress: Progress;
  primary(): RuntimeNode;
  standby(): RuntimeNode | undefined;
  replicaNodes(): RuntimeNode[];
  /** Points the writer endpoint at a node (undefined: refuse and cut connections). */
  routeWriter(port: number | undefined): void;
  setStatus(instanceId: string, status: InstanceStatus): void;
  saveState(): void;
  startNode(node: RuntimeNode, label: string): Promise<void>;
  /** Replaces each target's data directory with a base backup of `source`, each with its own slot on it. */
  clone(source: RuntimeNode, targets: RuntimeNode[]): Promise<void>;
  /** Runs SQL on a node as the engine's superuser. */
  asAdmin<T>(node: RuntimeNode, fn: (db: import("pg").Client) => Promise<T>): Promise<T>;
  waitStreaming(followers: RuntimeNode[]): Promise<void>;
}

/** An action refused for the fleet's current state, mapped by the API to the AWS fault of the same code. */
export class EngineFault extends Error {
  constructor(
    readonly code: "DBInstanceNotFound" | "InvalidDBInstanceState" | "InvalidParameterCombination",
    message: string,
  ) {
    super(message);
  }
}
