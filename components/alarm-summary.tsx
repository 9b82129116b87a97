import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { ALARM_STATES, type AlarmState } from "@/lib/fleet/alarm-model";

/** Alarm counts by state, each a link to the alarms page filtered by it. */
export function AlarmSummary({ counts }: { counts: Record<AlarmState, number> }) {
  return (
    <section
      aria-labelledby="alarm-summary-title"
      className="flex flex-wrap items-center gap-3"
      data-testid="alarm-summary"
    >
      <h2 className="text-sm font-medium text-slate-700" id="alarm-summary-title">
        CloudWatch alarms
      </h2>
      <ul className="flex flex-wrap gap-2">
        {ALARM_STATES.map((state) => (
          <li data-count={counts[state]} data-state={state} data-testid="alarm-count" key={state}>
            <Link
              className="rounded-full focus-visible:outline-2 focus-visible:outline-sky-600"
              href={`/alarms?state=${state}`}
            >
              <StatusBadge label={String(counts[state])} status={state} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
