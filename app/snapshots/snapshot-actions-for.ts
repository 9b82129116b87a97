import type { Role } from "@/lib/auth/roles";
import { allows } from "@/lib/auth/roles";
import {
  createSnapshotAction,
  deleteAutomatedBackupAction,
  deleteSnapshotAction,
  restoreBackupToTimeAction,
  restoreSnapshotAction,
} from "./actions";

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

/** The automated-backup rows' buttons: restoring to a point in time is the operator's, deleting a retained one the admin's. */
export function automatedBackupActionsFor(role: Role) {
  return {
    restore: allows(role, "operator") ? restoreBackupToTimeAction : undefined,
    remove: allows(role, "admin") ? deleteAutomatedBackupAction : undefined,
  };
}
