import type { Metadata } from "next";
import { connection } from "next/server";
import { AlarmSummary } from "@/components/alarm-summary";
import { EmptyFleet } from "@/components/empty-fleet";
import { FailoverHistory } from "@/components/failover-history";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { LiveRefresh } from "@/components/live-refresh";
import { TopologySection } from "@/components/topology-section";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { describeFleet } from "@/lib/fleet/describe-fleet";
import { readFleetWatch } from "@/lib/fleet/fleet-watch";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { listFailovers } from "@/lib/fleet/list-failovers";
import { settle } from "@/lib/page-data/settle";
import type { SearchParams } from "@/lib/query-param";

export const metadata: Metadata = { title: "Fleet overview" };

const HISTORY_WINDOW_MS = 24 * 3_600_000;

type Props = { searchParams: Promise<SearchParams> };

export default async function OverviewPage({ searchParams }: Props) {
  await connection();
  await requireRole("viewer", "/");
  // Set by the delete action's redirect: the instance's own page is going away, so this one says what happens.
  const deleting = instanceIdentifier.safeParse((await searchParams).deleting);
  const { mode, aws, refreshIntervalMs } = getConfig();
  const [fleet, history] = await Promise.all([
    settle(() => describeFleet()),
    settle(() => listFailovers({ since: new Date(Date.now() - HISTORY_WINDOW_MS) })),
  ]);
  // The alarms and lag need the fleet's replicas; CloudWatch being down leaves the topology standing.
  const watched = fleet.ok ? await readFleetWatch(fleet.value) : undefined;
  const watch = watched?.ok ? watched.value : undefined;
  const where = mode === "local" ? `the local fleet (${aws.region})` : `AWS ${aws.region ?? "(region from profile)"}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet overview</h1>
          <p className="text-sm text-slate-600">
            DB instances in {where}
            {fleet.ok ? ` · ${fleet.value.instanceCount} listed` : null}
          </p>
        </div>
        <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
      </div>
      {deleting.success ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          DB instance {deleting.data} is being deleted; it leaves this page once RDS has removed it.
        </p>
      ) : null}
      {watch ? <AlarmSummary counts={watch.counts} /> : null}
      {watched && !watched.ok ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          Alarms and replica lag cannot be shown: {watched.message}
        </p>
      ) : null}
      {!fleet.ok ? (
        <FleetUnavailable hint={fleet.hint} message={fleet.message} />
      ) : fleet.value.topologies.length === 0 ? (
        <EmptyFleet where={where} />
      ) : (
        fleet.value.topologies.map((topology) => (
          <TopologySection key={topology.writer.identifier} topology={topology} watch={watch} />
        ))
      )}
      {/* With the fleet unreadable, the history would only repeat the same outage. */}
      {fleet.ok ? <FailoverHistory result={history} /> : null}
    </div>
  );
}
