/** An instance's automated backups (its base snapshots and WAL archive) as the dashboard shows them. */
import type { DBInstanceAutomatedBackup } from "@aws-sdk/client-rds";

export type AutomatedBackup = {
  dbiResourceId: string;
  instanceIdentifier: string;
  /** active (the instance exists), retained (it was deleted, its backups kept), pending, creating… verbatim. */
  status: string;
  /** Restorable from (the end of the oldest base backup) to (the latest restorable time); none before the first backup. */
  window: { earliest: Date; latest: Date } | undefined;
  retentionDays: number | undefined;
  availabilityZone: string | undefined;
  instanceCreatedAt: Date | undefined;
};

export function toAutomatedBackup(raw: DBInstanceAutomatedBackup): AutomatedBackup {
  const { EarliestTime, LatestTime } = raw.RestoreWindow ?? {};
  return {
    dbiResourceId: raw.DbiResourceId ?? "(unknown)",
    instanceIdentifier: raw.DBInstanceIdentifier ?? "(unnamed)",
    status: raw.Status ?? "unknown",
    window: EarliestTime && LatestTime ? { earliest: EarliestTime, latest: LatestTime } : undefined,
    retentionDays: raw.BackupRetentionPeriod,
    availabilityZone: raw.AvailabilityZone,
    instanceCreatedAt: raw.InstanceCreateTime,
  };
}

/** Active ones first (the fleet as it is), then the rest; by instance name, then resource ID, within each. */
export function activeFirst(a: AutomatedBackup, b: AutomatedBackup): number {
  const rank = (x: AutomatedBackup) => (x.status === "active" ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    a.instanceIdentifier.localeCompare(b.instanceIdentifier) ||
    a.dbiResourceId.localeCompare(b.dbiResourceId)
  );
}
