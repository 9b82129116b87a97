import Link from "next/link";
import { alarmHref } from "@/components/alarm-href";
import { DataTable } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import { type Alarm, describeThreshold } from "@/lib/fleet/alarm-model";

/** Every alarm with its state, coloured as every other state in the dashboard. */
export function AlarmTable({ alarms }: { alarms: Alarm[] }) {
  return (
    <DataTable
      caption="CloudWatch alarms, by name"
      columns={["Alarm", "State", "Metric", "Instance", "Threshold", "Reason", "Updated"]}
    >
      {alarms.map((alarm) => (
        <tr data-alarm={alarm.name} data-testid="alarm-row" key={alarm.name}>
          <th className="px-3 py-2 text-left font-medium text-slate-900" scope="row">
            <Link
              className="underline decoration-slate-300 underline-offset-4 hover:decoration-slate-900"
              href={alarmHref(alarm.name)}
            >
              {alarm.name}
            </Link>
            {alarm.actionsEnabled ? null : (
              <span className="ml-2 text-xs font-normal text-slate-600">notifications off</span>
            )}
          </th>
          <td className="px-3 py-2">
            <StatusBadge status={alarm.state} testId="alarm-state" />
          </td>
          <td className="px-3 py-2 font-mono text-xs">{alarm.metric}</td>
          <td className="px-3 py-2">{alarm.instance ?? "—"}</td>
          <td className="px-3 py-2 whitespace-nowrap">{describeThreshold(alarm)}</td>
          <td className="max-w-md px-3 py-2 text-slate-700">{alarm.reason ?? "—"}</td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            {alarm.updated ? <UtcTime date={alarm.updated} /> : "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
