/**
 * StartDBInstance, and RDS's automatic start of an instance stopped for 7
 * days: its postgres comes back on its own data; a Multi-AZ writer starts
 * with its synchronous standby and is `available` only once the standby
 * streams, since until then every commit would wait for it.
 */

import { EngineFault, type FleetOps } from "./fleet-ops";
import { settleParametersAfterRestart } from "./parameters/apply-parameters";
import { assertStoppable, haltInstanceNodes, resumeMonitors } from "./stop-instance";
import { rebuildStandby } from "./writer-failover";

export function startInstance(ops: FleetOps, id: string, why: "requested" | "automatic" = "requested"): void {
  const instance = ops.requireInstance(id);
  assertStoppable(ops, instance);
  ops.actions.assertIdle(id);
  if (ops.status(id) !== "stopped") {
    throw new EngineFault("InvalidDBInstanceState", `Instance ${id} is not in stopped state.`);
  }
  if (why === "automatic") ops.events.record("automaticRestart", id);
  ops.setStatus(id, "starting");
  ops.actions.run(
    id,
    "start",
    async () => {
      ops.progress(`${id}: starting${why === "automatic" ? " (stopped for 7 days)" : ""}`);
      const writer = ops.node(instance.node.name);
      const standby = instance.standby ? ops.node(instance.standby.name) : undefined;
      // A standby a failover left behind may have diverged: it is re-cloned once the writer runs, not started.
      const rebuild = standby !== undefined && instance.standbyNeedsRebuild === true;
      writer.configure({ role: "writer", synchronousStandby: rebuild ? undefined : standby?.name });
      // The standby streams through the endpoint, so it routes again before the standby starts.
      ops.routeEndpoint(id, writer.port);
      const starting = [ops.startNode(writer, `writer ${id}`)];
      if (standby && !rebuild) {
        standby.configure({ role: "standby", upstreamPort: instance.endpointPort });
        starting.push(ops.startNode(standby, `standby of ${id}`));
      }
      await Promise.all(starting);
      if (standby && !rebuild) await ops.waitStreaming(writer, [standby]);
      if (rebuild) await rebuildStandby(ops, id);
      resumeMonitors(ops, instance);
      instance.stopped = undefined;
      ops.saveState();
      // Its postgres started afresh: a static parameter waiting for a reboot is live now, as after one.
      settleParametersAfterRestart(ops, id);
      ops.setStatus(id, "available");
      ops.events.record("instanceStarted", id);
      ops.progress(`${id}: available`);
    },
    async (error) => {
      // Its data is as it was when it stopped: back to stopped, so that a later start (or the automatic one) retries.
      await haltInstanceNodes(ops, instance);
      ops.setStatus(id, "stopped");
      ops.events.record("instanceFailed", id, `Its start failed: ${error.message}`);
    },
  );
}
