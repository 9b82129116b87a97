/**
 * BackupRetentionPeriod: its refusals, and a switch between 0 and non-zero
 * (backups stop or start), which RDS defers to the maintenance window
 * without ApplyImmediately, applied.
 */
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";

export function assertRetention(ops: FleetOps, instance: InstanceRecord, retention: number | undefined): void {
  if (retention === undefined) return;
  if (instance.role === "replica" && retention > 0) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "Automated backups are not supported for PostgreSQL read replicas in the local fleet.",
    );
  }
  if (retention === 0 && replicasOf(ops.state, instance.id).length > 0) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "Cannot set the backup retention period to 0 for a DB instance that is the source of read replicas.",
    );
  }
}

/**
 * A queued switch of BackupRetentionPeriod between 0 and non-zero, applied:
 * events 0028 / 0032 and the archive command of the writer and its standby.
 */
export function applyRetentionSwitch(ops: FleetOps, instance: InstanceRecord, retention: number): void {
  const before = instance.backupRetentionPeriod;
  instance.backupRetentionPeriod = retention;
  ops.saveState();
  if (before > 0 && retention === 0) ops.events.record("backupsDisabled", instance.id);
  if (before === 0 && retention > 0) ops.events.record("backupsEnabled", instance.id);
  if ((before === 0) !== (retention === 0)) archiveFromNow(ops, instance);
}

/**
 * Backups switched on or off: the writer's and the standby's archive command
 * follow at once (archive_mode is always on, so a reload is enough; a stopped
 * node reads its new config when it starts).
 */
function archiveFromNow(ops: FleetOps, instance: InstanceRecord): void {
  for (const name of [instance.node.name, instance.standby?.name]) {
    const node = name ? ops.findNode(name) : undefined;
    if (!node?.reconfigure() || !node.postmaster.running) continue;
    ops
      .asAdmin(node, (db) => db.query("select pg_reload_conf()"))
      .catch((error: Error) =>
        ops.log.warn(
          { instance: instance.id, node: node.name, err: error.message },
          "could not reload the archive command",
        ),
      );
  }
}
