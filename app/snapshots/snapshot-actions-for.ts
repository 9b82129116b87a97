import type { Role } from "@/lib/auth/roles";
import { allows } from "@/lib/auth/roles";
import { createSnapshotAction, deleteSnapshotAction, restoreSnapshotAction } from "./actions";

export { createSnapshotAction };

/**
 * The snapshot rows' buttons a role may see: restoring is the operator's,
 * deleting the admin's. The server actions check the same roles again.
 */
export function snapshotActionsFor(role: Role) {
  return {
    restore: allows(role, "operator") ? restoreSnapshotAction : undefined,
    remove: allows(role, "admin") ? deleteSnapshotAction : undefined,
  };
}
