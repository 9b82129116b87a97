/** The first boot's topology, from the fleet definition: a writer (with its Multi-AZ standby) and its replicas. */
import { randomBytes } from "node:crypto";
import { type Fleet, fleetNames, placement } from "../../fleet";
import type { EngineConfig } from "../config";
import type { FleetState, InstanceRecord } from "./fleet-state";
import type { Tag } from "./tags";

/** RDS's DbiResourceId: "db-" and 26 upper-case alphanumerics. */
export const newResourceId = () => `db-${randomBytes(13).toString("hex").toUpperCase().slice(0, 26)}`;

/**
 * The tags the CDK stack gives the fleet's instances (Name on each, and
 * Environment and Application on everything: infra/aws/lib/database.ts,
 * rdsdeck-stack.ts), so a local fleet lists what a provisioned one does.
 */
const fleetTags = (fleet: Fleet, id: string): Tag[] => [
  { Key: "Name", Value: id },
  { Key: "Environment", Value: fleet.environment },
  { Key: "Application", Value: "rdsdeck" },
];

export function planFleet(fleet: Fleet, config: EngineConfig, pgMajor: string, now: Date): FleetState {
  const names = fleetNames(fleet);
  const az = placement(fleet);
  const createdAt = now.toISOString();
  const { portBase, nodePortBase } = config;
  const writer: InstanceRecord = {
    id: names.writer,
    role: "writer",
    createdAt,
    dbiResourceId: newResourceId(),
    endpointPort: portBase,
    node: { name: `${names.writer}-a`, port: nodePortBase, az: az.writer },
    standby: fleet.multiAz ? { name: `${names.writer}-b`, port: nodePortBase + 1, az: az.standby } : undefined,
    instanceClass: fleet.instanceClass,
    deletionProtection: fleet.deletionProtection,
    backupRetentionPeriod: fleet.backupRetentionDays,
    tags: fleetTags(fleet, names.writer),
    // The CDK stack's instances copy their tags to snapshots (CDK's default, set explicitly on the writer).
    copyTagsToSnapshot: true,
  };
  const replicas = names.replicas.map(
    (id, i): InstanceRecord => ({
      id,
      role: "replica",
      createdAt,
      dbiResourceId: newResourceId(),
      endpointPort: portBase + i + 1,
      node: { name: id, port: portBase + i + 1, az: az.replica(i) },
      sourceId: names.writer,
      instanceClass: fleet.instanceClass,
      deletionProtection: false,
      backupRetentionPeriod: 0,
      tags: fleetTags(fleet, id),
      copyTagsToSnapshot: true,
    }),
  );
  return { formatVersion: 2, pgMajor, complete: false, instances: [writer, ...replicas] };
}
