/**
 * ModifyDBInstance, for the settings the local fleet has: DeletionProtection,
 * BackupRetentionPeriod and CopyTagsToSnapshot. They apply at once on RDS
 * whatever ApplyImmediately says, so they do here; the instance stays available.
 */
import { EngineFault, type FleetOps } from "./fleet-ops.js";
import { replicasOf } from "./fleet-state.js";

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
}
