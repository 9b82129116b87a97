/**
 * ModifyDBInstance. What RDS applies at once whatever ApplyImmediately says
 * (DeletionProtection, CopyTagsToSnapshot, BackupRetentionPeriod as the
 * local fleet keeps it, both windows, MaxAllocatedStorage) changes here and
 * now; what RDS defers (DBInstanceClass, AllocatedStorage, StorageType, MultiAZ) waits
 * in PendingModifiedValues for the maintenance window, unless ApplyImmediately
 * applies it now with everything already queued ("Settings for DB instances",
 * Amazon RDS User Guide). Every request is checked whole before anything changes.
 */
import { applyPendingModifications, hasPending } from "./apply-modifications";
import { assertInstanceClass } from "./class-change";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf, type StorageType } from "./fleet-state";
import { type InstanceSettings, instanceSettings } from "./instance-settings";
import { assertWindowsApart, inMaintenanceWindow } from "./maintenance-window";
import { assertMasterPassword } from "./master-password";
import { assertMultiAzChange } from "./multi-az-change";
import { assertStorageChange } from "./storage-change";

export type ModifyRequest = {
  instanceId: string;
  deletionProtection?: boolean;
  backupRetentionPeriod?: number;
  copyTagsToSnapshot?: boolean;
  instanceClass?: string;
  allocatedStorage?: number;
  maxAllocatedStorage?: number;
  storageType?: StorageType;
  multiAZ?: boolean;
  masterUserPassword?: string;
  preferredBackupWindow?: string;
  preferredMaintenanceWindow?: string;
  applyImmediately?: boolean;
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
  assertRetention(ops, instance, req.backupRetentionPeriod);
  if (req.instanceClass !== undefined) assertInstanceClass(ops, req.instanceClass);
  if (req.multiAZ !== undefined) assertMultiAzChange(instance, req.multiAZ);
  if (req.masterUserPassword !== undefined) assertMasterPassword(ops, instance, req.masterUserPassword);
  const current = instanceSettings(ops.fleet, instance);
  assertStorageChange(instance, current, req, ops.now());
  if (req.preferredBackupWindow !== undefined || req.preferredMaintenanceWindow !== undefined) {
    assertWindowsApart(
      req.preferredBackupWindow ?? current.preferredBackupWindow,
      req.preferredMaintenanceWindow ?? current.preferredMaintenanceWindow,
    );
  }

  const retention = req.backupRetentionPeriod;
  const before = instance.backupRetentionPeriod;
  if (req.deletionProtection !== undefined) instance.deletionProtection = req.deletionProtection;
  if (retention !== undefined) instance.backupRetentionPeriod = retention;
  if (req.copyTagsToSnapshot !== undefined) instance.copyTagsToSnapshot = req.copyTagsToSnapshot;
  if (req.maxAllocatedStorage !== undefined) instance.maxAllocatedStorage = req.maxAllocatedStorage;
  if (req.preferredBackupWindow !== undefined) instance.preferredBackupWindow = req.preferredBackupWindow;
  if (req.preferredMaintenanceWindow !== undefined)
    instance.preferredMaintenanceWindow = req.preferredMaintenanceWindow.toLowerCase();
  queueDeferred(instance, current, req);
  ops.saveState();
  if (retention !== undefined && before > 0 && retention === 0) ops.events.record("backupsDisabled", id);
  if (retention !== undefined && before === 0 && retention > 0) ops.events.record("backupsEnabled", id);
  if (retention !== undefined && (before === 0) !== (retention === 0)) archiveFromNow(ops, instance);

  // RDS applies what is queued at once when asked to, or when the new maintenance window is open now.
  const windowOpenNow =
    req.preferredMaintenanceWindow !== undefined &&
    inMaintenanceWindow(instanceSettings(ops.fleet, instance).preferredMaintenanceWindow, ops.now());
  applyPendingModifications(ops, id, {
    queued: req.applyImmediately === true || windowOpenNow,
    masterUserPassword: req.masterUserPassword,
  });
}

/** The deferred settings join what is already queued; a value equal to the current one queues nothing. */
function queueDeferred(instance: InstanceRecord, current: InstanceSettings, req: ModifyRequest): void {
  const pending = { ...instance.pendingModifiedValues };
  if (req.instanceClass !== undefined) {
    pending.instanceClass = req.instanceClass === instance.instanceClass ? undefined : req.instanceClass;
  }
  if (req.allocatedStorage !== undefined) pending.allocatedStorage = req.allocatedStorage;
  if (req.multiAZ !== undefined) {
    pending.multiAZ = req.multiAZ === (instance.standby !== undefined) ? undefined : req.multiAZ;
  }
  if (req.storageType !== undefined) {
    pending.storageType = req.storageType === current.storageType ? undefined : req.storageType;
  }
  instance.pendingModifiedValues = hasPending(pending) ? pending : undefined;
}

function assertRetention(ops: FleetOps, instance: InstanceRecord, retention: number | undefined): void {
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
