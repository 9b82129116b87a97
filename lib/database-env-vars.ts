/**
 * The DATABASE_* variables of the users API: the writer and reader endpoints,
 * pool sizes, timeouts and the replica lag a reader may have. All optional so
 * the dashboard runs without them (aws mode without the users API); when
 * DATABASE_WRITER_URL is unset the API answers 503 and says why. A value that
 * is set is always validated, so a typo stops the start instead of a request.
 */
import { z } from "zod";
import { boundedInt, emptyToUndefined, tlsPostgresUrl } from "./env-schema";
import type { EnvVar } from "./env-vars";

export const databaseEnvVars: readonly EnvVar[] = [
  {
    name: "DATABASE_WRITER_URL",
    default: undefined,
    description:
      "postgres:// URL of the writer endpoint, with TLS (sslmode=verify-full&sslrootcert=<CA file>). Required for /api/v1/users and /health; set by npm start.",
  },
  {
    name: "DATABASE_READER_URLS",
    default: undefined,
    description:
      "Comma-separated postgres:// URLs of the read replicas, TLS as above. Unset: every read goes to the writer. Set by npm start.",
  },
  { name: "DATABASE_POOL_MAX", default: "25", description: "Connections each pool (writer, each reader) may open." },
  {
    name: "DATABASE_POOL_MIN_IDLE",
    default: "5",
    description: "Connections each pool keeps open when idle (opened at start, so the first requests do not wait).",
  },
  {
    name: "DATABASE_POOL_MAX_LIFETIME_SECONDS",
    default: "300",
    description: "A connection older than this is closed when released, so pools follow DNS and failovers.",
  },
  {
    name: "DATABASE_READER_MAX_LAG_SECONDS",
    default: "5",
    description: "A replica further behind its writer than this gets no reads until it catches up (0–30).",
  },
  {
    name: "DATABASE_CONNECT_TIMEOUT_MS",
    default: "2000",
    description:
      "How long opening a connection, or waiting for a free one, may take before the request fails with 503.",
  },
  {
    name: "DATABASE_STATEMENT_TIMEOUT_MS",
    default: "4000",
    description: "How long a statement may run (server side) and wait for its answer (client side) before 503.",
  },
  {
    name: "DATABASE_PROBE_INTERVAL_MS",
    default: "400",
    description: "How often each endpoint is probed for reachability, latency, lag and replay position (100–5000).",
  },
];

export const databaseEnvShape = {
  DATABASE_WRITER_URL: z.preprocess(emptyToUndefined, tlsPostgresUrl.optional()),
  DATABASE_READER_URLS: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter((s) => s.trim() !== "") : v),
    z.array(tlsPostgresUrl).optional(),
  ),
  DATABASE_POOL_MAX: boundedInt("connections", 1, 1000, 25),
  DATABASE_POOL_MIN_IDLE: boundedInt("connections", 0, 1000, 5),
  DATABASE_POOL_MAX_LIFETIME_SECONDS: boundedInt("seconds", 1, 86_400, 300),
  // At most 30: the read-your-writes cookie lives 60 s and must outlast any lag a reader in rotation may have.
  DATABASE_READER_MAX_LAG_SECONDS: boundedInt("seconds", 0, 30, 5),
  DATABASE_CONNECT_TIMEOUT_MS: boundedInt("milliseconds", 100, 60_000, 2000),
  DATABASE_STATEMENT_TIMEOUT_MS: boundedInt("milliseconds", 100, 600_000, 4000),
  DATABASE_PROBE_INTERVAL_MS: boundedInt("milliseconds", 100, 5000, 400),
};

/** Variables whose value must never be echoed in an error message (the URLs carry passwords). */
export const secretDatabaseVars = ["DATABASE_WRITER_URL", "DATABASE_READER_URLS"];

export type DatabaseConfig = {
  writerUrl: string;
  readerUrls: string[];
  pool: { max: number; minIdle: number; maxLifetimeSeconds: number };
  readerMaxLagSeconds: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  probeIntervalMs: number;
};

type DatabaseEnv = z.output<z.ZodObject<typeof databaseEnvShape>>;

/** The users API's settings, or undefined when no writer is configured (the API then answers 503). */
export function toDatabaseConfig(e: DatabaseEnv): DatabaseConfig | undefined {
  if (e.DATABASE_WRITER_URL === undefined) return undefined;
  return {
    writerUrl: e.DATABASE_WRITER_URL,
    readerUrls: e.DATABASE_READER_URLS ?? [],
    pool: {
      max: e.DATABASE_POOL_MAX,
      minIdle: Math.min(e.DATABASE_POOL_MIN_IDLE, e.DATABASE_POOL_MAX),
      maxLifetimeSeconds: e.DATABASE_POOL_MAX_LIFETIME_SECONDS,
    },
    readerMaxLagSeconds: e.DATABASE_READER_MAX_LAG_SECONDS,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    probeIntervalMs: e.DATABASE_PROBE_INTERVAL_MS,
  };
}
