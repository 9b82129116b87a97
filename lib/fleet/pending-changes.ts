import type { DbInstance } from "./fleet-model";

const dash = "—";

/**
 * ModifyDBInstance's queued changes (PendingModifiedValues), each as
 * "what current → new": the instance page, the overview cards and the Modify
 * dialog (which applies them too when told to apply now) say the same.
 */
export function pendingChanges(instance: DbInstance): string[] {
  const p = instance.pendingModifications;
  return [
    p.instanceClass ? `class ${instance.instanceClass ?? dash} → ${p.instanceClass}` : undefined,
    p.allocatedGiB ? `storage ${instance.storage.allocatedGiB ?? dash} → ${p.allocatedGiB} GiB` : undefined,
    p.storageType ? `storage type ${instance.storage.type ?? dash} → ${p.storageType}` : undefined,
    p.multiAz === undefined ? undefined : `Multi-AZ ${instance.multiAz ? "on" : "off"} → ${p.multiAz ? "on" : "off"}`,
    p.backupRetentionDays === undefined
      ? undefined
      : `backup retention ${instance.backupRetentionDays ?? dash} → ${p.backupRetentionDays} days`,
  ].filter((c): c is string => c !== undefined);
}
