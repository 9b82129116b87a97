import { may } from "@/lib/auth/action-roles";
import type { Role } from "@/lib/auth/roles";
import {
  createSnapshotAction,
  deleteAutomatedBackupAction,
  deleteSnapshotAction,
  restoreBackupToTimeAction,
  restoreSnapshotAction,
} from "./actions";

export { createSnapshotAction };

/** The snapshot rows' buttons a role may see, by the role table; the server actions check it again. */
export function snapshotActionsFor(role: Role) {
  return {
    restore: may(role, "restore-db-instance-from-snapshot") ? restoreSnapshotAction : undefined,
    remove: may(role, "delete-snapshot") ? deleteSnapshotAction : undefined,
  };
}

/** The automated-backup rows' buttons: restoring one to a point in time, deleting a retained one. */
export function automatedBackupActionsFor(role: Role) {
  return {
    restore: may(role, "restore-db-instance-to-point-in-time") ? restoreBackupToTimeAction : undefined,
    remove: may(role, "delete-db-instance-automated-backup") ? deleteAutomatedBackupAction : undefined,
  };
}
