/**
 * CreateDBInstanceReadReplica: a new read replica of a primary, cloned from
 * it with the low-level backup API, streaming through its own replication
 * slot via the source's endpoint (so it follows the source's failovers).
 */
import { placement } from "../../fleet";
import { dropSlot } from "./fleet-boot";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { type InstanceRecord, replicasOf } from "./fleet-state";
import { addInstance, assertFleetZone, discardInstance, finishInstance } from "./new-instance";
import { newInstanceParameterGroup } from "./parameters/instance-parameter-group";
import type { Tag } from "./tags";

export type CreateReplicaRequest = {
  instanceId: string;
  sourceId: string;
  availabilityZone?: string;
  instanceClass?: string;
  port?: number;
  deletionProtection?: boolean;
  /** Its own tags: a read replica does not take its source's. */
  tags?: Tag[];
  copyTagsToSnapshot?: boolean;
  parameterGroupName?: string;
};

export async function createReadReplica(ops: FleetOps, req: CreateReplicaRequest): Promise<InstanceRecord> {
  const source = ops.requireInstance(req.sourceId);
  if (source.role !== "writer") {
    throw new EngineFault(
      "InvalidParameterCombination",
      `${source.id} is a read replica; the local fleet creates read replicas of primaries only.`,
    );
  }
  if (source.backupRetentionPeriod === 0) {
    throw new EngineFault(
      "InvalidDBInstanceState",
      "Automated backups are not enabled for this database instance. To enable automated backups, use ModifyDBInstance to set the backup retention period to a non-zero value.",
    );
  }
  if (ops.status(source.id) !== "available" || ops.actions.has(source.id)) {
    throw new EngineFault("InvalidDBInstanceState", `DB instance ${source.id} is not in available state.`);
  }
  assertFleetZone(ops, req.availabilityZone);
  // RDS: a same-Region replica gets its source's group unless one is named.
  const parameterGroupName = newInstanceParameterGroup(ops, req.parameterGroupName ?? source.parameterGroupName);
  const { record, node } = await addInstance(
    ops,
    {
      id: req.instanceId,
      role: "replica",
      az: req.availabilityZone ?? placement(ops.fleet).replica(replicasOf(ops.state, source.id).length),
      port: req.port,
      sourceId: source.id,
      instanceClass: req.instanceClass ?? source.instanceClass,
      deletionProtection: req.deletionProtection ?? false,
      backupRetentionPeriod: 0,
      tags: req.tags ?? [],
      copyTagsToSnapshot: req.copyTagsToSnapshot ?? false,
      parameterGroupName,
    },
    "replica creation",
  );
  ops.actions.continue(
    record.id,
    "replica creation",
    async () => {
      ops.progress(`${record.id}: base backup of ${source.id}`);
      await ops.clone(ops.node(source.node.name), [node]);
      node.configure({ role: "replica", upstreamPort: source.endpointPort });
      await ops.startNode(node, `replica ${record.id}`);
      // The source's serving node now: a failover may have moved it while the clone ran.
      await ops.waitStreaming(ops.node(ops.requireInstance(source.id).node.name), [node]);
      await finishInstance(ops, record, node);
      ops.events.record("instanceCreated", record.id);
      ops.events.record("replicationResumed", record.id);
      ops.progress(`${record.id}: replicating from ${source.id} on port ${record.endpointPort}`);
    },
    async (error) => {
      const sourceNow = ops.state.instances.find((i) => i.id === source.id);
      await discardInstance(ops, record, "replicaCreationFailed", error.message);
      // Its slot on the source would retain WAL forever.
      if (sourceNow) {
        await dropSlot(ops, ops.node(sourceNow.node.name), record.node.name).catch((e: Error) =>
          ops.log.warn(
            { err: e, source: source.id },
            "could not drop the failed replica's slot; the next boot drops it",
          ),
        );
      }
    },
  );
  return record;
}
