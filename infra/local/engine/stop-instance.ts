/**
 * StopDBInstance as RDS does it: an optional snapshot first, then the
 * instance's postgres (and a Multi-AZ standby) shut down; its endpoint
 * refuses connections until StartDBInstance or RDS's automatic start 7 days
 * on. RDS refuses it for read replicas and for sources of read replicas.
 */
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";
import { flushArchive } from "./snapshots/flush-archive";
import { beginSnapshot, failSnapshot, fillSnapshot } from "./snapshots/take-snapshot";
import { archiveDirOf } from "./snapshots/wal-archive";

/** How long RDS keeps an instance stopped before starting it again (User Guide, "Stopping an Amazon RDS DB instance temporarily"). */
export const MAX_STOPPED_MS = 7 * 24 * 60 * 60 * 1000;

/** The refusals StopDBInstance and StartDBInstance share, in RDS's words. */
export function assertStoppable(ops: FleetOps, instance: InstanceRecord): void {
  if (instance.role === "replica") {
    throw new EngineFault("InvalidDBInstanceState", "Cannot stop or start a Read-Replica instance");
  }
  const replicas = replicasOf(ops.state, instance.id);
  if (replicas.length > 0) {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `Cannot stop or start DB instance ${instance.id} because it has read replicas: ${replicas.map((r) => r.id).join(", ")}.`,
    );
  }
}

export function stopInstance(ops: FleetOps, id: string, snapshotId: string | undefined): void {
  const instance = ops.requireInstance(id);
  assertStoppable(ops, instance);
  ops.actions.assertIdle(id);
  const status = ops.status(id);
  if (status !== "available")
    throw new EngineFault("InvalidDBInstanceState", `Instance ${id} is not in available state.`);
  const snapshot = snapshotId
    ? beginSnapshot(ops, { instanceId: id, snapshotId, type: "manual", at: ops.now(), allowedStatus: status })
    : undefined;
  ops.setStatus(id, "stopping");
  ops.actions.run(
    id,
    "stop",
    async () => {
      if (snapshot) {
        // RDS stops the instance only once the snapshot asked for exists.
        await fillSnapshot(ops, snapshot).catch((error: Error) => {
          failSnapshot(ops, snapshot, error);
          throw error;
        });
      }
      ops.progress(`${id}: stopping`);
      if (instance.backupRetentionPeriod > 0) {
        // RDS keeps a stopped instance's transaction logs for point-in-time restore: all it committed is archived.
        await flushArchive(
          ops,
          ops.node(instance.node.name),
          archiveDirOf(ops.config.dataDir, instance.dbiResourceId),
        ).catch((error: Error) =>
          ops.log.warn({ instance: id, err: error.message }, "could not archive the last WAL before stopping"),
        );
      }
      await haltInstanceNodes(ops, instance);
      const at = ops.now();
      instance.stopped = {
        at: at.toISOString(),
        automaticRestartTime: new Date(at.getTime() + MAX_STOPPED_MS).toISOString(),
      };
      ops.saveState();
      ops.setStatus(id, "stopped");
      ops.events.record("instanceStopped", id);
      ops.progress(`${id}: stopped (started again automatically at ${instance.stopped.automaticRestartTime})`);
    },
    () => {
      // The snapshot failed or a node would not stop: the instance goes on serving, watched as before.
      resumeMonitors(ops, instance);
      ops.settleStatus(id);
    },
  );
}

/** Watches an instance's running nodes again (after a stop that did not happen, or a start). */
export function resumeMonitors(ops: FleetOps, instance: InstanceRecord): void {
  for (const name of [instance.node.name, instance.standby?.name]) {
    const node = name === undefined ? undefined : ops.findNode(name);
    if (node?.postmaster.running) node.monitor.start();
  }
}

/**
 * Its monitors first (a stopped node is not a failed one: no probe failures,
 * no automatic failover), then the endpoint, then the writer before its
 * standby so the shutdown checkpoint reaches the standby.
 */
export async function haltInstanceNodes(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  const writer = ops.node(instance.node.name);
  const standby = instance.standby ? ops.node(instance.standby.name) : undefined;
  for (const node of [writer, standby]) {
    if (!node) continue;
    await node.monitor.stop();
    node.monitor.health = { answering: false, failures: 0, error: "stopped", checkedAt: Date.now() };
  }
  ops.routeEndpoint(instance.id, undefined);
  await writer.postmaster.stop();
  await standby?.postmaster.stop();
}
