import Link from "next/link";
import { type Column, DataTable } from "@/components/data-table";
import { FormDialog, type FormServerAction } from "@/components/form-dialog";
import { instanceHref } from "@/components/instance-href";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import type { AutomatedBackup } from "@/lib/fleet/automated-backup-model";

type Props = {
  backups: AutomatedBackup[];
  /** Restore and delete buttons per row, each only where the reader's role allows it. */
  actions: { restore?: FormServerAction; remove?: FormServerAction };
};

/**
 * Each instance's automated backups (its base snapshots and WAL archive) with
 * the window it can be restored to, active ones and what deleted instances
 * kept. A retained backup's instance has no page any more: restoring it is
 * only possible here.
 */
export function AutomatedBackupTable({ backups, actions }: Props) {
  const columns: Column[] = [
    "Instance",
    "Resource ID",
    "Status",
    "Retention",
    "Restorable from",
    "Restorable to",
    { srOnly: "Actions" },
  ];
  return (
    <DataTable caption="Automated backups, active first" columns={columns} testId="automated-backup-table">
      {backups.map((b) => (
        <tr
          data-backup={b.dbiResourceId}
          data-instance={b.instanceIdentifier}
          data-testid="automated-backup-row"
          key={b.dbiResourceId}
        >
          <th className="px-3 py-2 font-medium text-slate-900" scope="row">
            {b.status === "active" ? (
              <Link className="underline underline-offset-2" href={instanceHref(b.instanceIdentifier)}>
                {b.instanceIdentifier}
              </Link>
            ) : (
              b.instanceIdentifier
            )}
          </th>
          <td className="px-3 py-2 font-mono text-xs text-slate-700">{b.dbiResourceId}</td>
          <td className="px-3 py-2">
            <StatusBadge status={b.status} testId="automated-backup-status" />
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            {b.retentionDays === undefined ? "—" : `${b.retentionDays} days`}
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700" data-testid="restorable-from">
            {b.window ? <UtcTime date={b.window.earliest} /> : "no backup yet"}
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700" data-testid="restorable-to">
            {b.window ? <UtcTime date={b.window.latest} /> : "—"}
          </td>
          <td className="space-x-2 px-3 py-2 whitespace-nowrap">
            {actions.restore && b.window ? (
              <FormDialog
                description={
                  <>
                    RestoreDBInstanceToPointInTime from {b.instanceIdentifier}&apos;s automated backups (
                    {b.dbiResourceId}
                    ): a new single-AZ instance holding its data as it was at a moment between{" "}
                    <UtcTime date={b.window.earliest} /> and <UtcTime date={b.window.latest} />, to the transaction. Its
                    page opens and shows it creating, then available.
                  </>
                }
                hidden={{ dbiResourceId: b.dbiResourceId }}
                inputs={[
                  {
                    name: "target",
                    label: "New DB instance identifier",
                    defaultValue: `${b.instanceIdentifier}-restored`,
                  },
                  { name: "restoreTime", label: "Restore time (UTC, YYYY-MM-DD HH:MM:SS; empty for the latest)" },
                ]}
                label="Restore to point in time"
                serverAction={actions.restore}
                submitLabel="Restore"
                testId="restore-backup"
                title={`Restore ${b.instanceIdentifier} to a point in time?`}
              />
            ) : null}
            {actions.remove && b.status === "retained" ? (
              <FormDialog
                description={`DeleteDBInstanceAutomatedBackup: ${b.instanceIdentifier}'s base backups and WAL archive are gone for good; the deleted instance can never be restored afterwards.`}
                hidden={{ dbiResourceId: b.dbiResourceId, instance: b.instanceIdentifier }}
                label="Delete"
                serverAction={actions.remove}
                submitLabel="Delete backups"
                testId="delete-backup"
                title={`Delete the retained backups of ${b.instanceIdentifier}?`}
                typeToConfirm={b.instanceIdentifier}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
