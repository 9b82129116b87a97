/**
 * A DBInstanceClass change, applied to real nodes: each node's config is
 * rewritten with the new class's memory-derived settings and its postgres
 * restarted. A Multi-AZ writer changes as RDS changes one: the standby first,
 * then a failover to it (the existing failover path: clean shutdown, so no
 * acknowledged commit is lost), then the old writer, rebuilt as the standby
 * with the new class. Writes stop only for the failover: while the standby
 * restarts, the writer's commits stop waiting for it, and wait again before
 * the failover.
 */
import os from "node:os";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";
import { instanceClassSpec, nodeSizing } from "./instance-classes";
import type { RuntimeNode } from "./runtime-node";
import { failOverWriter } from "./writer-failover";

/** A class RDS offers for this engine and this machine can give the memory its settings take. */
export function assertInstanceClass(ops: FleetOps, instanceClass: string): void {
  if (!instanceClassSpec(instanceClass)) {
    throw new EngineFault(
      "InvalidParameterCombination",
      `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${instanceClass}, Engine=${ops.fleet.engine}, EngineVersion=${ops.engineVersion}, LicenseModel=postgresql-license. For supported combinations of instance class and database engine version, see the documentation.`,
    );
  }
  const sharedMB = nodeSizing(instanceClass).sharedBuffersMB;
  const totalMB = Math.floor(os.totalmem() / 1024 ** 2);
  // Each node of the instance reserves shared_buffers; a quarter of this machine's memory is what one may take.
  if (sharedMB > totalMB / 4) {
    throw new EngineFault(
      "InsufficientDBInstanceCapacity",
      `Insufficient capacity for DB instance class ${instanceClass} on this machine: its shared_buffers (${sharedMB} MB) exceeds a quarter of the ${totalMB} MB of memory the local fleet runs on. Choose a smaller class.`,
    );
  }
}

export async function applyClassChange(ops: FleetOps, id: string, instanceClass: string): Promise<void> {
  const instance = ops.requireInstance(id);
  if (instance.instanceClass === instanceClass) return;
  ops.events.record("classChangeStarted", id);
  ops.progress(`${id}: changing class ${instance.instanceClass} → ${instanceClass}`);
  instance.classChangeFrom = instance.instanceClass;
  instance.instanceClass = instanceClass;
  ops.saveState();
  try {
    await raiseFollowers(ops, instance);
    if (instance.role === "writer" && instance.standby && !instance.standbyNeedsRebuild) {
      await changeMultiAzWriter(ops, instance);
    } else {
      await restartInstanceNode(ops, instance);
    }
  } finally {
    instance.classChangeFrom = undefined;
    ops.saveState();
  }
  ops.events.record("classChangeFinished", id);
}

/**
 * Replicas must allow at least as many connections as the primary they
 * replay: those that would allow fewer than the instance's new sizing are
 * restarted with it first.
 */
async function raiseFollowers(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  if (instance.role !== "writer") return;
  const source = ops.node(instance.node.name);
  for (const replica of replicasOf(ops.state, instance.id)) {
    const node = ops.findNode(replica.node.name);
    if (!node?.postmaster.running) continue;
    const { rows } = await ops.asAdmin(node, (db) => db.query<{ max_connections: string }>("show max_connections"));
    if (Number(rows[0]?.max_connections) >= nodeSizing(instance.instanceClass).maxConnections) continue;
    await restartWithSettings(ops, node, `replica ${replica.id}`);
    await ops.waitStreaming(source, [node]);
  }
}

async function changeMultiAzWriter(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  await restartStandbyWithSettings(ops, instance);
  // The old writer is rebuilt as the standby by the failover, with the instance's new class.
  await failOverWriter(ops, instance.id, { kind: "modification", what: "instance class change" });
}

/**
 * Restarts a Multi-AZ writer's standby on its node's current settings while
 * the writer serves (its commits stop waiting for the standby meanwhile),
 * so that a failover to it starts the new writer on them.
 */
export async function restartStandbyWithSettings(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  const writer = ops.node(instance.node.name);
  const standby = ops.node(instance.standby?.name ?? "");
  await synchronousStandby(ops, writer, undefined);
  await restartWithSettings(ops, standby, `standby of ${instance.id}`);
  await ops.waitStreaming(writer, [standby]);
  await synchronousStandby(ops, writer, standby.name);
}

async function restartInstanceNode(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  const node = ops.node(instance.node.name);
  ops.events.record("shutdown", instance.id);
  if (instance.role === "writer") ops.routeEndpoint(instance.id, undefined);
  await restartWithSettings(ops, node, `${instance.role === "replica" ? "replica" : "writer"} ${instance.id}`);
  if (instance.role === "writer") ops.routeEndpoint(instance.id, node.port);
  if (instance.role === "replica") {
    const source = ops.requireInstance(instance.sourceId ?? "");
    await ops.waitStreaming(ops.node(source.node.name), [node]);
  }
  ops.events.record("restarted", instance.id);
}

async function restartWithSettings(ops: FleetOps, node: RuntimeNode, label: string): Promise<void> {
  await node.postmaster.stop();
  if (!node.reconfigure()) throw new Error(`${node.name} was never configured; cannot resize it`);
  await ops.startNode(node, label);
}

/** Points the writer's synchronous_standby_names at the standby, or at none while the standby restarts. */
async function synchronousStandby(ops: FleetOps, writer: RuntimeNode, standbyName: string | undefined): Promise<void> {
  writer.configure({ role: "writer", synchronousStandby: standbyName });
  await ops.asAdmin(writer, (db) => db.query("select pg_reload_conf()"));
}
