/**
 * Signals a postgres server and all its children (fencing a writer, freezing a node in drills). Postgres children call
 * setsid(), so a process-group kill does not reach them; /proc does.
 */
import { readdirSync, readFileSync } from "node:fs";

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // the process exited while we looked
    }
  }
  return kids;
}

export function signalServerTree(pid: number, signal: NodeJS.Signals): void {
  for (const p of [pid, ...childrenOf(pid)]) {
    try {
      process.kill(p, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
}
