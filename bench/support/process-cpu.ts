/** CPU seconds used by groups of processes over a span, from /proc (Linux): who pays for a request. */
import { readdirSync, readFileSync } from "node:fs";

type Sample = Map<number, { group: string; seconds: number }>;

const CLOCK_TICKS = 100;

function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Every process whose group `classify` names, with its CPU so far; others are left out. */
export function sampleCpu(classify: (comm: string, cmdline: string) => string | undefined): Sample {
  const sample: Sample = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const group = classify(
        readFileSync(`/proc/${pid}/comm`, "utf8").trim(),
        readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " "),
      );
      if (group) sample.set(pid, { group, seconds: cpuSeconds(pid) });
    } catch {
      // The process ended between the listing and the read: it has nothing more to count.
    }
  }
  return sample;
}

/** CPU seconds per group between two samples; processes born in between count from zero. */
export function cpuBetween(before: Sample, after: Sample): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [pid, now] of after) {
    used[now.group] = (used[now.group] ?? 0) + now.seconds - (before.get(pid)?.seconds ?? 0);
  }
  return used;
}
