/** The writer endpoint: its pool (every write, and reads no replica can serve) and its probe. */
import "server-only";
import type pg from "pg";
import type { DatabaseConfig } from "../database-env-vars";
import { createPool } from "./create-pool";
import { type Db, drizzleOver } from "./drizzle-db";
import { endpointLabel } from "./endpoint-label";
import { EndpointProbe } from "./endpoint-probe";
import { WriterLsnHistory } from "./writer-lsn-history";

export type Writer = {
  endpoint: string;
  pool: pg.Pool;
  db: Db;
  probe: EndpointProbe;
  /** The writer's recent WAL positions, from which replica lag is measured. */
  history: WriterLsnHistory;
};

export const PROBE_TIMEOUT_MS = 1000;

export function createWriter(config: DatabaseConfig): Writer {
  const endpoint = endpointLabel(config.writerUrl);
  const pool = createPool(config.writerUrl, endpoint, config);
  const probe = new EndpointProbe({
    url: config.writerUrl,
    intervalMs: config.probeIntervalMs,
    timeoutMs: PROBE_TIMEOUT_MS,
    connectTimeoutMs: config.connectTimeoutMs,
  });
  const history = new WriterLsnHistory();
  probe.onSample((s) => {
    // A writer endpoint answering from a server in recovery is mid-failover: its position is no writer's.
    if (s.reachable && s.inRecovery === false && s.lsn !== undefined) history.record(s.at, s.lsn);
  });
  return { endpoint, pool, db: drizzleOver(pool), probe, history };
}

/** True while the writer's latest probe answered, from a server that accepts writes. */
export function writerAnswers(writer: Writer): boolean {
  const s = writer.probe.sample;
  return s?.reachable === true && s.inRecovery === false;
}
