/**
 * RestoreDBInstanceFromDBSnapshot: a new standalone instance (single-AZ, no
 * source) holding exactly the snapshot's data. The snapshot's files are
 * copied into a new node directory with its WAL cut at the backup's stop
 * point; postgres replays that WAL to its end (archive recovery without a
 * target, following any timeline switch inside it) and promotes itself.
 */

import { promises as fs } from "node:fs";
import path from "node:path";
import { copyTree } from "../pg/live-copy";
import { chownTree } from "../pg/ownership";
import { cutWalAt, isSegmentFile, parseLsn } from "../pg/wal-files";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { addInstance, assertFleetZone, discardInstance, finishInstance } from "./new-instance";
import { newInstanceParameterGroup } from "./parameters/instance-parameter-group";
import type { RdsEventKind } from "./rds-events";
import type { RuntimeNode } from "./runtime-node";
import type { SnapshotRecord } from "./snapshots/snapshot-store";
import type { Tag } from "./tags";

/** Inside the node's own directory, so postgres (running unprivileged) can read it; removed after promotion. */
export const RESTORE_WAL_DIR = "rdsdeck_restore_wal";
const PROMOTE_TIMEOUT_MS = 120_000;

export type RestoreRequest = {
  instanceId: string;
  snapshotId: string;
  instanceClass?: string;
  port?: number;
  availabilityZone?: string;
  multiAz?: boolean;
  deletionProtection?: boolean;
  tags?: Tag[];
  copyTagsToSnapshot?: boolean;
  parameterGroupName?: string;
};

export async function restoreFromSnapshot(ops: FleetOps, req: RestoreRequest): Promise<InstanceRecord> {
  const snapshot = ops.snapshots.get(req.snapshotId);
  if (!snapshot) throw new EngineFault("DBSnapshotNotFound", `DBSnapshot ${req.snapshotId} not found.`);
  if (snapshot.status !== "available") {
    throw new EngineFault(
      "InvalidDBSnapshotState",
      `Snapshot ${req.snapshotId} is not available (it is ${snapshot.status}).`,
    );
  }
  if (req.multiAz) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "The local fleet restores snapshots as Single-AZ instances; MultiAZ is not supported for RestoreDBInstanceFromDBSnapshot.",
    );
  }
  return startRestore(ops, {
    instanceId: req.instanceId,
    availabilityZone: req.availabilityZone ?? snapshot.availabilityZone,
    port: req.port,
    instanceClass: req.instanceClass ?? snapshot.instanceClass,
    deletionProtection: req.deletionProtection ?? false,
    // RDS: the tags given, or else the source instance's when the snapshot was taken.
    tags: req.tags?.length ? req.tags : snapshot.instanceTags,
    copyTagsToSnapshot: req.copyTagsToSnapshot ?? false,
    parameterGroupName: req.parameterGroupName,
    base: snapshot,
    recover: (node, id) => restoreNode(ops, node, ops.snapshots.dirOf(snapshot.id), snapshot.stopLsn, id),
    restored: { event: "restoredFromSnapshot", detail: snapshot.id, what: `snapshot ${snapshot.id}` },
  });
}

/**
 * The life of a restored instance, whatever it is restored from: the
 * identifier and a port claimed now (`creating`), the base snapshot held
 * until `recover` is done, then `available` with RDS's events — or, on any
 * failure, nothing left but an event saying why.
 */
export async function startRestore(
  ops: FleetOps,
  req: {
    instanceId: string;
    availabilityZone: string;
    port: number | undefined;
    instanceClass: string;
    deletionProtection: boolean;
    tags: Tag[];
    copyTagsToSnapshot: boolean;
    parameterGroupName?: string;
    base: SnapshotRecord;
    recover: (node: RuntimeNode, id: string) => Promise<void>;
    /** The restoration event, its detail, and how messages name the source. */
    restored: { event: RdsEventKind; detail: string; what: string };
  },
): Promise<InstanceRecord> {
  assertFleetZone(ops, req.availabilityZone);
  const parameterGroupName = newInstanceParameterGroup(ops, req.parameterGroupName);
  const { record, node } = await addInstance(
    ops,
    {
      id: req.instanceId,
      role: "writer",
      az: req.availabilityZone,
      port: req.port,
      instanceClass: req.instanceClass,
      deletionProtection: req.deletionProtection,
      backupRetentionPeriod: ops.fleet.backupRetentionDays,
      tags: req.tags,
      copyTagsToSnapshot: req.copyTagsToSnapshot,
      parameterGroupName,
    },
    "restore",
  );
  const release = ops.snapshots.use(req.base.id);
  ops.actions.continue(
    record.id,
    "restore",
    async () => {
      try {
        await req.recover(node, record.id);
      } finally {
        release();
      }
      await finishInstance(ops, record, node);
      ops.events.record("instanceCreated", record.id);
      ops.events.record(req.restored.event, record.id, req.restored.detail);
      ops.progress(`${record.id}: restored from ${req.restored.what}, available on port ${record.endpointPort}`);
    },
    async (error) => {
      release();
      await discardInstance(
        ops,
        record,
        "instanceFailed",
        `Restore from ${req.restored.what} failed: ${error.message}`,
      );
    },
  );
  return record;
}

async function restoreNode(
  ops: FleetOps,
  node: RuntimeNode,
  snapshotDir: string,
  stopLsn: string | undefined,
  id: string,
): Promise<void> {
  await copySnapshotInto(ops, node, snapshotDir, id);
  const walDir = path.join(node.pgData, RESTORE_WAL_DIR);
  // Snapshots from before stop points were recorded end wherever their WAL copy ended.
  if (stopLsn) await cutWalAt(walDir, parseLsn(stopLsn), await segmentBytesOf(walDir));
  chownTree(node.pgData, ops.nodeContext.runAs);
  // restore_command runs in the data directory; a segment it does not find is simply "not archived".
  await recoverAndPromote(ops, node, id, { restoreCommand: `cp "${RESTORE_WAL_DIR}/%f" "%p"` });
}

/** A snapshot's data directory and its WAL (in RESTORE_WAL_DIR) as a node's files; owned by root until chowned. */
export async function copySnapshotInto(
  ops: FleetOps,
  node: RuntimeNode,
  snapshotDir: string,
  id: string,
): Promise<void> {
  await fs.rm(node.pgData, { recursive: true, force: true });
  ops.progress(`${id}: copying snapshot files into ${node.name}`);
  await copyTree(path.join(snapshotDir, "data"), node.pgData, {
    mode: "plain",
    abort: () => (ops.stopping ? "the fleet is stopping" : undefined),
  });
  await copyTree(path.join(snapshotDir, "wal"), path.join(node.pgData, RESTORE_WAL_DIR), { mode: "plain" });
}

/** Starts the node in archive recovery with `recovery`, waits until it has promoted itself, and makes it a plain writer. */
export async function recoverAndPromote(
  ops: FleetOps,
  node: RuntimeNode,
  id: string,
  recovery: { restoreCommand: string; targetTime?: string },
): Promise<void> {
  node.configure({ role: "writer", recovery });
  await ops.startNode(node, `restored ${id}`);
  await waitPromoted(ops, node);
  node.configure({ role: "writer" });
  await ops.asAdmin(node, (db) => db.query("select pg_reload_conf()"));
  await fs.rm(path.join(node.pgData, RESTORE_WAL_DIR), { recursive: true, force: true });
}

/** WAL segment files are all one size, the server's wal_segment_size. */
async function segmentBytesOf(walDir: string): Promise<bigint> {
  for (const name of await fs.readdir(walDir)) {
    if (isSegmentFile(name)) return BigInt((await fs.stat(path.join(walDir, name))).size);
  }
  throw new Error(`the snapshot holds no WAL segment (${walDir})`);
}

async function waitPromoted(ops: FleetOps, node: RuntimeNode): Promise<void> {
  const deadline = Date.now() + PROMOTE_TIMEOUT_MS;
  let lastError: Error | undefined;
  while (Date.now() < deadline) {
    if (!node.postmaster.running) throw new Error(`postgres exited during recovery; ${node.logPointer()}`);
    // A refused or slow probe while the server switches from recovery to read-write is not a failure:
    // only the postmaster exiting or the deadline is.
    const inRecovery = await ops
      .asAdmin(node, (db) => db.query<{ r: boolean }>("select pg_is_in_recovery() as r"))
      .then(
        (res) => res.rows[0]?.r !== false,
        (error: Error) => {
          lastError = error;
          return true;
        },
      );
    if (!inRecovery) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `recovery did not reach the end of the snapshot within ${PROMOTE_TIMEOUT_MS} ms${
      lastError ? ` (last probe: ${lastError.message})` : ""
    }; ${node.logPointer()}`,
  );
}
