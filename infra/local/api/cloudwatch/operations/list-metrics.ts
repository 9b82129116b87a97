import { ListMetrics$, type ListMetricsOutput } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { metricKey } from "../../../metrics/metric-types";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { decodeToken, encodeToken, toApiDimensions } from "./common";

const input = z.object({
  Namespace: z.string().min(1).max(255).optional(),
  MetricName: z.string().min(1).max(255).optional(),
  Dimensions: z
    .array(z.object({ Name: z.string().min(1).max(255), Value: z.string().min(1).max(1024).optional() }))
    .max(10)
    .optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.string().optional(),
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

/** CloudWatch returns up to 500 metrics a page. */
const PAGE_SIZE = 500;
const THREE_HOURS_MS = 3 * 3_600_000;

/** ListMetrics: metrics with data in the retention window, filtered by namespace, name and dimensions, paged. */
export function listMetricsOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: ListMetrics$,
    input,
    handle: (request): ListMetricsOutput => {
      if (request.RecentlyActive !== undefined && request.RecentlyActive !== "PT3H") {
        throw cloudWatchErrors.invalidParameterValue(
          `The value ${request.RecentlyActive} for parameter RecentlyActive is invalid: only PT3H is allowed.`,
        );
      }
      const after = afterKey(request.NextToken);
      const activeSince = request.RecentlyActive ? backend.now() - THREE_HOURS_MS : Number.NEGATIVE_INFINITY;
      const filters = request.Dimensions ?? [];
      const matching = backend.metrics.metrics().filter(({ metric, newest }) => {
        if (request.Namespace !== undefined && metric.namespace !== request.Namespace) return false;
        if (request.MetricName !== undefined && metric.metricName !== request.MetricName) return false;
        if (newest < activeSince) return false;
        return filters.every((f) =>
          metric.dimensions.some((d) => d.name === f.Name && (f.Value === undefined || d.value === f.Value)),
        );
      });
      const keyed = matching.map((m) => ({ ...m, key: metricKey(m.metric) }));
      const from = after === undefined ? 0 : keyed.findIndex((m) => m.key > after);
      const rest = from === -1 ? [] : keyed.slice(from);
      const page = rest.slice(0, PAGE_SIZE);
      const last = page.at(-1);
      return {
        Metrics: page.map(({ metric }) => ({
          Namespace: metric.namespace,
          MetricName: metric.metricName,
          Dimensions: toApiDimensions(metric),
        })),
        ...(rest.length > page.length && last ? { NextToken: encodeToken({ after: last.key }) } : {}),
      };
    },
  });
}

function afterKey(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const after = decodeToken(token).after;
  if (typeof after !== "string") throw cloudWatchErrors.invalidNextToken();
  return after;
}
