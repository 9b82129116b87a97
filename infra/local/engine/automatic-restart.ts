/**
 * RDS starts an instance again once it has been stopped for 7 days
 * (`AutomaticRestartTime`, event RDS-EVENT-0154). Checked once a minute on
 * the engine's clock; `check(now)` is the seam tests move time with.
 */
import type { FleetOps } from "./fleet-ops";
import { startInstance } from "./start-instance";

const CHECK_INTERVAL_MS = 60_000;

export class AutomaticRestarts {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ops: FleetOps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Starts every stopped instance whose AutomaticRestartTime has come; returns their identifiers. */
  check(now: Date = this.ops.now()): string[] {
    const due = this.ops.state.instances.filter(
      (i) =>
        i.stopped &&
        Date.parse(i.stopped.automaticRestartTime) <= now.getTime() &&
        this.ops.status(i.id) === "stopped" &&
        !this.ops.actions.has(i.id),
    );
    for (const instance of due) {
      try {
        startInstance(this.ops, instance.id, "automatic");
      } catch (error) {
        // Its state changed since the filter (another action took it): the next check tries again.
        this.ops.log.warn({ instance: instance.id, err: (error as Error).message }, "automatic start refused");
      }
    }
    return due.map((i) => i.id);
  }
}
