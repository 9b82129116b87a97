/** The instances as DescribeDBInstances reports them: state, live status and each node's last health probe. */
import type { Fleet } from "../../fleet";
import type { EngineInstance, InstanceStatus } from "./engine-instance";
import { type FleetState, type InstanceRecord, replicasOf } from "./fleet-state";
import { instanceSettings } from "./instance-settings";
import type { RuntimeNode } from "./runtime-node";
import type { RestoreWindow } from "./snapshots/restore-window";
import { optimizationProgress } from "./storage-change";

export function viewInstances(
  fleet: Fleet,
  state: FleetState,
  host: string,
  statusOf: (id: string) => InstanceStatus | undefined,
  nodeOf: (name: string) => RuntimeNode | undefined,
  restoreWindowOf: (record: InstanceRecord) => RestoreWindow | undefined,
  now: Date,
): EngineInstance[] {
  return state.instances.map((i) => {
    const status = statusOf(i.id) ?? "failed";
    const progress = optimizationProgress(i, now);
    return {
      id: i.id,
      kind: i.role === "writer" ? "writer" : "replica",
      status: overlayStatus(status, progress, i),
      percentProgress: progress,
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
      parameterGroup: { name: i.parameterGroupName, applyStatus: i.parameterApplyStatus ?? "in-sync" },
      health: nodeOf(i.node.name)?.monitor.health,
      standbyHealth: i.standby ? nodeOf(i.standby.name)?.monitor.health : undefined,
      latestRestorableTime: restoreWindowOf(i)?.latest,
      settings: instanceSettings(fleet, i),
      pendingModifiedValues: i.pendingModifiedValues,
      automaticRestartTime: i.stopped ? new Date(i.stopped.automaticRestartTime) : undefined,
    };
  });
}

/**
 * A storage change being optimised, or storage that is full, shows as such
 * while the instance is otherwise available (storage-full lets actions such
 * as ModifyDBInstance through, as RDS does). Right after its storage grew an
 * instance shows storage-optimization, even before the watcher has seen the
 * room and taken writes again.
 */
function overlayStatus(status: InstanceStatus, progress: number | undefined, record: InstanceRecord): InstanceStatus {
  if (status !== "available") return status;
  if (progress !== undefined) return "storage-optimization";
  return record.storageFull ? "storage-full" : status;
}
