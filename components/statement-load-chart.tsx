"use client";

import { Area, AreaChart, Tooltip, XAxis, YAxis } from "recharts";
import type { StatementLoadPoint } from "@/lib/fleet/database-load-model";
import { sessions } from "./database-load-chart";
import { chartMargin, TimeChartBox, timeAxis, timeTooltip } from "./time-chart";

/** One SQL digest's average active sessions over the page's range: when it loaded the instance. */
export function StatementLoadChart({ points }: { points: StatementLoadPoint[] }) {
  const data = points.map((p) => ({ t: new Date(p.at).getTime(), load: p.load }));
  const peak = points.reduce((max, p) => Math.max(max, p.load), 0);
  return (
    <figure className="mt-2" data-testid="top-sql-load-over-time">
      <figcaption className="text-xs text-slate-600">
        {peak === 0
          ? "This statement put no load on the instance in this range."
          : `Its load over time: at most ${sessions(peak)} average active sessions in a period.`}
      </figcaption>
      {peak === 0 ? null : (
        <TimeChartBox heightClass="h-28">
          <AreaChart accessibilityLayer={false} data={data} margin={chartMargin}>
            <XAxis {...timeAxis} />
            <YAxis fontSize={11} tickFormatter={sessions} width={48} />
            <Tooltip {...timeTooltip(sessions)} />
            <Area dataKey="load" fill="#0369a1" isAnimationActive={false} stroke="#0369a1" type="stepAfter" />
          </AreaChart>
        </TimeChartBox>
      )}
    </figure>
  );
}
