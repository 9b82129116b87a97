import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AssignParameterGroupForm } from "@/components/assign-parameter-group-form";
import { FilterChoice, FilterForm, FilterText } from "@/components/filter-form";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { FormDialog } from "@/components/form-dialog";
import { InvalidQuery } from "@/components/invalid-query";
import { ParameterGroupInstances } from "@/components/parameter-group-instances";
import { ParameterTable } from "@/components/parameter-table";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import { describeParameterGroup } from "@/lib/fleet/describe-parameter-groups";
import { parameterGroupName } from "@/lib/fleet/parameter-group-forms";
import { describeParameterGroupUsers } from "@/lib/fleet/parameter-group-users";
import { filterParameters, parameterListQuery } from "@/lib/fleet/parameter-list-query";
import { settle } from "@/lib/page-data/settle";
import {
  assignParameterGroupAction,
  deleteParameterGroupAction,
  modifyParameterAction,
  rebootForParametersAction,
  resetParameterAction,
} from "../actions";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parameterGroupName.safeParse((await params).name);
  return { title: parsed.success ? `Parameter group ${parsed.data}` : "Parameter group" };
}

export default async function ParameterGroupPage({ params, searchParams }: Props) {
  await connection();
  const parsed = parameterGroupName.safeParse((await params).name);
  if (!parsed.success) notFound();
  const name = parsed.data;
  const actor = await requireRole("viewer", `/parameter-groups/${encodeURIComponent(name)}`);
  const rawQuery = firstValues(await searchParams);
  const query = parameterListQuery.safeParse(rawQuery);
  const read = await settle(() => readGroup(name), { notFoundPage: true });
  if (!read.ok) return <FleetUnavailable hint={read.hint} message={read.message} />;
  const { group, parameters, users } = read.value;
  const usedBy = users.filter((u) => u.group === name);
  const operator = may(actor.role, "modify-db-parameter-group");
  const shown = filterParameters(parameters, query.success ? query.data : {});
  const base = `/parameter-groups/${encodeURIComponent(name)}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link className="text-sky-800 underline" href="/parameter-groups">
              Parameter groups
            </Link>
          </p>
          <h1 className="font-mono text-2xl font-semibold tracking-tight">{group.name}</h1>
          <p className="text-sm text-slate-600">
            {group.family} · {group.description}
            {group.isDefault ? " · a default group: it cannot be modified" : null}
          </p>
        </div>
        {operator && !group.isDefault ? (
          <FormDialog
            description="The group and its values are deleted. RDS refuses while an instance uses it."
            hidden={{ group: group.name }}
            label="Delete group"
            serverAction={deleteParameterGroupAction}
            submitLabel="Delete"
            testId="delete-parameter-group"
            title={`Delete ${group.name}`}
            typeToConfirm={group.name}
          />
        ) : null}
      </div>
      <section aria-labelledby="group-instances-title" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900" id="group-instances-title">
          Instances using it
        </h2>
        <ParameterGroupInstances reboot={operator ? rebootForParametersAction : undefined} users={usedBy} />
        {operator ? (
          <AssignParameterGroupForm
            group={group.name}
            instances={users.filter((u) => u.group !== name).map((u) => u.instance)}
            serverAction={assignParameterGroupAction}
          />
        ) : null}
      </section>
      <section aria-labelledby="parameters-title" className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900" id="parameters-title">
          Parameters · {shown.length} of {parameters.length}
        </h2>
        {query.success ? null : (
          <InvalidQuery
            clearHint="Every parameter is listed instead."
            issues={query.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }))}
            params={rawQuery}
          />
        )}
        <FilterForm
          action={base}
          grid="sm:grid-cols-[1fr_auto_auto_auto]"
          label="Filter the parameters"
          submitLabel="Filter"
        >
          <FilterText
            data-testid="parameter-filter"
            defaultValue={query.success ? (query.data.filter ?? "") : ""}
            id="parameter-filter"
            label="Name or description contains"
            name="filter"
          />
          <FilterChoice
            any="any source"
            defaultValue={query.success ? query.data.source : undefined}
            id="parameter-source"
            label="Source"
            name="source"
            options={[
              { value: "user", text: "user (set in this group)" },
              { value: "system", text: "system" },
              { value: "engine-default", text: "engine-default" },
            ]}
          />
          <FilterChoice
            any="all"
            defaultValue={query.success ? query.data.modifiable : undefined}
            id="parameter-modifiable"
            label="Modifiable"
            name="modifiable"
            options={[{ value: "yes", text: "modifiable only" }]}
          />
        </FilterForm>
        <ParameterTable
          edit={
            operator && !group.isDefault
              ? { modify: modifyParameterAction, reset: resetParameterAction, usedBy: usedBy.map((u) => u.instance) }
              : undefined
          }
          group={group.name}
          parameters={shown}
        />
      </section>
    </div>
  );
}

async function readGroup(name: string) {
  const [described, users] = await Promise.all([describeParameterGroup({ name }), describeParameterGroupUsers()]);
  return { ...described, users };
}

const firstValues = (query: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
