import { DescribeAlarmHistory$, type DescribeAlarmHistoryOutput } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { decodeToken, encodeToken, resolveMaxRecords } from "./common";
import { toHistoryItem } from "./metric-alarm-output";

const input = z.object({
  AlarmName: z.string().min(1).max(255).optional(),
  AlarmContributorId: z.string().optional(),
  AlarmTypes: z.array(z.enum(["CompositeAlarm", "MetricAlarm"])).optional(),
  HistoryItemType: z
    .enum(["ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate", "AlarmContributorAction"])
    .optional(),
  StartDate: z.date().optional(),
  EndDate: z.date().optional(),
  MaxRecords: z.number().optional(),
  NextToken: z.string().optional(),
  ScanBy: z.enum(["TimestampDescending", "TimestampAscending"]).optional(),
});

/** DescribeAlarmHistory: two weeks of history, also of deleted alarms, newest first unless ScanBy says otherwise. */
export function describeAlarmHistoryOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeAlarmHistory$,
    input,
    handle: (request): DescribeAlarmHistoryOutput => {
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const skip = request.NextToken === undefined ? 0 : decodeToken(request.NextToken).skip;
      if (typeof skip !== "number" || !Number.isInteger(skip) || skip < 0) throw cloudWatchErrors.invalidNextToken();
      const start = request.StartDate?.getTime() ?? Number.NEGATIVE_INFINITY;
      const end = request.EndDate?.getTime() ?? Number.POSITIVE_INFINITY;
      const types = request.AlarmTypes ?? ["MetricAlarm", "CompositeAlarm"];
      const items = backend.alarms.history
        .all()
        .filter(
          (e) =>
            (request.AlarmName === undefined || e.AlarmName === request.AlarmName) &&
            (request.HistoryItemType === undefined || e.HistoryItemType === request.HistoryItemType) &&
            types.includes(e.AlarmType) &&
            e.Timestamp >= start &&
            e.Timestamp <= end,
        );
      // The history is oldest first; a stable sort keeps entries of the same millisecond in the order they happened.
      const ordered =
        (request.ScanBy ?? "TimestampDescending") === "TimestampDescending" ? [...items].reverse() : items;
      const page = ordered.slice(skip, skip + maxRecords);
      return {
        AlarmHistoryItems: page.map(toHistoryItem),
        ...(ordered.length > skip + page.length ? { NextToken: encodeToken({ skip: skip + page.length }) } : {}),
      };
    },
  });
}
