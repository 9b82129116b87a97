import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CreateParameterGroupForm } from "@/components/create-parameter-group-form";
import { DataTable } from "@/components/data-table";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import { describeParameterGroups } from "@/lib/fleet/describe-parameter-groups";
import { describeParameterGroupUsers } from "@/lib/fleet/parameter-group-users";
import { settle } from "@/lib/page-data/settle";
import { createParameterGroupAction } from "./actions";

export const metadata: Metadata = { title: "Parameter groups" };

export default async function ParameterGroupsPage() {
  await connection();
  const actor = await requireRole("viewer", "/parameter-groups");
  const read = await settle(readAll);
  if (!read.ok) return <FleetUnavailable hint={read.hint} message={read.message} />;
  const { groups, users } = read.value;
  const families = [...new Set(groups.map((g) => g.family))];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Parameter groups</h1>
        <p className="text-sm text-slate-600">
          The engine settings of each DB instance. Default groups cannot be changed: create a group, set its parameters,
          and have instances use it.
        </p>
      </div>
      <DataTable
        caption="DB parameter groups by name"
        columns={["Name", "Family", "Description", "Used by"]}
        testId="parameter-groups"
      >
        {groups.map((g) => (
          <tr key={g.name}>
            <td className="px-3 py-2 font-mono">
              <Link className="text-sky-800 underline" href={`/parameter-groups/${encodeURIComponent(g.name)}`}>
                {g.name}
              </Link>
            </td>
            <td className="px-3 py-2">{g.family}</td>
            <td className="px-3 py-2">{g.description}</td>
            <td className="px-3 py-2 font-mono text-xs">
              {users
                .filter((u) => u.group === g.name)
                .map((u) => u.instance)
                .join(", ") || "—"}
            </td>
          </tr>
        ))}
      </DataTable>
      {may(actor.role, "create-db-parameter-group") ? (
        <section aria-labelledby="create-group-title" className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900" id="create-group-title">
            Create a parameter group
          </h2>
          <CreateParameterGroupForm families={families} serverAction={createParameterGroupAction} />
        </section>
      ) : null}
    </div>
  );
}

async function readAll() {
  const [groups, users] = await Promise.all([describeParameterGroups(), describeParameterGroupUsers()]);
  return { groups, users };
}
