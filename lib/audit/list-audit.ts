/** Reads the audit trail, newest first, with the page's filters. */
import "server-only";
import { and, desc, eq, gte, ilike, lt, lte, type SQL } from "drizzle-orm";
import { type AuditEntry, auditEntries } from "../store/schema";
import { getStore } from "../store/store-db";
import type { AuditFilters } from "./audit-filters";

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(f: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.actor) conditions.push(ilike(auditEntries.actor, `%${likeEscape(f.actor)}%`));
  if (f.action) conditions.push(eq(auditEntries.action, f.action));
  if (f.target) conditions.push(ilike(auditEntries.target, `%${likeEscape(f.target)}%`));
  if (f.outcome) conditions.push(eq(auditEntries.outcome, f.outcome));
  if (f.from) conditions.push(gte(auditEntries.at, f.from));
  if (f.to) conditions.push(lte(auditEntries.at, f.to));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export async function listAudit({ filters, limit }: { filters: AuditFilters; limit: number }): Promise<AuditEntry[]> {
  return getStore().db.select().from(auditEntries).where(where(filters)).orderBy(desc(auditEntries.id)).limit(limit);
}

/** Every matching entry, newest first, a batch at a time (for the JSON-lines export). */
export async function* allAudit({ filters, batch = 500 }: { filters: AuditFilters; batch?: number }) {
  let before: number | undefined;
  for (;;) {
    const condition = before === undefined ? where(filters) : and(where(filters), lt(auditEntries.id, before));
    const rows = await getStore()
      .db.select()
      .from(auditEntries)
      .where(condition)
      .orderBy(desc(auditEntries.id))
      .limit(batch);
    for (const row of rows) yield row;
    if (rows.length < batch) return;
    before = rows[rows.length - 1]?.id;
  }
}

/** The distinct action names, for the page's action filter. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getStore()
    .db.selectDistinct({ action: auditEntries.action })
    .from(auditEntries)
    .orderBy(auditEntries.action);
  return rows.map((r) => r.action);
}
