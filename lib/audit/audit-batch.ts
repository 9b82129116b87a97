/**
 * Audit entries written in batches, off the request path: for the users API,
 * whose requests must not each wait for rdsdeck's store. Entries queue in
 * memory and go as one multi-row insert every FLUSH_MS (or sooner, once
 * FLUSH_AT have queued). A store that cannot be reached keeps them queued
 * for the next flush, up to MAX_QUEUED; past that the newest are dropped and
 * the log says how many, so an outage of the store cannot exhaust memory.
 */
import "server-only";
import { driverError } from "../db/driver-error";
import { log } from "../log";
import { auditEntries, type NewAuditEntry } from "../store/schema";
import { getStore } from "../store/store-db";

const FLUSH_MS = 250;
const FLUSH_AT = 500;
const MAX_QUEUED = 20_000;
// Rows per insert: well under PostgreSQL's 65,535 parameters at 10 columns a row.
const ROWS_PER_INSERT = 1_000;

export class AuditBatch {
  private queued: NewAuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private dropped = 0;

  add(entry: NewAuditEntry): void {
    if (this.queued.length >= MAX_QUEUED) {
      this.dropped++;
      return;
    }
    this.queued.push(entry);
    if (this.queued.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Writes everything queued so far; resolves once it is in the store (or failed, and is queued again). */
  async flush(): Promise<void> {
    // One flush at a time, so entries reach the store in the order they were queued.
    while (this.flushing) await this.flushing;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queued.length === 0) return;
    const rows = this.queued;
    this.queued = [];
    this.flushing = this.write(rows);
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  private async write(rows: NewAuditEntry[]): Promise<void> {
    let written = 0;
    try {
      for (; written < rows.length; written += ROWS_PER_INSERT) {
        await getStore()
          .db.insert(auditEntries)
          .values(rows.slice(written, written + ROWS_PER_INSERT));
      }
    } catch (error) {
      const unwritten = rows.slice(written);
      this.queued = [...unwritten, ...this.queued].slice(0, MAX_QUEUED);
      this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS * 4).unref();
      // The driver's own error, not Drizzle's wrapper: its message would carry the statement's parameters.
      const { code, message } = driverError(error);
      log().error(
        { code, reason: message, queued: this.queued.length },
        "audit entries could not be written to the store; retrying",
      );
    }
    if (this.dropped > 0) {
      log().error({ dropped: this.dropped }, "audit entries dropped: the store was unreachable and the queue full");
      this.dropped = 0;
    }
  }
}
