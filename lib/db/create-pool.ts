/** One connection pool to one endpoint, with the shared settings, its errors logged and its idle minimum opened. */
import "server-only";
import pg from "pg";
import type { DatabaseConfig } from "../database-env-vars";
import { log } from "../log";
import { driverError } from "./driver-error";
import { poolOptions } from "./pool-options";

export function createPool(url: string, endpoint: string, config: DatabaseConfig): pg.Pool {
  const pool = new pg.Pool(poolOptions(url, config));
  // An idle connection whose server went away (failover, restart) errors here; without a
  // listener the process would crash. The pool drops it and opens a new one on demand.
  pool.on("error", (error) => {
    const e = driverError(error);
    log().warn({ endpoint, code: e.code, reason: e.message }, "idle database connection lost");
  });
  warm(pool, config.pool.minIdle);
  return pool;
}

/** Opens the idle minimum now, so the first requests after start do not pay for TLS handshakes. */
function warm(pool: pg.Pool, count: number): void {
  for (let i = 0; i < count; i++) {
    pool.connect().then(
      (client) => setTimeout(() => client.release(), 50).unref(),
      () => {}, // unreachable at start: the probe reports it, requests get 503
    );
  }
}
