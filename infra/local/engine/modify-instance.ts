/**
 * ModifyDBInstance, for the settings the local fleet has: DeletionProtection,
 * BackupRetentionPeriod and CopyTagsToSnapshot. They apply at once on RDS
 * whatever ApplyImmediately says, so they do here; the instance stays available.
 */
import { EngineFault, type FleetOps } from "./fleet-ops.js";
import { type InstanceRecord, replicasOf } from "./fleet-state.js";

export type ModifyRequest = {
  instanceId: string;
  deletionProtection?: boolean;
  backupRetentionPeriod?: number;
  copyTagsToSnapshot?: boolean;
};

export function modifyInstance(ops: FleetOps, req: ModifyRequest): void {
  const instance = ops.requireInstance(req.instanceId);
  const id = instance.id;
  ops.actions.assertIdle(id);
  if (ops.status(id) !== "available") {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `Instance ${id} is not in available state (it is ${ops.status(id)}).`,
    );
  }
  const retention = req.backupRetentionPeriod;
  if (retention !== undefined) {
    if (instance.role === "replica" && retention > 0) {
      throw new EngineFault(
        "InvalidParameterCombination",
        "Automated backups are not supported for PostgreSQL read replicas in the local fleet.",
      );
    }
    if (retention === 0 && replicasOf(ops.state, id).length > 0) {
      throw new EngineFault(
        "InvalidParameterCombination",
        "Cannot set the backup retention period to 0 for a DB instance that is the source of read replicas.",
      );
    }
  }
  const before = instance.backupRetentionPeriod;
  if (req.deletionProtection !== undefined) instance.deletionProtection = req.deletionProtection;
  if (retention !== undefined) instance.backupRetentionPeriod = retention;
  if (req.copyTagsToSnapshot !== undefined) instance.copyTagsToSnapshot = req.copyTagsToSnapshot;
  ops.saveState();
  if (retention !== undefined && before > 0 && retention === 0) ops.events.record("backupsDisabled", id);
  if (retention !== undefined && before === 0 && retention > 0) ops.events.record("backupsEnabled", id);
  if (retention !== undefined && (before === 0) !== (retention === 0)) archiveFromNow(ops, instance);
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
