/**
 * An instance's point-in-time restore window, as DescribeDBInstances
 * (LatestRestorableTime) and RestoreDBInstanceToPointInTime see it: from the
 * end of its oldest automated snapshot (the first base backup) to the newest
 * moment its WAL archive covers.
 */
import type { FleetOps } from "../fleet-ops";
import type { InstanceRecord } from "../fleet-state";
import { latestRestorableTime } from "./restorable-time";
import type { RetainedBackup } from "./retained-backups";
import type { SnapshotRecord } from "./snapshot-store";
import { archiveDirOf, archivedEnd } from "./wal-archive";

export type RestoreWindow = { earliest: Date; latest: Date };

/** The instance's automated snapshots that can start a restore, oldest first. */
export function baseBackupsOf(ops: FleetOps, dbiResourceId: string): SnapshotRecord[] {
  return ops.snapshots
    .all()
    .filter(
      (s) => s.type === "automated" && s.dbiResourceId === dbiResourceId && s.status === "available" && s.completedAt,
    )
    .sort((a, b) => Date.parse(a.completedAt ?? "") - Date.parse(b.completedAt ?? ""));
}

export function restoreWindowOf(ops: FleetOps, instance: InstanceRecord): RestoreWindow | undefined {
  if (instance.role !== "writer" || instance.backupRetentionPeriod === 0) return undefined;
  const first = baseBackupsOf(ops, instance.dbiResourceId)[0];
  if (!first?.completedAt) return undefined;
  // The writer's samples and, after a failover, those it took while it was the other node.
  const nodes = [instance.node.name, instance.standby?.name].flatMap((n) => {
    const node = n ? ops.findNode(n) : undefined;
    return node ? [node] : [];
  });
  const serving = nodes[0];
  const latest = latestRestorableTime(
    nodes.flatMap((n) => n.monitor.walSamples),
    archivedEnd(archiveDirOf(ops.config.dataDir, instance.dbiResourceId)),
    serving?.monitor.health.lastCommitAt,
  );
  const earliest = new Date(first.completedAt);
  if (!latest || latest < earliest) return undefined;
  return { earliest, latest };
}

/** A retained backup's window: its base backups still kept, up to where its archive ended at deletion. */
export function retainedWindowOf(ops: FleetOps, retained: RetainedBackup): RestoreWindow | undefined {
  const first = baseBackupsOf(ops, retained.dbiResourceId)[0];
  if (!first?.completedAt) return undefined;
  const earliest = new Date(first.completedAt);
  const latest = new Date(retained.latestRestorableTime);
  return latest < earliest ? undefined : { earliest, latest };
}
