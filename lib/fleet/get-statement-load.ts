import "server-only";
import { GetResourceMetricsCommand } from "@aws-sdk/client-pi";
import { callPerformanceInsights } from "./call-performance-insights";
import type { StatementLoadPoint } from "./database-load-model";
import { getPerformanceInsightsClient } from "./performance-insights-client";
import { type PerformanceInsightsRead, performanceInsightsWindow } from "./performance-insights-window";

/** GetResourceMetrics takes at most 15 metric queries. */
const QUERIES_PER_CALL = 15;

/**
 * Each SQL digest's load over the range, by the range's period: db.load.avg
 * filtered by db.sql_tokenized.id, one metric query per digest. Without a
 * GroupBy each query gives exactly one series, in the order asked.
 */
export async function getStatementLoad(
  read: PerformanceInsightsRead & { digestIds: readonly string[] },
): Promise<Map<string, StatementLoadPoint[]>> {
  const { identifier, digestIds, client = getPerformanceInsightsClient() } = read;
  const window = performanceInsightsWindow(read);
  const batches = Array.from({ length: Math.ceil(digestIds.length / QUERIES_PER_CALL) }, (_, b) =>
    digestIds.slice(b * QUERIES_PER_CALL, (b + 1) * QUERIES_PER_CALL),
  );
  const answers = await callPerformanceInsights({ operation: "GetResourceMetrics", identifier }, () =>
    Promise.all(
      batches.map((ids) =>
        client.send(
          new GetResourceMetricsCommand({
            ...window,
            PeriodAlignment: "START_TIME",
            MetricQueries: ids.map((id) => ({ Metric: "db.load.avg", Filter: { "db.sql_tokenized.id": id } })),
          }),
        ),
      ),
    ),
  );
  const load = new Map<string, StatementLoadPoint[]>();
  answers.forEach((answer, b) => {
    (batches[b] ?? []).forEach((id, i) => {
      const points = answer.MetricList?.[i]?.DataPoints ?? [];
      load.set(
        id,
        points.flatMap((p) =>
          p.Timestamp === undefined || p.Value === undefined ? [] : [{ at: p.Timestamp.toISOString(), load: p.Value }],
        ),
      );
    });
  });
  return load;
}
