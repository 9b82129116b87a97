import type { Metadata } from "next";
import { connection } from "next/server";
import { CreateSnapshotForm } from "@/components/create-snapshot-form";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { LiveRefresh } from "@/components/live-refresh";
import { SnapshotTable } from "@/components/snapshot-table";
import { requireRole } from "@/lib/auth/require-role";
import { allows } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { Unavailable } from "@/lib/errors";
import { describeSnapshots } from "@/lib/fleet/describe-snapshots";
import { readInstanceIdentifiers } from "@/lib/fleet/read-instance-identifiers";
import type { DbSnapshot } from "@/lib/fleet/snapshot-model";
import { createSnapshotAction, snapshotActionsFor } from "./snapshot-actions-for";

export const metadata: Metadata = { title: "Snapshots" };

async function readSnapshots(): Promise<{ snapshots: DbSnapshot[] } | { unavailable: Unavailable }> {
  try {
    return { snapshots: await describeSnapshots() };
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error };
    throw error;
  }
}

export default async function SnapshotsPage() {
  await connection();
  const actor = await requireRole("viewer", "/snapshots");
  const { refreshIntervalMs } = getConfig();
  const [result, instances] = await Promise.all([readSnapshots(), readInstanceIdentifiers()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Snapshots</h1>
          <p className="text-sm text-slate-600">
            Manual and automated DB snapshots
            {"snapshots" in result ? ` · ${result.snapshots.length} listed` : null}
          </p>
        </div>
        <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
      </div>
      {"unavailable" in result ? (
        <FleetUnavailable hint={result.unavailable.hint} message={result.unavailable.message} />
      ) : result.snapshots.length === 0 ? (
        <p
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="snapshots-empty"
        >
          No DB snapshots yet. Take one below, or wait for the daily automated backup.
        </p>
      ) : (
        <SnapshotTable
          actions={snapshotActionsFor(actor.role)}
          caption="DB snapshots, newest first"
          snapshots={result.snapshots}
        />
      )}
      {"snapshots" in result && instances.length > 0 && allows(actor.role, "operator") ? (
        <section aria-labelledby="create-snapshot-title" className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900" id="create-snapshot-title">
            Take a snapshot
          </h2>
          <CreateSnapshotForm instances={instances} serverAction={createSnapshotAction} />
        </section>
      ) : null}
    </div>
  );
}
