/**
 * GET /health: 200 while the writer answers as a writer, 503 with Retry-After
 * otherwise (also when the API has no database configured), and what the
 * probes last saw of the writer and each reader. The body stays compatible
 * with the Go service's `{ "status": "healthy" }`.
 */
import "server-only";
import { type DatabaseHealth, getDatabaseHealth } from "../db/database-health";
import { Unavailable } from "../errors";
import { type ApiRequest, type ApiResponse, jsonResponse } from "../http/api-types";

const NO_STORE = { "cache-control": "no-store" };

export async function handleHealth(_req: ApiRequest): Promise<ApiResponse> {
  let health: DatabaseHealth;
  try {
    health = await getDatabaseHealth();
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    const body = { status: "unhealthy", error: error.message, code: error.code };
    return jsonResponse(503, body, { ...NO_STORE, "retry-after": String(error.retryAfterSeconds) });
  }
  const healthy = health.writer.reachable;
  const body = {
    status: healthy ? "healthy" : "unhealthy",
    writer: { endpoint: health.writer.endpoint, reachable: healthy, latency_ms: health.writer.latencyMs },
    readers: health.readers.map((r) => ({
      endpoint: r.endpoint,
      reachable: r.reachable,
      latency_ms: r.latencyMs,
      replica_lag_seconds: r.lagSeconds,
      in_rotation: r.inRotation,
    })),
  };
  return jsonResponse(healthy ? 200 : 503, body, healthy ? NO_STORE : { ...NO_STORE, "retry-after": "1" });
}
