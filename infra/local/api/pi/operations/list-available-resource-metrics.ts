import { ListAvailableResourceMetrics$, type ListAvailableResourceMetricsResponse } from "@aws-sdk/client-pi";
import { z } from "zod";
import type { PerformanceInsightsBackend } from "../pi-backend";
import { piErrors } from "../pi-errors";
import { definePiOperation, type PiOperation } from "../pi-operation";
import { decodeToken, encodeToken, requestString, resourceOf } from "./common";

const input = z
  .object({
    ServiceType: z.string(),
    Identifier: requestString,
    MetricTypes: z.array(requestString),
    NextToken: z.string().min(1).max(8192).optional(),
    MaxResults: z.number().int().min(0).max(25).optional(),
  })
  .strict();

/**
 * The metrics each metric type offers here: DB load and the per-digest SQL
 * statistics. RDS for PostgreSQL has no statement-level statistics
 * (db.sql.stats), and the local fleet no operating-system (Enhanced
 * Monitoring) metrics.
 */
const METRICS_BY_TYPE: Readonly<Record<string, readonly { Metric: string; Description: string; Unit: string }[]>> = {
  db: [
    {
      Metric: "db.load",
      Description: "Database load: the average number of active sessions.",
      Unit: "Average active sessions",
    },
    {
      Metric: "db.sampledload",
      Description: "The raw number of active sessions (never scaled here).",
      Unit: "Average active sessions",
    },
  ],
  "db.sql_tokenized.stats": [
    { Metric: "db.sql_tokenized.stats.calls_per_sec", Description: "Calls per second", Unit: "Calls per second" },
    { Metric: "db.sql_tokenized.stats.rows_per_sec", Description: "Rows per second", Unit: "Rows per second" },
    {
      Metric: "db.sql_tokenized.stats.total_time_per_sec",
      Description: "Average active executions (AAE)",
      Unit: "Average active executions",
    },
  ],
  "db.sql.stats": [],
  os: [],
};

export function listAvailableResourceMetricsOperation(backend: PerformanceInsightsBackend): PiOperation {
  return definePiOperation({
    schema: ListAvailableResourceMetrics$,
    input,
    handle: (request): ListAvailableResourceMetricsResponse => {
      resourceOf(backend, request.ServiceType, request.Identifier);
      const metrics = request.MetricTypes.flatMap((type) => {
        const known = METRICS_BY_TYPE[type];
        if (known === undefined) {
          throw piErrors.invalidArgument(
            `MetricTypes: ${type} is not a metric type; use ${Object.keys(METRICS_BY_TYPE).join(" or ")}.`,
          );
        }
        return known.map((m) => ({ ...m }));
      });
      const offset = decodeToken(request.NextToken);
      const page = metrics.slice(offset, offset + (request.MaxResults || metrics.length || 1));
      const next = offset + page.length;
      return { Metrics: page, ...(next < metrics.length ? { NextToken: encodeToken(next) } : {}) };
    },
  });
}
