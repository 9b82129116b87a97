/**
 * DeleteDBInstance as RDS does it: refused while DeletionProtection is on; a
 * primary needs a FinalDBSnapshotIdentifier unless SkipFinalSnapshot (the
 * final snapshot is a real one, taken first); a replica takes none. A
 * deleted source's read replicas are promoted to standalone instances (RDS
 * for PostgreSQL). Automated snapshots and the WAL archive go too unless
 * DeleteAutomatedBackups is false: then they stay as a retained automated
 * backup, restorable to a point in time by the instance's DbiResourceId.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { dropSlot } from "./fleet-boot";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";
import { promoteToStandalone } from "./promote-replica";
import { prepareRetainedBackup } from "./snapshots/retain-backups";
import type { SnapshotRecord } from "./snapshots/snapshot-store";
import { beginSnapshot, failSnapshot, fillSnapshot, removeSnapshot } from "./snapshots/take-snapshot";

export type DeleteRequest = {
  instanceId: string;
  skipFinalSnapshot: boolean;
  finalSnapshotId?: string;
  deleteAutomatedBackups: boolean;
};

/** A replica promoted because its source is deleted keeps RDS's default retention. */
const PROMOTED_RETENTION_DAYS = 1;

export function deleteInstance(ops: FleetOps, req: DeleteRequest): void {
  const instance = ops.requireInstance(req.instanceId);
  const id = instance.id;
  if (instance.deletionProtection) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "Cannot delete protected DB Instance, please disable deletion protection and try again.",
    );
  }
  if (instance.role === "replica" && req.finalSnapshotId) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "FinalDBSnapshotIdentifier can not be specified when deleting a replica instance",
    );
  }
  if (instance.role === "writer" && !req.skipFinalSnapshot && !req.finalSnapshotId) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.",
    );
  }
  if (req.skipFinalSnapshot && req.finalSnapshotId) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "FinalDBSnapshotIdentifier can not be specified when SkipFinalSnapshot is enabled.",
    );
  }
  ops.actions.assertIdle(id);
  const status = ops.status(id);
  // RDS deletes a stopped instance too, with or without a final snapshot (taken from its files).
  if (status !== "available" && status !== "failed" && status !== "stopped") {
    throw new EngineFault("InvalidDBInstanceState", `Instance ${id} is not in available state (it is ${status}).`);
  }
  const replicas = replicasOf(ops.state, id);
  const busy = replicas.find((r) => ops.actions.has(r.id) || r.pending);
  if (busy) {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `Cannot delete ${id} while its read replica ${busy.id} is ${busy.pending ?? "busy"}.`,
    );
  }
  const finalSnapshot = req.finalSnapshotId
    ? beginSnapshot(ops, {
        instanceId: id,
        snapshotId: req.finalSnapshotId,
        type: "manual",
        at: ops.now(),
        allowedStatus: status,
      })
    : undefined;
  // The replicas to promote are this deletion's too: nothing else may act on them meanwhile.
  for (const r of replicas) ops.actions.claim(r.id, "promotion");
  ops.setStatus(id, "deleting");
  ops.actions.run(
    id,
    "deletion",
    async () => {
      try {
        if (finalSnapshot) await fillSnapshot(ops, finalSnapshot);
        for (const r of replicas) {
          ops.setStatus(r.id, "modifying");
          await promoteToStandalone(ops, r, PROMOTED_RETENTION_DAYS);
          ops.setStatus(r.id, "available");
        }
      } finally {
        for (const r of replicas) {
          ops.actions.release(r.id);
          ops.settleStatus(r.id);
        }
      }
      await removeInstance(ops, instance, req.deleteAutomatedBackups);
    },
    (error) => onFailure(ops, instance, finalSnapshot, error),
  );
}

function onFailure(ops: FleetOps, instance: InstanceRecord, finalSnapshot: SnapshotRecord | undefined, error: Error) {
  if (finalSnapshot && finalSnapshot.status !== "available") {
    // Without its final snapshot the instance is not deleted: it stays, usable.
    failSnapshot(ops, finalSnapshot, error);
    ops.settleStatus(instance.id);
    return;
  }
  ops.setStatus(instance.id, "failed");
  ops.events.record("instanceFailed", instance.id, `Its deletion failed: ${error.message}`);
}

async function removeInstance(ops: FleetOps, instance: InstanceRecord, deleteAutomatedBackups: boolean) {
  const retained = deleteAutomatedBackups ? undefined : await prepareRetainedBackup(ops, instance);
  // From here a stop finishes the deletion at the next boot rather than resurrecting half an instance.
  instance.pending = "deleting";
  ops.saveState();
  ops.routeEndpoint(instance.id, undefined);
  const nodes = [instance.node.name, ...(instance.standby ? [instance.standby.name] : [])];
  for (const name of nodes) await ops.removeNode(name);
  await ops.closeEndpoint(instance.id);
  const source = instance.role === "replica" ? ops.state.instances.find((i) => i.id === instance.sourceId) : undefined;
  if (source) {
    await dropSlot(ops, ops.node(source.node.name), instance.node.name).catch((e: Error) =>
      ops.log.warn({ err: e, source: source.id }, "could not drop the deleted replica's slot; the next boot drops it"),
    );
  }
  for (const name of nodes) rmSync(path.join(ops.config.dataDir, "nodes", name), { recursive: true, force: true });
  ops.state.instances = ops.state.instances.filter((i) => i !== instance);
  ops.saveState();
  ops.settleStatus(instance.id);
  if (retained) ops.retained.save(retained);
  if (deleteAutomatedBackups) {
    for (const s of ops.snapshots.all()) {
      if (s.type === "automated" && s.instanceId === instance.id && !ops.snapshots.inUse(s.id)) removeSnapshot(ops, s);
    }
    ops.retained.remove(instance.dbiResourceId); // its WAL archive, if it kept one
  }
  ops.events.record("instanceDeleted", instance.id);
  ops.progress(`${instance.id}: deleted`);
}
