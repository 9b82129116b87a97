/**
 * pg_stat_statements' counters of one instance, as deltas per interval
 * (a minute by default), per digest: what DescribeDimensionKeys'
 * db.sql_tokenized.stats.* additional metrics are computed from.
 */
import { RETENTION_MS } from "./load-history";

/** Cumulative counters of one digest (pg_stat_statements summed over users, databases and nesting). */
export interface StatementCounters {
  readonly calls: number;
  readonly rows: number;
  /** Planning plus execution time, ms. */
  readonly totalTimeMs: number;
  /** When pg_stat_statements began counting this digest (its stats_since), ms. */
  readonly sinceMs?: number;
}

export interface Delta {
  /** The interval [from, to), ms. */
  readonly from: number;
  readonly to: number;
  readonly digests: ReadonlyMap<string, StatementCounters>;
}

export interface StatementRates {
  readonly callsPerSec: number;
  readonly rowsPerSec: number;
  /** Seconds of execution per second: average active executions. */
  readonly totalTimePerSec: number;
}

/** Where a reading's counters count from: `restarted` when they started again from zero since the last reading. */
export interface Epoch {
  readonly restarted: boolean;
  /** When the counters' epoch began (server start or pg_stat_statements_reset()), ms. */
  readonly startMs: number;
}

function counterValues(c: StatementCounters): StatementCounters {
  return { calls: c.calls, rows: c.rows, totalTimeMs: c.totalTimeMs };
}

export class StatementHistory {
  private readonly deltas: Delta[] = [];
  private previous: { at: number; counters: ReadonlyMap<string, StatementCounters> } | undefined;

  /** Told every interval's deltas as recorded: the journal that keeps them across restarts. */
  onDelta: ((delta: Delta) => void) | undefined;

  constructor(private readonly maxDigestIntervals = 2_000_000) {}

  /** A delta read back from the journal: kept as recorded, told to no one. */
  restore(delta: Delta): void {
    this.deltas.push(delta);
    this.prune(delta.to);
  }

  /**
   * One reading of the cumulative counters, keyed by tokenized id. The first
   * reading (and one after the counters started again from zero, at
   * `epochStartMs`) is a baseline, except for digests pg_stat_statements
   * began counting within this epoch: all their counts happened since, so
   * they count over their own lifetime. Without that, what a new instance
   * ran before the first reading (up to an interval after it started) would
   * never show in its top SQL.
   */
  record(atMs: number, counters: ReadonlyMap<string, StatementCounters>, epoch: Epoch): void {
    const previous = this.previous;
    this.previous = { at: atMs, counters };
    if (previous === undefined || epoch.restarted) {
      this.recordSinceEpoch(atMs, counters, epoch.startMs);
      return;
    }
    const digests = new Map<string, StatementCounters>();
    for (const [id, now] of counters) {
      const before = previous.counters.get(id);
      // A digest evicted and re-entered (pg_stat_statements.max) starts again from zero.
      const base = before !== undefined && before.calls <= now.calls ? before : { calls: 0, rows: 0, totalTimeMs: 0 };
      const delta = {
        calls: now.calls - base.calls,
        rows: now.rows - base.rows,
        totalTimeMs: now.totalTimeMs - base.totalTimeMs,
      };
      if (delta.calls > 0 || delta.totalTimeMs > 0) digests.set(id, delta);
    }
    this.push({ from: previous.at, to: atMs, digests });
    this.prune(atMs);
  }

  private recordSinceEpoch(atMs: number, counters: ReadonlyMap<string, StatementCounters>, startMs: number): void {
    for (const [id, c] of counters) {
      if (c.sinceMs === undefined || c.sinceMs < startMs || (c.calls <= 0 && c.totalTimeMs <= 0)) continue;
      // A digest first run between this reading's start and its query: its own, shortest interval.
      const from = Math.min(c.sinceMs, atMs - 1);
      this.push({ from, to: atMs, digests: new Map([[id, counterValues(c)]]) });
    }
    this.prune(atMs);
  }

  private push(delta: Delta): void {
    this.deltas.push(delta);
    this.onDelta?.(delta);
  }

  /** Rates per digest over [fromMs, toMs): intervals overlapping it count in proportion to their overlap. */
  rates(fromMs: number, toMs: number): Map<string, StatementRates> {
    const sums = new Map<string, { calls: number; rows: number; totalTimeMs: number }>();
    for (const d of this.deltas) {
      const overlap = Math.min(d.to, toMs) - Math.max(d.from, fromMs);
      if (overlap <= 0) continue;
      const share = overlap / (d.to - d.from);
      for (const [id, c] of d.digests) {
        const sum = sums.get(id) ?? { calls: 0, rows: 0, totalTimeMs: 0 };
        sum.calls += c.calls * share;
        sum.rows += c.rows * share;
        sum.totalTimeMs += c.totalTimeMs * share;
        sums.set(id, sum);
      }
    }
    const seconds = (toMs - fromMs) / 1000;
    const rates = new Map<string, StatementRates>();
    for (const [id, s] of sums) {
      rates.set(id, {
        callsPerSec: s.calls / seconds,
        rowsPerSec: s.rows / seconds,
        totalTimePerSec: s.totalTimeMs / 1000 / seconds,
      });
    }
    return rates;
  }

  /** Digests named in any kept interval, so their texts are kept too. */
  digestsKept(): Set<string> {
    const ids = new Set<string>();
    for (const d of this.deltas) for (const id of d.digests.keys()) ids.add(id);
    return ids;
  }

  private prune(nowMs: number): void {
    let kept = this.deltas.reduce((n, d) => n + d.digests.size, 0);
    while (this.deltas.length > 0) {
      const oldest = this.deltas[0] as Delta;
      if (oldest.to > nowMs - RETENTION_MS && kept <= this.maxDigestIntervals) break;
      this.deltas.shift();
      kept -= oldest.digests.size;
    }
  }
}
