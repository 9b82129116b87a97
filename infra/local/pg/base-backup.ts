/**
 * Clones a running node with PostgreSQL's low-level backup API
 * (pg_backup_start / copy the files / pg_backup_stop), which needs no
 * pg_basebackup binary. Writes continue on the source throughout; the clone
 * replays WAL from the backup's checkpoint, streamed through its own
 * replication slot (created first, so the WAL it needs is retained).
 */
import { copyFileSync, type Dirent, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chownTree } from "./ownership.js";
import type { RunAs } from "./run-as.js";
import { type Login, type NodeAddress, withNode } from "./sql-client.js";

// Per the PostgreSQL docs ("Making a Base Backup Using the Low Level API"):
// these are recreated by the server and must not be copied.
const SKIP_CONTENTS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "standby.signal",
  "recovery.signal",
  "current_logfiles",
]);

/** Copies a live directory; files that vanish mid-copy (dropped relations) are skipped, torn pages are fixed by WAL replay. */
function copyLive(from: string, to: string, top: boolean): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    if (top && SKIP_FILES.has(entry.name)) continue;
    if (entry.name.startsWith("pgsql_tmp")) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && SKIP_CONTENTS.has(entry.name)) mkdirSync(dst, { mode: 0o700 });
      else copyLive(src, dst, false);
    } else if (entry.isFile()) {
      try {
        copyFileSync(src, dst);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
}

export type CloneRequest = {
  source: NodeAddress;
  sourceDataDir: string;
  admin: Login;
  caCertPem: string;
  /** One target data directory per clone, each with the replication slot it will stream from. */
  targets: { dataDir: string; slot: string }[];
  runAs: RunAs | undefined;
};

export async function cloneNode(req: CloneRequest): Promise<void> {
  const staging = `${req.targets[0]?.dataDir ?? req.sourceDataDir}.clone-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await withNode(req.source, req.admin, req.caCertPem, async (db) => {
    for (const { slot } of req.targets) {
      await db.query(
        "select pg_create_physical_replication_slot($1, true) where not exists (select 1 from pg_replication_slots where slot_name = $1)",
        [slot],
      );
    }
    await db.query("select pg_backup_start($1, true)", ["rdsdeck clone"]);
    let stopped = false;
    try {
      copyLive(req.sourceDataDir, staging, true);
      const { rows } = await db.query<{ labelfile: string; spcmapfile: string }>(
        "select labelfile, spcmapfile from pg_backup_stop(false)",
      );
      stopped = true;
      writeFileSync(path.join(staging, "backup_label"), rows[0]?.labelfile ?? "", { mode: 0o600 });
      if (rows[0]?.spcmapfile) writeFileSync(path.join(staging, "tablespace_map"), rows[0].spcmapfile, { mode: 0o600 });
    } finally {
      // A backup left open blocks the next one; the session ending also aborts it, but say so explicitly.
      if (!stopped) await db.query("select pg_backup_stop(false)").catch(() => undefined);
    }
  });
  req.targets.forEach(({ dataDir }, i) => {
    rmSync(dataDir, { recursive: true, force: true });
    if (i === req.targets.length - 1) renameSync(staging, dataDir);
    else copyLive(staging, dataDir, false);
    chownTree(dataDir, req.runAs);
  });
}
