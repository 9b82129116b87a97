import { DescribeAlarmsForMetric$, type DescribeAlarmsForMetricOutput } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { metricKey } from "../../../metrics/metric-types";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { dimensionsSchema, nameSchema, toMetric, unitSchema } from "./common";
import { toMetricAlarm } from "./metric-alarm-output";

const input = z.object({
  MetricName: nameSchema,
  Namespace: nameSchema,
  Statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional(),
  ExtendedStatistic: z.string().optional(),
  Dimensions: dimensionsSchema.optional(),
  Period: z.number().optional(),
  Unit: unitSchema.optional(),
});

/** DescribeAlarmsForMetric: the alarms on exactly this metric (same dimensions), narrowed by statistic, period and unit when given. */
export function describeAlarmsForMetricOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeAlarmsForMetric$,
    input,
    handle: (request): DescribeAlarmsForMetricOutput => {
      const wanted = metricKey(toMetric(request.Namespace, request.MetricName, request.Dimensions));
      const alarms = backend.alarms.list().filter((a) => {
        const key = metricKey(toMetric(a.Namespace, a.MetricName, a.Dimensions));
        if (key !== wanted) return false;
        if (request.Statistic !== undefined && a.Statistic !== request.Statistic) return false;
        if (request.ExtendedStatistic !== undefined && a.ExtendedStatistic !== request.ExtendedStatistic) return false;
        if (request.Period !== undefined && a.Period !== request.Period) return false;
        return request.Unit === undefined || a.Unit === request.Unit;
      });
      return { MetricAlarms: alarms.map(toMetricAlarm) };
    },
  });
}
