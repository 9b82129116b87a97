/**
 * Appends one entry to the audit trail, in rdsdeck's store. Callers await it
 * before they show the outcome, so nothing is shown that was not recorded. The
 * table refuses UPDATE, DELETE and TRUNCATE (drizzle/store/0001), and nothing
 * here offers either.
 */
import "server-only";
import { auditEntries, type NewAuditEntry } from "../store/schema";
import { getStore } from "../store/store-db";

/** "requested": an action about to be taken, recorded first; its outcome follows in an entry of its own. */
export type AuditOutcome = "ok" | "denied" | "invalid" | "failed" | "requested";

export type AuditRecord = {
  actorId?: string | null;
  actor: string;
  actorRole?: string | null;
  action: string;
  target?: string | null;
  parameters?: Record<string, unknown>;
  outcome: AuditOutcome;
  error?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
};

const SECRET_KEY = /pass(word)?|secret|token|^key$|authorization|cookie/i;

const MAX_FIELDS = 50;
const MAX_TEXT = 500;

/**
 * The parameters as they may be kept: any field whose name says it is a
 * secret is replaced, and a forged form cannot make an entry huge.
 */
export function redactParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters).slice(0, MAX_FIELDS)) {
    if (SECRET_KEY.test(key)) kept[key.slice(0, 100)] = "[redacted]";
    else
      kept[key.slice(0, 100)] =
        typeof value === "string" && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  return kept;
}

const ATTEMPTS = 3;

export async function recordAudit(record: AuditRecord): Promise<void> {
  const row: NewAuditEntry = {
    actorId: record.actorId ?? null,
    actor: record.actor,
    actorRole: record.actorRole ?? null,
    action: record.action,
    target: record.target ?? null,
    parameters: redactParameters(record.parameters ?? {}),
    outcome: record.outcome,
    error: record.error ?? null,
    requestId: record.requestId ?? null,
    ipAddress: record.ipAddress ?? null,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await getStore().db.insert(auditEntries).values(row);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
