/**
 * Runs a write on the writer and returns, with its result, the writer's WAL
 * position once it has committed. Any later read that carries that position
 * sees the write (see READ-ROUTING.md).
 *
 * The position is read with a second statement after the commit returned,
 * possibly on another connection of the pool: the writer's WAL only moves
 * forward, so any position read after the commit is at or past the commit
 * record. After a failover in between, the new writer's position is past it
 * too, since its synchronous standby had flushed the commit before it was
 * acknowledged.
 */
import "server-only";
import type pg from "pg";
import { getDatabase } from "./database";
import { isUnavailableError } from "./driver-error";
import type { Db } from "./drizzle-db";
import { formatLsn, MAX_LSN } from "./lsn";
import { writerUnavailable } from "./writer-unavailable";

// A plain named statement: there is no table to select from, which Drizzle's builder needs.
const CURRENT_LSN = { name: "wal_current_lsn", text: "select pg_current_wal_lsn()::text as lsn" };

export type Written<T> = { result: T; lsn: string };

/** A write: through Drizzle, or on the writer's pool for statements written by hand. */
export type WriteQuery<T> = (db: Db, pool: pg.Pool) => Promise<T>;

export async function runWrite<T>(write: WriteQuery<T>): Promise<Written<T>> {
  const { writer } = getDatabase();
  let result: T;
  try {
    result = await write(writer.db, writer.pool);
  } catch (error) {
    throw isUnavailableError(error) ? writerUnavailable(error) : error;
  }
  return { result, lsn: await positionAfterCommit(writer.pool) };
}

/** The writer's WAL position, read after a commit returned: at or past that commit's record. */
export async function positionAfterCommit(pool: pg.Pool): Promise<string> {
  try {
    const { rows } = await pool.query<{ lsn: string }>(CURRENT_LSN);
    return rows[0]?.lsn ?? formatLsn(MAX_LSN);
  } catch {
    // The write is committed and must be acknowledged. Without its position, hand out one
    // no replica reaches, so the client's next reads go to the writer until the token expires.
    return formatLsn(MAX_LSN);
  }
}
