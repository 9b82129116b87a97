import type { MetricIdentity, MetricRecord, MetricUnit } from "./metric-types";

/** (value, count) pairs of a merged record, for percentiles; null once a statistic set made them unknowable. */
export type Distribution = Array<[number, number]> | null;

/** Pairs kept per merged record; beyond this the closest values are merged (an approximation, as CloudWatch's own percentiles are). */
const MAX_PAIRS = 64;

/**
 * The records of one metric in one unit, sorted by time, in parallel arrays
 * of doubles (8 bytes a field, no object per record). Records that fall into
 * the same storage slot are merged into one, which is what bounds a series:
 * at most one record a second for high-resolution data, one a minute for
 * standard data and for anything older than the high-resolution window.
 * A merged record keeps a small distribution of its values on the side, so
 * percentiles survive the merge.
 */
export class MetricSeries {
  private readonly t: number[] = [];
  private readonly n: number[] = [];
  private readonly s: number[] = [];
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  /** Slot time → distribution, only for records that hold more than one distinct value. */
  private readonly distributions = new Map<number, Distribution>();

  constructor(
    readonly metric: MetricIdentity,
    readonly unit: MetricUnit,
    /** Published by PutMetricData (counts toward the custom-series cap) rather than the collector. */
    readonly custom: boolean,
  ) {}

  get size(): number {
    return this.t.length;
  }

  get newest(): number | undefined {
    return this.t.at(-1);
  }

  /** Adds a record at `slotMs` resolution: merged into the record of its slot, or inserted in time order. */
  add(record: MetricRecord, slotMs: number): void {
    const slot = Math.floor(record.timestamp / slotMs) * slotMs;
    const at = this.lowerBound(slot);
    if (at < this.t.length && Math.floor((this.t[at] as number) / slotMs) * slotMs === slot) {
      this.merge(at, record);
      return;
    }
    if (at === this.t.length) {
      this.t.push(slot);
      this.n.push(record.count);
      this.s.push(record.sum);
      this.lo.push(record.min);
      this.hi.push(record.max);
      return;
    }
    this.t.splice(at, 0, slot);
    this.n.splice(at, 0, record.count);
    this.s.splice(at, 0, record.sum);
    this.lo.splice(at, 0, record.min);
    this.hi.splice(at, 0, record.max);
  }

  /**
   * Calls `visit` for every record with start ≤ timestamp < end, oldest
   * first; `values` is the record's distribution when it holds several
   * distinct values (undefined when min and max tell it all).
   */
  forEach(
    start: number,
    end: number,
    visit: (
      timestamp: number,
      count: number,
      sum: number,
      min: number,
      max: number,
      values: Distribution | undefined,
    ) => void,
  ): void {
    for (let i = this.lowerBound(start); i < this.t.length; i++) {
      const time = this.t[i] as number;
      if (time >= end) return;
      visit(
        time,
        this.n[i] as number,
        this.s[i] as number,
        this.lo[i] as number,
        this.hi[i] as number,
        this.distributions.get(time),
      );
    }
  }

  /** Drops records older than `before`. */
  trim(before: number): void {
    const cut = this.lowerBound(before);
    if (cut === 0) return;
    for (let i = 0; i < cut; i++) this.distributions.delete(this.t[i] as number);
    for (const column of this.columns()) column.splice(0, cut);
  }

  /**
   * Merges records older than `before` into `slotMs` slots, as CloudWatch
   * rolls high-resolution data up to one-minute data after three hours.
   */
  rollUp(before: number, slotMs: number): void {
    const end = this.lowerBound(before);
    let write = 0;
    for (let read = 0; read < end; read++) {
      const time = this.t[read] as number;
      const slot = Math.floor(time / slotMs) * slotMs;
      const values = this.distributionAt(read);
      this.distributions.delete(time);
      if (write > 0 && this.t[write - 1] === slot) {
        const w = write - 1;
        const merged = combine(this.distributionAt(w), values);
        this.n[w] = (this.n[w] as number) + (this.n[read] as number);
        this.s[w] = (this.s[w] as number) + (this.s[read] as number);
        this.lo[w] = Math.min(this.lo[w] as number, this.lo[read] as number);
        this.hi[w] = Math.max(this.hi[w] as number, this.hi[read] as number);
        this.distributions.set(slot, merged);
        continue;
      }
      if (values !== undefined && this.lo[read] !== this.hi[read]) this.distributions.set(slot, values);
      this.t[write] = slot;
      this.n[write] = this.n[read] as number;
      this.s[write] = this.s[read] as number;
      this.lo[write] = this.lo[read] as number;
      this.hi[write] = this.hi[read] as number;
      write++;
    }
    if (write < end) for (const column of this.columns()) column.splice(write, end - write);
  }

  private merge(at: number, record: MetricRecord): void {
    const incoming: Distribution =
      record.count === 1 || record.min === record.max ? [[record.min, record.count]] : null;
    this.distributions.set(this.t[at] as number, combine(this.distributionAt(at), incoming));
    this.n[at] = (this.n[at] as number) + record.count;
    this.s[at] = (this.s[at] as number) + record.sum;
    this.lo[at] = Math.min(this.lo[at] as number, record.min);
    this.hi[at] = Math.max(this.hi[at] as number, record.max);
  }

  /** The record's values: its distribution, or one pair when min equals max, or null for a statistic set. */
  private distributionAt(index: number): Distribution {
    const kept = this.distributions.get(this.t[index] as number);
    if (kept !== undefined) return kept;
    const min = this.lo[index] as number;
    return min === this.hi[index] || this.n[index] === 1 ? [[min, this.n[index] as number]] : null;
  }

  /** First index whose time is ≥ `time`. */
  private lowerBound(time: number): number {
    let low = 0;
    let high = this.t.length;
    // The collector appends in time order: check the end first.
    if (high > 0 && (this.t[high - 1] as number) < time) return high;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.t[mid] as number) < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private columns(): number[][] {
    return [this.t, this.n, this.s, this.lo, this.hi];
  }
}

/** Both distributions in one, at most MAX_PAIRS pairs: equal values add up, then the two closest values merge. */
function combine(a: Distribution, b: Distribution): Distribution {
  if (a === null || b === null) return null;
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const pairs: Array<[number, number]> = [];
  for (const [value, count] of all) {
    const last = pairs.at(-1);
    if (last && last[0] === value) last[1] += count;
    else pairs.push([value, count]);
  }
  while (pairs.length > MAX_PAIRS) {
    let closest = 0;
    for (let i = 1; i < pairs.length - 1; i++) {
      const gap = (pairs[i + 1] as [number, number])[0] - (pairs[i] as [number, number])[0];
      if (gap < (pairs[closest + 1] as [number, number])[0] - (pairs[closest] as [number, number])[0]) closest = i;
    }
    const [v1, c1] = pairs[closest] as [number, number];
    const [v2, c2] = pairs[closest + 1] as [number, number];
    pairs.splice(closest, 2, [(v1 * c1 + v2 * c2) / (c1 + c2), c1 + c2]);
  }
  return pairs;
}
