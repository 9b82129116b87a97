import Link from "next/link";
import { EventTable } from "@/components/event-table";
import { SectionState } from "@/components/section-state";
import type { EventPage } from "@/lib/fleet/describe-events";
import type { Settled } from "@/lib/page-data/settle";

/** How many of an instance's events its page lists; the events page has the rest. */
const SHOWN = 20;

type Props = { identifier: string; result: Settled<EventPage> };

/** The instance's recent events, newest first, with a way to all of them. */
export function InstanceEvents({ identifier, result }: Props) {
  const all = `/events?${new URLSearchParams({ source: identifier, type: "db-instance", window: "24h" })}`;
  return (
    <section aria-labelledby="instance-events-title" className="space-y-3" data-testid="instance-events">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h2 className="text-lg font-semibold text-slate-900" id="instance-events-title">
          Recent events
        </h2>
        <Link
          className="text-sm text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          href={all}
        >
          All events of {identifier}
        </Link>
      </div>
      <SectionState
        cannotRead="The events cannot be read"
        empty={`No events for ${identifier} in the last 24 hours.`}
        isEmpty={({ events }) => events.length === 0}
        result={result}
        testId="events"
      >
        {({ events }) => (
          <EventTable
            caption={`Events of ${identifier} in the last 24 hours, newest first`}
            events={events.slice(0, SHOWN)}
            showSource={false}
          />
        )}
      </SectionState>
    </section>
  );
}
