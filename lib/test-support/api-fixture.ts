/**
 * Test harness for the users API: a real local fleet and rdsdeck's store, the
 * app's environment pointing at them (as `npm start` sets it), migrations
 * applied, API keys created, and the API served by a bare node:http server on
 * a random port through the router and node adapter — the same code the fast
 * path runs. `call` sends the read-write key unless told otherwise.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { fleetEnv } from "../../infra/local/fleet-env";
import { startTempFleet, type TempFleet } from "../../infra/local/test-support/temp-fleet";
import { serveApiRequest } from "../api/node-adapter";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { createApiKey } from "../api-keys/manage-api-keys";
import { closeDatabase, getDatabase } from "../db/database";
import { migrateWithLock } from "../db/migrate";
import { migrateStore } from "../store/migrate-store";
import { closeStore } from "../store/store-db";

export type Reply = { status: number; headers: Headers; text: string; json: unknown };
/** `key`: which API key to send (default the read-write one); null sends none. */
export type CallInit = { body?: string | object; headers?: Record<string, string>; key?: string | null };

export type ApiFixture = {
  fleet: TempFleet;
  baseUrl: string;
  call(method: string, path: string, init?: CallInit): Promise<Reply>;
  /** A TLS connection to an endpoint port, as the master user (apps) or rdsadmin (the engine's superuser). */
  connect(port: number, as?: "master" | "admin"): Promise<pg.Client>;
  writerPort: number;
  replicaPorts: number[];
  keys: { readWrite: string; read: string };
  /** Creates another key (e.g. with a low rate limit). */
  createKey(opts: {
    scope: "read" | "read-write";
    rateLimitPerSecond?: number;
    name?: string;
  }): Promise<{ id: number; key: string }>;
  /** Every users row, as text, in id order: compared before and after to prove nothing changed. */
  snapshot(): Promise<string[]>;
  stop(): Promise<void>;
};

export async function startApiFixture(env: Record<string, string> = {}): Promise<ApiFixture> {
  const fleet = await startTempFleet({ store: true });
  Object.assign(process.env, fleetEnv(fleet.info, fleet.engine.credentials), {
    RDSDECK_MODE: "local",
    RDSDECK_LOG_LEVEL: process.env.RDSDECK_LOG_LEVEL ?? "silent",
    DATABASE_PROBE_INTERVAL_MS: "200",
    DATABASE_POOL_MIN_IDLE: "2",
    ...env,
  });
  const url = process.env.DATABASE_WRITER_URL ?? "";
  // Twice at once, as two app processes starting together would: the advisory lock serialises them.
  await Promise.all([0, 1].map(() => migrateWithLock({ url, connectTimeoutMs: 5_000 })));
  await getDatabase().ready;
  await migrateStore({ url: process.env.RDSDECK_STORE_URL ?? "", ownerUrl: process.env.RDSDECK_STORE_OWNER_URL });
  const createKey: ApiFixture["createKey"] = ({ scope, rateLimitPerSecond = 1_000_000, name = `test ${scope}` }) =>
    createApiKey({ name, scope, rateLimitPerSecond, createdBy: "tests" });
  const keys = {
    readWrite: (await createKey({ scope: "read-write" })).key,
    read: (await createKey({ scope: "read" })).key,
  };
  await apiKeyRegistry().refresh();
  const server = http.createServer((req, res) => void serveApiRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const writerPort = fleet.info.endpoints.find((e) => e.role === "writer")?.port ?? 0;
  const replicaPorts = fleet.info.endpoints.filter((e) => e.role === "replica").map((e) => e.port);

  const connect = async (port: number, as: "master" | "admin" = "master") => {
    const who = fleet.engine.credentials[as];
    const client = new pg.Client({
      host: "127.0.0.1",
      port,
      user: who.username,
      password: who.password,
      database: fleet.info.databaseName,
      ssl: { ca: readFileSync(fleet.info.caCertPath, "utf8"), rejectUnauthorized: true },
      connectionTimeoutMillis: 5_000,
    });
    await client.connect();
    return client;
  };

  return {
    fleet,
    baseUrl,
    writerPort,
    replicaPorts,
    connect,
    keys,
    createKey,
    call: (method, path, init = {}) => call(baseUrl, method, path, init, keys.readWrite),
    snapshot: async () => {
      const db = await connect(writerPort);
      try {
        const { rows } = await db.query<{ row: string }>("select users::text as row from users order by id");
        return rows.map((r) => r.row);
      } finally {
        await db.end();
      }
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await closeDatabase();
      apiKeyRegistry().stop();
      await closeStore();
      await fleet.cleanup();
    },
  };
}

async function call(baseUrl: string, method: string, path: string, init: CallInit, key: string): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  const sent = init.key === undefined ? key : init.key;
  if (sent !== null && !Object.keys(headers).some((h) => h.toLowerCase() === "authorization")) {
    headers.authorization = `Bearer ${sent}`;
  }
  let body: string | undefined;
  if (typeof init.body === "string") body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
