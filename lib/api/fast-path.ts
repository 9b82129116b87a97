/**
 * Publishes the API's node:http entry point on globalThis, from inside the
 * Next server (instrumentation.ts), where this code is compiled by Next. The
 * custom server (scripts/app-server.mjs) then serves the API's paths with it,
 * the same handlers as the route files, without Next's per-request pipeline.
 */
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { matchApiRoute } from "./api-router";
import { flushApiAudit } from "./api-write-audit";
import { serveApiRequest } from "./node-adapter";

export type ApiFastPath = {
  /** True for the URLs (path and query) the API serves. */
  matches(url: string | undefined): boolean;
  /** Serves one of them; never throws. */
  serve(req: IncomingMessage, res: ServerResponse): void;
  /** Writes what is still queued (the API's audit entries) before the process exits; never rejects. */
  drain(): Promise<void>;
};

export const API_FAST_PATH = Symbol.for("rdsdeck.apiFastPath");

export const apiFastPath: ApiFastPath = {
  matches: (url) => {
    if (!url) return false;
    const q = url.indexOf("?");
    return matchApiRoute(q < 0 ? url : url.slice(0, q)) !== undefined;
  },
  serve: (req, res) => void serveApiRequest(req, res),
  drain: () => flushApiAudit().catch(() => {}),
};

export function registerApiFastPath(): void {
  (globalThis as { [API_FAST_PATH]?: ApiFastPath })[API_FAST_PATH] = apiFastPath;
}
