/**
 * MultiAZ on ModifyDBInstance: a synchronous standby added (cloned from the
 * writer while it serves, then named in synchronous_standby_names) or
 * removed (commits stop waiting for it first), the writer serving
 * throughout. Events 0024/0025 and 0029, in RDS's words. Only a primary
 * reached through the engine's endpoint forwarder can gain a standby: its
 * endpoint must be able to follow a failover.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { placement } from "../../fleet";
import { dropSlot } from "./fleet-boot";
import { EngineFault, type FleetOps } from "./fleet-ops";
import type { InstanceRecord } from "./fleet-state";
import { freshNodeName } from "./new-instance";
import type { RuntimeNode } from "./runtime-node";

export function assertMultiAzChange(instance: InstanceRecord, multiAz: boolean): void {
  if (instance.role !== "writer") {
    throw new EngineFault(
      "InvalidParameterCombination",
      "The local fleet does not run Multi-AZ read replicas: MultiAZ applies to primaries only.",
    );
  }
  if (multiAz && !instance.standby && instance.endpointPort === instance.node.port) {
    throw new EngineFault(
      "InvalidParameterCombination",
      `${instance.id} is served on its node's own port, which could not follow a failover: the local fleet converts only instances behind an endpoint forwarder (the fleet's writer) to Multi-AZ.`,
    );
  }
}

export async function applyMultiAzChange(ops: FleetOps, id: string, multiAz: boolean): Promise<void> {
  const instance = ops.requireInstance(id);
  if (multiAz === (instance.standby !== undefined)) return;
  if (multiAz) await addStandby(ops, instance);
  else await removeStandby(ops, instance);
}

async function addStandby(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  ops.events.record("multiAzConversionStarted", instance.id);
  const writer = ops.node(instance.node.name);
  const port = await ops.allocatePort();
  const name = freshNodeName(ops, `${instance.id}-standby`);
  const zones = ops.fleet.availabilityZones;
  const az = zones.find((z) => z !== instance.node.az) ?? placement(ops.fleet).standby;
  // Recorded before the copy, marked for rebuilding: a stop half-way rebuilds it at the next boot.
  instance.standby = { name, port, az };
  instance.standbyNeedsRebuild = true;
  ops.saveState();
  ops.releasePort(port);
  const standby = ops.addNode(name, port, "standby");
  ops.progress(`${instance.id}: adding a Multi-AZ standby ${name} in ${az}`);
  await ops.clone(writer, [standby]);
  standby.configure({ role: "standby", upstreamPort: instance.endpointPort });
  await ops.startNode(standby, `standby of ${instance.id}`);
  await ops.waitStreaming(writer, [standby]);
  await synchronousStandby(ops, writer, name);
  instance.standbyNeedsRebuild = false;
  ops.saveState();
  ops.events.record("multiAzConversionFinished", instance.id);
}

async function removeStandby(ops: FleetOps, instance: InstanceRecord): Promise<void> {
  const standbyName = instance.standby?.name ?? "";
  const writer = ops.node(instance.node.name);
  await synchronousStandby(ops, writer, undefined);
  instance.standby = undefined;
  instance.standbyNeedsRebuild = undefined;
  ops.saveState();
  await ops.removeNode(standbyName);
  await dropSlot(ops, writer, standbyName).catch((e: Error) =>
    ops.log.warn({ err: e, instance: instance.id }, "could not drop the old standby's slot; the next boot drops it"),
  );
  rmSync(path.join(ops.config.dataDir, "nodes", standbyName), { recursive: true, force: true });
  ops.events.record("singleAzConversionFinished", instance.id);
}

async function synchronousStandby(ops: FleetOps, writer: RuntimeNode, standbyName: string | undefined): Promise<void> {
  writer.configure({ role: "writer", synchronousStandby: standbyName });
  await ops.asAdmin(writer, (db) => db.query("select pg_reload_conf()"));
}
