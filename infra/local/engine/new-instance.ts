/**
 * The life of an instance the engine creates at run time (restored from a
 * snapshot, or a new read replica): its identifier claimed at once, a port
 * and node directory of its own, a state record marked pending until it is
 * ready — and, if anything fails, nothing left behind but an event saying why.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { NodeRole } from "../pg/node-files";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { newResourceId } from "./fleet-plan";
import { type InstanceRecord, nodeNames } from "./fleet-state";
import type { RdsEventKind } from "./rds-events";
import { nodeLogDir, type RuntimeNode } from "./runtime-node";
import { newResourceTags, type Tag } from "./tags";

export type NewInstanceRequest = {
  id: string;
  role: "writer" | "replica";
  az: string;
  port?: number;
  sourceId?: string;
  instanceClass: string;
  deletionProtection: boolean;
  backupRetentionPeriod: number;
  tags: Tag[];
  copyTagsToSnapshot: boolean;
  /** Its DB parameter group when not the default one (checked by the caller). */
  parameterGroupName?: string;
};

/** A new instance may be placed only in one of the fleet's zones (RDS: InvalidParameterValue). */
export function assertFleetZone(ops: FleetOps, az: string | undefined): void {
  if (az && !ops.fleet.availabilityZones.includes(az)) {
    throw new EngineFault(
      "InvalidParameterValue",
      `Availability zone ${az} is not one of ${ops.fleet.availabilityZones.join(", ")}.`,
    );
  }
}

export function assertIdentifierFree(ops: FleetOps, id: string): void {
  if (ops.state.instances.some((i) => i.id === id) || ops.actions.has(id)) {
    throw new EngineFault("DBInstanceAlreadyExists", "DB instance already exists");
  }
}

/** A node name that no instance uses and no directory holds: usually the instance's identifier. */
export function freshNodeName(ops: FleetOps, id: string): string {
  const used = nodeNames(ops.state);
  // A deleted instance's logs stay (until retention prunes them): a new node must not start out with them.
  const free = (name: string) =>
    !used.has(name) &&
    !existsSync(path.join(ops.config.dataDir, "nodes", name)) &&
    !existsSync(nodeLogDir(ops.config.dataDir, name));
  if (free(id)) return id;
  for (let n = 2; ; n++) {
    const name = `${id.slice(0, 55)}-n${n}`;
    if (free(name)) return name;
  }
}

/**
 * Claims the identifier (as the instance's action `actionName`), allocates a
 * port and adds the instance as `creating`. The caller continues the action
 * with `ops.actions.continue`.
 */
export async function addInstance(
  ops: FleetOps,
  req: NewInstanceRequest,
  actionName: string,
): Promise<{ record: InstanceRecord; node: RuntimeNode }> {
  assertIdentifierFree(ops, req.id);
  const tags = newResourceTags(req.tags, `DB instance ${req.id}`);
  ops.actions.claim(req.id, actionName);
  let port: number;
  try {
    port = await ops.allocatePort(req.port);
  } catch (error) {
    ops.actions.release(req.id);
    throw error;
  }
  const record: InstanceRecord = {
    id: req.id,
    role: req.role,
    createdAt: ops.now().toISOString(),
    dbiResourceId: newResourceId(),
    endpointPort: port,
    node: { name: freshNodeName(ops, req.id), port, az: req.az },
    sourceId: req.sourceId,
    instanceClass: req.instanceClass,
    deletionProtection: req.deletionProtection,
    backupRetentionPeriod: req.backupRetentionPeriod,
    tags,
    copyTagsToSnapshot: req.copyTagsToSnapshot,
    parameterGroupName: req.parameterGroupName,
    pending: "creating",
  };
  ops.state.instances.push(record);
  ops.saveState();
  ops.releasePort(port);
  ops.setStatus(record.id, "creating");
  const role: NodeRole = req.role === "replica" ? "replica" : "writer";
  return { record, node: ops.addNode(record.node.name, port, role) };
}

/** The instance is ready: no longer pending, monitored, available. */
export async function finishInstance(ops: FleetOps, record: InstanceRecord, node: RuntimeNode): Promise<void> {
  record.pending = undefined;
  ops.saveState();
  // One probe first, so the first DescribeDBInstances that shows it available also shows its replication state.
  await node.monitor.probe();
  node.monitor.start();
  ops.setStatus(record.id, "available");
}

/** Undoes a creation that failed: process stopped, files removed, record gone, and an event saying why. */
export async function discardInstance(
  ops: FleetOps,
  record: InstanceRecord,
  event: RdsEventKind,
  why: string,
): Promise<void> {
  await ops.removeNode(record.node.name);
  const dir = path.join(ops.config.dataDir, "nodes", record.node.name);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.clone-${process.pid}`, { recursive: true, force: true }); // a clone's staging copy
  ops.state.instances = ops.state.instances.filter((i) => i !== record);
  ops.saveState();
  ops.settleStatus(record.id);
  ops.events.record(event, record.id, why);
}
