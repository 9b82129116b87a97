import { commonErrors } from "../common-errors";
import type { RdsBackend } from "../rds-backend";

/**
 * ModifyDBInstance's DBParameterGroupName: the instance uses the group from its
 * next reboot. Run before the call's other changes: it checks the same instance
 * state, so a refusal here leaves everything unchanged.
 */
export function assignInstanceParameterGroup(
  backend: RdsBackend,
  request: { DBInstanceIdentifier: string; DBParameterGroupName?: string },
): void {
  if (request.DBParameterGroupName === undefined) return;
  if (!backend.parameterGroups) {
    throw commonErrors.invalidParameterCombination("This backend does not support DBParameterGroupName.");
  }
  backend.parameterGroups.assignDBParameterGroup({
    instanceId: request.DBInstanceIdentifier,
    name: request.DBParameterGroupName,
  });
}
