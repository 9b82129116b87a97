/**
 * ModifyDBInstance. What RDS applies at once whatever ApplyImmediately says
 * (DeletionProtection, CopyTagsToSnapshot, a BackupRetentionPeriod that
 * keeps backups on or off, both windows, MaxAllocatedStorage) changes here and
 * now; what RDS defers (DBInstanceClass, AllocatedStorage, StorageType,
 * MultiAZ, a BackupRetentionPeriod switching between 0 and non-zero) waits
 * in PendingModifiedValues for the maintenance window, unless ApplyImmediately
 * applies it now with everything already queued ("Settings for DB instances",
 * Amazon RDS User Guide). Every request is checked whole before anything changes.
 */
import { applyPendingModifications, hasPending } from "./apply-modifications";
import { assertRetention } from "./backup-retention";
import { assertInstanceClass } from "./class-change";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord, StorageType } from "./fleet-state";
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

  if (req.deletionProtection !== undefined) instance.deletionProtection = req.deletionProtection;
  if (req.copyTagsToSnapshot !== undefined) instance.copyTagsToSnapshot = req.copyTagsToSnapshot;
  if (req.maxAllocatedStorage !== undefined) instance.maxAllocatedStorage = req.maxAllocatedStorage;
  if (req.preferredBackupWindow !== undefined) instance.preferredBackupWindow = req.preferredBackupWindow;
  if (req.preferredMaintenanceWindow !== undefined)
    instance.preferredMaintenanceWindow = req.preferredMaintenanceWindow.toLowerCase();
  const retention = req.backupRetentionPeriod;
  const switchesBackups = retention !== undefined && (instance.backupRetentionPeriod === 0) !== (retention === 0);
  if (retention !== undefined && !switchesBackups) instance.backupRetentionPeriod = retention;
  queueDeferred(instance, current, req, { retention: switchesBackups ? retention : undefined });
  ops.saveState();

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
function queueDeferred(
  instance: InstanceRecord,
  current: InstanceSettings,
  req: ModifyRequest,
  { retention }: { retention: number | undefined },
): void {
  const pending = { ...instance.pendingModifiedValues };
  if (req.backupRetentionPeriod !== undefined) {
    // A later request keeping backups as they are now cancels a queued switch, as a same-value class does.
    pending.backupRetentionPeriod = retention;
  }
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
