/**
 * Storage autoscaling (MaxAllocatedStorage above AllocatedStorage), by the
 * User Guide's rules ("Managing capacity automatically with Amazon RDS
 * storage autoscaling"): RDS grows the storage when free space is at most
 * 10 % of the allocation, has been for at least five minutes, and at least
 * six hours have passed since the last storage change (and its optimisation
 * is over). It grows by the greatest of 10 GiB, 10 % of the allocation, and
 * the growth the last hour's measurements predict over the next 7 hours
 * beyond the allocation, never past MaxAllocatedStorage. Events 0217/0218,
 * and 0225 once the allocation reaches 80 % of the ceiling. The five minutes
 * and six hours are RDSDECK_STORAGE_AUTOSCALING_LOW_SECONDS and
 * _COOLDOWN_SECONDS, which tests shorten.
 */
import type { FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { instanceSettings } from "./instance-settings";
import { applyStorageChange, optimizationProgress } from "./storage-change";

const LOW_FREE_FRACTION = 0.1;
const MIN_GROWTH_GIB = 10;
const PREDICTION_WINDOW_MS = 60 * 60_000;
const PREDICTION_HORIZON_MS = 7 * 60 * 60_000;
/** RDS-EVENT-0225: "invoked when the allocated storage reaches 80% of the maximum storage threshold". */
const NEAR_CEILING_FRACTION = 0.8;

type Measurement = { at: number; used: number };

export class StorageAutoscaling {
  /** When each instance's free space last fell to 10 % or less (in memory: a restart starts the five minutes again). */
  private readonly lowSince = new Map<string, number>();
  /** The last hour of each instance's measurements, for the 7-hour prediction. */
  private readonly history = new Map<string, Measurement[]>();

  constructor(private readonly ops: FleetOps) {}

  /** Takes one measurement of an instance and grows its storage if the rules say so. */
  observe(instance: InstanceRecord, used: number, allocated: number): void {
    const now = this.ops.now().getTime();
    const history = (this.history.get(instance.id) ?? []).filter((m) => now - m.at <= PREDICTION_WINDOW_MS);
    history.push({ at: now, used });
    this.history.set(instance.id, history);

    const settings = instanceSettings(this.ops.fleet, instance);
    if (settings.maxAllocatedStorage <= settings.allocatedStorage || allocated - used > allocated * LOW_FREE_FRACTION) {
      this.lowSince.delete(instance.id);
      return;
    }
    const since = this.lowSince.get(instance.id) ?? now;
    this.lowSince.set(instance.id, since);
    if (now - since < this.ops.config.autoscalingLowMs || !this.cooledDown(instance, now)) return;
    if (this.ops.actions.has(instance.id)) return;

    const target = Math.min(
      settings.maxAllocatedStorage,
      settings.allocatedStorage + this.growthGib(settings.allocatedStorage, used, allocated, history),
    );
    this.lowSince.delete(instance.id);
    this.ops.progress(`${instance.id}: storage autoscaling from ${settings.allocatedStorage} to ${target} GiB`);
    applyStorageChange(this.ops, instance, settings, { allocatedStorage: target }, "autoscaling");
    if (target >= settings.maxAllocatedStorage * NEAR_CEILING_FRACTION) {
      this.ops.events.record(
        "autoscalingNearCeiling",
        instance.id,
        `${target} GB is approaching the maximum storage threshold ${settings.maxAllocatedStorage} GB. Increase the maximum storage threshold.`,
      );
    }
  }

  /** Six hours since the last storage change, and its optimisation over: "whichever is longer". */
  private cooledDown(instance: InstanceRecord, now: number): boolean {
    const last = instance.storageOptimization;
    if (!last) return true;
    if (optimizationProgress(instance, new Date(now)) !== undefined) return false;
    return now - Date.parse(last.from) >= this.ops.config.autoscalingCooldownMs;
  }

  private growthGib(allocatedGib: number, used: number, allocated: number, history: Measurement[]): number {
    const first = history[0];
    const last = history[history.length - 1];
    let predictedGib = 0;
    if (first && last && last.at > first.at && last.used > first.used) {
      const rate = (last.used - first.used) / (last.at - first.at);
      const beyond = used + rate * PREDICTION_HORIZON_MS - allocated;
      predictedGib = Math.max(0, Math.ceil(beyond / this.ops.config.storageGibBytes));
    }
    return Math.max(MIN_GROWTH_GIB, Math.ceil(allocatedGib * LOW_FREE_FRACTION), predictedGib);
  }
}
