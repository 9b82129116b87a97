/**
 * Copies a live PostgreSQL data directory (or a snapshot of one) without
 * blocking the engine's event loop, reporting bytes copied. Files that vanish
 * mid-copy (dropped relations) are skipped; torn pages are fixed by WAL replay.
 */
import { type Dirent, promises as fs } from "node:fs";
import path from "node:path";

// Per the PostgreSQL docs ("Making a Base Backup Using the Low Level API"):
// these are recreated by the server and their contents must not be copied.
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

type Plan = { dirs: string[]; files: { rel: string; size: number }[] };

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** What to copy: `dataDir` mode leaves out what the server recreates; `plain` copies everything. */
async function plan(root: string, mode: "dataDir" | "plain"): Promise<Plan> {
  const result: Plan = { dirs: [""], files: [] };
  const walk = async (rel: string, top: boolean) => {
    for (const entry of await entries(path.join(root, rel))) {
      const childRel = path.join(rel, entry.name);
      if (mode === "dataDir" && top && SKIP_FILES.has(entry.name)) continue;
      if (mode === "dataDir" && entry.name.startsWith("pgsql_tmp")) continue;
      if (entry.isDirectory()) {
        result.dirs.push(childRel);
        if (!(mode === "dataDir" && top && SKIP_CONTENTS.has(entry.name))) await walk(childRel, false);
      } else if (entry.isFile()) {
        const size = await fs.stat(path.join(root, childRel)).then(
          (s) => s.size,
          () => -1,
        );
        if (size >= 0) result.files.push({ rel: childRel, size });
      }
    }
  };
  await walk("", true);
  // pg_basebackup's rule: a backup taken on a standby ends where the copied pg_control says, so it goes last.
  const control = path.join("global", "pg_control");
  result.files.sort((a, b) => Number(a.rel === control) - Number(b.rel === control));
  return result;
}

export type CopyProgress = (copiedBytes: number, totalBytes: number) => void;

/**
 * Copies `from` into `to` (created). Returns the bytes copied. `abort` is
 * checked between files so a stopping engine does not wait for a long copy.
 */
export async function copyTree(
  from: string,
  to: string,
  opts: { mode: "dataDir" | "plain"; onProgress?: CopyProgress; abort?: () => string | undefined },
): Promise<number> {
  const { dirs, files } = await plan(from, opts.mode);
  const total = files.reduce((sum, f) => sum + f.size, 0);
  for (const dir of dirs) await fs.mkdir(path.join(to, dir), { recursive: true, mode: 0o700 });
  let copied = 0;
  let reported = 0;
  for (const file of files) {
    const why = opts.abort?.();
    if (why) throw new Error(`copy of ${from} aborted: ${why}`);
    try {
      await fs.copyFile(path.join(from, file.rel), path.join(to, file.rel));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    copied += file.size;
    // Report at most every 1% so a million small files do not flood the callback.
    if (opts.onProgress && (copied - reported >= total / 100 || copied === total)) {
      reported = copied;
      opts.onProgress(copied, total);
    }
  }
  return copied;
}
