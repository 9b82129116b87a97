/**
 * The DB instance classes the local fleet sizes its nodes for, with memory and
 * vCPUs as AWS lists them ("DB instance class types" / "Hardware
 * specifications for DB instance classes"), and the memory-derived settings
 * RDS's default PostgreSQL parameter group gives each:
 *   shared_buffers        {DBInstanceClassMemory/32768} × 8 kB  (a quarter of memory)
 *   effective_cache_size  {DBInstanceClassMemory/16384} × 8 kB  (half of memory)
 *   max_connections       LEAST({DBInstanceClassMemory/9531392}, 5000)
 *   maintenance_work_mem  GREATEST({DBInstanceClassMemory*1024/63963136}, 65536) kB
 *   work_mem              the engine default, 4 MB (RDS leaves it)
 * DBInstanceClassMemory is taken as the class's nominal memory: RDS subtracts
 * what its OS reserves, which a laptop's fleet has no equivalent for.
 */
import type { NodeSizing } from "../pg/node-files";

export type InstanceClassSpec = { vcpu: number; memoryGiB: number };

const sizes = (list: [string, number, number][]) =>
  Object.fromEntries(list.map(([size, vcpu, memoryGiB]) => [size, { vcpu, memoryGiB }]));

const burstable = sizes([
  ["micro", 2, 1],
  ["small", 2, 2],
  ["medium", 2, 4],
  ["large", 2, 8],
  ["xlarge", 4, 16],
  ["2xlarge", 8, 32],
]);
const general = sizes([
  ["large", 2, 8],
  ["xlarge", 4, 16],
  ["2xlarge", 8, 32],
  ["4xlarge", 16, 64],
]);
const memoryOptimised = sizes([
  ["large", 2, 16],
  ["xlarge", 4, 32],
  ["2xlarge", 8, 64],
  ["4xlarge", 16, 128],
]);

const FAMILIES: Record<string, Record<string, InstanceClassSpec>> = {
  t3: burstable,
  t4g: burstable,
  m5: general,
  m6g: general,
  r5: memoryOptimised,
  r6g: memoryOptimised,
};

/** Every class the local fleet knows, in the order DescribeValidDBInstanceModifications lists them. */
export const INSTANCE_CLASSES: readonly string[] = Object.entries(FAMILIES).flatMap(([family, bySize]) =>
  Object.keys(bySize).map((size) => `db.${family}.${size}`),
);

export function instanceClassSpec(instanceClass: string): InstanceClassSpec | undefined {
  const [, family, size] = instanceClass.split(".");
  return FAMILIES[family ?? ""]?.[size ?? ""];
}

/**
 * What a node got before classes were sized, kept for classes this table does
 * not know (an instance restored with one from an older fleet state).
 */
export const UNSIZED: NodeSizing = {
  sharedBuffersMB: 64,
  effectiveCacheSizeMB: 4096,
  maintenanceWorkMemMB: 64,
  workMemMB: 4,
  maxConnections: 200,
};

export function nodeSizing(instanceClass: string): NodeSizing {
  const spec = instanceClassSpec(instanceClass);
  if (!spec) return UNSIZED;
  const bytes = spec.memoryGiB * 1024 ** 3;
  const mb = (b: number) => Math.floor(b / 1024 ** 2);
  return {
    sharedBuffersMB: mb(bytes / 4),
    effectiveCacheSizeMB: mb(bytes / 2),
    maintenanceWorkMemMB: Math.floor(Math.max((bytes * 1024) / 63963136, 65536) / 1024),
    workMemMB: 4,
    maxConnections: Math.min(Math.floor(bytes / 9531392), 5000),
  };
}
