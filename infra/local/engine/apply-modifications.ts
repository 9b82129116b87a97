/**
 * Applies an instance's queued modifications (PendingModifiedValues) as one
 * action, status `modifying`: storage and a backup retention switch first (no restart), then the class (a
 * restart, or a failover on a Multi-AZ writer), with a standby removed before
 * or added after it. Each value leaves
 * PendingModifiedValues once it is applied, as on RDS.
 */

import { applyRetentionSwitch } from "./backup-retention";
import { applyClassChange } from "./class-change";
import type { FleetOps } from "./fleet-ops";
import type { PendingModifications } from "./fleet-state";
import { instanceSettings } from "./instance-settings";
import { applyMasterPassword } from "./master-password";
import { applyMultiAzChange } from "./multi-az-change";
import { applyStorageChange } from "./storage-change";

export const hasPending = (p: PendingModifications | undefined): p is PendingModifications =>
  p !== undefined && Object.values(p).some((v) => v !== undefined);

/**
 * Starts applying what is queued (with `queued` false, only the master
 * password, which never waits); the instance shows `modifying` (or
 * `resetting-master-credentials`) at once. Nothing to do: nothing happens.
 */
export function applyPendingModifications(
  ops: FleetOps,
  id: string,
  { queued = true, masterUserPassword }: { queued?: boolean; masterUserPassword?: string } = {},
): boolean {
  const record = ops.requireInstance(id);
  const pendingToo = queued && hasPending(record.pendingModifiedValues);
  if (!pendingToo && masterUserPassword === undefined) return false;
  ops.actions.claim(id, "modification");
  ops.setStatus(id, pendingToo ? "modifying" : "resetting-master-credentials");
  ops.actions.continue(
    id,
    "modification",
    async () => {
      // After this request's answer: it shows the instance modifying with what is being applied, as RDS's does.
      await new Promise((resolve) => setImmediate(resolve));
      if (masterUserPassword !== undefined) await applyMasterPassword(ops, id, masterUserPassword);
      if (!pendingToo) {
        ops.setStatus(id, "available");
        return;
      }
      const r = ops.requireInstance(id);
      const pending = { ...r.pendingModifiedValues };
      applyStorageChange(ops, r, instanceSettings(ops.fleet, r), pending);
      if (pending.backupRetentionPeriod !== undefined) applyRetentionSwitch(ops, r, pending.backupRetentionPeriod);
      r.pendingModifiedValues = { instanceClass: pending.instanceClass, multiAZ: pending.multiAZ };
      ops.saveState();
      // Removing a standby first spares it a class change; adding one after clones it at the new class.
      if (pending.multiAZ === false) await applyMultiAzChange(ops, id, false);
      if (pending.instanceClass !== undefined) await applyClassChange(ops, id, pending.instanceClass);
      if (pending.multiAZ === true) await applyMultiAzChange(ops, id, true);
      r.pendingModifiedValues = undefined;
      ops.saveState();
      ops.setStatus(id, "available");
    },
    () => ops.settleStatus(id),
  );
  return true;
}
