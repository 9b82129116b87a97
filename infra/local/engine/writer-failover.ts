/**
 * A Multi-AZ failover of the writer instance: the synchronous standby becomes
 * the writer, the writer endpoint follows it, the replicas follow through the
 * endpoint, and the old writer is rebuilt as the new standby. Used for
 * RebootDBInstance with ForceFailover and, automatically, when the writer dies
 * or stops answering.
 *
 * No acknowledged commit is lost: commits wait for the standby
 * (synchronous_standby_names), and the old writer is stopped — or fenced with
 * SIGKILL — before the standby is promoted, so there are never two writers.
 */
import { signalServerTree } from "../pg/process-tree";
import type { FleetOps } from "./fleet-ops";
import { replicasOf } from "./fleet-state";
import { promoteNode } from "./promote-node";
import { slotName } from "./runtime-node";

export type FailoverReason =
  | { kind: "manual" }
  | { kind: "automatic"; cause: string }
  /** Part of a ModifyDBInstance change (a class change): the instance stays `modifying` throughout. */
  | { kind: "modification"; what: string };

function describeReason(reason: FailoverReason): string {
  switch (reason.kind) {
    case "manual":
      return "manual (RebootDBInstance with ForceFailover)";
    case "automatic":
      return `automatic: ${reason.cause}`;
    case "modification":
      return `ModifyDBInstance: ${reason.what}`;
  }
}

export type FailoverOutcome = { from: string; to: string; fromAz: string; toAz: string; writesUnavailableMs: number };

export async function failOverWriter(ops: FleetOps, id: string, reason: FailoverReason): Promise<FailoverOutcome> {
  const instance = ops.requireInstance(id);
  const oldPrimary = ops.node(instance.node.name);
  const standbyState = instance.standby;
  if (!standbyState) throw new Error(`${id} has no standby to fail over to`);
  const standby = ops.node(standbyState.name);
  const why = describeReason(reason);
  const busy = reason.kind === "modification" ? "modifying" : "rebooting";
  const from = { node: oldPrimary.name, az: instance.node.az };
  const to = { node: standby.name, az: standbyState.az };

  const started = performance.now();
  ops.setStatus(id, busy);
  ops.events.record("failoverStarted", id, `Reason: ${why}. From ${from.az} (${from.node}) to ${to.az} (${to.node}).`);
  ops.progress(`failover of ${id} (${why}): ${from.node} → ${to.node}`);
  ops.routeEndpoint(id, undefined);

  if (oldPrimary.postmaster.running) {
    if (reason.kind !== "automatic") {
      // A clean shutdown streams the final WAL to every follower before the process exits.
      await oldPrimary.postmaster.stop();
    } else {
      // It is alive but not answering: fence it so it can never accept another write.
      signalServerTree(oldPrimary.postmaster.pid!, "SIGKILL");
      await oldPrimary.postmaster.waitExit();
    }
  }

  await promoteNode(ops, standby);
  standby.configure({ role: "writer" });
  await ops.asAdmin(standby, async (db) => {
    await db.query("select pg_reload_conf()");
    // The replicas and the future standby stream from here now; their slots must exist before they reconnect.
    const followers = [...replicasOf(ops.state, id).map((r) => r.node.name), oldPrimary.name];
    for (const follower of followers) {
      await db.query(
        "select pg_create_physical_replication_slot($1, true) where not exists (select 1 from pg_replication_slots where slot_name = $1)",
        [slotName(follower)],
      );
    }
  });

  instance.node = { ...standbyState };
  instance.standby = { name: oldPrimary.name, port: oldPrimary.port, az: from.az };
  instance.standbyNeedsRebuild = true;
  ops.saveState();
  ops.routeEndpoint(id, standby.port);
  const writesUnavailableMs = Math.round(performance.now() - started);
  if (reason.kind !== "modification") ops.setStatus(id, "available");
  ops.events.record("failoverPromoted", id, `Writes were unavailable for ${writesUnavailableMs} ms.`);
  ops.progress(
    `failover of ${id}: ${to.node} is the writer (writes unavailable ${writesUnavailableMs} ms); rebuilding ${from.node}`,
  );

  await rebuildStandby(ops, id);
  ops.events.record("failoverCompleted", id);
  return { from: from.node, to: to.node, fromAz: from.az, toAz: to.az, writesUnavailableMs };
}

/** Re-creates the standby from the primary by base backup, then makes it synchronous again. */
export async function rebuildStandby(ops: FleetOps, id: string): Promise<void> {
  const instance = ops.requireInstance(id);
  if (!instance.standby) return;
  const primary = ops.node(instance.node.name);
  const standby = ops.node(instance.standby.name);
  ops.events.record("recoveryStarted", id);
  if (standby.postmaster.running) await standby.postmaster.stop();
  await ops.clone(primary, [standby]);
  standby.configure({ role: "standby", upstreamPort: instance.endpointPort });
  await ops.startNode(standby, `standby of ${id}`);
  await ops.waitStreaming(primary, [standby]);
  primary.configure({ role: "writer", synchronousStandby: standby.name });
  await ops.asAdmin(primary, (db) => db.query("select pg_reload_conf()"));
  instance.standbyNeedsRebuild = false;
  ops.saveState();
  ops.events.record("recoveryCompleted", id);
  ops.progress(`standby of ${id}: rebuilt on ${standby.name}, synchronous again`);
}
