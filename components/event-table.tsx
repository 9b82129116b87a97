import Link from "next/link";
import { DataTable } from "@/components/data-table";
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
  const columns = ["Time", ...(showSource ? ["Source", "Type"] : []), "Categories", "Message"];
  return (
    <DataTable caption={caption} columns={columns} testId="event-table">
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
    </DataTable>
  );
}
