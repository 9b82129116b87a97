/**
 * Where a failed postgres says why: the path of its log and its last
 * FATAL/PANIC/ERROR lines, so an engine error or an RDS event carries the
 * reason even after the log is gone (a test fleet's directory is removed).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const TAIL_BYTES = 16 * 1024;
// Refusals of the engine's own readiness probes while the server starts or stops: not the reason anything failed.
const STARTING = /LOG: {2}starting PostgreSQL /;
const PROBE_REFUSAL = /the database system is (starting up|not yet accepting connections|shutting down)/;

/**
 * The last `max` FATAL, PANIC or ERROR lines of a server log, from byte
 * `from` on (what an earlier run wrote before it is not read); none if it
 * cannot be read.
 */
export function lastProblems(logFile: string, max = 2, from = 0): string[] {
  let fd: number | undefined;
  try {
    fd = openSync(logFile, "r");
    const size = fstatSync(fd).size;
    const start = Math.max(from, size - TAIL_BYTES);
    const length = Math.max(0, size - start);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, start);
    const lines = buffer.toString("utf8").split("\n");
    // Only this run of the server: problems from before its last start are history, not the reason.
    const lastStart = lines.findLastIndex((line) => STARTING.test(line));
    return lines
      .slice(Math.max(0, lastStart))
      .filter((line) => /\b(FATAL|PANIC|ERROR):/.test(line) && !PROBE_REFUSAL.test(line))
      .slice(-max)
      .map((line) => line.replace(/^\S+ \S+ \S+ \[\d+\] (\S+@\S+ )?/, ""));
  } catch {
    // Reading the log is a courtesy of the message; its absence is said by the path alone.
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** "log: <path>" and, when there are any, the log's last problems. */
export function logPointer(logFile: string): string {
  const problems = lastProblems(logFile);
  return `log: ${logFile}${problems.length ? `; it says: ${problems.join(" / ")}` : ""}`;
}
