/**
 * The local engine's settings, parsed once from the environment with zod so a
 * bad value fails at startup naming the variable.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(1024).max(65535);

const envSchema = z.object({
  RDSDECK_DATA_DIR: z.string().min(1).optional(),
  RDSDECK_PORT_BASE: port.default(15432),
  RDSDECK_API_PORT: port.default(15480),
  // An IP literal (or localhost): a host name could resolve to anything, and what the API is exposed on must be plain.
  RDSDECK_API_HOST: z
    .union([z.ipv4(), z.ipv6(), z.literal("localhost")], { error: "must be an IPv4 or IPv6 address or localhost" })
    .default("127.0.0.1"),
  RDSDECK_MIN_FREE_MB: z.coerce.number().int().min(0).default(200),
  RDSDECK_AUTOMATED_BACKUPS: z.enum(["on", "off"]).default("on"),
  RDSDECK_MAINTENANCE_WINDOW: z.enum(["on", "off"]).default("on"),
  RDSDECK_STORAGE_GIB_BYTES: z.coerce
    .number()
    .int()
    .min(1024 ** 2)
    .max(1024 ** 3)
    .default(1024 ** 3),
  RDSDECK_STORAGE_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RDSDECK_STORAGE_AUTOSCALING_LOW_SECONDS: z.coerce.number().int().min(0).default(300),
  RDSDECK_STORAGE_AUTOSCALING_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(21_600),
  RDSDECK_PG_USER: z
    .string()
    .regex(/^[a-z_][a-z0-9_-]*$/)
    .default("nobody"),
});

/** The variables the local engine reads (the README's configuration table lists each). */
export const engineEnvVarNames = Object.keys(envSchema.shape);

export type EngineConfig = {
  dataDir: string;
  host: string;
  /** Instance endpoints: writer on portBase, replica N on portBase + N. */
  portBase: number;
  /** Physical nodes (writer and standby postgres processes) listen from here, behind the writer endpoint. */
  nodePortBase: number;
  apiPort: number;
  /** Where the local AWS API listens: loopback unless RDSDECK_API_HOST says otherwise. */
  apiHost: string;
  /** rdsdeck's own store (users, sessions, API keys, audit): portBase + 20, apart from every fleet port. */
  storePort: number;
  /** The unprivileged account postgres runs as when the engine runs as root. */
  pgUser: string;
  /** Free space the data directory's disk must have at start, in MiB. */
  minFreeMb: number;
  /** Whether the daily automated backups run in the backup window (tests and benches turn them off). */
  automatedBackups: boolean;
  /** Whether queued modifications apply by themselves in each instance's maintenance window. */
  maintenanceWindow: boolean;
  /** Real bytes one allocated GiB stands for: 2^30 by default; tests fill a "20 GiB" instance with a few MiB a GiB. */
  storageGibBytes: number;
  /** How often the storage watcher measures each instance's data directory (RDS reports storage once a minute). */
  storageCheckMs: number;
  /** Storage autoscaling: how long free space must stay at or under 10 % before RDS grows the storage (5 minutes). */
  autoscalingLowMs: number;
  /** Storage autoscaling: the time since the last storage change before another one (6 hours). */
  autoscalingCooldownMs: number;
};

export class ConfigError extends Error {}

export function loadEngineConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): EngineConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? "bad value"} (got ${JSON.stringify(env[name])})`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(cwd, e.RDSDECK_DATA_DIR ?? defaultDataDir(cwd)),
    // Loopback only: the fleet's postgres endpoints and store are for this machine (the API's address is apiHost).
    host: "127.0.0.1",
    portBase: e.RDSDECK_PORT_BASE,
    nodePortBase: e.RDSDECK_PORT_BASE + 10,
    apiPort: e.RDSDECK_API_PORT,
    apiHost: e.RDSDECK_API_HOST,
    storePort: e.RDSDECK_PORT_BASE + 20,
    pgUser: e.RDSDECK_PG_USER,
    minFreeMb: e.RDSDECK_MIN_FREE_MB,
    automatedBackups: e.RDSDECK_AUTOMATED_BACKUPS === "on",
    maintenanceWindow: e.RDSDECK_MAINTENANCE_WINDOW === "on",
    storageGibBytes: e.RDSDECK_STORAGE_GIB_BYTES,
    storageCheckMs: e.RDSDECK_STORAGE_CHECK_SECONDS * 1000,
    autoscalingLowMs: e.RDSDECK_STORAGE_AUTOSCALING_LOW_SECONDS * 1000,
    autoscalingCooldownMs: e.RDSDECK_STORAGE_AUTOSCALING_COOLDOWN_SECONDS * 1000,
  };
}

/**
 * Non-root users keep state beside the checkout. Root cannot: postgres must run
 * unprivileged, and a checkout under /root (mode 0700) is out of its reach, so
 * root's default lives under /var/lib, one directory per checkout.
 */
export function defaultDataDir(cwd: string): string {
  if (process.getuid?.() !== 0) return path.join(cwd, ".rdsdeck");
  const tag = createHash("sha256").update(path.resolve(cwd)).digest("hex").slice(0, 8);
  return path.join("/var/lib/rdsdeck", `${path.basename(cwd)}-${tag}`);
}
