/**
 * The long-running action in progress per DB instance (reboot, failover,
 * snapshot, restore…): a second one on the same instance is refused with
 * InvalidDBInstanceState, as RDS refuses it, and a failure is always logged
 * with the instance and the action it belongs to.
 */
import type pino from "pino";
import type { Progress } from "../log";
import { EngineFault } from "./fleet-ops";

export class ActionRunner {
  private readonly running = new Map<string, string>();

  constructor(
    private readonly log: pino.Logger,
    private readonly progress: Progress,
  ) {}

  has(instanceId: string): boolean {
    return this.running.has(instanceId);
  }

  /** Throws InvalidDBInstanceState when an action already runs on the instance. */
  assertIdle(instanceId: string): void {
    const current = this.running.get(instanceId);
    if (current) {
      throw new EngineFault(
        "InvalidDBInstanceState",
        // RDS words it so for every action; the running one is rdsdeck's detail.
        `Instance ${instanceId} is not in available state (a ${current} is in progress).`,
      );
    }
  }

  /**
   * Runs `work` in the background as the instance's one action. `onFailure`
   * puts the fleet back in a usable state (remove files, set a status, record
   * an event); its own failure is logged too, never thrown away.
   */
  run(
    instanceId: string,
    name: string,
    work: () => Promise<void>,
    onFailure: (error: Error) => Promise<void> | void,
  ): void {
    this.claim(instanceId, name);
    this.continue(instanceId, name, work, onFailure);
  }

  /** Takes the instance's action slot now (refusing a second), for work that must await before it can run. */
  claim(instanceId: string, name: string): void {
    this.assertIdle(instanceId);
    this.running.set(instanceId, name);
  }

  release(instanceId: string): void {
    this.running.delete(instanceId);
  }

  /** Runs `work` under a slot already claimed; the slot is released when it ends. */
  continue(
    instanceId: string,
    name: string,
    work: () => Promise<void>,
    onFailure: (error: Error) => Promise<void> | void,
  ): void {
    void (async () => {
      try {
        await work();
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        this.log.error({ err: e, instance: instanceId, action: name }, "action failed");
        this.progress(`!! ${name} of ${instanceId} failed: ${e.message}`);
        try {
          await onFailure(e);
        } catch (cleanupError) {
          this.log.error(
            { err: cleanupError, instance: instanceId, action: name },
            "cleanup after a failed action failed",
          );
        }
      } finally {
        this.running.delete(instanceId);
      }
    })();
  }

  /** Resolves once no action runs (used at shutdown and by tests). */
  async idle(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
}
