/**
 * One engine per data directory. The lock is a pid file created exclusively;
 * a lock left by a process that no longer exists (killed with SIGKILL) is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "../pg/process-alive";

export class AlreadyRunningError extends Error {}

/** Data directories whose lock this process holds (a pid alone cannot tell: tests run several engines in one process). */
const held = new Set<string>();

export function acquireEngineLock(dataDir: string): () => void {
  const file = path.join(dataDir, "engine.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      const ours = holder === process.pid;
      if ((ours && held.has(file)) || (!ours && Number.isInteger(holder) && holder > 0 && isProcessAlive(holder))) {
        throw new AlreadyRunningError(
          `rdsdeck's local fleet is already running (pid ${holder}) on data directory ${dataDir}. ` +
            "Stop it first (Ctrl-C in its terminal), or use another RDSDECK_DATA_DIR and RDSDECK_PORT_BASE.",
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new AlreadyRunningError(`Could not take the engine lock ${file}`);
}
