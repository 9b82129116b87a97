import { MetricChart } from "@/components/metric-chart";
import { MetricRangePicker } from "@/components/metric-range-picker";
import { SectionState } from "@/components/section-state";
import type { ThresholdLine } from "@/lib/fleet/alarm-model";
import { type MetricRange, metricRanges } from "@/lib/fleet/metric-range";
import type { MetricSeries } from "@/lib/fleet/metric-series";
import type { Settled } from "@/lib/page-data/settle";

type Props = {
  identifier: string;
  range: MetricRange;
  result: Settled<MetricSeries[]>;
  /** The thresholds of the alarms on this instance; none when the alarms cannot be read. */
  thresholds: ThresholdLine[];
  basePath: string;
};

/** The instance's CloudWatch metrics over the chosen range, or why they cannot be shown. */
export function InstanceMetrics({ identifier, range, result, thresholds, basePath }: Props) {
  const { label } = metricRanges[range];
  return (
    <section aria-labelledby="instance-metrics-title" className="space-y-3" data-testid="instance-metrics">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900" id="instance-metrics-title">
          Metrics ({label})
        </h2>
        <MetricRangePicker basePath={basePath} current={range} />
      </div>
      <SectionState
        cannotRead="The metrics cannot be read"
        empty={`CloudWatch has no datapoints for ${identifier} in the ${label} yet. They appear within a minute of the instance starting.`}
        isEmpty={(series) => series.every((s) => s.points.length === 0)}
        result={result}
        testId="metrics"
      >
        {(allSeries) => (
          <div className="grid gap-4 md:grid-cols-2">
            {allSeries.map((series) => (
              <MetricChart
                key={series.metric}
                series={series}
                thresholds={thresholds.filter((t) => t.metric === series.metric)}
              />
            ))}
          </div>
        )}
      </SectionState>
    </section>
  );
}
