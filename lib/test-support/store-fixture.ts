/**
 * Test harness for rdsdeck's own store: a real `rdsdeck-store` PostgreSQL in a
 * temporary directory (the same code `npm start` runs), its migrations
 * applied, and the app's environment pointing at it.
 */
import { randomInt } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, vi } from "vitest";
import { ensureCredentials, type FleetCredentials } from "../../infra/local/pg/credentials";
import { type LocalStore, startLocalStore, storeOwnerUrl, storeUrl } from "../../infra/local/store/local-store";
import { makeTempDataDir } from "../../infra/local/test-support/temp-fleet";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { getAuth } from "../auth/auth";
import { closeSignInLocks } from "../auth/sign-in-lock";
import { migrateStore } from "../store/migrate-store";
import { dashboardAccounts } from "../store/schema";
import { closeStore, getStore } from "../store/store-db";

export type StoreFixture = {
  url: string;
  /** The tables' owner, which ran the migrations. */
  ownerUrl: string;
  dataDir: string;
  store: LocalStore;
  credentials: FleetCredentials;
  /** One statement as the app's own role, on a connection of its own. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /** The same, as the tables' owner. */
  queryAsOwner<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
};

export async function startStoreFixture(opts: { dataDir?: string } = {}): Promise<StoreFixture> {
  const dataDir = opts.dataDir ?? makeTempDataDir();
  const credentials = ensureCredentials(dataDir, "dbadmin");
  let store: LocalStore | undefined;
  for (let attempt = 1; !store; attempt++) {
    try {
      store = await startLocalStore({
        dataDir,
        host: "127.0.0.1",
        port: 20000 + randomInt(0, 120) * 100 + 55,
        pgUser: process.env.RDSDECK_PG_USER ?? "nobody",
        credentials,
        log: pino({ level: "silent" }),
      });
    } catch (error) {
      if (attempt >= 3 || !/already in use/.test(String(error))) throw error;
    }
  }
  const address = { ...store, caCertPath: path.join(dataDir, "tls", "ca.crt"), credentials };
  const url = storeUrl(address);
  const ownerUrl = storeOwnerUrl(address);
  Object.assign(process.env, { RDSDECK_STORE_URL: url, RDSDECK_AUTH_SECRET: credentials.store.authSecret });
  // Twice at once, as two app processes starting together would: the advisory lock serialises them.
  await Promise.all([0, 1].map(() => migrateStore({ url, ownerUrl })));
  const started = store;
  return {
    url,
    ownerUrl,
    dataDir,
    store: started,
    credentials,
    query: (text, values) => queryOnce(url, text, values),
    queryAsOwner: (text, values) => queryOnce(ownerUrl, text, values),
    stop: async () => {
      apiKeyRegistry().stop();
      await closeSignInLocks();
      await closeStore();
      await started.stop();
    },
  };
}

async function queryOnce<R extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A store for the whole test file: started before its tests (the app in aws
 * mode, so no local fleet is looked for, and quiet), stopped after them.
 * Returns a getter, valid once the file's tests run.
 */
export function storeForThisFile(env: Record<string, string> = {}): () => StoreFixture {
  let fixture: StoreFixture | undefined;
  beforeAll(async () => {
    vi.stubEnv("RDSDECK_MODE", "aws");
    vi.stubEnv("RDSDECK_LOG_LEVEL", "silent");
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    fixture = await startStoreFixture();
  });
  afterAll(async () => {
    await fixture?.stop();
  });
  return () => {
    if (!fixture) throw new Error("the store fixture is used before its beforeAll ran");
    return fixture;
  };
}

/** Whether `password` signs `userId` in: the hash the store keeps, checked as sign-in checks it. */
export async function passwordWorks(userId: string, password: string): Promise<boolean> {
  const [account] = await getStore()
    .db.select({ hash: dashboardAccounts.password })
    .from(dashboardAccounts)
    .where(eq(dashboardAccounts.userId, userId));
  return (await getAuth().$context).password.verify({ hash: account?.hash ?? "", password });
}
