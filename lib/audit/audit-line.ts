import type { AuditEntry } from "../store/schema";

/** One entry as one JSON line: the export's format, with stable, snake_case field names. */
export function toAuditLine(e: AuditEntry): string {
  return JSON.stringify({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    action: e.action,
    target: e.target,
    parameters: e.parameters,
    outcome: e.outcome,
    error: e.error,
    request_id: e.requestId,
    ip_address: e.ipAddress,
  });
}
