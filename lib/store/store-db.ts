/**
 * rdsdeck's own store: one small pool per process, created on first use from
 * RDSDECK_STORE_URL. Kept on globalThis, as the users API's pools are, so the
 * route bundles and the node:http fast path share it.
 */
import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getConfig } from "../config";
import { driverError } from "../db/driver-error";
import { Unavailable } from "../errors";
import { log } from "../log";
import * as schema from "./schema";

export type StoreDb = NodePgDatabase<typeof schema>;
export type Store = { pool: pg.Pool; db: StoreDb; url: string };

const globalKey = Symbol.for("rdsdeck.store");
type Holder = { [globalKey]?: Store };

export function storeNotConfigured(): Unavailable {
  return new Unavailable("rdsdeck's store is not configured: RDSDECK_STORE_URL is not set, so nobody can sign in.", {
    retryAfterSeconds: 60,
    hint: "Start rdsdeck with `npm start`, or set RDSDECK_STORE_URL and RDSDECK_AUTH_SECRET.",
  });
}

/** The process's store; throws Unavailable when RDSDECK_STORE_URL is unset. */
export function getStore(): Store {
  const holder = globalThis as Holder;
  const existing = holder[globalKey];
  if (existing) return existing;
  const url = getConfig().auth.storeUrl;
  if (!url) throw storeNotConfigured();
  const pool = new pg.Pool({
    connectionString: url,
    application_name: "rdsdeck-store",
    max: 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 3_000,
    statement_timeout: 5_000,
    query_timeout: 5_500,
    keepAlive: true,
  });
  pool.on("error", (error) => {
    const e = driverError(error);
    log().warn({ code: e.code, reason: e.message }, "idle store connection lost");
  });
  const store: Store = { pool, db: drizzle(pool, { schema }), url };
  holder[globalKey] = store;
  return store;
}

/** Closes the process's store (tests, shutdown); the next getStore() opens a new one. */
export async function closeStore(): Promise<void> {
  const holder = globalThis as Holder;
  const store = holder[globalKey];
  holder[globalKey] = undefined;
  await store?.pool.end();
}
