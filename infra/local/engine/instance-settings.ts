/**
 * An instance's storage and windows: what ModifyDBInstance last set, or the
 * fleet definition's values for an instance never modified.
 */
import type { Fleet } from "../../fleet";
import type { InstanceRecord, StorageType } from "./fleet-state";

export type InstanceSettings = {
  allocatedStorage: number;
  maxAllocatedStorage: number;
  storageType: StorageType;
  preferredBackupWindow: string;
  preferredMaintenanceWindow: string;
};

export function instanceSettings(fleet: Fleet, record: InstanceRecord): InstanceSettings {
  return {
    allocatedStorage: record.allocatedStorage ?? fleet.allocatedStorageGiB,
    maxAllocatedStorage: record.maxAllocatedStorage ?? fleet.maxAllocatedStorageGiB,
    storageType: record.storageType ?? fleet.storageType,
    preferredBackupWindow: record.preferredBackupWindow ?? fleet.preferredBackupWindow,
    preferredMaintenanceWindow: record.preferredMaintenanceWindow ?? fleet.preferredMaintenanceWindow,
  };
}
