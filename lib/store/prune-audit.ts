/**
 * The audit trail's retention: entries older than RDSDECK_AUDIT_RETENTION_DAYS
 * are deleted, as the tables' owner — the app's own role may not delete at
 * all (lib/store/app-privileges). The append-only trigger refuses a DELETE
 * even to the owner, except of entries older than the cut-off the deleting
 * transaction names in `rdsdeck.audit_prune_before`, and only a cut-off at
 * least 30 days back (drizzle/store/0003): so a prune is a deliberate act
 * that cannot reach the last month, and every other change is still refused.
 */
import "server-only";
import type pg from "pg";

/** Deleted per transaction, so a first prune of a large table never holds one long transaction. */
const BATCH = 10_000;

/** Deletes entries older than `retentionDays` days; resolves to how many went. 0 days: keeps everything. */
export async function pruneAuditTrail(owner: pg.Client, retentionDays: number): Promise<number> {
  if (retentionDays === 0) return 0;
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (;;) {
    await owner.query("begin");
    try {
      await owner.query("select set_config('rdsdeck.audit_prune_before', $1, true)", [cutoff]);
      const result = await owner.query(
        "delete from audit_entries where id in (select id from audit_entries where at < $1 order by id limit $2)",
        [cutoff, BATCH],
      );
      await owner.query("commit");
      deleted += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < BATCH) return deleted;
    } catch (error) {
      await owner.query("rollback");
      throw error;
    }
  }
}
