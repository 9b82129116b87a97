/**
 * The maintenance window: once a minute, every instance with queued
 * modifications whose PreferredMaintenanceWindow is open gets them applied.
 * `applyDue` takes the time as a parameter, so tests move the clock rather
 * than wait for Sunday.
 */
import { applyPendingModifications, hasPending } from "./apply-modifications";
import type { FleetOps } from "./fleet-ops";
import { instanceSettings } from "./instance-settings";
import { inMaintenanceWindow } from "./maintenance-window";

const CHECK_EVERY_MS = 60_000;

export type MaintenanceRun = { started: string[]; skipped: { instanceId: string; why: string }[] };

export class PendingMaintenance {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ops: FleetOps) {}

  start(): void {
    const check = () => {
      try {
        this.applyDue(this.ops.now());
      } catch (error) {
        this.ops.log.error({ err: error }, "maintenance window check failed");
      }
    };
    this.timer = setInterval(check, CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Starts applying the queued modifications of each instance whose maintenance window contains `now`. */
  applyDue(now: Date): MaintenanceRun {
    const run: MaintenanceRun = { started: [], skipped: [] };
    for (const record of this.ops.state.instances) {
      if (!hasPending(record.pendingModifiedValues) || record.pending) continue;
      if (!inMaintenanceWindow(instanceSettings(this.ops.fleet, record).preferredMaintenanceWindow, now)) continue;
      // Busy with another action, or not available: the next check in the window tries again.
      if (this.ops.actions.has(record.id) || this.ops.status(record.id) !== "available") {
        run.skipped.push({ instanceId: record.id, why: `it is ${this.ops.status(record.id)}` });
        continue;
      }
      try {
        if (applyPendingModifications(this.ops, record.id)) run.started.push(record.id);
      } catch (error) {
        run.skipped.push({ instanceId: record.id, why: (error as Error).message });
      }
    }
    return run;
  }
}
