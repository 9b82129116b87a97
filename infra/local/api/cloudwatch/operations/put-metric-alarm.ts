import { PutMetricAlarm$ } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import type { AlarmConfiguration } from "../../../alarms/alarm-types";
import { parseStatistic } from "../../../metrics/statistics";
import { defineQueryOperation, type QueryOperation } from "../../query/query-operation";
import type { CloudWatchBackend } from "../cloudwatch-backend";
import { cloudWatchErrors } from "../cloudwatch-errors";
import { dimensionsSchema, nameSchema, toMetric, unitSchema } from "./common";

const actions = z.array(z.string().min(1).max(1024)).max(5);

const input = z.object({
  AlarmName: nameSchema,
  AlarmDescription: z.string().max(1024).optional(),
  ActionsEnabled: z.boolean().optional(),
  OKActions: actions.optional(),
  AlarmActions: actions.optional(),
  InsufficientDataActions: actions.optional(),
  MetricName: nameSchema.optional(),
  Namespace: nameSchema.optional(),
  Statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional(),
  ExtendedStatistic: z.string().optional(),
  Dimensions: dimensionsSchema.optional(),
  Period: z.number().int().optional(),
  Unit: unitSchema.optional(),
  EvaluationPeriods: z.number().int(),
  DatapointsToAlarm: z.number().int().optional(),
  Threshold: z.number().optional(),
  ComparisonOperator: z.enum([
    "GreaterThanOrEqualToThreshold",
    "GreaterThanThreshold",
    "LessThanThreshold",
    "LessThanOrEqualToThreshold",
    "LessThanLowerOrGreaterThanUpperThreshold",
    "LessThanLowerThreshold",
    "GreaterThanUpperThreshold",
  ]),
  TreatMissingData: z.string().optional(),
  EvaluateLowSampleCountPercentile: z.string().optional(),
  Metrics: z.array(z.unknown()).optional(),
  ThresholdMetricId: z.string().optional(),
  Tags: z.array(z.object({ Key: z.string(), Value: z.string() })).optional(),
});

type Input = z.infer<typeof input>;

/** CloudWatch's default quota of metric alarms per region. */
const MAX_ALARMS = 5_000;
const ONE_DAY_SECONDS = 86_400;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;

/** PutMetricAlarm for static-threshold alarms on one metric; math and anomaly-detection alarms are refused. */
export function putMetricAlarmOperation(backend: CloudWatchBackend): QueryOperation {
  return defineQueryOperation({
    schema: PutMetricAlarm$,
    input,
    handle: (request) => {
      const configuration = validate(request);
      if (backend.alarms.get(configuration.AlarmName) === undefined && backend.alarms.size >= MAX_ALARMS) {
        throw cloudWatchErrors.limitExceeded(`The maximum number of alarms (${MAX_ALARMS}) has been reached.`);
      }
      backend.alarms.put(configuration);
      return {};
    },
  });
}

function validate(r: Input): AlarmConfiguration {
  if (r.Metrics !== undefined || r.ThresholdMetricId !== undefined) {
    throw cloudWatchErrors.invalidParameterValue(
      "Alarms on metric math expressions or anomaly detection bands are not supported by the local CloudWatch; alarm on one metric with a static Threshold.",
    );
  }
  if (r.ComparisonOperator.includes("Lower") || r.ComparisonOperator.includes("Upper")) {
    throw cloudWatchErrors.validation(
      `ComparisonOperator ${r.ComparisonOperator} is only valid for anomaly detection alarms.`,
    );
  }
  if (r.MetricName === undefined) throw cloudWatchErrors.missingParameter("The parameter MetricName is required.");
  if (r.Namespace === undefined) throw cloudWatchErrors.missingParameter("The parameter Namespace is required.");
  if (r.Period === undefined) throw cloudWatchErrors.missingParameter("The parameter Period is required.");
  if (r.Threshold === undefined) throw cloudWatchErrors.missingParameter("The parameter Threshold is required.");
  if ((r.Statistic === undefined) === (r.ExtendedStatistic === undefined)) {
    throw cloudWatchErrors.invalidParameterCombination(
      "Exactly one of Statistic and ExtendedStatistic must be specified.",
    );
  }
  if (r.ExtendedStatistic !== undefined && parseStatistic(r.ExtendedStatistic)?.kind !== "percentile") {
    throw cloudWatchErrors.invalidParameterValue(
      `The value ${r.ExtendedStatistic} for parameter ExtendedStatistic is not supported by the local CloudWatch: use a percentile such as p99.`,
    );
  }
  if (!(r.Period === 10 || r.Period === 30 || (r.Period >= 60 && r.Period % 60 === 0))) {
    throw cloudWatchErrors.validation(`Period must be 10, 30 or a multiple of 60; ${r.Period} is not.`);
  }
  if (r.EvaluationPeriods < 1) throw cloudWatchErrors.validation("EvaluationPeriods must be at least 1.");
  if (r.Period * r.EvaluationPeriods > ONE_DAY_SECONDS) {
    throw cloudWatchErrors.validation(
      "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).",
    );
  }
  const m = r.DatapointsToAlarm;
  if (m !== undefined && (m < 1 || m > r.EvaluationPeriods)) {
    throw cloudWatchErrors.validation(
      `DatapointsToAlarm must be between 1 and EvaluationPeriods (${r.EvaluationPeriods}).`,
    );
  }
  const treat = r.TreatMissingData;
  if (treat !== undefined && !["missing", "notBreaching", "breaching", "ignore"].includes(treat)) {
    throw cloudWatchErrors.validation(
      `TreatMissingData must be one of breaching, notBreaching, ignore, missing; not ${treat}.`,
    );
  }
  const low = r.EvaluateLowSampleCountPercentile;
  if (low !== undefined && low !== "evaluate" && low !== "ignore") {
    throw cloudWatchErrors.validation(`EvaluateLowSampleCountPercentile must be evaluate or ignore; not ${low}.`);
  }
  for (const [name, list] of [
    ["OKActions", r.OKActions],
    ["AlarmActions", r.AlarmActions],
    ["InsufficientDataActions", r.InsufficientDataActions],
  ] as const) {
    for (const arn of list ?? [])
      if (!ARN.test(arn)) throw cloudWatchErrors.validation(`Invalid arn syntax in ${name}: ${arn}`);
  }
  const metric = toMetric(r.Namespace, r.MetricName, r.Dimensions);
  return {
    AlarmName: r.AlarmName,
    ...(r.AlarmDescription === undefined ? {} : { AlarmDescription: r.AlarmDescription }),
    ActionsEnabled: r.ActionsEnabled ?? true,
    OKActions: r.OKActions ?? [],
    AlarmActions: r.AlarmActions ?? [],
    InsufficientDataActions: r.InsufficientDataActions ?? [],
    Namespace: r.Namespace,
    MetricName: r.MetricName,
    // Kept in the order the client sent them, as DescribeAlarms echoes them.
    Dimensions: (r.Dimensions ?? []).filter((d) => metric.dimensions.some((x) => x.name === d.Name)),
    ...(r.Statistic === undefined ? {} : { Statistic: r.Statistic }),
    ...(r.ExtendedStatistic === undefined ? {} : { ExtendedStatistic: r.ExtendedStatistic }),
    Period: r.Period,
    ...(r.Unit === undefined ? {} : { Unit: r.Unit }),
    EvaluationPeriods: r.EvaluationPeriods,
    ...(m === undefined ? {} : { DatapointsToAlarm: m }),
    Threshold: r.Threshold,
    ComparisonOperator: r.ComparisonOperator as AlarmConfiguration["ComparisonOperator"],
    ...(treat === undefined ? {} : { TreatMissingData: treat as AlarmConfiguration["TreatMissingData"] }),
    ...(low === undefined ? {} : { EvaluateLowSampleCountPercentile: low }),
  };
}
