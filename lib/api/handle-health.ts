/**
 * GET /health: 200 while the writer answers as a writer, 503 with Retry-After
 * otherwise (also when the API has no database configured). The body stays
 * compatible with the Go service's `{ "status": "healthy" }`, which is all
 * anyone gets; what the probes last saw of the writer and each reader (hosts,
 * ports, lag) maps the network, so it is shown only with a valid API key.
 */
import "server-only";
import { apiKeyRegistry } from "../api-keys/key-registry";
import { type DatabaseHealth, getDatabaseHealth } from "../db/database-health";
import { Unavailable } from "../errors";
import { type ApiRequest, type ApiResponse, jsonResponse } from "./api-types";

const NO_STORE = { "cache-control": "no-store" };

export async function handleHealth(req: ApiRequest): Promise<ApiResponse> {
  let health: DatabaseHealth;
  try {
    health = await getDatabaseHealth();
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    const body = { status: "unhealthy", error: error.message, code: error.code };
    return jsonResponse(503, body, { ...NO_STORE, "retry-after": String(error.retryAfterSeconds) });
  }
  const healthy = health.writer.reachable;
  const headers = healthy ? NO_STORE : { ...NO_STORE, "retry-after": "1" };
  const status = healthy ? "healthy" : "unhealthy";
  if (!(await showsDetails(req))) return jsonResponse(healthy ? 200 : 503, { status }, headers);
  const body = {
    status,
    writer: { endpoint: health.writer.endpoint, reachable: healthy, latency_ms: health.writer.latencyMs },
    readers: health.readers.map((r) => ({
      endpoint: r.endpoint,
      reachable: r.reachable,
      latency_ms: r.latencyMs,
      replica_lag_seconds: r.lagSeconds,
      in_rotation: r.inRotation,
    })),
  };
  return jsonResponse(healthy ? 200 : 503, body, headers);
}

/** Any valid key (read scope is enough), counted against its rate limit; none, or a bad one, gets the status only. */
async function showsDetails(req: ApiRequest): Promise<boolean> {
  if (req.header("authorization") === undefined) return false;
  try {
    await apiKeyRegistry().check(req.header("authorization"), "read");
    return true;
  } catch {
    return false;
  }
}
