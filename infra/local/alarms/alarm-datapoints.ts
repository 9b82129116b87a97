import type { MetricStore } from "../metrics/metric-store";
import { metricIdentity } from "../metrics/metric-types";
import { aggregate, parseStatistic, statisticValue } from "../metrics/statistics";
import type { AlarmConfiguration } from "./alarm-types";
import { EXTRA_EVALUATION_PERIODS, type PeriodDatapoint } from "./evaluate-alarm";

/**
 * The evaluation range of an alarm at `now`: the EvaluationPeriods + 2 most
 * recent complete periods, aligned on multiples of the period since the
 * epoch, oldest first, each with the alarm's statistic or no value.
 */
export function evaluationRange(store: MetricStore, alarm: AlarmConfiguration, now: number): PeriodDatapoint[] {
  const periodMs = alarm.Period * 1000;
  const end = Math.floor(now / periodMs) * periodMs;
  const count = alarm.EvaluationPeriods + EXTRA_EVALUATION_PERIODS;
  const start = end - count * periodMs;
  const statistic = parseStatistic(alarm.Statistic ?? alarm.ExtendedStatistic ?? "Average");
  const metric = metricIdentity(
    alarm.Namespace,
    alarm.MetricName,
    alarm.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
  );
  const buckets = aggregate(store.series(metric, alarm.Unit), {
    start,
    end,
    periodMs,
    withValues: statistic?.kind === "percentile",
  });
  const lowSamplesIgnored = statistic?.kind === "percentile" && alarm.EvaluateLowSampleCountPercentile === "ignore";
  return Array.from({ length: count }, (_, i) => {
    const periodStart = start + i * periodMs;
    const bucket = buckets.get(periodStart);
    if (bucket === undefined || statistic === undefined) return { start: periodStart, value: undefined };
    // "ignore": too few samples for the percentile to mean anything count as no data.
    if (lowSamplesIgnored && bucket.count < minimumSamples(statistic.kind === "percentile" ? statistic.percent : 50)) {
      return { start: periodStart, value: undefined };
    }
    return { start: periodStart, value: statisticValue(bucket, statistic), sampleCount: bucket.count };
  });
}

/** CloudWatch's rule: 10/(1-p) samples for p ≥ 0.5, 10/p below. */
function minimumSamples(percent: number): number {
  const p = percent / 100;
  if (p <= 0 || p >= 1) return 1;
  return p >= 0.5 ? 10 / (1 - p) : 10 / p;
}
