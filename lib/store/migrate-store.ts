/**
 * The store's schema and retention: applies its migrations (drizzle/store,
 * under an advisory lock so several processes may start at once) as the
 * tables' owner, grants the app's role what it needs, and prunes the audit
 * trail past its retention.
 */
import "server-only";
import path from "node:path";
import pg from "pg";
import { driverError } from "../db/driver-error";
import { migrateWithLock } from "../db/migrate";
import { log } from "../log";
import { grantAppPrivileges } from "./app-privileges";
import { pruneAuditTrail } from "./prune-audit";

export const storeMigrationsFolder = () => path.join(process.cwd(), "drizzle", "store");

/**
 * Applies the store's migrations as the tables' owner, then grants the app's
 * role what it needs (lib/store/app-privileges). Without an owner URL, the
 * app's own role migrates — and so owns the audit table and could drop its
 * trigger, which the log says at every start — unless the owner already
 * migrated this store, in which case there is nothing the app's role may do.
 */
export async function migrateStore(o: {
  url: string;
  ownerUrl: string | undefined;
  /** Prune audit entries older than this many days (0 or unset: keep every entry). */
  auditRetentionDays?: number;
}): Promise<void> {
  const migrationsFolder = storeMigrationsFolder();
  if (o.ownerUrl) {
    await migrateWithLock({ url: o.ownerUrl, connectTimeoutMs: 5_000, migrationsFolder });
    await withClient(o.ownerUrl, (owner) => grantAppPrivileges(owner, decodeURIComponent(new URL(o.url).username)));
    await pruneAsOwner({ ownerUrl: o.ownerUrl, auditRetentionDays: o.auditRetentionDays }).catch(logPruneFailure);
    return;
  }
  const auditOwner = await withClient(o.url, async (app) => {
    const { rows } = await app.query<{ mine: boolean }>(
      "select tableowner = current_user as mine from pg_tables where schemaname = 'public' and tablename = 'audit_entries'",
    );
    return rows[0] === undefined ? "none" : rows[0].mine ? "app" : "owner";
  });
  if (auditOwner === "owner") {
    log().info(
      "store migrations and audit retention skipped: the tables' owner applies them (set RDSDECK_STORE_OWNER_URL)",
    );
    return;
  }
  await migrateWithLock({ url: o.url, connectTimeoutMs: 5_000, migrationsFolder });
  log().warn(
    "the audit trail is append-only only against rdsdeck's own code: the app's role owns it; set RDSDECK_STORE_OWNER_URL",
  );
  // The app's role owns the table here, so it is the owner the prune needs.
  await pruneAsOwner({ ...o, ownerUrl: o.url }).catch(logPruneFailure);
}

/** A failed prune leaves old entries a day longer; it must not keep anyone from signing in. */
export function logPruneFailure(error: unknown): void {
  const { code, message } = driverError(error);
  log().warn({ code, reason: message }, "audit retention prune failed; the next one tries again");
}

/** The retention prune, as the role that owns the audit table; the log says how many entries went. */
export async function pruneAsOwner(o: { ownerUrl: string; auditRetentionDays?: number }): Promise<void> {
  const days = o.auditRetentionDays ?? 0;
  if (days === 0) return;
  const deleted = await withClient(o.ownerUrl, (owner) => pruneAuditTrail(owner, days));
  if (deleted > 0) log().info({ deleted, retentionDays: days }, "audit entries past their retention deleted");
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "rdsdeck-migrate",
    connectionTimeoutMillis: 5_000,
  });
  client.on("error", () => {}); // a lost connection fails the pending query, which is what we report
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
