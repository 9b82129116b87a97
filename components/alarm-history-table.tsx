import { UtcTime } from "@/components/utc-time";
import type { AlarmHistoryEntry } from "@/lib/fleet/alarm-history";

/** An alarm's history, newest first, as CloudWatch words it. */
export function AlarmHistoryTable({ entries }: { entries: AlarmHistoryEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="alarm-history">
        <caption className="sr-only">Alarm history, newest first</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="px-3 py-2 font-semibold" scope="col">
              Time
            </th>
            <th className="px-3 py-2 font-semibold" scope="col">
              Type
            </th>
            <th className="px-3 py-2 font-semibold" scope="col">
              Summary
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
