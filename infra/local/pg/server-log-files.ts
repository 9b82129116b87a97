/**
 * A node's server log files, named and kept as RDS for PostgreSQL names and
 * keeps them: `error/postgresql.log.YYYY-MM-DD-HH`, one per UTC hour (the
 * logging collector opens the next one on the hour), deleted once nothing has
 * been written to them for `rds.log_retention_period` (4320 minutes, its
 * default). DescribeDBLogFiles lists exactly these files.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/** The folder RDS lists PostgreSQL's logs under; also the last part of the node's log_directory. */
export const LOG_SUBDIR = "error";
/** postgres's log_filename (strftime, in log_timezone = UTC) for the names below. */
export const LOG_FILENAME_PATTERN = "postgresql.log.%Y-%m-%d-%H";
/** rds.log_retention_period's default: three days. */
export const LOG_RETENTION_MINUTES = 4320;

const NAME = /^postgresql\.log\.(\d{4})-(\d{2})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;

export type ServerLogFile = {
  /** As DescribeDBLogFiles names it: `error/postgresql.log.2026-12-06-11`. */
  logFileName: string;
  path: string;
  /** Epoch milliseconds, as DescribeDBLogFiles' LastWritten. */
  lastWritten: number;
  size: number;
};

/** The file name postgres writes during the UTC hour of `at` (without the `error/` folder). */
export function logFileNameAt(at: Date): string {
  const iso = at.toISOString();
  return `postgresql.log.${iso.slice(0, 10)}-${iso.slice(11, 13)}`;
}

/** The start of the UTC hour a log file covers, or undefined for a name that is not a server log's. */
export function hourOfLogFile(name: string): Date | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, year, month, day, hour] = m.map(Number) as [number, number, number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day, hour));
  // Date.UTC rolls 2026-02-30 over into March: such a name was never written by postgres.
  return logFileNameAt(at) === name ? at : undefined;
}

/** The server log files in a node's `error/` folder, oldest first (names sort by hour). */
export function listServerLogs(errorDir: string): ServerLogFile[] {
  let names: string[];
  try {
    names = readdirSync(errorDir);
  } catch (error) {
    // A node that has never started has no folder yet: it has no logs, which is not a failure.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: ServerLogFile[] = [];
  for (const name of names.filter((n) => hourOfLogFile(n) !== undefined).sort()) {
    const file = path.join(errorDir, name);
    const stat = statOrUndefined(file);
    // Pruned between the listing and the stat: gone, so not listed.
    if (!stat?.isFile()) continue;
    files.push({
      logFileName: `${LOG_SUBDIR}/${name}`,
      path: file,
      lastWritten: Math.floor(stat.mtimeMs),
      size: stat.size,
    });
  }
  return files;
}

/**
 * The files past retention: nothing written to them for `retentionMinutes`,
 * and their hour over that long ago (a file's mtime alone could be older than
 * its hour when a clock was set back; neither alone deletes a file).
 */
export function expiredLogFiles(
  files: readonly ServerLogFile[],
  now: Date,
  retentionMinutes = LOG_RETENTION_MINUTES,
): ServerLogFile[] {
  const cutoff = now.getTime() - retentionMinutes * 60_000;
  return files.filter((f) => {
    const hour = hourOfLogFile(path.basename(f.path));
    return hour !== undefined && hour.getTime() + HOUR_MS <= cutoff && f.lastWritten <= cutoff;
  });
}

/** Deletes a node's expired log files; returns their names. */
export function pruneServerLogs(errorDir: string, now: Date, retentionMinutes = LOG_RETENTION_MINUTES): string[] {
  const expired = expiredLogFiles(listServerLogs(errorDir), now, retentionMinutes);
  for (const file of expired) rmSync(file.path, { force: true });
  return expired.map((f) => f.logFileName);
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
