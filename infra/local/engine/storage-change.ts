/**
 * AllocatedStorage, MaxAllocatedStorage and StorageType. Storage only grows,
 * by at least 10 %, and storage autoscaling's ceiling must stay 10 % above
 * the allocation (AWS's errors, in its words). A change shows as
 * storage-optimization with PercentProgress for a while afterwards, during
 * which RDS refuses another storage change; the instance serves throughout.
 */
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord, StorageType } from "./fleet-state";
import type { InstanceSettings } from "./instance-settings";

/** How long a storage change's optimisation shows: a base plus a second per GiB added, as larger changes take longer. */
const OPTIMIZATION_BASE_MS = 10_000;
const OPTIMIZATION_MS_PER_GIB = 1_000;
const OPTIMIZATION_MAX_MS = 60_000;

export const MAX_STORAGE_GIB = 65536;

export type StorageRequest = { allocatedStorage?: number; maxAllocatedStorage?: number; storageType?: StorageType };

/** The smallest allocation a storage change may ask for: 10 % above the current one. */
export const smallestGrowth = (gib: number) => Math.ceil(gib * 1.1);

export function assertStorageChange(
  record: InstanceRecord,
  current: InstanceSettings,
  req: StorageRequest,
  now: Date,
): void {
  const touchesStorage = req.allocatedStorage !== undefined || req.storageType !== undefined;
  if (touchesStorage && optimizationProgress(record, now) !== undefined) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "You can't currently modify the storage of this DB instance because the previous storage change is being optimized.",
    );
  }
  const allocated = req.allocatedStorage ?? record.pendingModifiedValues?.allocatedStorage ?? current.allocatedStorage;
  if (req.allocatedStorage !== undefined) {
    if (req.allocatedStorage > MAX_STORAGE_GIB) {
      throw new EngineFault(
        "InvalidParameterValue",
        `Invalid storage size for engine name postgres and storage type ${req.storageType ?? current.storageType}: ${req.allocatedStorage}`,
      );
    }
    if (req.allocatedStorage < smallestGrowth(current.allocatedStorage)) {
      throw new EngineFault(
        "InvalidParameterCombination",
        `The allocated storage must be increased by at least 10 percent (to at least ${smallestGrowth(current.allocatedStorage)} GiB from ${current.allocatedStorage} GiB); storage cannot be reduced.`,
      );
    }
  }
  const ceiling = req.maxAllocatedStorage ?? current.maxAllocatedStorage;
  if (
    (req.maxAllocatedStorage !== undefined || req.allocatedStorage !== undefined) &&
    ceiling < smallestGrowth(allocated)
  ) {
    throw new EngineFault(
      "InvalidParameterCombination",
      "The maximum allocated storage must be increased by at least 10 percent.",
    );
  }
  if (req.maxAllocatedStorage !== undefined && req.maxAllocatedStorage > MAX_STORAGE_GIB) {
    throw new EngineFault(
      "InvalidParameterValue",
      `Invalid max storage size for engine name postgres: ${req.maxAllocatedStorage}`,
    );
  }
}

/**
 * Applies a queued or immediate AllocatedStorage / StorageType change, or
 * storage autoscaling's growth: events 0018 and 0017 (0217 and 0218 for
 * autoscaling), then optimisation.
 */
export function applyStorageChange(
  ops: FleetOps,
  record: InstanceRecord,
  current: InstanceSettings,
  change: { allocatedStorage?: number; storageType?: StorageType },
  initiatedBy: "request" | "autoscaling" = "request",
): void {
  if (change.allocatedStorage === undefined && change.storageType === undefined) return;
  const autoscaling = initiatedBy === "autoscaling";
  ops.events.record(autoscaling ? "autoscalingStarted" : "storageChangeStarted", record.id);
  const added = (change.allocatedStorage ?? current.allocatedStorage) - current.allocatedStorage;
  if (change.allocatedStorage !== undefined) record.allocatedStorage = change.allocatedStorage;
  if (change.storageType !== undefined) record.storageType = change.storageType;
  const now = ops.now();
  const ms = Math.min(OPTIMIZATION_BASE_MS + added * OPTIMIZATION_MS_PER_GIB, OPTIMIZATION_MAX_MS);
  record.storageOptimization = { from: now.toISOString(), until: new Date(now.getTime() + ms).toISOString() };
  ops.saveState();
  ops.events.record(autoscaling ? "autoscalingFinished" : "storageChangeFinished", record.id);
}

/** While a storage change is being optimised: how far along it is (0–99 %). */
export function optimizationProgress(record: InstanceRecord, now: Date): number | undefined {
  const o = record.storageOptimization;
  if (!o) return undefined;
  const from = Date.parse(o.from);
  const until = Date.parse(o.until);
  if (now.getTime() >= until) return undefined;
  return Math.max(0, Math.min(99, Math.floor(((now.getTime() - from) / (until - from)) * 100)));
}
