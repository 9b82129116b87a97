/**
 * DB load read back from the sampled seconds: per period, the average,
 * sum, minimum or maximum of the per-second count of active sessions,
 * filtered by dimensions and split by a dimension group's keys. A period
 * with no sampled second has no value (the instance was not running).
 */
import { DIMENSION_GROUPS, DIMENSIONS, type SessionTuple, type StatementTexts, truncateBytes } from "./dimensions";
import type { LoadHistory } from "./load-history";

export type LoadStatistic = "avg" | "sum" | "min" | "max";

export interface LoadSelection {
  /** dimension (full name) → the value a session must have. */
  readonly filter: ReadonlyMap<string, string>;
  readonly group?: { readonly name: string; readonly dimensions: readonly string[] };
}

/** Per-second values folded into one period. */
class PeriodStats {
  samples = 0;
  sum = 0;
  max = 0;
  /** Seconds where the series had at least one session, and the least count among them. */
  present = 0;
  minPresent = Number.POSITIVE_INFINITY;

  add(value: number): void {
    this.sum += value;
    if (value > this.max) this.max = value;
    if (value > 0) {
      this.present++;
      if (value < this.minPresent) this.minPresent = value;
    }
  }

  value(statistic: LoadStatistic): number {
    switch (statistic) {
      case "avg":
        return this.sum / this.samples;
      case "sum":
        return this.sum;
      case "max":
        return this.max;
      case "min":
        return this.present < this.samples ? 0 : this.minPresent;
    }
  }
}

export interface GroupKey {
  /** Identity of the key inside its group. */
  readonly id: string;
  /** The group's identifying dimensions with their full values: a filter that selects this key. */
  readonly identity: Readonly<Record<string, string>>;
  /** The dimensions asked for, values cut to PI's 500 bytes. */
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface LoadSeries {
  readonly key: GroupKey | undefined;
  /** One entry per period of the aligned range; undefined where nothing was sampled. */
  readonly values: (number | undefined)[];
  /** Sessions over the whole range divided by samples: the key's average load, to rank keys by. */
  readonly average: number;
}

/**
 * The series for `selection` over [alignedStart, alignedEnd) by `periodMs`:
 * first the whole selection, then each group key's, largest average first.
 */
export function loadSeries(
  history: LoadHistory,
  texts: StatementTexts,
  selection: LoadSelection,
  range: { alignedStart: number; alignedEnd: number; periodMs: number },
  statistic: LoadStatistic,
): { total: LoadSeries; groups: LoadSeries[] } {
  const periods = Math.round((range.alignedEnd - range.alignedStart) / range.periodMs);
  const total = Array.from({ length: periods }, () => new PeriodStats());
  const byKey = new Map<string, { key: GroupKey; stats: Map<number, PeriodStats>; sessions: number }>();
  const classify = tupleClassifier(history, texts, selection);
  let samples = 0;
  let sessions = 0;
  for (const second of history.secondsBetween(range.alignedStart, range.alignedEnd)) {
    const period = Math.floor((second.second * 1000 - range.alignedStart) / range.periodMs);
    const stats = total[period];
    if (stats === undefined) continue;
    samples++;
    stats.samples++;
    let matching = 0;
    const perKey = new Map<string, number>();
    for (const id of second.tuples) {
      const c = classify(id);
      if (!c.matches) continue;
      matching++;
      if (c.key) perKey.set(c.key.id, (perKey.get(c.key.id) ?? 0) + 1);
      if (c.key && !byKey.has(c.key.id)) byKey.set(c.key.id, { key: c.key, stats: new Map(), sessions: 0 });
    }
    stats.add(matching);
    sessions += matching;
    for (const [id, count] of perKey) {
      const entry = byKey.get(id);
      if (!entry) continue;
      entry.sessions += count;
      let keyStats = entry.stats.get(period);
      if (!keyStats) {
        keyStats = new PeriodStats();
        entry.stats.set(period, keyStats);
      }
      keyStats.add(count);
    }
  }
  const valuesOf = (statsOf: (period: number) => PeriodStats | undefined) =>
    total.map((t, period) => {
      if (t.samples === 0) return undefined;
      const s = statsOf(period) ?? new PeriodStats();
      // Seconds where the key had no session still count, as zero.
      s.samples = t.samples;
      return s.value(statistic);
    });
  const groups = [...byKey.values()]
    .map((e) => ({
      key: e.key,
      values: valuesOf((p) => e.stats.get(p)),
      average: samples === 0 ? 0 : e.sessions / samples,
    }))
    .sort((a, b) => b.average - a.average || (a.key.id < b.key.id ? -1 : 1));
  return {
    total: { key: undefined, values: valuesOf((p) => total[p]), average: samples === 0 ? 0 : sessions / samples },
    groups,
  };
}

/** Whether a tuple passes the filter and which group key it falls in, worked out once per tuple per query. */
function tupleClassifier(
  history: LoadHistory,
  texts: StatementTexts,
  selection: LoadSelection,
): (id: number) => { matches: boolean; key?: GroupKey } {
  const cache = new Map<number, { matches: boolean; key?: GroupKey }>();
  const group = selection.group ? DIMENSION_GROUPS[selection.group.name] : undefined;
  return (id) => {
    let c = cache.get(id);
    if (c) return c;
    const tuple = history.tuple(id);
    c = tuple === undefined ? { matches: false } : classify(tuple);
    cache.set(id, c);
    return c;
  };

  function classify(tuple: SessionTuple): { matches: boolean; key?: GroupKey } {
    for (const [dimension, value] of selection.filter) {
      if (DIMENSIONS.get(dimension)?.(tuple, texts) !== value) return { matches: false };
    }
    if (!group || !selection.group) return { matches: true };
    const identity: Record<string, string> = {};
    for (const d of group.identity) identity[d] = group.dimensions[d]?.(tuple, texts) ?? "";
    const dimensions: Record<string, string> = {};
    for (const d of selection.group.dimensions) {
      dimensions[d] = truncateBytes(group.dimensions[d]?.(tuple, texts) ?? "");
    }
    return { matches: true, key: { id: Object.values(identity).join("\u0000"), identity, dimensions } };
  }
}
