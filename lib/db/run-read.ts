/**
 * Runs a read where the router says, and falls back to the writer when the
 * chosen reader fails for reasons of its own (down, frozen, timed out): the
 * client gets its answer, a little later, and the reader leaves rotation until
 * a probe finds it well. Reads are idempotent, so running one twice is safe.
 */
import "server-only";
import type pg from "pg";
import { getDatabase } from "./database";
import { isUnavailableError } from "./driver-error";
import type { Db } from "./drizzle-db";
import { markReaderFailed, type Reader } from "./reader-pools";
import { writerUnavailable } from "./writer-unavailable";

export type ReadOptions = {
  /** The WAL position of the caller's last write: only a server that has replayed it may answer. */
  minLsn?: bigint;
};

/** A read: through Drizzle, or on the endpoint's pool for statements written by hand. */
export type ReadQuery<T> = (db: Db, pool: pg.Pool) => Promise<T>;

export function runRead<T>(options: ReadOptions, query: ReadQuery<T>): Promise<T> {
  return runReadAt(getDatabase().router.pick(options.minLsn), query);
}

/** Runs a read on `reader` (undefined: the writer), falling back to the writer as above. */
export async function runReadAt<T>(reader: Reader | undefined, query: ReadQuery<T>): Promise<T> {
  const database = getDatabase();
  if (reader) {
    try {
      return await query(reader.db, reader.pool);
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      markReaderFailed(reader);
    }
  }
  try {
    return await query(database.writer.db, database.writer.pool);
  } catch (error) {
    throw isUnavailableError(error) ? writerUnavailable(error) : error;
  }
}
