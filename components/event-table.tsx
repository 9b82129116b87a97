import Link from "next/link";
import { instanceHref } from "@/components/instance-href";
import { UtcTime } from "@/components/utc-time";
import type { RdsEvent } from "@/lib/fleet/event-model";

type Props = {
  events: RdsEvent[];
  caption: string;
  /** Hide the source columns where every event has the same source (an instance's own page). */
  showSource?: boolean;
};

/** RDS events, newest first, as a table. */
export function EventTable({ events, caption, showSource = true }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="event-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2 font-semibold" scope="col">
              Time
            </th>
            {showSource ? (
              <>
                <th className="px-3 py-2 font-semibold" scope="col">
                  Source
                </th>
                <th className="px-3 py-2 font-semibold" scope="col">
                  Type
                </th>
              </>
            ) : null}
            <th className="px-3 py-2 font-semibold" scope="col">
              Categories
            </th>
            <th className="px-3 py-2 font-semibold" scope="col">
              Message
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event, i) => (
            <tr
              className="align-top"
              data-testid="event-row"
              // Two events may share source, time and message; their place in this list tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is re-rendered whole, never reordered in place.
              key={`${event.date.getTime()}-${event.sourceIdentifier}-${i}`}
            >
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                <UtcTime date={event.date} />
              </td>
              {showSource ? (
                <>
                  <td className="whitespace-nowrap px-3 py-2" data-testid="event-source">
                    {event.sourceType === "db-instance" ? (
                      <Link
                        className="text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                        href={instanceHref(event.sourceIdentifier)}
                      >
                        {event.sourceIdentifier}
                      </Link>
                    ) : (
                      event.sourceIdentifier
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{event.sourceType}</td>
                </>
              ) : null}
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{event.categories.join(", ") || "—"}</td>
              <td className="min-w-[24rem] px-3 py-2 text-slate-900" data-testid="event-message">
                {event.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
