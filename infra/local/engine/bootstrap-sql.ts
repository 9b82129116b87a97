/** Roles and database created once on a fresh writer, as RDS does at CreateDBInstance. */
import type pg from "pg";
import type { FleetCredentials } from "../pg/credentials";

export async function bootstrapWriter(
  db: pg.Client,
  credentials: FleetCredentials,
  databaseName: string,
): Promise<void> {
  const lit = (s: string) => db.escapeLiteral(s);
  const ident = (s: string) => db.escapeIdentifier(s);
  const { master, replication } = credentials;
  await db.query(
    `create role ${ident(replication.username)} with login replication password ${lit(replication.password)}`,
  );
  // Like RDS's master user: not a superuser, but owns the database, can create roles and databases, and can monitor.
  await db.query(
    `create role ${ident(master.username)} with login createdb createrole password ${lit(master.password)} in role pg_monitor, pg_signal_backend`,
  );
  await db.query(`create database ${ident(databaseName)} owner ${ident(master.username)}`);
}

/**
 * pg_stat_statements in the application database, as RDS users create it for
 * Performance Insights' SQL statistics. Idempotent: run at every boot on each
 * primary, so data directories made before the extension was loaded get it
 * too; replicas receive it through replication.
 */
export async function createStatementStatistics(db: pg.Client): Promise<void> {
  await db.query("create extension if not exists pg_stat_statements");
}
