"use client";

import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetricValue } from "@/lib/fleet/format-metric-value";
import type { MetricSeries } from "@/lib/fleet/metric-series";

const timeOfDay = (t: number) => new Date(t).toISOString().slice(11, 16);

/**
 * One metric's line over time. The SVG is hidden from assistive technology (and out of the tab order);
 * the figure's caption carries the latest value in words instead.
 */
export function MetricChart({ series }: { series: MetricSeries }) {
  const { metric, unit, points } = series;
  const latest = points.at(-1);
  const format = (v: number) => formatMetricValue(v, unit);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`metric-chart-${metric}`}>
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium text-slate-900">{metric}</span>
        {latest ? (
          <span className="text-slate-600">
            latest <span data-testid="metric-latest">{format(latest.v)}</span> at {timeOfDay(latest.t)} UTC
          </span>
        ) : (
          <span className="text-slate-600">no datapoints yet</span>
        )}
      </figcaption>
      {points.length > 0 ? (
        <div aria-hidden="true" className="mt-2 h-40">
          <ResponsiveContainer height="100%" width="100%">
            <LineChart accessibilityLayer={false} data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <XAxis
                dataKey="t"
                domain={["dataMin", "dataMax"]}
                fontSize={11}
                scale="time"
                tickFormatter={timeOfDay}
                type="number"
              />
              <YAxis fontSize={11} tickFormatter={format} width={72} />
              <Tooltip
                formatter={(value) => (typeof value === "number" ? format(value) : String(value))}
                labelFormatter={(t) => (typeof t === "number" ? `${timeOfDay(t)} UTC` : String(t))}
              />
              <Line
                dataKey="v"
                dot={false}
                isAnimationActive={false}
                stroke="#0369a1"
                strokeWidth={2}
                type="monotone"
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : null}
    </figure>
  );
}
