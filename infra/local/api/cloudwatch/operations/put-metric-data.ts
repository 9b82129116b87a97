import { PutMetricData$ } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { MetricLimitError } from "../../../metrics/metric-store";
import type { MetricRecord } from "../../../metrics/metric-types";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { dimensionsSchema, nameSchema, toMetric, unitSchema } from "./common";

const datum = z.object({
  MetricName: nameSchema,
  Dimensions: dimensionsSchema.optional(),
  Timestamp: z.date().optional(),
  Value: z.number().optional(),
  StatisticValues: z
    .object({ SampleCount: z.number(), Sum: z.number(), Minimum: z.number(), Maximum: z.number() })
    .optional(),
  Values: z.array(z.number()).optional(),
  Counts: z.array(z.number()).optional(),
  Unit: unitSchema.optional(),
  StorageResolution: z.number().int().optional(),
});

const input = z.object({
  Namespace: nameSchema,
  MetricData: z.array(datum).max(1000).optional(),
});

const TWO_WEEKS_MS = 14 * 24 * 3_600_000;
const TWO_HOURS_MS = 2 * 3_600_000;
/** CloudWatch rejects values whose magnitude lies outside 8.515920e-109 … 1.174271e+108 (zero excepted). */
const MIN_MAGNITUDE = 8.51592e-109;
const MAX_MAGNITUDE = 1.174271e108;

/** PutMetricData: values, value/count arrays or statistic sets, into the store as custom series. */
export function putMetricDataOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: PutMetricData$,
    input,
    handle: (request) => {
      if (request.Namespace.startsWith("AWS/")) {
        throw cloudWatchErrors.invalidParameterValue(
          `The value ${request.Namespace} for parameter Namespace is invalid: the AWS/ prefix is reserved for AWS services.`,
        );
      }
      const data = request.MetricData ?? [];
      if (data.length === 0) throw cloudWatchErrors.missingParameter("The parameter MetricData is required.");
      const now = backend.now();
      // Check everything before storing anything: a rejected request stores nothing, as in CloudWatch.
      const batches = data.map((d, i) => {
        const at = `MetricData.member.${i + 1}`;
        const timestamp = d.Timestamp?.getTime() ?? now;
        if (timestamp < now - TWO_WEEKS_MS || timestamp > now + TWO_HOURS_MS) {
          throw cloudWatchErrors.invalidParameterValue(
            `The parameter ${at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.`,
          );
        }
        const resolution = d.StorageResolution ?? 60;
        if (resolution !== 1 && resolution !== 60) {
          throw cloudWatchErrors.invalidParameterValue(
            `The value ${resolution} for parameter ${at}.StorageResolution is invalid: use 1 or 60.`,
          );
        }
        return {
          metric: toMetric(request.Namespace, d.MetricName, d.Dimensions, `${at}.Dimensions`),
          unit: d.Unit ?? "None",
          records: recordsOf(d, timestamp, at),
          resolution: resolution as 1 | 60,
        };
      });
      try {
        for (const b of batches)
          backend.metrics.put(b.metric, b.unit, b.records, { resolution: b.resolution, custom: true });
      } catch (error) {
        if (error instanceof MetricLimitError) throw cloudWatchErrors.limitExceeded(error.message);
        throw error;
      }
      return {};
    },
  });
}

function recordsOf(d: z.infer<typeof datum>, timestamp: number, at: string): MetricRecord[] {
  const given = [d.Value !== undefined, d.StatisticValues !== undefined, d.Values !== undefined].filter(Boolean).length;
  if (given === 0) {
    throw cloudWatchErrors.missingParameter(
      `One of the parameters ${at}.Value, ${at}.StatisticValues or ${at}.Values is required.`,
    );
  }
  if (given > 1) {
    throw cloudWatchErrors.invalidParameterCombination(
      `The parameters ${at}.Value, ${at}.StatisticValues and ${at}.Values are mutually exclusive and you have specified more than one.`,
    );
  }
  if (d.Value !== undefined)
    return [{ timestamp, count: 1, sum: checked(d.Value, `${at}.Value`), min: d.Value, max: d.Value }];
  if (d.StatisticValues !== undefined) {
    const s = d.StatisticValues;
    for (const [name, v] of Object.entries(s)) checked(v, `${at}.StatisticValues.${name}`);
    if (s.SampleCount <= 0 || s.Minimum > s.Maximum) {
      throw cloudWatchErrors.invalidParameterValue(
        `The parameter ${at}.StatisticValues is invalid: SampleCount must be positive and Minimum at most Maximum.`,
      );
    }
    return [{ timestamp, count: s.SampleCount, sum: s.Sum, min: s.Minimum, max: s.Maximum }];
  }
  const values = d.Values ?? [];
  const counts = d.Counts;
  if (values.length > 150)
    throw cloudWatchErrors.invalidParameterValue(`The collection ${at}.Values must not have more than 150 members.`);
  if (counts !== undefined && counts.length !== values.length) {
    throw cloudWatchErrors.invalidParameterCombination(
      `The parameters ${at}.Values and ${at}.Counts must have the same number of members.`,
    );
  }
  return values.map((v, j) => {
    const count = counts?.[j] ?? 1;
    checked(v, `${at}.Values.member.${j + 1}`);
    if (!(count > 0))
      throw cloudWatchErrors.invalidParameterValue(`The parameter ${at}.Counts.member.${j + 1} must be positive.`);
    return { timestamp, count, sum: v * count, min: v, max: v };
  });
}

function checked(value: number, parameter: string): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || (magnitude !== 0 && (magnitude < MIN_MAGNITUDE || magnitude > MAX_MAGNITUDE))) {
    throw cloudWatchErrors.invalidParameterValue(`The value ${value} for parameter ${parameter} is invalid.`);
  }
  return value;
}
