/** ModifyDBInstance DBParameterGroupName: which group an instance uses (applied at its next reboot). */
import { EngineFault, type FleetOps } from "../fleet-ops.js";
import { assignParameterGroup } from "./apply-parameters.js";

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
