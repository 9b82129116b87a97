import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { FormDialog, type FormServerAction } from "@/components/form-dialog";
import { instanceHref } from "@/components/instance-href";
import type { ParameterGroupUser } from "@/lib/fleet/parameter-group-users";

/**
 * The instances using a group and how far its values are live on each
 * (applying, pending-reboot, in-sync); a pending reboot is offered to operators.
 */
export function ParameterGroupInstances({ users, reboot }: { users: ParameterGroupUser[]; reboot?: FormServerAction }) {
  if (users.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="group-unused">
        No instance uses this group.
      </p>
    );
  }
  return (
    <DataTable
      caption="Instances using this parameter group"
      columns={["Instance", "Status", "Parameters", ...(reboot ? [{ srOnly: "Actions" }] : [])]}
      testId="group-instances"
    >
      {users.map((u) => (
        <tr data-testid={`group-instance-${u.instance}`} key={u.instance}>
          <td className="px-3 py-2 font-mono">
            <Link className="text-sky-800 underline" href={instanceHref(u.instance)}>
              {u.instance}
            </Link>
          </td>
          <td className="px-3 py-2">{u.status}</td>
          <td className="px-3 py-2" data-testid="apply-status">
            {u.applyStatus === "pending-reboot" ? (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                pending-reboot
              </span>
            ) : (
              u.applyStatus
            )}
          </td>
          {reboot ? (
            <td className="px-3 py-2">
              {u.applyStatus === "pending-reboot" ? (
                <FormDialog
                  description={`Restarts ${u.instance}'s postgres: connections drop for a moment, and the group's static parameters take effect.`}
                  hidden={{ identifier: u.instance }}
                  label="Reboot"
                  serverAction={reboot}
                  submitLabel="Reboot now"
                  testId={`reboot-${u.instance}`}
                  title={`Reboot ${u.instance}`}
                />
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
