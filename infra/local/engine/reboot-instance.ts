/**
 * RebootDBInstance: restarts the instance's postgres, or with ForceFailover
 * fails over to the standby. Either way a reboot applies the parameter
 * group's pending-reboot values: before failing over, a standby that would
 * start the new writer on old static values restarts first (the old writer
 * is rebuilt as the standby on the new ones).
 */
import { restartStandbyWithSettings } from "./class-change";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { settleParametersAfterRestart } from "./parameters/apply-parameters";
import { failOverWriter } from "./writer-failover";

export function rebootInstance(ops: FleetOps, id: string, forceFailover: boolean): void {
  const instance = ops.requireInstance(id);
  if (forceFailover && !instance.standby) {
    throw new EngineFault("InvalidParameterCombination", "Cannot do a forced failover on a non Multi-AZ instance.");
  }
  const status = ops.status(id);
  ops.actions.assertIdle(id);
  // A failed instance may be rebooted: that is how an operator brings a crashed replica back.
  if (status !== "available" && status !== "failed") {
    throw new EngineFault("InvalidDBInstanceState", `Instance ${id} is not in available state (it is ${status}).`);
  }
  if (forceFailover) {
    ops.actions.run(
      id,
      "failover",
      async () => {
        const pendingReboot = ops.requireInstance(id).parameterApplyStatus === "pending-reboot";
        if (pendingReboot) {
          ops.progress(`${id}: restarting the standby with the pending-reboot parameters before failing over`);
          await restartStandbyWithSettings(ops, ops.requireInstance(id));
        }
        await failOverWriter(ops, id, { kind: "manual" });
        if (pendingReboot) settleParametersAfterRestart(ops, id);
      },
      () => ops.settleStatus(id),
    );
    return;
  }
  ops.setStatus(id, "rebooting");
  ops.actions.run(
    id,
    "reboot",
    async () => {
      const node = ops.node(ops.requireInstance(id).node.name);
      ops.events.record("shutdown", id);
      await node.postmaster.stop();
      await ops.startNode(node, instance.role === "replica" ? `replica ${id}` : `writer ${id}`);
      settleParametersAfterRestart(ops, id);
      if (instance.role === "replica") {
        const source = ops.requireInstance(instance.sourceId ?? "");
        await ops.waitStreaming(ops.node(source.node.name), [node], 30_000);
      }
      ops.setStatus(id, "available");
      ops.events.record("restarted", id);
    },
    () => ops.settleStatus(id),
  );
}
