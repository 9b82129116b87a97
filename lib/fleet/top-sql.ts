import "server-only";
import { DescribeDimensionKeysCommand, type DimensionKeyDescription } from "@aws-sdk/client-pi";
import { callPerformanceInsights } from "./call-performance-insights";
import type { TopSqlStatement } from "./database-load-model";
import { getPerformanceInsightsClient } from "./performance-insights-client";
import { type PerformanceInsightsRead, performanceInsightsWindow } from "./performance-insights-window";

const TOP = 10;
const CALLS = "db.sql_tokenized.stats.calls_per_sec.avg";
const ROWS = "db.sql_tokenized.stats.rows_per_sec.avg";
const TIME = "db.sql_tokenized.stats.total_time_per_sec.avg";

/**
 * The SQL digests loading an instance most over `range`: DescribeDimensionKeys
 * grouped by db.sql_tokenized with pg_stat_statements' per-second rates, and
 * one statement id per digest (grouped by db.sql) for its full text.
 */
export async function topSql(read: PerformanceInsightsRead): Promise<TopSqlStatement[]> {
  const { identifier, client = getPerformanceInsightsClient() } = read;
  const window = { ...performanceInsightsWindow(read), Metric: "db.load.avg" };
  const [digests, statements] = await callPerformanceInsights({ operation: "DescribeDimensionKeys", identifier }, () =>
    Promise.all([
      client.send(
        new DescribeDimensionKeysCommand({
          ...window,
          GroupBy: { Group: "db.sql_tokenized", Limit: TOP },
          AdditionalMetrics: [CALLS, ROWS, TIME],
        }),
      ),
      client.send(
        new DescribeDimensionKeysCommand({
          ...window,
          GroupBy: { Group: "db.sql", Dimensions: ["db.sql.id", "db.sql.tokenized_id", "db.sql.statement"], Limit: 25 },
        }),
      ),
    ]),
  );
  const executionByDigest = new Map<string, Execution>();
  for (const key of statements.Keys ?? []) {
    const digest = key.Dimensions?.["db.sql.tokenized_id"];
    const sqlId = key.Dimensions?.["db.sql.id"];
    // Keys come largest first: the first statement of a digest is its heaviest.
    if (digest && sqlId && !executionByDigest.has(digest)) {
      executionByDigest.set(digest, { sqlId, statement: key.Dimensions?.["db.sql.statement"] });
    }
  }
  return (digests.Keys ?? []).flatMap((key) => toTopSqlStatement(key, executionByDigest));
}

type Execution = { sqlId: string; statement: string | undefined };

export function toTopSqlStatement(
  key: DimensionKeyDescription,
  executionByDigest: ReadonlyMap<string, Execution>,
): TopSqlStatement[] {
  const id = key.Dimensions?.["db.sql_tokenized.id"];
  if (id === undefined) return [];
  const calls = key.AdditionalMetrics?.[CALLS] ?? 0;
  const time = key.AdditionalMetrics?.[TIME] ?? 0;
  return [
    {
      id,
      statement: key.Dimensions?.["db.sql_tokenized.statement"] ?? "",
      load: key.Total ?? 0,
      callsPerSecond: calls,
      rowsPerSecond: key.AdditionalMetrics?.[ROWS] ?? 0,
      // Seconds of execution per second over calls per second: seconds per call.
      meanMsPerCall: calls > 0 ? (time / calls) * 1000 : undefined,
      sqlId: executionByDigest.get(id)?.sqlId,
      sqlStatement: executionByDigest.get(id)?.statement,
    },
  ];
}
