/**
 * What a Modify dialog's form would change, field by field, current → new,
 * and when RDS applies each (ModifyDBInstance in the RDS API Reference;
 * "Settings for DB instances" in the User Guide): without ApplyImmediately,
 * the class, storage, storage type, Multi-AZ and switching backups on or off
 * (retention 0 ↔ non-zero) wait for the maintenance window; the windows, the
 * storage autoscaling ceiling, deletion protection, copying tags to
 * snapshots and other retention changes apply at once whatever it says.
 * A maintenance window moved to include the current time applies what waits
 * for it at once, too. Pure, so the dialog recomputes it at every keystroke.
 */
import type { DbInstance } from "./fleet-model";
import { maintenanceWindowOpen } from "./maintenance-window-open";

export const MODIFY_FIELDS = [
  "instanceClass",
  "allocatedStorage",
  "maxAllocatedStorage",
  "storageType",
  "multiAz",
  "backupRetentionPeriod",
  "backupWindow",
  "maintenanceWindow",
  "deletionProtection",
  "copyTagsToSnapshot",
] as const;
export type ModifyField = (typeof MODIFY_FIELDS)[number];

/** Each field as the form holds it: the text typed or the option chosen ("true"/"false" for a switch). */
export type ModifyValues = Record<ModifyField, string>;

export type ApplyWhen = "now" | "maintenance-window";

export type ModifyChange = { field: ModifyField; label: string; from: string; to: string; when: ApplyWhen };

export const FIELD_LABELS: Record<ModifyField, string> = {
  instanceClass: "Instance class",
  allocatedStorage: "Allocated storage",
  maxAllocatedStorage: "Storage autoscaling ceiling",
  storageType: "Storage type",
  multiAz: "Multi-AZ",
  backupRetentionPeriod: "Backup retention",
  backupWindow: "Backup window",
  maintenanceWindow: "Maintenance window",
  deletionProtection: "Deletion protection",
  copyTagsToSnapshot: "Copy tags to snapshots",
};

const text = (value: number | undefined) => (value === undefined ? "" : String(value));

/** The form's starting point: what the instance has now. */
export function currentValues(instance: DbInstance): ModifyValues {
  return {
    instanceClass: instance.instanceClass ?? "",
    allocatedStorage: text(instance.storage.allocatedGiB),
    maxAllocatedStorage: text(instance.storage.maxAllocatedGiB),
    storageType: instance.storage.type ?? "",
    multiAz: String(instance.multiAz),
    backupRetentionPeriod: text(instance.backupRetentionDays),
    backupWindow: instance.backupWindow ?? "",
    maintenanceWindow: instance.maintenanceWindow ?? "",
    deletionProtection: String(instance.deletionProtection),
    copyTagsToSnapshot: String(instance.copyTagsToSnapshot),
  };
}

/** RDS stores windows in lower case ("Sun:05:00" is "sun:05:00"): the same window is no change. */
const normalised = (field: ModifyField, value: string) =>
  field === "maintenanceWindow" ? value.trim().toLowerCase() : value.trim();

/** The value to send for a field, or undefined when it keeps the current one (blank, or the same). */
export function changedValue(field: ModifyField, current: string, typed: string): string | undefined {
  const next = normalised(field, typed);
  return next === "" || next === normalised(field, current) ? undefined : next;
}

/** A retention of 0 days means automated backups are off. */
const backupsOn = (days: string) => /^\d+$/.test(days) && Number(days) > 0;

function waitsForWindow(field: ModifyField, from: string, to: string): boolean {
  switch (field) {
    case "instanceClass":
    case "allocatedStorage":
    case "storageType":
    case "multiAz":
      return true;
    case "backupRetentionPeriod":
      return backupsOn(from) !== backupsOn(to);
    default:
      return false;
  }
}

/** How a value reads in the summary and beside its field. */
export function shownValue(field: ModifyField, value: string): string {
  if (value === "") return "not set";
  switch (field) {
    case "multiAz":
    case "deletionProtection":
    case "copyTagsToSnapshot":
      return value === "true" ? "on" : value === "false" ? "off" : value;
    case "allocatedStorage":
    case "maxAllocatedStorage":
      return `${value} GiB`;
    case "backupRetentionPeriod":
      return value === "1" ? "1 day" : `${value} days`;
    case "backupWindow":
    case "maintenanceWindow":
      return `${value} UTC`;
    default:
      return value;
  }
}

/** Whether the form moves the maintenance window to one open at `now`: then nothing waits (RDS's rule). */
export function windowOpensNow(current: ModifyValues, typed: ModifyValues, now: Date): boolean {
  const moved = changedValue("maintenanceWindow", current.maintenanceWindow, typed.maintenanceWindow);
  return moved !== undefined && maintenanceWindowOpen(moved, now);
}

/**
 * Every field the form changes, in the form's order, with when RDS applies it: nothing waits when applied
 * immediately, or when the form moves the maintenance window to one open at `now`.
 */
export function modifySummary(
  current: ModifyValues,
  typed: ModifyValues,
  { applyImmediately, now }: { applyImmediately: boolean; now: Date },
): ModifyChange[] {
  const nothingWaits = applyImmediately || windowOpensNow(current, typed, now);
  return MODIFY_FIELDS.flatMap((field) => {
    const to = changedValue(field, current[field], typed[field]);
    if (to === undefined) return [];
    const when: ApplyWhen = !nothingWaits && waitsForWindow(field, current[field], to) ? "maintenance-window" : "now";
    return [{ field, label: FIELD_LABELS[field], from: current[field], to, when }];
  });
}

/** The window deferred changes wait for: the new one when the form changes it (it applies at once). */
export function windowAfter(current: ModifyValues, typed: ModifyValues): string {
  return (
    changedValue("maintenanceWindow", current.maintenanceWindow, typed.maintenanceWindow) ?? current.maintenanceWindow
  );
}
