import type { Metadata } from "next";
import { connection } from "next/server";
import { EventFilters } from "@/components/event-filters";
import { EventTable } from "@/components/event-table";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { InvalidQuery } from "@/components/invalid-query";
import { requireRole } from "@/lib/auth/require-role";
import { describeEvents } from "@/lib/fleet/describe-events";
import {
  defaultEventQuery,
  type EventQuery,
  eventWindows,
  parseEventQuery,
  toEventFilter,
} from "@/lib/fleet/event-query";
import { settle } from "@/lib/page-data/settle";

export const metadata: Metadata = { title: "Events" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** RDS events (DescribeEvents), filtered by source, type, category and time through the query string. */
export default async function EventsPage({ searchParams }: Props) {
  await connection();
  await requireRole("viewer", "/events");
  const params = await searchParams;
  const parsed = parseEventQuery(params);
  const query = parsed.ok ? parsed.query : defaultEventQuery;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Events</h1>
        <p className="text-sm text-slate-600">
          What RDS recorded about the fleet, newest first. RDS keeps events for 14 days.
        </p>
      </div>
      <EventFilters query={query} />
      {parsed.ok ? (
        <EventResults query={query} />
      ) : (
        <InvalidQuery
          clearHint="Change them above, or clear them to see every event of the last 24 hours."
          issues={parsed.issues}
          params={params}
        />
      )}
    </div>
  );
}

async function EventResults({ query }: { query: EventQuery }) {
  const outcome = await settle(() => describeEvents(toEventFilter(query, new Date())));
  if (!outcome.ok) return <FleetUnavailable hint={outcome.hint} message={outcome.message} />;
  const { events, truncated } = outcome.value;
  const scope = describeScope(query);
  if (events.length === 0) {
    return (
      <section
        aria-labelledby="no-events-title"
        className="rounded-lg border border-slate-200 bg-white p-5"
        data-testid="events-empty"
      >
        <h2 className="text-lg font-semibold text-slate-900" id="no-events-title">
          No events
        </h2>
        <p className="mt-2 text-slate-700">
          RDS recorded no events {scope}. Try a longer time window or fewer filters.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="events-title" className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900" id="events-title">
        <span data-testid="events-count">{events.length}</span> event{events.length === 1 ? "" : "s"} {scope}
      </h2>
      {truncated ? (
        <p className="text-sm text-amber-900" role="status">
          More events match than one page can show; the newest were left out. Narrow the time window or the filters.
        </p>
      ) : null}
      <EventTable caption={`Events ${scope}, newest first`} events={events} />
    </section>
  );
}

function describeScope(query: EventQuery): string {
  const parts = [eventWindows[query.window].label.toLowerCase().replace(/^last/, "in the last")];
  if (query.source) parts.push(`for ${query.type} ${query.source}`);
  else if (query.type) parts.push(`for every ${query.type}`);
  if (query.category) parts.push(`in category ${query.category}`);
  return parts.join(" ");
}
