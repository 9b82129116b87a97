"use client";

import { ModifySelectField, ModifyTextField, ON_OFF } from "@/components/modify-fields";
import { FIELD_LABELS, type ModifyField, type ModifyValues } from "@/lib/fleet/modify-summary";

/** What a typed number or window is in, said in its label. */
const UNITS: Partial<Record<ModifyField, string>> = {
  allocatedStorage: " (GiB)",
  maxAllocatedStorage: " (GiB)",
  backupRetentionPeriod: " (days)",
  backupWindow: " (UTC)",
  maintenanceWindow: " (UTC)",
};

const STORAGE_TYPES = ["gp2", "gp3", "io1", "io2"].map((t) => ({ value: t, label: t }));

/** RDS grows storage by at least 10 %, never shrinks it. */
function storageHint(current: string): string {
  const gib = Number(current);
  return current !== "" && Number.isFinite(gib)
    ? `At least ${Math.ceil(gib * 1.1)} GiB: storage only grows, by 10 % or more.`
    : "Storage only grows, by 10 % or more.";
}

/** The Modify dialog's settings, each starting at the instance's value. */
export function ModifyFields({
  current,
  values,
  changed,
  classes,
  errorId,
  onChange,
}: {
  current: ModifyValues;
  values: ModifyValues;
  changed: ReadonlySet<ModifyField>;
  classes: string[];
  errorId: string | undefined;
  onChange: (field: ModifyField, value: string) => void;
}) {
  const common = (field: ModifyField) => ({
    field,
    label: `${FIELD_LABELS[field]}${UNITS[field] ?? ""}`,
    current: current[field],
    value: values[field],
    onChange: (value: string) => onChange(field, value),
    changed: changed.has(field),
    errorId,
  });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <ModifySelectField {...common("instanceClass")} choices={classes.map((c) => ({ value: c, label: c }))} />
      <ModifySelectField {...common("multiAz")} choices={ON_OFF} hint="A synchronous standby in another zone." />
      <ModifyTextField {...common("allocatedStorage")} hint={storageHint(current.allocatedStorage)} />
      <ModifyTextField {...common("maxAllocatedStorage")} hint="At least 10 % above the allocation." />
      <ModifySelectField {...common("storageType")} choices={STORAGE_TYPES} />
      <ModifyTextField {...common("backupRetentionPeriod")} hint="0 to 35; 0 turns automated backups off." />
      <ModifyTextField {...common("backupWindow")} hint="hh24:mi-hh24:mi, 30 minutes or more." />
      <ModifyTextField {...common("maintenanceWindow")} hint="ddd:hh24:mi-ddd:hh24:mi, 30 minutes or more." />
      <ModifySelectField {...common("deletionProtection")} choices={ON_OFF} />
      <ModifySelectField {...common("copyTagsToSnapshot")} choices={ON_OFF} />
    </div>
  );
}
