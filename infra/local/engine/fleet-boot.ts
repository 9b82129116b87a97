/**
 * Boots the fleet's processes: cold (first run: initdb, bootstrap, clone every
 * follower) or warm (restart: every node from its own data, standbys that a
 * failover left behind rebuilt). Instances whose creation or deletion was cut
 * short by a stop are undone or finished first.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { initdb } from "../pg/initdb";
import { isInitialised } from "../pg/node-files";
import { SLOW_STATEMENT_TIMEOUT_MS, withNode } from "../pg/sql-client";
import { bootstrapWriter, createStatementStatistics } from "./bootstrap-sql";
import { EngineError } from "./engine-instance";
import type { FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";
import { type NodeContext, type RuntimeNode, slotName } from "./runtime-node";
import { rebuildStandby } from "./writer-failover";

export async function coldBoot(ops: FleetOps, ctx: NodeContext): Promise<void> {
  const s = ops.state;
  const writer = s.instances.find((i) => i.role === "writer");
  if (!writer) throw new EngineError("the fleet plan has no writer");
  rmSync(path.join(ctx.dataDir, "nodes"), { recursive: true, force: true });
  mkdirSync(path.join(ctx.dataDir, "nodes"), { mode: ctx.runAs ? 0o711 : 0o700 });
  const primary = ops.node(writer.node.name);
  ops.progress(`writer ${writer.id}: initdb (PostgreSQL ${ops.engineVersion})`);
  await initdb(ctx.bin, primary.pgData, ops.credentials.admin, ctx.runAs);
  primary.configure({ role: "writer" });
  await ops.startNode(primary, `writer ${writer.id}`);
  ops.routeEndpoint(writer.id, primary.port);
  ops.progress(
    `writer ${writer.id}: creating master user ${ops.credentials.master.username} and database ${ops.fleet.databaseName}`,
  );
  // CREATE DATABASE copies a template: more than a probe's time limit on a busy disk.
  await withNode(
    primary.address,
    ops.credentials.admin,
    ctx.tls.caCertPem,
    (db) => bootstrapWriter(db, ops.credentials, ops.fleet.databaseName),
    { queryTimeoutMs: SLOW_STATEMENT_TIMEOUT_MS },
  );
  await ops.asAdmin(primary, createStatementStatistics, { database: ops.fleet.databaseName });

  const followerRecords = [
    ...(writer.standby ? [{ name: writer.standby.name, role: "standby" as const }] : []),
    ...replicasOf(s, writer.id).map((r) => ({ name: r.node.name, role: "replica" as const })),
  ];
  const followers = followerRecords.map((f) => ops.node(f.name));
  ops.progress(`base backup of ${writer.id} for ${followers.map((f) => f.name).join(", ")}`);
  if (followers.length) await ops.clone(primary, followers);
  await Promise.all(
    followers.map((f) => {
      f.configure({ role: f.role, upstreamPort: writer.endpointPort });
      return ops.startNode(f, f.role === "standby" ? `standby of ${writer.id}` : `replica ${f.name}`);
    }),
  );
  await ops.waitStreaming(primary, followers);
  await enableSynchronousStandby(ops, writer);
  s.complete = true;
  ops.saveState();
  for (const i of s.instances) ops.setStatus(i.id, "available");
}

export async function warmBoot(ops: FleetOps): Promise<void> {
  const s = ops.state;
  // A stopped instance stays stopped across engine restarts: its nodes are not started.
  const primaries = s.instances.filter((i) => i.role === "writer" && !i.stopped);
  for (const stopped of s.instances.filter((i) => i.stopped)) {
    ops.progress(`${stopped.id}: stopped (started again automatically at ${stopped.stopped?.automaticRestartTime})`);
  }
  const rebuilding = primaries.filter((p) => p.standby && p.standbyNeedsRebuild === true);
  const toStart: { node: RuntimeNode; label: string }[] = [];
  for (const p of primaries) {
    const node = ops.node(p.node.name);
    const rebuild = rebuilding.includes(p);
    node.configure({ role: "writer", synchronousStandby: rebuild ? undefined : p.standby?.name });
    ops.routeEndpoint(p.id, node.port);
    toStart.push({ node, label: `writer ${p.id}` });
    // A standby whose failover was interrupted before it was re-cloned may have diverged: it is rebuilt, not started.
    if (p.standby && !rebuild) {
      const standby = ops.node(p.standby.name);
      standby.configure({ role: "standby", upstreamPort: p.endpointPort });
      toStart.push({ node: standby, label: `standby of ${p.id}` });
    }
  }
  for (const r of s.instances.filter((i) => i.role === "replica")) {
    const node = ops.node(r.node.name);
    const source = s.instances.find((i) => i.id === r.sourceId);
    if (!source)
      throw new EngineError(`Replica ${r.id} replicates from ${r.sourceId}, which is not in the fleet state.`);
    node.configure({ role: "replica", upstreamPort: source.endpointPort });
    toStart.push({ node, label: `replica ${r.id}` });
  }
  for (const { node } of toStart) {
    if (!isInitialised(node.pgData)) {
      throw new EngineError(
        `Node ${node.name} has no data at ${node.pgData}; the data directory is damaged. Run npm run fleet:reset.`,
      );
    }
  }
  // A writer waits for its synchronous standby before acknowledging commits, so they start together.
  await Promise.all(toStart.map(({ node, label }) => ops.startNode(node, label)));
  for (const p of primaries) {
    const followers = [
      ...(p.standby && !rebuilding.includes(p) ? [ops.node(p.standby.name)] : []),
      ...replicasOf(s, p.id).map((r) => ops.node(r.node.name)),
    ];
    await ops.waitStreaming(ops.node(p.node.name), followers);
  }
  for (const p of rebuilding) {
    ops.progress(`the standby of ${p.id} was being rebuilt when the fleet stopped: rebuilding it now`);
    await rebuildStandby(ops, p.id);
  }
  for (const p of primaries) await dropOrphanSlots(ops, p);
  for (const p of primaries) {
    await ops.asAdmin(ops.node(p.node.name), createStatementStatistics, { database: ops.fleet.databaseName });
  }
  for (const i of s.instances) ops.setStatus(i.id, i.stopped ? "stopped" : "available");
}

/** Set only once the standby streams: a writer that waits for a standby that does not exist yet would hang. */
export async function enableSynchronousStandby(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  if (!instance.standby) return;
  const standbyName = instance.standby.name;
  const primary = ops.node(instance.node.name);
  primary.configure({ role: "writer", synchronousStandby: standbyName });
  await ops.asAdmin(primary, async (db) => {
    await db.query("select pg_reload_conf()");
    for (let i = 0; i < 100; i++) {
      const { rows } = await db.query(
        "select 1 from pg_stat_replication where application_name = $1 and sync_state = 'sync'",
        [standbyName],
      );
      if (rows.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new EngineError(`${standbyName} did not become the synchronous standby`);
  });
  ops.progress(`standby of ${instance.id}: synchronous (commits wait for it)`);
}

/**
 * A create cut short by a stop is undone (its node's files removed); a delete
 * cut short is finished. Either way the fleet boots without it.
 */
export function settlePendingInstances(ops: FleetOps, dataDir: string): void {
  for (const instance of [...ops.state.instances]) {
    if (!instance.pending) continue;
    for (const name of [instance.node.name, ...(instance.standby ? [instance.standby.name] : [])]) {
      rmSync(path.join(dataDir, "nodes", name), { recursive: true, force: true });
    }
    ops.state.instances = ops.state.instances.filter((i) => i !== instance);
    if (instance.pending === "creating") {
      ops.log.warn({ instance: instance.id }, "instance creation interrupted by a stop: undone");
      ops.events.record("instanceFailed", instance.id, "Its creation was interrupted when the fleet stopped.");
    } else {
      ops.events.record("instanceDeleted", instance.id);
    }
    ops.progress(
      `${instance.id}: ${instance.pending} was interrupted by the last stop; ${instance.pending === "creating" ? "undone" : "finished"}`,
    );
  }
  ops.saveState();
}

/** Drops a follower's replication slot on its source, so the source stops retaining WAL for it. */
export async function dropSlot(ops: FleetOps, source: RuntimeNode, followerNode: string): Promise<void> {
  await ops.asAdmin(source, (db) =>
    db.query(
      "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active",
      [slotName(followerNode)],
    ),
  );
}

/** Slots no follower of this primary uses (left by a creation or deletion cut short) would retain WAL forever. */
async function dropOrphanSlots(ops: FleetOps, primary: InstanceRecord): Promise<void> {
  const wanted = new Set(
    [primary.standby?.name, ...replicasOf(ops.state, primary.id).map((r) => r.node.name)]
      .filter((n): n is string => n !== undefined)
      .map(slotName),
  );
  await ops.asAdmin(ops.node(primary.node.name), async (db) => {
    const { rows } = await db.query<{ slot_name: string }>(
      "select slot_name from pg_replication_slots where slot_type = 'physical' and not active and not temporary",
    );
    for (const { slot_name } of rows) {
      if (wanted.has(slot_name)) continue;
      ops.log.info({ instance: primary.id, slot: slot_name }, "dropping a replication slot no follower uses");
      await db.query("select pg_drop_replication_slot($1)", [slot_name]);
    }
  });
}
