import type { MetricLog } from "./metric-log";
import { MetricSeries } from "./metric-series";
import {
  compare,
  type MetricIdentity,
  type MetricRecord,
  type MetricUnit,
  metricKey,
  type StorageResolution,
} from "./metric-types";

export interface MetricStoreOptions {
  /** How long records are kept (ms); at least a day. */
  readonly retentionMs: number;
  /** Distinct series PutMetricData may create; the collector's own are not counted. */
  readonly maxCustomSeries: number;
  /**
   * Log size past which PutMetricData is refused; the collector keeps writing
   * (its volume is fixed by the fleet and the interval, about 15 MB a day).
   */
  readonly maxLogBytes: number;
  readonly log?: MetricLog;
  readonly now?: () => number;
}

/** PutMetricData went over a bound that keeps the store's memory or disk finite. */
export class MetricLimitError extends Error {}

/** High-resolution records become one-minute records after three hours, as in CloudWatch. */
const HIGH_RESOLUTION_WINDOW_MS = 3 * 3_600_000;
const MINUTE_MS = 60_000;

export interface StoredMetric {
  readonly metric: MetricIdentity;
  /** Time of its newest record, ms. */
  readonly newest: number;
}

/**
 * Every metric the local CloudWatch knows, in memory for the retention window
 * and durable through the MetricLog. Series are per (metric, unit): a query
 * that names a unit reads that series, one that does not reads them all, as
 * CloudWatch evaluates all units published for a metric together.
 */
export class MetricStore {
  private readonly byMetric = new Map<string, MetricSeries[]>();
  private customSeries = 0;
  private readonly now: () => number;

  constructor(private readonly options: MetricStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Loads what the log holds for the retention window. */
  load(): { records: number; skipped: number } {
    const log = this.options.log;
    if (log === undefined) return { records: 0, skipped: 0 };
    const result = log.replay(this.now() - this.options.retentionMs, (entry) => {
      this.seriesFor(entry.metric, entry.unit, entry.custom).add(entry.record, slotMs(entry.resolution));
    });
    this.maintain();
    return result;
  }

  /**
   * Adds records to a metric. Custom (PutMetricData) writes are refused with
   * MetricLimitError before anything is stored when they would create more
   * series than allowed or the log has used its disk budget.
   */
  put(
    metric: MetricIdentity,
    unit: MetricUnit,
    records: readonly MetricRecord[],
    options: { resolution: StorageResolution; custom: boolean },
  ): void {
    const key = seriesKey(metric, unit);
    if (options.custom) this.checkCustomLimits(metric, unit);
    const series = this.seriesFor(metric, unit, options.custom);
    const slot = slotMs(options.resolution);
    const now = this.now();
    const log = this.options.log;
    for (const record of records) {
      series.add(record, slot);
      log?.append(key, { metric, unit, custom: options.custom }, record, options.resolution, now);
    }
  }

  /** The series of a metric: the one in `unit`, or every unit's when no unit is given. */
  series(metric: MetricIdentity, unit?: MetricUnit): MetricSeries[] {
    const all = this.byMetric.get(metricKey(metric)) ?? [];
    return unit === undefined ? all : all.filter((s) => s.unit === unit);
  }

  /** Every metric with data, sorted by namespace, name, then dimensions. */
  metrics(): StoredMetric[] {
    const list: Array<StoredMetric & { key: string }> = [];
    for (const [key, all] of this.byMetric) {
      const first = all[0];
      if (first === undefined) continue;
      const newest = Math.max(...all.map((s) => s.newest ?? Number.NEGATIVE_INFINITY));
      if (Number.isFinite(newest)) list.push({ key, metric: first.metric, newest });
    }
    return list.sort((a, b) => compare(a.key, b.key));
  }

  /** Retention, roll-up and log pruning; run every few minutes. */
  maintain(): void {
    const now = this.now();
    const oldest = now - this.options.retentionMs;
    for (const [key, all] of this.byMetric) {
      for (const series of all) {
        series.trim(oldest);
        series.rollUp(now - HIGH_RESOLUTION_WINDOW_MS, MINUTE_MS);
      }
      const kept = all.filter((s) => s.size > 0);
      for (const gone of all.filter((s) => s.size === 0)) if (gone.custom) this.customSeries--;
      if (kept.length === 0) this.byMetric.delete(key);
      else if (kept.length !== all.length) this.byMetric.set(key, kept);
    }
    this.options.log?.prune(oldest);
  }

  private seriesFor(metric: MetricIdentity, unit: MetricUnit, custom: boolean): MetricSeries {
    const key = metricKey(metric);
    let all = this.byMetric.get(key);
    if (all === undefined) {
      all = [];
      this.byMetric.set(key, all);
    }
    let series = all.find((s) => s.unit === unit);
    if (series === undefined) {
      series = new MetricSeries(metric, unit, custom);
      all.push(series);
      if (custom) this.customSeries++;
    }
    return series;
  }

  private checkCustomLimits(metric: MetricIdentity, unit: MetricUnit): void {
    const exists = this.series(metric, unit).length > 0;
    if (!exists && this.customSeries >= this.options.maxCustomSeries) {
      throw new MetricLimitError(
        `The local CloudWatch keeps at most ${this.options.maxCustomSeries} custom metric series; new ones are accepted again once old ones expire.`,
      );
    }
    const log = this.options.log;
    if (log !== undefined && log.bytes >= this.options.maxLogBytes) {
      throw new MetricLimitError(
        `The local metric log has reached its ${Math.round(this.options.maxLogBytes / 1048576)} MB; custom metrics are accepted again once old data expires.`,
      );
    }
  }
}

function seriesKey(metric: MetricIdentity, unit: MetricUnit): string {
  return `${metricKey(metric)}\u0002${unit}`;
}

function slotMs(resolution: StorageResolution): number {
  return resolution === 1 ? 1000 : MINUTE_MS;
}
