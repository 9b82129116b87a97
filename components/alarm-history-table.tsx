import { DataTable } from "@/components/data-table";
import { UtcTime } from "@/components/utc-time";
import type { AlarmHistoryEntry } from "@/lib/fleet/alarm-history";

/** An alarm's history, newest first, as CloudWatch words it. */
export function AlarmHistoryTable({ entries }: { entries: AlarmHistoryEntry[] }) {
  return (
    <DataTable caption="Alarm history, newest first" columns={["Time", "Type", "Summary"]} testId="alarm-history">
      {entries.map((entry) => (
        // History items have no id; one alarm never records the same summary twice in one millisecond.
        <tr
          data-testid="alarm-history-row"
          data-type={entry.type}
          key={`${entry.time.getTime()}-${entry.type}-${entry.summary}`}
        >
          <td className="whitespace-nowrap px-3 py-2 text-slate-700">
            <UtcTime date={entry.time} />
          </td>
          <td className="px-3 py-2 text-slate-700">{entry.type}</td>
          <td className="px-3 py-2 text-slate-900">{entry.summary}</td>
        </tr>
      ))}
    </DataTable>
  );
}
