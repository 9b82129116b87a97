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
import { Unavailable } from "@/lib/errors";
import { describeFleet } from "@/lib/fleet/describe-fleet";
import type { Failover } from "@/lib/fleet/failover-history";
import type { Fleet } from "@/lib/fleet/fleet-model";
import { readFleetWatch } from "@/lib/fleet/fleet-watch";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { listFailovers } from "@/lib/fleet/list-failovers";
import type { SearchParams } from "@/lib/query-param";

export const metadata: Metadata = { title: "Fleet overview" };

type Outcome = { fleet: Fleet } | { unavailable: Unavailable };

async function readFleet(): Promise<Outcome> {
  try {
    return { fleet: await describeFleet() };
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error };
    throw error;
  }
}

const HISTORY_WINDOW_MS = 24 * 3_600_000;

async function readFailovers(): Promise<{ failovers: Failover[] } | { unavailable: string }> {
  try {
    return { failovers: await listFailovers({ since: new Date(Date.now() - HISTORY_WINDOW_MS) }) };
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error.message };
    throw error;
  }
}

type Props = { searchParams: Promise<SearchParams> };

export default async function OverviewPage({ searchParams }: Props) {
  await connection();
  await requireRole("viewer", "/");
  // Set by the delete action's redirect: the instance's own page is going away, so this one says what happens.
  const deleting = instanceIdentifier.safeParse((await searchParams).deleting);
  const { mode, aws, refreshIntervalMs } = getConfig();
  const [outcome, history] = await Promise.all([readFleet(), readFailovers()]);
  // The alarms and lag need the fleet's replicas; CloudWatch being down leaves the topology standing.
  const watched = "fleet" in outcome ? await readFleetWatch(outcome.fleet) : undefined;
  const watch = watched && "watch" in watched ? watched.watch : undefined;
  const where = mode === "local" ? `the local fleet (${aws.region})` : `AWS ${aws.region ?? "(region from profile)"}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet overview</h1>
          <p className="text-sm text-slate-600">
            DB instances in {where}
            {"fleet" in outcome ? ` · ${outcome.fleet.instanceCount} listed` : null}
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
      {watched && "unavailable" in watched ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="status">
          Alarms and replica lag cannot be shown: {watched.unavailable}
        </p>
      ) : null}
      {"unavailable" in outcome ? (
        <FleetUnavailable hint={outcome.unavailable.hint} message={outcome.unavailable.message} />
      ) : outcome.fleet.topologies.length === 0 ? (
        <EmptyFleet where={where} />
      ) : (
        outcome.fleet.topologies.map((topology) => (
          <TopologySection key={topology.writer.identifier} topology={topology} watch={watch} />
        ))
      )}
      {/* With the fleet unreadable, the history would only repeat the same outage. */}
      {"fleet" in outcome ? <FailoverHistory {...history} /> : null}
    </div>
  );
}
