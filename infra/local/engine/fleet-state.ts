/**
 * What the engine must remember across restarts: its DB instances, which
 * physical node serves each (and its Multi-AZ standby), on which ports, and
 * the settings ModifyDBInstance changes, and their tags. Written atomically; `complete` is set
 * only once a first boot has finished, so a half-initialised data directory is
 * recognised and rebuilt rather than trusted.
 *
 * Format 1 (one writer plus replicas) is migrated on read: users have data
 * directories from before instances could be created, restored or promoted.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { defineFleet, type Fleet } from "../../fleet";
import { tagSchema } from "./tags";

const nodeSchema = z.object({ name: z.string(), port: z.number().int(), az: z.string() });

export const storageTypeSchema = z.enum(["gp2", "gp3", "io1", "io2"]);

const pendingSchema = z.object({
  instanceClass: z.string().optional(),
  allocatedStorage: z.number().int().optional(),
  storageType: storageTypeSchema.optional(),
  multiAZ: z.boolean().optional(),
  /** Only a switch between 0 and non-zero waits (backups start or stop); other retention changes apply at once. */
  backupRetentionPeriod: z.number().int().optional(),
});

const instanceSchema = z.object({
  id: z.string(),
  /**
   * A writer accepts writes (with an optional Multi-AZ standby); a replica
   * streams from `sourceId`. Files written before the record used RDS's word
   * say "primary" for a writer.
   */
  role: z.preprocess((role) => (role === "primary" ? "writer" : role), z.enum(["writer", "replica"])),
  createdAt: z.string(),
  dbiResourceId: z.string(),
  /** Where clients connect: a forwarder in front of a Multi-AZ writer, otherwise the node's own port. */
  endpointPort: z.number().int(),
  /** The node serving the instance now (for a Multi-AZ writer, its current primary node). */
  node: nodeSchema,
  standby: nodeSchema.optional(),
  /** Set when the standby's data no longer matches the primary (after a failover) until it is re-cloned. */
  standbyNeedsRebuild: z.boolean().optional(),
  sourceId: z.string().optional(),
  instanceClass: z.string(),
  deletionProtection: z.boolean(),
  backupRetentionPeriod: z.number().int(),
  /** Absent from files written before the fleet kept tags: none then. */
  tags: z.array(tagSchema).default(() => []),
  /**
   * Whether its snapshots get its tags. Absent from older files, whose
   * instances all reported true (as the CDK stack sets it), so they keep it.
   */
  copyTagsToSnapshot: z.boolean().default(true),
  /** Its DB parameter group when not the default one (absent: default.postgres<major>). */
  parameterGroupName: z.string().optional(),
  /** How far its group's values are live (absent: in-sync). */
  parameterApplyStatus: z.enum(["applying", "pending-reboot", "in-sync"]).optional(),
  /**
   * The settings ModifyDBInstance changes that the fleet definition gave
   * before instances could be modified: absent from older files (and from
   * instances never modified), which keep the definition's values.
   */
  allocatedStorage: z.number().int().optional(),
  maxAllocatedStorage: z.number().int().optional(),
  storageType: storageTypeSchema.optional(),
  preferredBackupWindow: z.string().optional(),
  preferredMaintenanceWindow: z.string().optional(),
  /** Changes waiting for the maintenance window (ApplyImmediately false), as PendingModifiedValues shows them. */
  pendingModifiedValues: pendingSchema.optional(),
  /**
   * The class an instance had while a class change runs: its followers keep
   * max_connections at least as high as either, for a hot standby refuses to
   * replay WAL from a primary allowing more connections than it does.
   */
  classChangeFrom: z.string().optional(),
  /** A storage change's optimisation: DescribeDBInstances shows storage-optimization with PercentProgress until `until`. */
  storageOptimization: z.object({ from: z.string(), until: z.string() }).optional(),
  /** Set once its data passed 90 % of its allocation (RDS-EVENT-0089 sent), until it falls back under. */
  storageLow: z.boolean().optional(),
  /**
   * Set when its data reached its allocation (storage-full, RDS-EVENT-0007):
   * its nodes refuse writes until a storage change gives it more room than
   * `allocatedStorage` (the allocation it filled), across engine restarts.
   */
  storageFull: z.object({ at: z.string(), allocatedStorage: z.number().int() }).optional(),
  /**
   * Set while StopDBInstance has it stopped: its nodes stay down across engine
   * restarts until StartDBInstance, or RDS's automatic start 7 days on.
   */
  stopped: z.object({ at: z.string(), automaticRestartTime: z.string() }).optional(),
  /** A create or delete that had not finished when the engine stopped: finished or undone at the next boot. */
  pending: z.enum(["creating", "deleting"]).optional(),
});

const stateSchema = z.object({
  formatVersion: z.literal(2),
  pgMajor: z.string(),
  complete: z.boolean(),
  instances: z.array(instanceSchema),
});

export type NodeRecord = z.infer<typeof nodeSchema>;
export type StorageType = z.infer<typeof storageTypeSchema>;
export type PendingModifications = z.infer<typeof pendingSchema>;
export type InstanceRecord = z.infer<typeof instanceSchema>;
export type FleetState = z.infer<typeof stateSchema>;

const v1NodeSchema = nodeSchema;
const v1Schema = z.object({
  formatVersion: z.literal(1),
  pgMajor: z.string(),
  complete: z.boolean(),
  writer: z.object({
    id: z.string(),
    createdAt: z.string(),
    endpointPort: z.number().int(),
    dbiResourceId: z.string(),
    primary: v1NodeSchema,
    standby: v1NodeSchema.optional(),
    standbyNeedsRebuild: z.boolean().optional(),
  }),
  replicas: z.array(z.object({ id: z.string(), createdAt: z.string(), dbiResourceId: z.string(), node: v1NodeSchema })),
});

/** Format 1 knew one writer and its replicas; their settings came from the fleet definition. */
export function migrateV1(v1: z.infer<typeof v1Schema>, fleet: Fleet): FleetState {
  const w = v1.writer;
  return {
    formatVersion: 2,
    pgMajor: v1.pgMajor,
    complete: v1.complete,
    instances: [
      {
        id: w.id,
        role: "writer",
        createdAt: w.createdAt,
        dbiResourceId: w.dbiResourceId,
        endpointPort: w.endpointPort,
        node: w.primary,
        standby: w.standby,
        standbyNeedsRebuild: w.standbyNeedsRebuild,
        instanceClass: fleet.instanceClass,
        deletionProtection: fleet.deletionProtection,
        backupRetentionPeriod: fleet.backupRetentionDays,
        tags: [],
        copyTagsToSnapshot: true,
      },
      ...v1.replicas.map(
        (r): InstanceRecord => ({
          id: r.id,
          role: "replica",
          createdAt: r.createdAt,
          dbiResourceId: r.dbiResourceId,
          endpointPort: r.node.port,
          node: r.node,
          sourceId: w.id,
          instanceClass: fleet.instanceClass,
          deletionProtection: false,
          backupRetentionPeriod: 0,
          tags: [],
          copyTagsToSnapshot: true,
        }),
      ),
    ],
  };
}

export const statePath = (dataDir: string) => path.join(dataDir, "fleet-state.json");

export function readState(dataDir: string, fleet: Fleet = defineFleet()): FleetState | undefined {
  const file = statePath(dataDir);
  if (!existsSync(file)) return undefined;
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const old = v1Schema.safeParse(raw);
  if (old.success) return migrateV1(old.data, fleet);
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file} is damaged (${parsed.error.issues[0]?.message}); run npm run fleet:reset`);
  return parsed.data;
}

export function writeState(dataDir: string, state: FleetState): void {
  const file = statePath(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The instances replicating from `sourceId`. */
export const replicasOf = (state: FleetState, sourceId: string): InstanceRecord[] =>
  state.instances.filter((i) => i.role === "replica" && i.sourceId === sourceId);

/** Every node name in use, so a new instance's node never takes over another's directory. */
export const nodeNames = (state: FleetState): Set<string> =>
  new Set(state.instances.flatMap((i) => [i.node.name, ...(i.standby ? [i.standby.name] : [])]));
