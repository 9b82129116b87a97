/**
 * Runs a read where the router says, and falls back to the writer when the
 * chosen reader fails for reasons of its own (down, frozen, timed out): the
 * client gets its answer, a little later, and the reader leaves rotation until
 * a probe finds it well. Reads are idempotent, so running one twice is safe.
 */
import "server-only";
import { getDatabase } from "./database";
import { isUnavailableError } from "./driver-error";
import type { Db } from "./drizzle-db";
import { markReaderFailed } from "./reader-pools";
import { writerUnavailable } from "./writer-unavailable";

export type ReadOptions = {
  /** The WAL position of the caller's last write: only a server that has replayed it may answer. */
  minLsn?: bigint;
};

export async function runRead<T>(options: ReadOptions, query: (db: Db) => Promise<T>): Promise<T> {
  const database = getDatabase();
  const reader = database.router.pick(options.minLsn);
  if (reader) {
    try {
      return await query(reader.db);
    } catch (error) {
      if (!isUnavailableError(error)) throw error;
      markReaderFailed(reader);
    }
  }
  try {
    return await query(database.writer.db);
  } catch (error) {
    throw isUnavailableError(error) ? writerUnavailable(error) : error;
  }
}
