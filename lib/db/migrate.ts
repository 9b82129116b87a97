/**
 * Applies the migrations in drizzle/ to the writer. Two app processes starting
 * at once would both see a migration as missing and both run it; a session
 * advisory lock makes the second wait, and then find nothing left to do.
 */
import "server-only";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

/** Any fixed number, shared by every rdsdeck process: "rdsdeck-migrations" folded into a bigint. */
const MIGRATION_LOCK = 0x7264_7364_6d69_67n;

export type MigrateOptions = { url: string; connectTimeoutMs: number; migrationsFolder?: string };

export async function migrateWithLock(options: MigrateOptions): Promise<void> {
  const client = new pg.Client({
    connectionString: options.url,
    application_name: "rdsdeck-migrate",
    connectionTimeoutMillis: options.connectTimeoutMs,
  });
  client.on("error", () => {}); // a lost connection fails the pending query, which is what we report
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK.toString()]);
    try {
      await migrate(drizzle(client), {
        migrationsFolder: options.migrationsFolder ?? path.join(process.cwd(), "drizzle"),
      });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK.toString()]);
    }
  } finally {
    await client.end();
  }
}
