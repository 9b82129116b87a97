/**
 * The settings every pool shares. Timeouts make a dead or frozen server cost a
 * request a few seconds at most (then 503), never a hang: connecting and
 * waiting for a free connection are bounded by connectionTimeoutMillis, a
 * statement by statement_timeout on the server and query_timeout here (for a
 * server that no longer answers at all).
 */
import "server-only";
import type pg from "pg";
import type { DatabaseConfig } from "../database-env-vars";

export function poolOptions(url: string, config: DatabaseConfig): pg.PoolConfig {
  return {
    connectionString: url,
    application_name: "rdsdeck-users-api",
    max: config.pool.max,
    // pg-pool keeps `min` connections when idle and closes the rest after idleTimeoutMillis,
    // rather than closing every connection above the idle count at once as Go's MaxIdleConns does.
    min: config.pool.minIdle,
    idleTimeoutMillis: 30_000,
    maxLifetimeSeconds: config.pool.maxLifetimeSeconds,
    connectionTimeoutMillis: config.connectTimeoutMs,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: config.statementTimeoutMs,
    // A little longer than the server's own limit, so a live server cancels cleanly first.
    query_timeout: config.statementTimeoutMs + 500,
    keepAlive: true,
  };
}
