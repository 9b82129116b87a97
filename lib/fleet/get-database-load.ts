import "server-only";
import { GetResourceMetricsCommand, type MetricKeyDataPoints } from "@aws-sdk/client-pi";
import { callPerformanceInsights } from "./call-performance-insights";
import type { DatabaseLoad, DatabaseLoadPoint } from "./database-load-model";
import { getPerformanceInsightsClient } from "./performance-insights-client";
import { type PerformanceInsightsRead, performanceInsightsWindow } from "./performance-insights-window";

/** The wait events charted by name; PI's GroupBy allows up to 25, a chart reads well with fewer. */
const WAIT_EVENTS_CHARTED = 10;

/**
 * DB load of an instance (by its DbiResourceId) over `range`, one point per
 * the range's period, split by wait event: GetResourceMetrics of db.load.avg
 * grouped by db.wait_event. PI stamps each point with its period's end; the
 * point here carries the period's start, like the CloudWatch charts beside it.
 */
export async function getDatabaseLoad(read: PerformanceInsightsRead): Promise<DatabaseLoad> {
  const { identifier, client = getPerformanceInsightsClient() } = read;
  const window = performanceInsightsWindow(read);
  const response = await callPerformanceInsights({ operation: "GetResourceMetrics", identifier }, () =>
    client.send(
      new GetResourceMetricsCommand({
        ...window,
        PeriodAlignment: "START_TIME",
        MetricQueries: [{ Metric: "db.load.avg", GroupBy: { Group: "db.wait_event", Limit: WAIT_EVENTS_CHARTED } }],
      }),
    ),
  );
  return toDatabaseLoad(response.MetricList ?? [], window.PeriodInSeconds);
}

/** The ungrouped series gives the periods and totals; each wait event's series fills its column. */
export function toDatabaseLoad(series: readonly MetricKeyDataPoints[], periodSeconds: number): DatabaseLoad {
  const total = series.find((s) => s.Key?.Dimensions === undefined);
  const byWaitEvent = series.flatMap((s) => {
    const name = s.Key?.Dimensions?.["db.wait_event.name"];
    return name === undefined ? [] : [{ name, points: s.DataPoints ?? [] }];
  });
  const points = new Map<number, DatabaseLoadPoint>();
  for (const p of total?.DataPoints ?? []) {
    if (p.Timestamp === undefined || p.Value === undefined) continue;
    points.set(p.Timestamp.getTime(), { at: p.Timestamp.toISOString(), total: p.Value, byWaitEvent: {} });
  }
  for (const { name, points: values } of byWaitEvent) {
    for (const p of values) {
      const point = p.Timestamp && points.get(p.Timestamp.getTime());
      if (point && p.Value !== undefined) point.byWaitEvent[name] = p.Value;
    }
  }
  return {
    periodSeconds,
    waitEvents: byWaitEvent.map((w) => w.name),
    points: [...points.values()].sort((a, b) => (a.at < b.at ? -1 : 1)),
  };
}
