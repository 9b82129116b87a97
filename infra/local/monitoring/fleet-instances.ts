import type { FleetEngine } from "../engine/fleet-engine";
import type { CollectedInstance } from "../metrics/collector";
import { NodeSession } from "../metrics/node-queries";

/**
 * The collector's view of the engine: each instance with the node serving it
 * now. The writer instance is measured on its current primary only; its
 * synchronous standby serves no clients and is not part of any instance's
 * metrics (on RDS the standby is invisible too). One session per node,
 * opened on first use and kept across ticks.
 */
export class FleetInstances {
  private readonly sessions = new Map<string, NodeSession>();

  constructor(
    private readonly engine: FleetEngine,
    private readonly caCertPem: string,
  ) {}

  list(): CollectedInstance[] {
    // RDS publishes no metrics for a stopped instance: its alarms see missing data, not a failure. Nor is one
    // shutting down or coming back for StopDBInstance/StartDBInstance measured (its queries would fail on purpose).
    const paused = new Set(["stopping", "stopped", "starting"]);
    const measured = this.engine.instances().filter((instance) => !paused.has(instance.status));
    const listed = measured.map((instance) => {
      const node = this.engine.nodeServing(instance.id);
      if (node === undefined) return { id: instance.id, kind: instance.kind, node: undefined };
      const session = this.session(node.name, node.address);
      return {
        id: instance.id,
        kind: instance.kind,
        node: {
          name: node.name,
          pgData: node.pgData,
          postmasterPid: node.postmaster.pid,
          sample: () => session.sample(),
        },
      };
    });
    this.closeGone(new Set(listed.flatMap((i) => (i.node ? [i.node.name] : []))));
    return listed;
  }

  /** Nodes of deleted instances (or a writer's old primary after a failover) keep no session open. */
  private closeGone(current: ReadonlySet<string>): void {
    for (const [name, session] of this.sessions) {
      if (current.has(name)) continue;
      this.sessions.delete(name);
      void session.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.close()));
    this.sessions.clear();
  }

  private session(name: string, address: { host: string; port: number }): NodeSession {
    let session = this.sessions.get(name);
    if (session === undefined) {
      session = new NodeSession(address, this.engine.credentials.admin, this.caCertPem);
      this.sessions.set(name, session);
    }
    return session;
  }
}
