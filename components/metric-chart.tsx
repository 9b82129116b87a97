"use client";

import { Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ThresholdLine } from "@/lib/fleet/alarm-model";
import { formatMetricValue } from "@/lib/fleet/format-metric-value";
import type { MetricSeries } from "@/lib/fleet/metric-series";
import { chartMargin, TimeChartBox, timeAxis, timeOfDay, timeTooltip } from "./time-chart";

/**
 * One metric's line over time, with the threshold of each alarm on it (red
 * while the alarm fires). The SVG is hidden from assistive technology (and out
 * of the tab order); the caption carries the latest value and the thresholds in words instead.
 */
export function MetricChart({ series, thresholds = [] }: { series: MetricSeries; thresholds?: ThresholdLine[] }) {
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
      {thresholds.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
          {thresholds.map((t) => (
            <li data-alarm={t.alarm} data-testid="metric-threshold" key={t.alarm}>
              Alarm {t.alarm}: {t.label} ({t.state})
            </li>
          ))}
        </ul>
      ) : null}
      {points.length > 0 ? (
        <TimeChartBox heightClass="h-40">
          <LineChart accessibilityLayer={false} data={points} margin={chartMargin}>
            <XAxis {...timeAxis} />
            <YAxis fontSize={11} tickFormatter={format} width={72} />
            <Tooltip {...timeTooltip(format)} />
            {thresholds.map((t) => (
              <ReferenceLine
                // Widen the axis to show a threshold far above (or below) the data.
                ifOverflow="extendDomain"
                key={t.alarm}
                stroke={t.state === "ALARM" ? "#dc2626" : "#d97706"}
                strokeDasharray="6 3"
                y={t.value}
              />
            ))}
            <Line dataKey="v" dot={false} isAnimationActive={false} stroke="#0369a1" strokeWidth={2} type="monotone" />
          </LineChart>
        </TimeChartBox>
      ) : null}
    </figure>
  );
}
