"use client";

import { Area, AreaChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { DatabaseLoad } from "@/lib/fleet/database-load-model";
import { chartMargin, TimeChartBox, timeAxis, timeTooltip } from "./time-chart";

export const sessions = (v: number) => v.toFixed(2);

/** One colour per wait event, CPU always green as in RDS's console; the rest from a fixed palette in load order. */
const CPU_COLOUR = "#16a34a";
const PALETTE = ["#0369a1", "#dc2626", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#9333ea", "#475569"];

/**
 * Average active sessions over time, stacked by wait event, with the
 * instance class's vCPU count as a dashed line: load above it waits for CPU.
 * The SVG is hidden from assistive technology; the section's caption and the
 * top SQL table carry the figures in words.
 */
export function DatabaseLoadChart({ load, vcpus }: { load: DatabaseLoad; vcpus: number | undefined }) {
  const data = load.points.map((p) => ({ t: new Date(p.at).getTime(), ...p.byWaitEvent }));
  let colour = 0;
  const colours = load.waitEvents.map((w) =>
    w === "CPU" ? CPU_COLOUR : (PALETTE[colour++ % PALETTE.length] as string),
  );
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid="database-load-chart">
      <figcaption className="text-sm text-slate-700">
        Average active sessions by wait event
        {vcpus !== undefined ? `; the dashed line is the instance class's ${vcpus} vCPUs` : ""}.
      </figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="database-load-legend">
        {load.waitEvents.map((w, i) => (
          <li className="flex items-center gap-1" data-testid="wait-event" key={w}>
            <span aria-hidden="true" className="inline-block h-2 w-3 rounded-sm" style={{ background: colours[i] }} />
            {w}
          </li>
        ))}
      </ul>
      <TimeChartBox heightClass="h-56">
        <AreaChart accessibilityLayer={false} data={data} margin={chartMargin}>
          <XAxis {...timeAxis} />
          <YAxis fontSize={11} tickFormatter={sessions} width={48} />
          <Tooltip {...timeTooltip(sessions)} />
          {load.waitEvents.map((w, i) => (
            <Area
              dataKey={w}
              fill={colours[i]}
              isAnimationActive={false}
              key={w}
              stackId="load"
              stroke={colours[i]}
              type="stepAfter"
            />
          ))}
          {vcpus !== undefined ? (
            <ReferenceLine ifOverflow="extendDomain" stroke="#0f172a" strokeDasharray="6 3" y={vcpus} />
          ) : null}
        </AreaChart>
      </TimeChartBox>
    </figure>
  );
}
