/**
 * How a parameter group reaches the instances using it: each node's
 * rdsdeck-parameters.conf is rewritten with the group's values; dynamic
 * parameters go live with a reload (ParameterApplyStatus applying → in-sync),
 * static ones wait for the next reboot (pending-reboot), as on RDS.
 */
import type pg from "pg";
import type { FleetOps } from "../fleet-ops";
import type { InstanceRecord } from "../fleet-state";

export type ParameterApplyStatus = NonNullable<InstanceRecord["parameterApplyStatus"]>;

/** After a group changed: rewrite its instances' nodes' files and reload them. */
export function pushGroupToInstances(ops: FleetOps, instanceIds: string[], needsReboot: boolean): void {
  for (const id of instanceIds) {
    const instance = ops.requireInstance(id);
    const wasPending = instance.parameterApplyStatus === "pending-reboot";
    instance.parameterApplyStatus = needsReboot || wasPending ? "pending-reboot" : "applying";
    ops.saveState();
    reloadNodes(ops, instance)
      .then(() => {
        if (instance.parameterApplyStatus !== "applying") return;
        instance.parameterApplyStatus = "in-sync";
        ops.saveState();
        ops.events.record("parameterGroupApplied", instance.id);
      })
      .catch((error: Error) => {
        // The file is written: the values take effect when the node next starts.
        ops.log.warn(
          { instance: id, err: error.message },
          "could not reload parameters; they apply at the next reboot",
        );
        instance.parameterApplyStatus = "pending-reboot";
        ops.saveState();
      });
  }
}

/**
 * ModifyDBInstance DBParameterGroupName: the instance uses the new group at
 * once, but its values (static and dynamic) take effect only when the
 * instance reboots, as on RDS: its nodes hold their current values (in their
 * files too, so no reload applies the new ones) until they next start.
 */
export function assignParameterGroup(
  ops: FleetOps,
  instance: InstanceRecord,
  groupName: string,
  defaultName: string,
): void {
  const current = instance.parameterGroupName ?? defaultName;
  if (current === groupName) return;
  const next = groupName === defaultName ? undefined : groupName;
  ops.parameterGroups.holdForGroupSwitch(instance.id, next);
  instance.parameterGroupName = next;
  instance.parameterApplyStatus = "pending-reboot";
  ops.saveState();
  for (const name of nodeNamesOf(instance)) ops.findNode(name)?.reconfigure();
  ops.events.record("parameterGroupChanged", instance.id, `${groupName}.`);
}

/** After the instance's postgres restarted: every value of its group is live. */
export function settleParametersAfterRestart(ops: FleetOps, instanceId: string): void {
  const instance = ops.state.instances.find((i) => i.id === instanceId);
  if (!instance || (instance.parameterApplyStatus ?? "in-sync") === "in-sync") return;
  instance.parameterApplyStatus = "in-sync";
  ops.saveState();
  ops.events.record("parameterGroupApplied", instance.id);
}

/** After the engine started every node afresh, every instance runs its group's values (those written at configure). */
export function settleParametersAfterBoot(ops: FleetOps): void {
  const unsettled = ops.state.instances.filter((i) => (i.parameterApplyStatus ?? "in-sync") !== "in-sync");
  for (const instance of unsettled) instance.parameterApplyStatus = "in-sync";
  if (unsettled.length > 0) ops.saveState();
}

/** Rewrites an instance's nodes' config files and reloads them; resolves once each node's backend has the new values. */
export async function reloadNodes(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  for (const name of nodeNamesOf(instance)) {
    const node = ops.findNode(name);
    if (!node?.reconfigure() || !node.postmaster.running) continue;
    await ops.asAdmin(node, async (db) => {
      const before = await loadTime(db);
      await db.query("select pg_reload_conf()");
      // The reload is a signal: "applying" ends only once this backend has read the new file too.
      for (let i = 0; i < 100 && (await loadTime(db)) === before; i++) await new Promise((r) => setTimeout(r, 50));
    });
  }
}

async function loadTime(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ t: string }>("select pg_conf_load_time()::text as t");
  return rows[0]?.t ?? "";
}

const nodeNamesOf = (instance: InstanceRecord): string[] =>
  [instance.node.name, instance.standby?.name].filter((n): n is string => n !== undefined);
