import { MetricChart } from "@/components/metric-chart";
import type { MetricSeries } from "@/lib/fleet/metric-series";

type Props = { identifier: string; result: { series: MetricSeries[] } | { unavailable: string } };

/** The instance's CloudWatch metrics of the last hour, or why they cannot be shown. */
export function InstanceMetrics({ identifier, result }: Props) {
  return (
    <section aria-labelledby="instance-metrics-title" className="space-y-3" data-testid="instance-metrics">
      <h2 className="text-lg font-semibold text-slate-900" id="instance-metrics-title">
        Metrics (last hour)
      </h2>
      {"unavailable" in result ? (
        <p
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
          data-testid="metrics-unavailable"
          role="alert"
        >
          The metrics cannot be read: {result.unavailable}
        </p>
      ) : result.series.every((s) => s.points.length === 0) ? (
        <p
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="metrics-empty"
        >
          CloudWatch has no datapoints for {identifier} in the last hour yet. They appear within a minute of the
          instance starting.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {result.series.map((series) => (
            <MetricChart key={series.metric} series={series} />
          ))}
        </div>
      )}
    </section>
  );
}
