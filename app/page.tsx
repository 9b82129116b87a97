import type { Metadata } from "next";
import { connection } from "next/server";
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
import { listFailovers } from "@/lib/fleet/list-failovers";

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

export default async function OverviewPage() {
  await connection();
  await requireRole("viewer", "/");
  const { mode, aws, refreshIntervalMs } = getConfig();
  const [outcome, history] = await Promise.all([readFleet(), readFailovers()]);
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
      {"unavailable" in outcome ? (
        <FleetUnavailable hint={outcome.unavailable.hint} message={outcome.unavailable.message} />
      ) : outcome.fleet.topologies.length === 0 ? (
        <EmptyFleet where={where} />
      ) : (
        outcome.fleet.topologies.map((topology) => (
          <TopologySection key={topology.writer.identifier} topology={topology} />
        ))
      )}
      {/* With the fleet unreadable, the history would only repeat the same outage. */}
      {"fleet" in outcome ? <FailoverHistory {...history} /> : null}
    </div>
  );
}
