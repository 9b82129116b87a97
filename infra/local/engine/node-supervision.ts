/**
 * What the engine does when a node dies or stops answering: a Multi-AZ
 * primary fails over to its standby (automatic failover), a standby is
 * restarted, anything else is marked failed until it answers again.
 */
import type { ExitInfo } from "../pg/postmaster";
import type { FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import type { NodeHealth } from "./node-monitor";
import type { RuntimeNode } from "./runtime-node";
import { failOverWriter } from "./writer-failover";

/** Consecutive failed one-second probes before a writer that is still running is fenced and failed over. */
const WRITER_UNRESPONSIVE_PROBES = 5;
const AUTOMATIC_RETRY_MS = 5_000;

type Placement = { instance: InstanceRecord; as: "primary" | "standby" | "replica" };

export class NodeSupervisor {
  private readonly lastAutomaticAttempt = new Map<string, number>();

  constructor(
    private readonly ops: FleetOps,
    private readonly shuttingDown: () => boolean,
  ) {}

  private placement(node: RuntimeNode): Placement | undefined {
    for (const instance of this.ops.state.instances) {
      if (instance.node.name === node.name)
        return { instance, as: instance.role === "replica" ? "replica" : "primary" };
      if (instance.standby?.name === node.name) return { instance, as: "standby" };
    }
    return undefined;
  }

  onExit(node: RuntimeNode, info: ExitInfo): void {
    const where = this.placement(node);
    if (this.shuttingDown() || !where) return;
    const { instance, as } = where;
    const id = instance.id;
    const how = info.signal ?? `code ${info.code}`;
    this.ops.log.error(
      { node: node.name, instance: id, code: info.code, signal: info.signal },
      "postgres exited unexpectedly",
    );
    this.ops.progress(`!! ${node.name} of ${id} exited unexpectedly (${how}); ${node.logPointer()}`);
    if (as === "standby") {
      if (this.ops.actions.has(id)) return; // a failover or rebuild owns the standby right now
      // The writer's commits wait for the standby: bring it back, as RDS recovers a Multi-AZ standby.
      this.ops.progress(`standby of ${id}: restarting`);
      void this.ops
        .startNode(node, `standby of ${id}`)
        .catch((error) => this.ops.log.error({ err: error, node: node.name }, "standby restart failed"));
      return;
    }
    if (as === "primary" && instance.standby) {
      this.automaticFailover(id, `the writer's postgres exited (${how})`);
      return;
    }
    // An action that stops the node itself (reboot, delete) reports on its own.
    if (this.ops.actions.has(id)) return;
    this.ops.setStatus(id, "failed");
    if (as === "replica") this.ops.events.record("replicationError", id, `Its postgres exited (${how}).`);
    else this.ops.events.record("instanceFailed", id, `Its postgres exited (${how}).`);
  }

  onHealth(node: RuntimeNode, health: NodeHealth): void {
    const where = this.placement(node);
    if (this.shuttingDown() || !where || where.as === "standby") return;
    const { instance } = where;
    const id = instance.id;
    const current = this.ops.status(id);
    // Stopped on purpose (StopDBInstance): down is its normal state, not a failure to act on.
    if (current === "stopping" || current === "stopped" || current === "starting") return;
    if (
      where.as === "primary" &&
      instance.standby &&
      !health.answering &&
      health.failures >= WRITER_UNRESPONSIVE_PROBES
    ) {
      this.automaticFailover(id, `the writer stopped answering (${health.error ?? "no reply"})`);
      return;
    }
    if (!health.answering && health.failures >= 3 && current === "available") {
      this.ops.log.warn({ node: node.name, instance: id, cause: health.error }, "instance stopped answering");
      this.ops.progress(`!! ${id} is not answering`);
      this.ops.setStatus(id, "failed");
    } else if (health.answering && current === "failed" && node.postmaster.running && !this.ops.actions.has(id)) {
      this.ops.log.info({ node: node.name, instance: id }, "instance answering again");
      this.ops.setStatus(id, "available");
    }
  }

  private automaticFailover(id: string, cause: string): void {
    if (this.shuttingDown() || this.ops.actions.has(id)) return;
    // Without a healthy standby there is nothing to fail over to; try again at most every few seconds.
    if (Date.now() - (this.lastAutomaticAttempt.get(id) ?? 0) < AUTOMATIC_RETRY_MS) return;
    this.lastAutomaticAttempt.set(id, Date.now());
    this.ops.actions.run(
      id,
      "failover",
      async () => {
        const standbyName = this.ops.requireInstance(id).standby?.name;
        const standby = standbyName ? this.ops.node(standbyName) : undefined;
        // Ask the standby now rather than trust the last probe: it may have just been rebuilt.
        const ready = standby?.postmaster.running === true && (await standby.monitor.probe()).answering;
        if (!ready) {
          this.ops.setStatus(id, "failed");
          this.ops.log.error({ instance: id, cause }, "writer lost and no healthy standby to fail over to");
          this.ops.progress(`!! ${id}: ${cause}, and no healthy standby to fail over to`);
          return;
        }
        await failOverWriter(this.ops, id, { kind: "automatic", cause });
      },
      () => this.ops.settleStatus(id),
    );
  }
}
