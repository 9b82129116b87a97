/** A DB snapshot as the dashboard shows it, mapped from the SDK's DBSnapshot (every field optional). */
import type { DBSnapshot } from "@aws-sdk/client-rds";

export type DbSnapshot = {
  identifier: string;
  instanceIdentifier: string | undefined;
  /** "manual" or "automated" (RDS also has "shared", "public", "awsbackup"). */
  type: string;
  /** creating, available, deleting, failed… verbatim. */
  status: string;
  percentProgress: number | undefined;
  createdAt: Date | undefined;
  allocatedGiB: number | undefined;
  engine: string | undefined;
  engineVersion: string | undefined;
  availabilityZone: string | undefined;
  encrypted: boolean;
  arn: string | undefined;
  /** Its TagList, in RDS's order (a snapshot of an instance that copies its tags gets them). */
  tags: { key: string; value: string }[];
};

export function toDbSnapshot(raw: DBSnapshot): DbSnapshot {
  return {
    identifier: raw.DBSnapshotIdentifier ?? "(unnamed)",
    instanceIdentifier: raw.DBInstanceIdentifier,
    type: raw.SnapshotType ?? "manual",
    status: raw.Status ?? "unknown",
    percentProgress: raw.PercentProgress,
    createdAt: raw.SnapshotCreateTime,
    allocatedGiB: raw.AllocatedStorage,
    engine: raw.Engine,
    engineVersion: raw.EngineVersion,
    availabilityZone: raw.AvailabilityZone,
    encrypted: raw.Encrypted ?? false,
    arn: raw.DBSnapshotArn,
    tags: (raw.TagList ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
  };
}

/** Newest first; snapshots still being created (no time yet) on top. */
export function newestFirst(a: DbSnapshot, b: DbSnapshot): number {
  const at = a.createdAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bt = b.createdAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return bt - at || a.identifier.localeCompare(b.identifier);
}
