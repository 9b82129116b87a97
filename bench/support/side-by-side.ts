/** Collects the figures of alternating rounds and prints their medians side by side, with the ratio. */
import type { LoadResult } from "./load";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export class SideBySide {
  private runs = new Map<string, LoadResult[]>();

  add(scenario: string, target: string, result: LoadResult): void {
    const key = `${scenario}\u0000${target}`;
    this.runs.set(key, [...(this.runs.get(key) ?? []), result]);
  }

  private medians(scenario: string, target: string) {
    const runs = this.runs.get(`${scenario}\u0000${target}`) ?? [];
    return {
      rps: median(runs.map((r) => r.requestsPerSecond)),
      p50: median(runs.map((r) => r.p50Ms)),
      p99: median(runs.map((r) => r.p99Ms)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      rounds: runs.length,
    };
  }

  /** A Markdown table: one row per scenario, rdsdeck's medians, the peer's, and rdsdeck / peer. */
  table(scenarios: string[], targets: [string, string?]): string {
    const [own, peer] = targets;
    const head = peer
      ? `| scenario | ${own} req/s | p50 ms | p99 ms | ${peer} req/s | p50 ms | p99 ms | ratio | errors |`
      : `| scenario | ${own} req/s | p50 ms | p99 ms | errors |`;
    const rule = head.replace(/[^|]+/g, " --- ");
    const rows = scenarios.map((s) => {
      const a = this.medians(s, own);
      const cells = [s, a.rps.toFixed(0), a.p50.toFixed(2), a.p99.toFixed(2)];
      if (!peer) return `| ${[...cells, String(a.errors)].join(" | ")} |`;
      const b = this.medians(s, peer);
      cells.push(b.rps.toFixed(0), b.p50.toFixed(2), b.p99.toFixed(2), (a.rps / b.rps).toFixed(2));
      return `| ${[...cells, `${a.errors} / ${b.errors}`].join(" | ")} |`;
    });
    return [head, rule, ...rows].join("\n");
  }
}
