/**
 * A DB snapshot of an instance: CreateDBSnapshot, the daily automated
 * backup, and DeleteDBInstance's final snapshot all go through here. The
 * instance shows `backing-up` while its node is copied; writes go on.
 */
import { randomBytes } from "node:crypto";
import { takePhysicalSnapshot } from "../../pg/physical-snapshot";
import { takeStoppedSnapshot } from "../../pg/stopped-snapshot";
import { instanceArn } from "../db-instance-arn";
import { EngineFault, type FleetOps } from "../fleet-ops";
import type { InstanceRecord } from "../fleet-state";
import { instanceSettings } from "../instance-settings";
import type { RuntimeNode } from "../runtime-node";
import { newResourceTags, type Tag } from "../tags";
import type { SnapshotRecord } from "./snapshot-store";

export type SnapshotType = "manual" | "automated";

/**
 * A snapshot's tags, by RDS's rule (User Guide, "Copying tags to DB instance
 * snapshots"): tags given to CreateDBSnapshot are the snapshot's, and then
 * none of the instance's are copied, even with CopyTagsToSnapshot on;
 * otherwise the instance's tags if it copies them, else none.
 */
function snapshotTags(instance: InstanceRecord, snapshotId: string, requested: readonly Tag[] | undefined): Tag[] {
  if (requested && requested.length > 0) return newResourceTags(requested, `DB snapshot ${snapshotId}`);
  return instance.copyTagsToSnapshot ? instance.tags.map((t) => ({ ...t })) : [];
}

/** Refuses what RDS refuses and records the snapshot as `creating`; the copy is `fillSnapshot`. */
export function beginSnapshot(
  ops: FleetOps,
  req: {
    instanceId: string;
    snapshotId: string;
    type: SnapshotType;
    at: Date;
    allowedStatus?: string;
    /** CreateDBSnapshot's Tags. */
    tags?: Tag[];
  },
): SnapshotRecord {
  const instance = ops.requireInstance(req.instanceId);
  if (ops.snapshots.get(req.snapshotId)) {
    throw new EngineFault(
      "DBSnapshotAlreadyExists",
      `Cannot create the snapshot because a snapshot with the identifier ${req.snapshotId} already exists.`,
    );
  }
  const tags = snapshotTags(instance, req.snapshotId, req.tags);
  const status = ops.status(instance.id);
  if (status !== (req.allowedStatus ?? "available")) {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `Cannot create a snapshot because the database instance ${instance.id} is not currently in the available state.`,
    );
  }
  const record: SnapshotRecord = {
    id: req.snapshotId,
    instanceId: instance.id,
    type: req.type,
    status: "creating",
    percentProgress: 0,
    createdAt: req.at.toISOString(),
    instanceCreatedAt: instance.createdAt,
    dbiResourceId: instance.dbiResourceId,
    availabilityZone: instance.node.az,
    port: instance.endpointPort,
    instanceClass: instance.instanceClass,
    engine: ops.fleet.engine,
    engineVersion: ops.engineVersion,
    allocatedStorage: instanceSettings(ops.fleet, instance).allocatedStorage,
    storageType: instanceSettings(ops.fleet, instance).storageType,
    encrypted: ops.fleet.storageEncrypted,
    arn: instanceArn(ops.fleet, "db-snapshot", req.snapshotId),
    masterUsername: ops.credentials.master.username,
    retentionDays: req.type === "automated" ? instance.backupRetentionPeriod : undefined,
    tags,
    instanceTags: instance.tags.map((t) => ({ ...t })),
  };
  ops.snapshots.save(record);
  return record;
}

/** Copies the instance's node into the snapshot; throws (leaving cleanup to `failSnapshot`) on any failure. */
export async function fillSnapshot(ops: FleetOps, record: SnapshotRecord): Promise<void> {
  const instance = ops.requireInstance(record.instanceId);
  const node = ops.node(instance.node.name);
  const manual = record.type === "manual";
  ops.events.record(manual ? "manualSnapshotStarted" : "automatedSnapshotStarted", record.id, undefined, "db-snapshot");
  ops.events.record("backupStarted", instance.id);
  ops.progress(`${record.type} snapshot ${record.id} of ${instance.id}: copying ${node.name}`);
  const started = performance.now();
  const onProgress = (copied: number, total: number) => {
    // The data is most of the work; the last percent is the WAL and the metadata.
    record.percentProgress = total === 0 ? 99 : Math.min(99, Math.floor((copied / total) * 99));
  };
  const abort = () => (ops.stopping ? "the fleet is stopping" : undefined);
  // A stopped instance's node is shut down cleanly: its files, as they lie, are the snapshot.
  const result = instance.stopped
    ? await takeStoppedSnapshot({
        sourceDataDir: node.pgData,
        targetDir: ops.snapshots.dirOf(record.id),
        onProgress,
        abort,
      }).then((r) => ({ bytes: r.bytes, startLsn: undefined, stopLsn: undefined }))
    : await takeLiveSnapshot(ops, record, node, onProgress, abort);
  record.status = "available";
  record.completedAt = ops.now().toISOString();
  record.percentProgress = 100;
  record.bytes = result.bytes;
  record.startLsn = result.startLsn;
  record.stopLsn = result.stopLsn;
  ops.snapshots.save(record);
  ops.events.record(manual ? "manualSnapshotCreated" : "automatedSnapshotCreated", record.id, undefined, "db-snapshot");
  ops.events.record("backupFinished", instance.id);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ops.progress(`snapshot ${record.id}: available (${(result.bytes / 1024 ** 2).toFixed(0)} MB in ${seconds} s)`);
}

function takeLiveSnapshot(
  ops: FleetOps,
  record: SnapshotRecord,
  node: RuntimeNode,
  onProgress: (copied: number, total: number) => void,
  abort: () => string | undefined,
) {
  return takePhysicalSnapshot({
    source: node.address,
    sourceDataDir: node.pgData,
    admin: ops.credentials.admin,
    caCertPem: ops.nodeContext.tls.caCertPem,
    targetDir: ops.snapshots.dirOf(record.id),
    slot: `rdsdeck_snapshot_${randomBytes(6).toString("hex")}`,
    onProgress,
    abort,
    beforeStop: ops.hooks.beforeSnapshotStop && (() => ops.hooks.beforeSnapshotStop?.(record.id) ?? Promise.resolve()),
  });
}

/** A failed snapshot keeps its record (status failed, with why) but none of its files. */
export function failSnapshot(ops: FleetOps, record: SnapshotRecord, error: Error): void {
  record.status = "failed";
  record.failure = error.message;
  ops.snapshots.removeFiles(record.id);
  ops.snapshots.save(record);
  ops.events.record("snapshotFailed", record.id, error.message, "db-snapshot");
}

/** CreateDBSnapshot and the automated backup: the snapshot as the instance's one action. */
export function createSnapshot(
  ops: FleetOps,
  req: { instanceId: string; snapshotId: string; type: SnapshotType; at: Date; tags?: Tag[] },
): SnapshotRecord {
  ops.actions.assertIdle(req.instanceId);
  // RDS takes a manual snapshot of a stopped instance too (its files, shut down cleanly); it stays stopped meanwhile.
  const stopped =
    req.type === "manual" && ops.status(req.instanceId) === "stopped" && !!ops.requireInstance(req.instanceId).stopped;
  const record = beginSnapshot(ops, { ...req, allowedStatus: stopped ? "stopped" : undefined });
  if (!stopped) ops.setStatus(req.instanceId, "backing-up");
  ops.actions.run(
    req.instanceId,
    `${req.type} snapshot`,
    async () => {
      await fillSnapshot(ops, record);
      ops.setStatus(req.instanceId, stopped ? "stopped" : "available");
    },
    (error) => {
      failSnapshot(ops, record, error);
      ops.settleStatus(req.instanceId);
    },
  );
  return record;
}

/** DeleteDBSnapshot: manual snapshots only, and not while being created or read by a restore. */
export function deleteSnapshot(ops: FleetOps, snapshotId: string): SnapshotRecord {
  const record = ops.snapshots.get(snapshotId);
  if (!record) throw new EngineFault("DBSnapshotNotFound", `DBSnapshot ${snapshotId} not found.`);
  if (record.type === "automated" && ops.state.instances.some((i) => i.id === record.instanceId)) {
    throw new EngineFault(
      "InvalidDBSnapshotState",
      `Cannot delete the automated snapshot ${snapshotId}: automated snapshots are deleted by RDS when their retention period ends.`,
    );
  }
  if (record.status === "creating" || ops.snapshots.inUse(snapshotId)) {
    throw new EngineFault(
      "InvalidDBSnapshotState",
      `Cannot delete the snapshot ${snapshotId} because it is ${record.status === "creating" ? "being created" : "being restored from"}.`,
    );
  }
  removeSnapshot(ops, record);
  return { ...record, status: record.status };
}

export function removeSnapshot(ops: FleetOps, record: SnapshotRecord): void {
  ops.snapshots.delete(record.id);
  ops.events.record(
    record.type === "manual" ? "manualSnapshotDeleted" : "automatedSnapshotDeleted",
    record.id,
    undefined,
    "db-snapshot",
  );
}
