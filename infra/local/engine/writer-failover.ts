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
import { signalServerTree } from "../pg/process-tree.js";
import type { FleetOps } from "./fleet-ops.js";
import { slotName } from "./runtime-node.js";

export type FailoverReason = { kind: "manual" } | { kind: "automatic"; cause: string };

export type FailoverOutcome = { from: string; to: string; fromAz: string; toAz: string; writesUnavailableMs: number };

export async function failOverWriter(ops: FleetOps, reason: FailoverReason): Promise<FailoverOutcome> {
  const id = ops.state.writer.id;
  const oldPrimary = ops.primary();
  const standby = ops.standby();
  const standbyState = ops.state.writer.standby;
  if (!standby || !standbyState) throw new Error(`${id} has no standby to fail over to`);
  const why = reason.kind === "manual" ? "manual (RebootDBInstance with ForceFailover)" : `automatic: ${reason.cause}`;
  const from = { node: oldPrimary.name, az: ops.state.writer.primary.az };
  const to = { node: standby.name, az: standbyState.az };

  const started = performance.now();
  ops.setStatus(id, "rebooting");
  ops.events.record("failoverStarted", id, `Reason: ${why}. From ${from.az} (${from.node}) to ${to.az} (${to.node}).`);
  ops.progress(`failover of ${id} (${why}): ${from.node} → ${to.node}`);
  ops.routeWriter(undefined);

  if (oldPrimary.postmaster.running) {
    if (reason.kind === "manual") {
      // A clean shutdown streams the final WAL to every follower before the process exits.
      await oldPrimary.postmaster.stop();
    } else {
      // It is alive but not answering: fence it so it can never accept another write.
      signalServerTree(oldPrimary.postmaster.pid!, "SIGKILL");
      await oldPrimary.postmaster.waitExit();
    }
  }

  await ops.asAdmin(standby, async (db) => {
    await db.query("select pg_promote(true, 60)");
  });
  standby.configure({ role: "writer" });
  await ops.asAdmin(standby, async (db) => {
    await db.query("select pg_reload_conf()");
    // The replicas and the future standby stream from here now; their slots must exist before they reconnect.
    for (const follower of [...ops.replicaNodes(), oldPrimary]) {
      await db.query(
        "select pg_create_physical_replication_slot($1, true) where not exists (select 1 from pg_replication_slots where slot_name = $1)",
        [slotName(follower.name)],
      );
    }
  });

  ops.state.writer.primary = { ...standbyState };
  ops.state.writer.standby = { name: oldPrimary.name, port: oldPrimary.port, az: from.az };
  ops.state.writer.standbyNeedsRebuild = true;
  ops.saveState();
  ops.routeWriter(standby.port);
  const writesUnavailableMs = Math.round(performance.now() - started);
  ops.setStatus(id, "available");
  ops.events.record("failoverPromoted", id, `Writes were unavailable for ${writesUnavailableMs} ms.`);
  ops.progress(
    `failover of ${id}: ${to.node} is the writer (writes unavailable ${writesUnavailableMs} ms); rebuilding ${from.node}`,
  );

  await rebuildStandby(ops);
  ops.events.record("failoverCompleted", id);
  return { from: from.node, to: to.node, fromAz: from.az, toAz: to.az, writesUnavailableMs };
}

/** Re-creates the standby from the writer by base backup, then makes it synchronous again. */
export async function rebuildStandby(ops: FleetOps): Promise<void> {
  const id = ops.state.writer.id;
  const primary = ops.primary();
  const standby = ops.standby();
  if (!standby) return;
  ops.events.record("recoveryStarted", id);
  if (standby.postmaster.running) await standby.postmaster.stop();
  await ops.clone(primary, [standby]);
  standby.configure({ role: "standby", upstreamPort: ops.state.writer.endpointPort });
  await ops.startNode(standby, `standby of ${id}`);
  await ops.waitStreaming([standby]);
  primary.configure({ role: "writer", synchronousStandby: standby.name });
  await ops.asAdmin(primary, (db) => db.query("select pg_reload_conf()"));
  ops.state.writer.standbyNeedsRebuild = false;
  ops.saveState();
  ops.events.record("recoveryCompleted", id);
  ops.progress(`standby of ${id}: rebuilt on ${standby.name}, synchronous again`);
}
