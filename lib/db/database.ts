/**
 * The users API's database: the writer, the readers and the router between
 * them, created once per process from the configuration. Kept on globalThis
 * because Next may evaluate this module once per route bundle, and a fast path
 * outside Next's pipeline must share the same pools and probes.
 */
import "server-only";
import { getConfig } from "../config";
import type { DatabaseConfig } from "../database-env-vars";
import { Unavailable } from "../errors";
import { ReadRouter } from "./read-router";
import { createReaders, type Reader } from "./reader-pools";
import { createWriter, type Writer } from "./writer-pool";

export type Database = {
  config: DatabaseConfig;
  writer: Writer;
  readers: Reader[];
  router: ReadRouter;
  /** Resolves once every endpoint has been probed once, so /health never reports "unknown". */
  ready: Promise<void>;
  close(): Promise<void>;
};

const globalKey = Symbol.for("rdsdeck.database");
type Holder = { [globalKey]?: Database };

/** The process's database; throws Unavailable when the users API has no DATABASE_WRITER_URL. */
export function getDatabase(): Database {
  const holder = globalThis as Holder;
  const existing = holder[globalKey];
  if (existing) return existing;
  const config = getConfig().database;
  if (!config) {
    throw new Unavailable("The users API is not configured: DATABASE_WRITER_URL is not set.", {
      retryAfterSeconds: 60,
      hint: "Set DATABASE_WRITER_URL (and DATABASE_READER_URLS), or start rdsdeck with `npm start`.",
    });
  }
  const database = openDatabase(config);
  holder[globalKey] = database;
  return database;
}

/** Closes the process's database (tests, shutdown); the next getDatabase() opens a new one. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const database = holder[globalKey];
  holder[globalKey] = undefined;
  await database?.close();
}

function openDatabase(config: DatabaseConfig): Database {
  const writer = createWriter(config);
  const readers = createReaders(config, writer);
  const probes = [writer.probe, ...readers.map((r) => r.probe)];
  for (const probe of probes) probe.start();
  return {
    config,
    writer,
    readers,
    router: new ReadRouter(readers),
    ready: Promise.all(probes.map((p) => p.firstSample())).then(() => undefined),
    close: async () => {
      await Promise.all(probes.map((p) => p.stop()));
      await Promise.all([writer.pool, ...readers.map((r) => r.pool)].map((pool) => pool.end()));
    },
  };
}
