/** The instances as DescribeDBInstances reports them: state, live status and each node's last health probe. */
import type { EngineInstance, InstanceStatus } from "./engine-instance.js";
import { type FleetState, type InstanceRecord, replicasOf } from "./fleet-state.js";
import type { RuntimeNode } from "./runtime-node.js";
import type { RestoreWindow } from "./snapshots/restore-window.js";

export function viewInstances(
  state: FleetState,
  host: string,
  statusOf: (id: string) => InstanceStatus | undefined,
  nodeOf: (name: string) => RuntimeNode | undefined,
  restoreWindowOf: (record: InstanceRecord) => RestoreWindow | undefined,
): EngineInstance[] {
  return state.instances.map((i) => ({
    id: i.id,
    kind: i.role === "primary" ? "writer" : "replica",
    status: statusOf(i.id) ?? "failed",
    createdAt: new Date(i.createdAt),
    dbiResourceId: i.dbiResourceId,
    endpoint: { host, port: i.endpointPort },
    az: i.node.az,
    standbyAz: i.standby?.az,
    sourceId: i.sourceId,
    replicaIds: replicasOf(state, i.id).map((r) => r.id),
    instanceClass: i.instanceClass,
    deletionProtection: i.deletionProtection,
    backupRetentionPeriod: i.backupRetentionPeriod,
    tags: i.tags.map((t) => ({ ...t })),
    copyTagsToSnapshot: i.copyTagsToSnapshot,
    health: nodeOf(i.node.name)?.monitor.health,
    standbyHealth: i.standby ? nodeOf(i.standby.name)?.monitor.health : undefined,
    latestRestorableTime: restoreWindowOf(i)?.latest,
    automaticRestartTime: i.stopped ? new Date(i.stopped.automaticRestartTime) : undefined,
  }));
}
