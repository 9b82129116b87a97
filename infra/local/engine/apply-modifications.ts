/**
 * Applies an instance's queued modifications (PendingModifiedValues) as one
 * action, status `modifying`: storage first (no restart), then the class (a
 * restart, or a failover on a Multi-AZ writer), with a standby removed before
 * or added after it. Each value leaves
 * PendingModifiedValues once it is applied, as on RDS.
 */

import { applyClassChange } from "./class-change.js";
import type { FleetOps } from "./fleet-ops.js";
import type { PendingModifications } from "./fleet-state.js";
import { instanceSettings } from "./instance-settings.js";
import { applyMultiAzChange } from "./multi-az-change.js";
import { applyStorageChange } from "./storage-change.js";

export const hasPending = (p: PendingModifications | undefined): p is PendingModifications =>
  p !== undefined && Object.values(p).some((v) => v !== undefined);

/** Starts applying what is queued; the instance shows `modifying` at once. Nothing queued: nothing happens. */
export function applyPendingModifications(ops: FleetOps, id: string): boolean {
  const record = ops.requireInstance(id);
  if (!hasPending(record.pendingModifiedValues)) return false;
  ops.actions.claim(id, "modification");
  ops.setStatus(id, "modifying");
  ops.actions.continue(
    id,
    "modification",
    async () => {
      // After this request's answer: it shows the instance modifying with what is being applied, as RDS's does.
      await new Promise((resolve) => setImmediate(resolve));
      const r = ops.requireInstance(id);
      const pending = { ...r.pendingModifiedValues };
      applyStorageChange(ops, r, instanceSettings(ops.fleet, r), pending);
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
