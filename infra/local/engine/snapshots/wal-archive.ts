/**
 * The continuous WAL archive of an instance with automated backups: every
 * segment its writer completes (and every timeline history file), gzipped,
 * in <dataDir>/backups/<DbiResourceId>/wal. Keyed by DbiResourceId, not by
 * node or identifier, so it follows the writer across failovers (the promoted
 * standby archives into the same directory: its new timeline, its history
 * file and the old timeline's last partial segment) and outlives the
 * instance as a retained backup. Automated snapshots are its base backups.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chownFile } from "../../pg/ownership";
import type { RunAs } from "../../pg/run-as";
import { parseWalFileName } from "../../pg/wal-files";

/** How often a writer with any new WAL completes a segment for the archive: bounds LatestRestorableTime's lag. */
export const ARCHIVE_TIMEOUT_SECONDS = 5;

const SEGMENT_BYTES = 16n * 1024n * 1024n;

export function archiveDirOf(dataDir: string, dbiResourceId: string): string {
  return path.join(dataDir, "backups", dbiResourceId, "wal");
}

/** Creates the archive directory, writable by the postgres account. */
export function prepareArchiveDir(dir: string, runAs: RunAs | undefined): void {
  const instanceDir = path.dirname(dir);
  // backups/ only needs to be passable for the postgres account; each instance's directory is its own.
  mkdirSync(path.dirname(instanceDir), { recursive: true, mode: 0o711 });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chownFile(instanceDir, runAs);
  chownFile(dir, runAs);
}

const shellQuoted = (s: string) => `"${s.replaceAll(/["\\$`]/g, (c) => `\\${c}`)}"`;

/**
 * archive_command: a file already archived is success (postgres retries a
 * segment whose earlier archiving it did not see finish), and a new one
 * appears only complete (written beside, then renamed).
 */
export function archiveCommand(dir: string): string {
  const target = shellQuoted(`${dir}/%f.gz`);
  const partial = shellQuoted(`${dir}/%f.gz.part`);
  return `test -f ${target} || (gzip -1 -c "%p" > ${partial} && mv ${partial} ${target})`;
}

/** restore_command reading this archive first, then a directory of plain segment files (a snapshot's own WAL). */
export function restoreFromArchiveCommand(dir: string, plainDir: string): string {
  const archived = shellQuoted(`${dir}/%f.gz`);
  return `if test -f ${archived}; then gzip -d -c ${archived} > "%p"; else cp ${shellQuoted(`${plainDir}/%f`)} "%p"; fi`;
}

/** Every file of the archive; none before its instance first archived. */
function archivedFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The segments archived so far, by name (without .gz). */
function archivedSegments(dir: string): string[] {
  return archivedFiles(dir)
    .filter((n) => n.endsWith(".gz"))
    .map((n) => n.slice(0, -3));
}

/** The WAL position up to which every byte is archived: the end of the newest archived segment, on any timeline. */
export function archivedEnd(dir: string): bigint | undefined {
  let end: bigint | undefined;
  for (const name of archivedSegments(dir)) {
    const s = parseWalFileName(name, SEGMENT_BYTES);
    if (s && (end === undefined || (s.segno + 1n) * SEGMENT_BYTES > end)) end = (s.segno + 1n) * SEGMENT_BYTES;
  }
  return end;
}

/** The archive's complete files (segments, partial segments, history files) as of now. */
export function archiveContents(dir: string): string[] {
  return archivedFiles(dir).filter((n) => n.endsWith(".gz"));
}

/**
 * Puts `names` of the archive into `dest` as hard links (a copy where a link
 * cannot be made): a fixed view of the archive that what is archived later,
 * or pruned meanwhile, does not change. A name pruned since it was listed is
 * left out: pruning removes only segments older than every base backup, which
 * no restore replays.
 */
export function linkArchiveFiles(dir: string, names: readonly string[], dest: string): void {
  mkdirSync(dest, { recursive: true, mode: 0o700 });
  for (const name of names) {
    const from = path.join(dir, name);
    const to = path.join(dest, name);
    try {
      try {
        linkSync(from, to);
      } catch (error) {
        if (!["EXDEV", "EPERM"].includes(errorCode(error))) throw error;
        copyFileSync(from, to);
      }
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
    }
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "";
}

/** Removes the archived segments wholly before `keepFrom` (the oldest base backup's start); history files stay. */
export function pruneArchive(dir: string, keepFrom: bigint): string[] {
  const removed: string[] = [];
  for (const name of archivedFiles(dir)) {
    const s = parseWalFileName(name.replace(/(\.partial)?\.gz$/, ""), SEGMENT_BYTES);
    if (s && (s.segno + 1n) * SEGMENT_BYTES <= keepFrom) {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
