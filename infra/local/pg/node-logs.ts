/**
 * Where one node's postgres writes: its logging collector's hourly files in
 * `logs/<node>/error/` (what RDS calls the instance's log files), and
 * `logs/<node>/postmaster.log`, postgres's own output before the collector
 * takes over — all a start that fails early (a bad setting, a lock) ever says.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { lastProblems } from "./log-tail";
import { chownFile } from "./ownership";
import type { RunAs } from "./run-as";
import { LOG_SUBDIR, listServerLogs } from "./server-log-files";

export class NodeLogs {
  /** The current file and its size when postgres last started: what it held then is an earlier run's. */
  private runStart: { file: string | undefined; offset: number } | undefined;

  constructor(readonly dir: string) {}

  /** postgres's log_directory. */
  get errorDir(): string {
    return path.join(this.dir, LOG_SUBDIR);
  }

  /** postgres's stderr, rewritten at every start: only the output from before the collector runs. */
  get startupFile(): string {
    return path.join(this.dir, "postmaster.log");
  }

  /** Creates the folders, owned by the account postgres runs as (its collector creates files there). */
  prepare(runAs: RunAs | undefined): void {
    mkdirSync(this.errorDir, { recursive: true, mode: 0o750 });
    chownFile(this.dir, runAs);
    chownFile(this.errorDir, runAs);
  }

  /** The file the collector writes now: the newest hour's. */
  currentFile(): string | undefined {
    return listServerLogs(this.errorDir).at(-1)?.path;
  }

  /** Called as postgres starts (Postmaster's beforeStart). */
  markStart(): void {
    const file = this.currentFile();
    this.runStart = { file, offset: file ? sizeOf(file) : 0 };
  }

  /**
   * The last FATAL, PANIC or ERROR lines of postgres's current run: its early
   * output first, then what it wrote to the current file since it started.
   */
  problems(max = 2): string[] {
    const current = this.currentFile();
    const early = lastProblems(this.startupFile, max);
    if (!current) return early.slice(-max);
    const from = current === this.runStart?.file ? this.runStart.offset : 0;
    return [...early, ...lastProblems(current, max, from)].slice(-max);
  }

  /** "log: <current file>" and, when there are any, the current run's last problems. */
  pointer(): string {
    const problems = this.problems();
    const file = this.currentFile() ?? this.startupFile;
    return `log: ${file}${problems.length ? `; it says: ${problems.join(" / ")}` : ""}`;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    // Deleted past retention a moment ago: nothing in it is this run's either way.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}
