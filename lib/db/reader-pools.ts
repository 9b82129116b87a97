/**
 * The read replicas: one pool and one probe each, and whether each may take
 * reads now. A replica is in rotation while its latest probe answered (and is
 * recent), it is still a replica, it is no more than the configured lag behind
 * the writer, and no request has failed on it since that probe.
 */
import "server-only";
import type pg from "pg";
import type { DatabaseConfig } from "../database-env-vars";
import { log } from "../log";
import { createPool } from "./create-pool";
import { type Db, drizzleOver } from "./drizzle-db";
import { endpointLabel } from "./endpoint-label";
import { EndpointProbe } from "./endpoint-probe";
import { PROBE_TIMEOUT_MS, type Writer } from "./writer-pool";

export type Reader = {
  endpoint: string;
  pool: pg.Pool;
  db: Db;
  probe: EndpointProbe;
  /** Seconds behind the writer at the latest probe; undefined while unknown. */
  lagSeconds: number | undefined;
  /** Date.now() when a request last failed here; a probe sent after it puts the reader back. */
  failedAt: number | undefined;
  inRotation: boolean;
};

export function createReaders(config: DatabaseConfig, writer: Writer): Reader[] {
  return config.readerUrls.map((url) => {
    const endpoint = endpointLabel(url);
    const pool = createPool(url, endpoint, config);
    const probe = new EndpointProbe({
      url,
      intervalMs: config.probeIntervalMs,
      timeoutMs: PROBE_TIMEOUT_MS,
      connectTimeoutMs: config.connectTimeoutMs,
    });
    const reader: Reader = {
      endpoint,
      pool,
      db: drizzleOver(pool),
      probe,
      lagSeconds: undefined,
      failedAt: undefined,
      inRotation: false,
    };
    probe.onSample(() => refresh(reader, writer, config));
    return reader;
  });
}

/** Takes a reader out of rotation at once, when a request on it failed, until a later probe says otherwise. */
export function markReaderFailed(reader: Reader): void {
  reader.failedAt = Date.now();
  setRotation(reader, false, "a request on it failed");
}

function refresh(reader: Reader, writer: Writer, config: DatabaseConfig): void {
  setRotation(reader, ...verdict(reader, writer, config));
}

/** Whether the reader may take reads after its latest probe, and why. */
function verdict(reader: Reader, writer: Writer, config: DatabaseConfig): [boolean, string] {
  const s = reader.probe.sample;
  if (!s?.reachable || s.lsn === undefined || s.inRecovery !== true) {
    reader.lagSeconds = undefined;
    return [false, !s?.reachable ? `unreachable (${s?.reason ?? "no answer yet"})` : "not a replica"];
  }
  const fromHistory = writer.history.lagSeconds(s.lsn, s.at);
  reader.lagSeconds = Math.max(fromHistory ?? 0, s.ownLagSeconds ?? 0);
  if (reader.failedAt !== undefined && s.startedAt > reader.failedAt) reader.failedAt = undefined;
  if (reader.failedAt !== undefined) return [false, "a request on it failed"];
  if (reader.lagSeconds > config.readerMaxLagSeconds) {
    return [false, `lagging ${reader.lagSeconds.toFixed(1)} s behind the writer`];
  }
  return [true, "answering and caught up"];
}

function setRotation(reader: Reader, inRotation: boolean, why: string): void {
  if (reader.inRotation === inRotation) return;
  reader.inRotation = inRotation;
  log().info(
    { endpoint: reader.endpoint, inRotation, why },
    inRotation ? "reader in rotation" : "reader out of rotation",
  );
}
