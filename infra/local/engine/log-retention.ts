/**
 * rds.log_retention_period for the local fleet: postgres names its files by
 * the hour and never deletes one, so the engine deletes those past retention,
 * at start and every few minutes — in every node's folder, a deleted
 * instance's included (its logs outlive it by the same three days).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import { LOG_SUBDIR, pruneServerLogs } from "../pg/server-log-files";

const PRUNE_EVERY_MS = 10 * 60_000;

export class LogRetention {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logsDir: string,
    private readonly log: pino.Logger,
    private readonly now: () => Date,
  ) {}

  start(): void {
    this.pruneNow();
    this.timer = setInterval(() => this.pruneNow(), PRUNE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over every node's folder; a folder that cannot be pruned is logged and the rest still are. */
  pruneNow(): void {
    for (const errorDir of this.nodeLogFolders()) {
      try {
        const deleted = pruneServerLogs(errorDir, this.now());
        if (deleted.length > 0) this.log.info({ folder: errorDir, deleted }, "deleted log files past retention");
      } catch (error) {
        this.log.warn({ folder: errorDir, err: error }, "could not delete log files past retention");
      }
    }
  }

  private nodeLogFolders(): string[] {
    if (!existsSync(this.logsDir)) return [];
    return readdirSync(this.logsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(this.logsDir, entry.name, LOG_SUBDIR))
      .filter((dir) => existsSync(dir));
  }
}
