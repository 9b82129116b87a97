/** Which DB parameter group an instance uses: switched by ModifyDBInstance (applied at its next reboot), or given at creation. */
import { EngineFault, type FleetOps } from "../fleet-ops";
import { assignParameterGroup } from "./apply-parameters";

export function assignInstanceParameterGroup(ops: FleetOps, instanceId: string, groupName: string): void {
  const instance = ops.requireInstance(instanceId);
  const group = ops.parameterGroups.require(groupName);
  ops.actions.assertIdle(instance.id);
  if (ops.status(instance.id) !== "available") {
    throw new EngineFault(
      "InvalidDBInstanceState",
      `Instance ${instance.id} is not in available state (it is ${ops.status(instance.id)}).`,
    );
  }
  assignParameterGroup(ops, instance, group.name, ops.parameterGroups.defaultName);
}

/**
 * The group a new replica or restored instance is created with: checked now
 * (DBParameterGroupNotFound before anything is claimed); undefined for the
 * default group. Its values are in the node's config from its first start.
 */
export function newInstanceParameterGroup(ops: FleetOps, groupName: string | undefined): string | undefined {
  if (groupName === undefined) return undefined;
  const group = ops.parameterGroups.require(groupName);
  return ops.parameterGroups.isDefault(group.name) ? undefined : group.name;
}
