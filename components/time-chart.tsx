"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * What every time chart of the dashboard shares: UTC times of day on the
 * x axis, the same tooltip, and a box the SVG fills, hidden from assistive
 * technology (each chart's caption carries its figures in words).
 */
export const timeOfDay = (t: number) => new Date(t).toISOString().slice(11, 16);

/** Spread into recharts' XAxis: milliseconds on a time scale, from the first point to the last. */
export const timeAxis = {
  dataKey: "t",
  domain: ["dataMin", "dataMax"],
  fontSize: 11,
  scale: "time",
  tickFormatter: timeOfDay,
  type: "number",
} as const;

/** Spread into recharts' Tooltip: values as the chart formats them, times in UTC. */
export function timeTooltip(format: (value: number) => string) {
  return {
    formatter: (value: unknown) => (typeof value === "number" ? format(value) : String(value)),
    labelFormatter: (t: unknown) => (typeof t === "number" ? `${timeOfDay(t)} UTC` : String(t)),
  };
}

export const chartMargin = { top: 4, right: 8, bottom: 0, left: 0 };

export function TimeChartBox({ heightClass, children }: { heightClass: string; children: ReactElement }) {
  return (
    <div aria-hidden="true" className={`mt-2 ${heightClass}`}>
      <ResponsiveContainer height="100%" width="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
