/**
 * What the probes last saw of every endpoint, for /health. Read from the
 * samples, not queried, so it is cheap under load and never hangs on a frozen
 * server; it is at most a probe interval (plus the probe's 1 s timeout) old.
 */
import "server-only";
import { getDatabase } from "./database";
import type { ProbeSample } from "./endpoint-probe";
import { writerAnswers } from "./writer-pool";

export type EndpointHealth = { endpoint: string; reachable: boolean; latencyMs: number | null };
export type ReaderHealth = EndpointHealth & { lagSeconds: number | null; inRotation: boolean };
export type DatabaseHealth = { writer: EndpointHealth; readers: ReaderHealth[] };

const latency = (s: ProbeSample | undefined) =>
  s?.reachable && s.latencyMs !== undefined ? Math.round(s.latencyMs * 100) / 100 : null;

/** Throws Unavailable when the users API has no database configured. */
export async function getDatabaseHealth(): Promise<DatabaseHealth> {
  const database = getDatabase();
  await database.ready;
  const { writer, readers } = database;
  return {
    // "Reachable" means answering as a writer: an endpoint mid-failover may answer from a read-only server.
    writer: { endpoint: writer.endpoint, reachable: writerAnswers(writer), latencyMs: latency(writer.probe.sample) },
    readers: readers.map((r) => ({
      endpoint: r.endpoint,
      reachable: r.probe.sample?.reachable ?? false,
      latencyMs: latency(r.probe.sample),
      lagSeconds: r.lagSeconds === undefined ? null : Math.round(r.lagSeconds * 1000) / 1000,
      inRotation: r.inRotation,
    })),
  };
}
