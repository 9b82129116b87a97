import type { Metadata } from "next";
import { connection } from "next/server";
import { AutomatedBackupTable } from "@/components/automated-backup-table";
import { CreateSnapshotForm } from "@/components/create-snapshot-form";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { LiveRefresh } from "@/components/live-refresh";
import { SnapshotTable } from "@/components/snapshot-table";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import type { AutomatedBackup } from "@/lib/fleet/automated-backup-model";
import { describeAutomatedBackups } from "@/lib/fleet/describe-automated-backups";
import { describeSnapshots } from "@/lib/fleet/describe-snapshots";
import { readInstanceIdentifiers } from "@/lib/fleet/read-instance-identifiers";
import { type Settled, settle } from "@/lib/page-data/settle";
import { automatedBackupActionsFor, createSnapshotAction, snapshotActionsFor } from "./snapshot-actions-for";

export const metadata: Metadata = { title: "Snapshots" };

export default async function SnapshotsPage() {
  await connection();
  const actor = await requireRole("viewer", "/snapshots");
  const { refreshIntervalMs } = getConfig();
  // Each section of the page says on its own when RDS could not answer it.
  const [snapshots, backups, instances] = await Promise.all([
    settle(() => describeSnapshots()),
    settle(() => describeAutomatedBackups()),
    readInstanceIdentifiers(),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Snapshots</h1>
          <p className="text-sm text-slate-600">
            Manual and automated DB snapshots
            {snapshots.ok ? ` · ${snapshots.value.length} listed` : null}
          </p>
        </div>
        <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
      </div>
      {!snapshots.ok ? (
        <FleetUnavailable hint={snapshots.hint} message={snapshots.message} />
      ) : snapshots.value.length === 0 ? (
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
          snapshots={snapshots.value}
        />
      )}
      <AutomatedBackupsSection actor={actor.role} backups={backups} />
      {snapshots.ok && instances.length > 0 && may(actor.role, "create-snapshot") ? (
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

function AutomatedBackupsSection({ backups, actor }: { backups: Settled<AutomatedBackup[]>; actor: Role }) {
  return (
    <section aria-labelledby="automated-backups-title" className="space-y-3">
      <div>
        <h2 className="text-lg font-semibold text-slate-900" id="automated-backups-title">
          Automated backups
        </h2>
        <p className="text-sm text-slate-600">
          Daily snapshots and the continuous WAL archive of every instance with a backup retention period: each can be
          restored to any second of its window. A deleted instance&apos;s backups are kept here (retained) when it was
          deleted with them kept.
        </p>
      </div>
      {!backups.ok ? (
        <FleetUnavailable hint={backups.hint} message={backups.message} />
      ) : backups.value.length === 0 ? (
        <p
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="automated-backups-empty"
        >
          No automated backups: no instance has a backup retention period, and none were kept from a deleted one.
        </p>
      ) : (
        <AutomatedBackupTable actions={automatedBackupActionsFor(actor)} backups={backups.value} />
      )}
    </section>
  );
}
