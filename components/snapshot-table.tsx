import Link from "next/link";
import { type Column, DataTable } from "@/components/data-table";
import type { FormServerAction } from "@/components/form-dialog";
import { FormDialog } from "@/components/form-dialog";
import { instanceHref } from "@/components/instance-href";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import type { DbSnapshot } from "@/lib/fleet/snapshot-model";

type Props = {
  snapshots: DbSnapshot[];
  caption: string;
  /** Restore and delete buttons per row, each only where the reader's role allows it. */
  actions?: { restore?: FormServerAction; remove?: FormServerAction };
  /** Hide the instance column where every snapshot is of the same instance. */
  showInstance?: boolean;
};

/** DB snapshots, newest first: status with progress while one is being taken, and what can be done with each. */
export function SnapshotTable({ snapshots, caption, actions, showInstance = true }: Props) {
  const columns: Column[] = [
    "Snapshot",
    ...(showInstance ? ["Instance"] : []),
    "Type",
    "Status",
    "Created",
    "Size",
    "Tags",
    ...(actions ? [{ srOnly: "Actions" }] : []),
  ];
  return (
    <DataTable caption={caption} columns={columns} testId="snapshot-table">
      {snapshots.map((s) => (
        <tr data-snapshot={s.identifier} data-testid="snapshot-row" key={s.identifier}>
          <th className="px-3 py-2 font-mono text-xs font-medium text-slate-900" scope="row">
            {s.identifier}
          </th>
          {showInstance ? (
            <td className="px-3 py-2">
              {s.instanceIdentifier ? (
                <Link className="underline underline-offset-2" href={instanceHref(s.instanceIdentifier)}>
                  {s.instanceIdentifier}
                </Link>
              ) : (
                "—"
              )}
            </td>
          ) : null}
          <td className="px-3 py-2 text-slate-700">{s.type}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <StatusBadge status={s.status} testId="snapshot-status" />
            {s.status === "creating" && s.percentProgress !== undefined ? (
              <span className="ml-2 text-slate-700" data-testid="snapshot-progress">
                {s.percentProgress} %
              </span>
            ) : null}
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            {s.createdAt ? <UtcTime date={s.createdAt} /> : "—"}
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-700">
            {s.allocatedGiB === undefined ? "—" : `${s.allocatedGiB} GiB`}
          </td>
          <td className="px-3 py-2 font-mono text-xs text-slate-700" data-testid="snapshot-tags">
            {s.tags.length === 0
              ? "—"
              : s.tags.map((t) => (
                  <span className="mr-2 inline-block break-all" key={t.key}>
                    {t.value === "" ? t.key : `${t.key}=${t.value}`}
                  </span>
                ))}
          </td>
          {actions ? (
            <td className="space-x-2 px-3 py-2 whitespace-nowrap">
              {actions.restore && s.status === "available" ? (
                <FormDialog
                  description={`RestoreDBInstanceFromDBSnapshot: a new instance with its own endpoint, holding exactly what ${s.identifier} holds. Its page opens and shows it creating, then available.`}
                  hidden={{ snapshot: s.identifier }}
                  inputs={[
                    {
                      name: "instance",
                      label: "New DB instance identifier",
                      defaultValue: `${s.instanceIdentifier ?? "restored"}-restored`,
                    },
                  ]}
                  label="Restore"
                  serverAction={actions.restore}
                  submitLabel="Restore"
                  testId="restore-snapshot"
                  title={`Restore ${s.identifier}?`}
                />
              ) : null}
              {actions.remove && s.type === "manual" && s.status !== "deleting" ? (
                <FormDialog
                  description="DeleteDBSnapshot: the snapshot's data is gone for good; nothing can be restored from it afterwards."
                  hidden={{ snapshot: s.identifier }}
                  label="Delete"
                  serverAction={actions.remove}
                  submitLabel="Delete snapshot"
                  testId="delete-snapshot"
                  title={`Delete ${s.identifier}?`}
                  typeToConfirm={s.identifier}
                />
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
