/**
 * PromoteReadReplica: a read replica becomes a standalone primary — it stops
 * replicating, accepts writes on the endpoint it already had, and leaves its
 * source's ReadReplicaDBInstanceIdentifiers. The source and its other
 * replicas are unaffected. DeleteDBInstance promotes a deleted source's
 * replicas the same way, as RDS does for PostgreSQL.
 */

import { dropSlot } from "./fleet-boot";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { promoteNode } from "./promote-node";
import { slotName } from "./runtime-node";

/** RDS's default retention for a promoted replica (PromoteReadReplica's BackupRetentionPeriod). */
const DEFAULT_RETENTION_DAYS = 1;

export function promoteReadReplica(ops: FleetOps, id: string, backupRetentionPeriod?: number): void {
  const instance = ops.requireInstance(id);
  if (instance.role !== "replica") {
    throw new EngineFault("InvalidDBInstanceState", `DB instance ${id} is not a read replica.`);
  }
  ops.actions.assertIdle(id);
  if (ops.status(id) !== "available") {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `DB instance ${id} is not in available state (it is ${ops.status(id)}).`,
    );
  }
  ops.setStatus(id, "modifying");
  ops.actions.run(
    id,
    "promotion",
    async () => {
      await promoteToStandalone(ops, instance, backupRetentionPeriod ?? DEFAULT_RETENTION_DAYS);
      ops.setStatus(id, "available");
    },
    () => ops.settleStatus(id),
  );
}

/** Promotes the replica's node and records it as a standalone primary. */
export async function promoteToStandalone(
  ops: FleetOps,
  instance: InstanceRecord,
  backupRetentionPeriod: number,
): Promise<void> {
  const node = ops.node(instance.node.name);
  const source = ops.state.instances.find((i) => i.id === instance.sourceId);
  ops.progress(`${instance.id}: promoting to a standalone instance`);
  await promoteNode(ops, node);
  instance.role = "writer";
  instance.sourceId = undefined;
  instance.backupRetentionPeriod = backupRetentionPeriod;
  ops.saveState();
  // As a primary with its own backups now: the reload also starts its WAL archive.
  node.configure({ role: "writer" });
  await ops.asAdmin(node, (db) => db.query("select pg_reload_conf()"));
  ops.events.record("replicationTerminated", instance.id, "The read replica was promoted to a standalone DB instance.");
  if (source) await dropSlotWhenReleased(ops, source, instance.node.name);
}

/** The old source keeps WAL for the promoted node's slot until it is dropped; the slot frees once the stream ends. */
async function dropSlotWhenReleased(ops: FleetOps, source: InstanceRecord, nodeName: string): Promise<void> {
  const sourceNode = ops.node(source.node.name);
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await ops.asAdmin(sourceNode, (db) =>
      db.query<{ active: boolean }>("select active from pg_replication_slots where slot_name = $1", [
        slotName(nodeName),
      ]),
    );
    if (rows.length === 0) return;
    if (!rows[0]?.active) {
      await dropSlot(ops, sourceNode, nodeName);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  ops.log.warn(
    { source: source.id, node: nodeName },
    "replication slot still active after promotion; left for the next boot to drop",
  );
}
