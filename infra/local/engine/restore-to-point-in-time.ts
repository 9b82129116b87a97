/**
 * RestoreDBInstanceToPointInTime: a new standalone instance holding the
 * source's data as it was at a moment of its restore window. Its base is the
 * newest automated snapshot finished by then; postgres replays the source's
 * WAL archive up to that moment (recovery_target_time, to the transaction)
 * and promotes itself.
 */
import path from "node:path";
import { chownTree } from "../pg/ownership";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { copySnapshotInto, RESTORE_WAL_DIR, recoverAndPromote, startRestore } from "./restore-instance";
import type { RuntimeNode } from "./runtime-node";
import { flushArchive } from "./snapshots/flush-archive";
import { baseBackupsOf, restoreWindowOf, retainedWindowOf } from "./snapshots/restore-window";
import type { RetainedBackup } from "./snapshots/retained-backups";
import type { SnapshotRecord } from "./snapshots/snapshot-store";
import { archiveContents, archiveDirOf, linkArchiveFiles, restoreFromArchiveCommand } from "./snapshots/wal-archive";
import type { Tag } from "./tags";

export type PointInTimeRestoreRequest = {
  targetId: string;
  /** The source by identifier, or by DbiResourceId: one of the two. */
  sourceId?: string;
  sourceDbiResourceId?: string;
  /** One of the two: a moment of the window, or its latest. */
  restoreTime?: Date;
  useLatestRestorableTime?: boolean;
  instanceClass?: string;
  port?: number;
  availabilityZone?: string;
  deletionProtection?: boolean;
  tags?: Tag[];
  copyTagsToSnapshot?: boolean;
  parameterGroupName?: string;
};

// What postgres says when the archive holds no commit after the target: everything it has is then before it.
const NOTHING_AFTER_TARGET = "recovery ended before configured recovery target was reached";

/** What a point-in-time restore starts from: a live instance, or what a deleted one left. */
type RestoreSource = {
  id: string;
  dbiResourceId: string;
  az: string;
  instanceClass: string;
  tags: Tag[];
  live?: InstanceRecord;
  retained?: RetainedBackup;
};

export async function restoreToPointInTime(ops: FleetOps, req: PointInTimeRestoreRequest): Promise<InstanceRecord> {
  const source = sourceOf(ops, req);
  const time = restoreTimeOf(ops, source, req);
  const base = baseBackupsOf(ops, source.dbiResourceId)
    .filter((s) => Date.parse(s.completedAt ?? "") <= time.getTime())
    .at(-1);
  if (!base) {
    throw new EngineFault(
      "InvalidRestore",
      `No automated backup of ${source.id} finished before ${time.toISOString()}.`,
    );
  }
  return startRestore(ops, {
    instanceId: req.targetId,
    availabilityZone: req.availabilityZone ?? source.az,
    port: req.port,
    instanceClass: req.instanceClass ?? source.instanceClass,
    deletionProtection: req.deletionProtection ?? false,
    // As from a snapshot: the tags given, or else the source's.
    tags: req.tags?.length ? req.tags : source.tags,
    copyTagsToSnapshot: req.copyTagsToSnapshot ?? false,
    parameterGroupName: req.parameterGroupName,
    base,
    // The latest: all the archive holds, which reaches at least LatestRestorableTime.
    recover: (node, id) => recoverTo(ops, node, base, source, req.useLatestRestorableTime ? undefined : time, id),
    restored: {
      event: "restoredFromInstance",
      detail: `${source.id} to ${req.targetId}`,
      what: `${source.id} as of ${time.toISOString()}`,
    },
  });
}

function sourceOf(ops: FleetOps, req: PointInTimeRestoreRequest): RestoreSource {
  const live = req.sourceId
    ? ops.requireInstance(req.sourceId)
    : ops.state.instances.find((i) => i.dbiResourceId === req.sourceDbiResourceId);
  if (live) {
    return {
      id: live.id,
      dbiResourceId: live.dbiResourceId,
      az: live.node.az,
      instanceClass: live.instanceClass,
      tags: live.tags,
      live,
    };
  }
  const retained = req.sourceDbiResourceId ? ops.retained.get(req.sourceDbiResourceId) : undefined;
  if (!retained) {
    throw new EngineFault(
      "DBInstanceAutomatedBackupNotFound",
      `No automated backup for the DB instance with resource ID ${req.sourceDbiResourceId} was found.`,
    );
  }
  return {
    id: retained.instanceId,
    dbiResourceId: retained.dbiResourceId,
    az: retained.availabilityZone,
    instanceClass: retained.instanceClass,
    tags: retained.tags,
    retained,
  };
}

/** The moment to restore to, refused as RDS refuses it. */
function restoreTimeOf(ops: FleetOps, source: RestoreSource, req: PointInTimeRestoreRequest): Date {
  const { live } = source;
  if (live && (live.role !== "writer" || live.backupRetentionPeriod === 0)) {
    throw new EngineFault(
      "PointInTimeRestoreNotEnabled",
      `Point-in-time restore is not enabled for ${source.id}: its backup retention period is 0.`,
    );
  }
  const status = live ? ops.status(live.id) : undefined;
  if (status === "creating" || status === "deleting") {
    throw new EngineFault("InvalidDBInstanceState", `DB instance ${source.id} is ${status}.`);
  }
  const window = live ? restoreWindowOf(ops, live) : source.retained && retainedWindowOf(ops, source.retained);
  if (!window) {
    throw new EngineFault(
      "InvalidRestore",
      `${source.id} has no restorable time yet: its first automated backup has not finished.`,
    );
  }
  const time = req.useLatestRestorableTime ? window.latest : (req.restoreTime as Date);
  if (time < window.earliest || time > window.latest) {
    throw new EngineFault(
      "InvalidRestore",
      `The restore time ${time.toISOString()} is outside the restorable window of ${source.id}: ${window.earliest.toISOString()} to ${window.latest.toISOString()}.`,
    );
  }
  return time;
}

/**
 * Replays the archive onto the base backup up to `time` (all of it when
 * undefined). The archive is first brought up to now (a live source's
 * current segment completed and archived), then fixed: recovery reads only
 * the files archived by then, so a retry below sees exactly the WAL the first
 * attempt saw, not commits made while it ran.
 */
async function recoverTo(
  ops: FleetOps,
  node: RuntimeNode,
  base: SnapshotRecord,
  source: RestoreSource,
  time: Date | undefined,
  id: string,
): Promise<void> {
  const archiveDir = archiveDirOf(ops.config.dataDir, source.dbiResourceId);
  const writer = source.live && ops.findNode(source.live.node.name);
  if (writer?.postmaster.running) {
    await flushArchive(ops, writer, archiveDir).catch((error: Error) =>
      // The archive still reaches LatestRestorableTime, which the restore time was checked against.
      ops.log.warn({ instance: source.id, err: error.message }, "could not archive the current WAL before a restore"),
    );
  }
  const archived = archiveContents(archiveDir);
  const frozenDir = path.join(RESTORE_WAL_DIR, "archive");
  // restore_command runs in the data directory: the fixed archive first, then the base backup's own WAL.
  const restoreCommand = restoreFromArchiveCommand(frozenDir, RESTORE_WAL_DIR);
  let attempts = 0;
  const attempt = async (targetTime: string | undefined) => {
    await copySnapshotInto(ops, node, ops.snapshots.dirOf(base.id), id);
    linkArchiveFiles(archiveDir, archived, path.join(node.pgData, frozenDir));
    chownTree(node.pgData, ops.nodeContext.runAs);
    await ops.hooks.beforeRecoveryAttempt?.(id, ++attempts);
    await recoverAndPromote(ops, node, id, { restoreCommand, targetTime });
  };
  if (!time) return attempt(undefined);
  try {
    // "2026-12-06 09:00:00.123+00": the form recovery_target_time is documented with (no "T", no "Z").
    await attempt(time.toISOString().replace("T", " ").replace("Z", "+00"));
  } catch (error) {
    if (!node.lastProblems().some((line) => line.includes(NOTHING_AFTER_TARGET))) throw error;
    // No commit after the target in the fixed archive: every commit in it is at or before the target.
    ops.progress(`${id}: nothing archived after ${time.toISOString()}; replaying the whole archive`);
    await node.postmaster.stop();
    await attempt(undefined);
  }
}
