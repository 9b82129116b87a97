/**
 * DeleteDBInstance with DeleteAutomatedBackups=false: before the instance's
 * nodes stop, its last WAL goes to the archive, and the record of what it
 * was and how far it can be restored is written.
 */
import type { FleetOps } from "../fleet-ops";
import type { InstanceRecord } from "../fleet-state";
import { flushArchive } from "./flush-archive";
import { restoreWindowOf } from "./restore-window";
import type { RetainedBackup } from "./retained-backups";
import { archiveDirOf } from "./wal-archive";

/** What the deleted instance will leave, or undefined when nothing of it is restorable (no automated backup yet). */
export async function prepareRetainedBackup(
  ops: FleetOps,
  instance: InstanceRecord,
): Promise<RetainedBackup | undefined> {
  if (instance.role !== "writer" || instance.backupRetentionPeriod === 0) return undefined;
  const node = ops.findNode(instance.node.name);
  if (node?.postmaster.running) {
    await flushArchive(ops, node, archiveDirOf(ops.config.dataDir, instance.dbiResourceId)).catch((error: Error) =>
      // The archive then ends where it had got to: still restorable, only less recent.
      ops.log.warn({ instance: instance.id, err: error.message }, "could not archive the last WAL before deletion"),
    );
  }
  const window = restoreWindowOf(ops, instance);
  if (!window) {
    ops.log.info({ instance: instance.id }, "no automated backup finished yet: nothing to retain");
    return undefined;
  }
  return {
    dbiResourceId: instance.dbiResourceId,
    instanceId: instance.id,
    instanceCreatedAt: instance.createdAt,
    availabilityZone: instance.node.az,
    instanceClass: instance.instanceClass,
    port: instance.endpointPort,
    backupRetentionPeriod: instance.backupRetentionPeriod,
    latestRestorableTime: window.latest.toISOString(),
    deletedAt: ops.now().toISOString(),
    tags: instance.tags.map((t) => ({ ...t })),
  };
}
