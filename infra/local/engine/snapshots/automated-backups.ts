/**
 * RDS's automated backups: once a day, in the fleet's PreferredBackupWindow
 * (UTC), an automated snapshot of each primary whose BackupRetentionPeriod is
 * above 0, named rds:<instance>-YYYY-MM-DD-HH-MM; automated snapshots older
 * than their retention are deleted, and with them the archived WAL that only
 * they could replay (wal-archive.ts). Checked every minute; `runDue` takes the
 * time as a parameter so tests can move the clock, and `backupNow` is the
 * manual trigger (npm run fleet:backup, tests).
 */

import { parseLsn } from "../../pg/wal-files";
import type { FleetOps } from "../fleet-ops";
import { instanceSettings } from "../instance-settings";
import { baseBackupsOf } from "./restore-window";
import { createSnapshot, removeSnapshot } from "./take-snapshot";
import { archiveDirOf, pruneArchive } from "./wal-archive";

const DAY_MS = 24 * 3600 * 1000;
const CHECK_EVERY_MS = 60_000;

export const automatedSnapshotId = (instanceId: string, at: Date) =>
  `rds:${instanceId}-${at.toISOString().slice(0, 16).replace("T", "-").replace(":", "-")}`;

/** "03:00-04:00" → whether `at` (UTC) falls inside it; windows may cross midnight. */
export function inWindow(window: string, at: Date): boolean {
  const [from, to] = window.split("-").map((hhmm) => {
    const [h, m] = hhmm.split(":").map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  });
  const minute = at.getUTCHours() * 60 + at.getUTCMinutes();
  if (from === undefined || to === undefined) return false;
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

export type BackupRun = { started: string[]; pruned: string[]; skipped: { instanceId: string; why: string }[] };

export class AutomatedBackups {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ops: FleetOps) {}

  start(): void {
    const check = () => {
      try {
        this.firstBackups(this.ops.now());
        this.runDue(this.ops.now());
      } catch (error) {
        this.ops.log.error({ err: error }, "automated backup check failed");
      }
    };
    check();
    this.timer = setInterval(check, CHECK_EVERY_MS);
    this.timer.unref();
  }

  /**
   * As RDS backs an instance up when it is created: one that keeps backups
   * but has no automated snapshot yet gets one now, whatever the window, so
   * point-in-time restore works from the start rather than after the next
   * backup window.
   */
  firstBackups(now: Date): BackupRun {
    const run: BackupRun = { started: [], pruned: [], skipped: [] };
    for (const instance of this.backedUpInstances()) {
      const dbi = this.ops.state.instances.find((i) => i.id === instance)?.dbiResourceId;
      const has = this.ops.snapshots
        .all()
        .some((s) => s.type === "automated" && s.dbiResourceId === dbi && s.status !== "failed");
      if (!has) this.startOne(instance, now, run);
    }
    return run;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Backs up every primary in its window that has no automated snapshot from that day yet, then prunes. */
  runDue(now: Date): BackupRun {
    const run: BackupRun = { started: [], pruned: this.prune(now), skipped: [] };
    const today = now.toISOString().slice(0, 10);
    for (const instance of this.backedUpInstances()) {
      const record = this.ops.state.instances.find((i) => i.id === instance);
      if (!record || !inWindow(instanceSettings(this.ops.fleet, record).preferredBackupWindow, now)) continue;
      const done = this.ops.snapshots
        .all()
        .some(
          (s) =>
            s.type === "automated" &&
            s.instanceId === instance &&
            s.createdAt.slice(0, 10) === today &&
            s.status !== "failed",
        );
      if (done) continue;
      this.startOne(instance, now, run);
    }
    return run;
  }

  /** The manual trigger: an automated snapshot of each backed-up primary (or the one named) now, whatever the window. */
  backupNow(now: Date, instanceId?: string): BackupRun {
    const run: BackupRun = { started: [], pruned: this.prune(now), skipped: [] };
    const targets = instanceId ? [instanceId] : this.backedUpInstances();
    for (const id of targets) this.startOne(id, now, run);
    return run;
  }

  private backedUpInstances(): string[] {
    return this.ops.state.instances
      .filter((i) => i.role === "writer" && i.backupRetentionPeriod > 0 && !i.pending)
      .map((i) => i.id);
  }

  private startOne(instanceId: string, now: Date, run: BackupRun): void {
    const snapshotId = automatedSnapshotId(instanceId, now);
    try {
      createSnapshot(this.ops, { instanceId, snapshotId, type: "automated", at: now });
      run.started.push(snapshotId);
    } catch (error) {
      // Busy (another action) or not available: the next check in the window tries again.
      run.skipped.push({ instanceId, why: (error as Error).message });
      this.ops.log.info({ instance: instanceId, cause: (error as Error).message }, "automated backup postponed");
    }
  }

  private prune(now: Date): string[] {
    const pruned: string[] = [];
    for (const s of this.ops.snapshots.all()) {
      if (s.type !== "automated" || s.status === "creating" || s.retentionDays === undefined) continue;
      if (this.ops.snapshots.inUse(s.id)) continue; // a restore reads it: pruned at the next check
      if (Date.parse(s.createdAt) + s.retentionDays * DAY_MS > now.getTime()) continue;
      removeSnapshot(this.ops, s);
      pruned.push(s.id);
    }
    this.pruneArchives();
    return pruned;
  }

  /**
   * The WAL archive of each instance (live or retained) keeps what its oldest
   * automated snapshot needs, and everything after; a retained backup whose
   * last automated snapshot aged out can restore nothing and goes entirely.
   */
  private pruneArchives(): void {
    const dbis = [
      ...this.ops.state.instances.map((i) => ({ dbi: i.dbiResourceId, retained: false })),
      ...this.ops.retained.all().map((r) => ({ dbi: r.dbiResourceId, retained: true })),
    ];
    for (const { dbi, retained } of dbis) {
      const oldest = baseBackupsOf(this.ops, dbi)[0];
      if (!oldest?.startLsn) {
        if (retained) {
          this.ops.retained.remove(dbi);
          this.ops.log.info({ dbiResourceId: dbi }, "retained backup expired with its last automated snapshot");
        }
        continue;
      }
      const removed = pruneArchive(archiveDirOf(this.ops.config.dataDir, dbi), parseLsn(oldest.startLsn));
      if (removed.length) this.ops.log.info({ dbiResourceId: dbi, removed: removed.length }, "pruned the WAL archive");
    }
  }
}
