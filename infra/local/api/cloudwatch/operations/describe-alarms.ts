import { DescribeAlarms$, type DescribeAlarmsOutput } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { decodeToken, encodeToken, resolveMaxRecords } from "./common";
import { toMetricAlarm } from "./metric-alarm-output";

const input = z.object({
  AlarmNames: z.array(z.string().min(1).max(255)).max(100).optional(),
  AlarmNamePrefix: z.string().min(1).max(255).optional(),
  AlarmTypes: z.array(z.enum(["CompositeAlarm", "MetricAlarm"])).optional(),
  ChildrenOfAlarmName: z.string().optional(),
  ParentsOfAlarmName: z.string().optional(),
  StateValue: z.enum(["OK", "ALARM", "INSUFFICIENT_DATA"]).optional(),
  ActionPrefix: z.string().min(1).max(1024).optional(),
  MaxRecords: z.number().optional(),
  NextToken: z.string().optional(),
});

/**
 * DescribeAlarms: by names or by prefix (not both), by state and action
 * prefix, sorted by name and paged. The local CloudWatch has metric alarms
 * only: composite alarms are always an empty list.
 */
export function describeAlarmsOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeAlarms$,
    input,
    handle: (request): DescribeAlarmsOutput => {
      if (request.AlarmNames !== undefined && request.AlarmNamePrefix !== undefined) {
        throw cloudWatchErrors.invalidParameterCombination(
          "AlarmNames and AlarmNamePrefix cannot be specified together.",
        );
      }
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const after = afterKey(request.NextToken);
      const types = request.AlarmTypes ?? ["MetricAlarm"];
      const names = request.AlarmNames === undefined ? undefined : new Set(request.AlarmNames);
      const related = request.ChildrenOfAlarmName !== undefined || request.ParentsOfAlarmName !== undefined;
      const alarms =
        !types.includes("MetricAlarm") || related
          ? []
          : backend.alarms.list().filter((a) => {
              if (names !== undefined && !names.has(a.AlarmName)) return false;
              if (request.AlarmNamePrefix !== undefined && !a.AlarmName.startsWith(request.AlarmNamePrefix))
                return false;
              if (request.StateValue !== undefined && a.StateValue !== request.StateValue) return false;
              const prefix = request.ActionPrefix;
              if (
                prefix !== undefined &&
                ![...a.OKActions, ...a.AlarmActions, ...a.InsufficientDataActions].some((x) => x.startsWith(prefix))
              )
                return false;
              return after === undefined || a.AlarmName > after;
            });
      const page = alarms.slice(0, maxRecords);
      const last = page.at(-1);
      return {
        MetricAlarms: page.map(toMetricAlarm),
        ...(types.includes("CompositeAlarm") ? { CompositeAlarms: [] } : {}),
        ...(alarms.length > page.length && last ? { NextToken: encodeToken({ after: last.AlarmName }) } : {}),
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
