import { DescribeEvents$, type Event, type EventsMessage } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { paginate, resolveMaxRecords } from "./paging";

const SOURCE_TYPES = [
  "db-instance",
  "db-parameter-group",
  "db-security-group",
  "db-snapshot",
  "db-cluster",
  "db-cluster-snapshot",
  "custom-engine-version",
  "db-proxy",
  "blue-green-deployment",
] as const;

const input = z.object({
  SourceIdentifier: z.string().optional(),
  SourceType: z.enum(SOURCE_TYPES).optional(),
  StartTime: z.date().optional(),
  EndTime: z.date().optional(),
  Duration: z.number().int().min(0).optional(),
  EventCategories: z.array(z.string()).optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

const HOUR_MS = 3_600_000;

/**
 * DescribeEvents with RDS's defaults: without a time range, the past hour;
 * `Duration` is minutes before EndTime (or now). A SourceIdentifier needs a
 * SourceType, as on AWS.
 */
export function describeEventsOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeEvents$,
    input,
    handle: (request): EventsMessage => {
      if (request.SourceIdentifier && !request.SourceType) {
        throw commonErrors.invalidParameterValue("Invalid source type: a SourceIdentifier requires a SourceType.");
      }
      if (request.Filters?.length) throw commonErrors.invalidParameterValue("DescribeEvents does not support Filters.");
      const end = request.EndTime ?? new Date();
      const start =
        request.StartTime ??
        new Date(end.getTime() - (request.Duration !== undefined ? request.Duration * 60_000 : HOUR_MS));
      const categories = request.EventCategories?.map((c) => c.toLowerCase());
      // Paging key: the position in the whole log, which is append-only while the engine runs.
      const matching = backend
        .describeEvents()
        .map((event, i) => ({ event, key: String(i).padStart(12, "0") }))
        .filter(({ event: e }: { event: Event }) => {
          const at = e.Date?.getTime() ?? 0;
          if (at < start.getTime() || at > end.getTime()) return false;
          if (request.SourceType && e.SourceType !== request.SourceType) return false;
          if (request.SourceIdentifier && e.SourceIdentifier !== request.SourceIdentifier) return false;
          if (categories && !e.EventCategories?.some((c) => categories.includes(c))) return false;
          return true;
        });
      const { page, nextMarker } = paginate(matching, (x) => x.key, {
        maxRecords: resolveMaxRecords(request.MaxRecords),
        marker: request.Marker,
      });
      return { Events: page.map((x) => x.event), ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}
