import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { formatDuration } from "@/components/format";
import { instanceHref } from "@/components/instance-href";
import { SectionState } from "@/components/section-state";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import type { Failover, FailoverEndpoint } from "@/lib/fleet/failover-history";
import type { StatusTone } from "@/lib/fleet/status-tone";
import type { Settled } from "@/lib/page-data/settle";

type Props = { result: Settled<Failover[]> };

/** The overview's record of Multi-AZ failovers: when, why, from where to where, and how long writes stopped. */
export function FailoverHistory({ result }: Props) {
  return (
    <section aria-labelledby="failover-history-title" className="space-y-3" data-testid="failover-history">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 className="text-lg font-semibold text-slate-900" id="failover-history-title">
          Failover history
        </h2>
        <p className="text-sm text-slate-600">Multi-AZ failovers in the last 24 hours, from RDS events</p>
      </div>
      <SectionState
        cannotRead="The failover history cannot be read"
        empty="No failovers in the last 24 hours."
        isEmpty={(failovers) => failovers.length === 0}
        result={result}
        testId="failover-history"
      >
        {(failovers) => <FailoverTable failovers={failovers} />}
      </SectionState>
    </section>
  );
}

function FailoverTable({ failovers }: { failovers: Failover[] }) {
  return (
    <DataTable
      caption="Multi-AZ failovers in the last 24 hours, newest first"
      columns={["When", "Instance", "Why", "From → to", "Writes unavailable", "State"]}
    >
      {failovers.map((f) => (
        <tr className="align-top" data-testid="failover-row" key={`${f.identifier}-${f.at.getTime()}`}>
          <td className="whitespace-nowrap px-3 py-2 text-slate-700" data-testid="failover-when">
            <UtcTime date={f.at} />
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            <Link
              className="text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
              href={instanceHref(f.identifier)}
            >
              {f.identifier}
            </Link>
          </td>
          <td className="px-3 py-2 text-slate-900" data-testid="failover-why">
            <span className="font-medium">{f.reason.kind}</span>
            {f.reason.detail ? <span className="text-slate-700">: {f.reason.detail}</span> : null}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-slate-900" data-testid="failover-route">
            {endpoint(f.from)} → {endpoint(f.to)}
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-slate-900" data-testid="failover-writes-unavailable">
            {f.writesUnavailable ? (
              <>
                {formatDuration(f.writesUnavailable.ms)}
                {f.writesUnavailable.source === "timestamps" ? (
                  <span className="text-slate-600"> (from event times)</span>
                ) : null}
              </>
            ) : (
              <span className="text-slate-600">not recorded</span>
            )}
          </td>
          <td className="whitespace-nowrap px-3 py-2">
            <StatusBadge status={stateLabel(f)} testId="failover-state" tone={stateTone(f)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const endpoint = (e: FailoverEndpoint | undefined) =>
  e ? `${e.availabilityZone}${e.node ? ` (${e.node})` : ""}` : "unknown";

function stateLabel(f: Failover): string {
  if (f.phase === "completed") return "completed";
  if (f.ongoing)
    return f.phase === "started" ? "in progress" : f.phase === "promoted" ? "promoted" : "standby recovery";
  return "no end recorded";
}

function stateTone(f: Failover): StatusTone {
  if (f.phase === "completed") return "ok";
  return f.ongoing ? "progress" : "inactive";
}
