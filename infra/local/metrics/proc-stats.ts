/**
 * What Linux tells about processes and memory, read from /proc as cheaply as
 * it allows: one stat file per process of a postgres server, the postmaster's
 * children from /proc/<pid>/task/<pid>/children rather than a scan of every
 * process on the machine.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

/** USER_HZ, the unit of the CPU times in /proc/<pid>/stat (100 on every common Linux). */
export const CLOCK_TICKS_PER_SECOND = clockTicks();

/** Logical CPUs of the machine: CPUUtilization is a percent of all of them, as RDS's is of the instance's vCPUs. */
export const CPU_COUNT = os.availableParallelism();

/**
 * CPU time (ticks) of a server: the postmaster's own and its waited-for
 * children's (cutime/cstime keep the time of backends that have exited), plus
 * each live child's. The sum only grows while the postmaster lives, so the
 * difference between two readings is the server's CPU time in between.
 */
export function serverCpuTicks(postmasterPid: number): number | undefined {
  const own = readTicks(postmasterPid);
  if (own === undefined) return undefined;
  let total = own;
  for (const child of childrenOf(postmasterPid)) total += readTicks(child) ?? 0;
  return total;
}

/** MemAvailable of /proc/meminfo in bytes: what RDS's FreeableMemory approximates on a host. */
export function memAvailableBytes(): number | undefined {
  try {
    const match = /^MemAvailable:\s+(\d+) kB$/m.exec(readFileSync("/proc/meminfo", "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return text === "" ? [] : text.split(" ").map(Number);
  } catch {
    return [];
  }
}

/** CPU time (ticks) one process has used so far: a backend's, for what serving one connection costs. */
export function processCpuTicks(pid: number): number | undefined {
  return readTicks(pid);
}

/** utime + stime + cutime + cstime from /proc/<pid>/stat; fields after the command's ")" are fixed. */
function readTicks(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

function clockTicks(): number {
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isInteger(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}
