/**
 * Every users-API request that may change data (anything but GET and HEAD)
 * leaves an audit entry: which key (name and prefix, never the key), method,
 * path and target id, outcome and status, request id and client address.
 * Entries go to the store in batches (audit-batch.ts), so the request never
 * waits for them. Requests without a valid key are not recorded: they change
 * nothing, and recording them would let anyone grow the table.
 */
import "server-only";
import type { ApiKeyIdentity } from "../api-keys/key-registry";
import { AuditBatch } from "../audit/audit-batch";
import type { AuditOutcome } from "../audit/record-audit";
import type { NewAuditEntry } from "../store/schema";
import type { ApiRequest, ApiResponse } from "./api-types";

const globalKey = Symbol.for("rdsdeck.apiAuditBatch");
type Holder = { [globalKey]?: AuditBatch };

/** The process's batch, shared by Next's route files and the node:http fast path. */
function batch(): AuditBatch {
  const holder = globalThis as Holder;
  holder[globalKey] ??= new AuditBatch();
  return holder[globalKey];
}

export const isAuditedMethod = (method: string) => method !== "GET" && method !== "HEAD";

export function auditApiWrite(key: ApiKeyIdentity, req: ApiRequest, response: ApiResponse, requestId: string): void {
  const id = req.params.id ?? createdId(response);
  const entry: NewAuditEntry = {
    actorId: `api-key:${key.id}`,
    actor: `api key "${key.name}" (${key.prefix}…)`,
    actorRole: key.scope,
    action: `users-api.${req.method.toLowerCase()}`,
    target: id === undefined ? null : `user:${id}`.slice(0, 200),
    parameters: { method: req.method, path: req.path.slice(0, 200), status: response.status },
    outcome: outcomeOf(response.status),
    error: response.status >= 400 ? errorCode(response) : null,
    requestId,
    ipAddress: req.header("x-rdsdeck-client-ip") || null,
  };
  batch().add(entry);
}

/** Writes the queued entries now: before the process exits, and in tests. */
export function flushApiAudit(): Promise<void> {
  return batch().flush();
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return "ok";
  if (status === 401 || status === 403 || status === 429) return "denied";
  return status >= 500 ? "failed" : "invalid";
}

function createdId(response: ApiResponse): string | undefined {
  return response.headers.location?.split("/").at(-1);
}

function errorCode(response: ApiResponse): string | null {
  return /"code":"([a-z_]+)"/.exec(response.body ?? "")?.[1] ?? `http_${response.status}`;
}
