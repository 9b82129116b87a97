import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AlarmForm } from "@/components/alarm-form";
import { AlarmTable } from "@/components/alarm-table";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { InvalidQuery } from "@/components/invalid-query";
import { LiveRefresh } from "@/components/live-refresh";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { ALARM_STATES, type Alarm, type AlarmState, summarizeAlarms } from "@/lib/fleet/alarm-model";
import { parseAlarmQuery } from "@/lib/fleet/alarm-query";
import { describeAlarms } from "@/lib/fleet/describe-alarms";
import { readInstanceIdentifiers } from "@/lib/fleet/read-instance-identifiers";
import { settle } from "@/lib/page-data/settle";
import type { SearchParams } from "@/lib/query-param";
import { createAlarmAction } from "./actions";

export const metadata: Metadata = { title: "Alarms" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AlarmsPage({ searchParams }: Props) {
  await connection();
  const actor = await requireRole("viewer", "/alarms");
  const { refreshIntervalMs } = getConfig();
  const params = await searchParams;
  const parsed = parseAlarmQuery(params);
  const query = parsed.ok ? parsed.query : { state: undefined, deleted: undefined };
  const [result, instances] = await Promise.all([settle(() => describeAlarms()), readInstanceIdentifiers()]);
  const shown = result.ok ? result.value.filter((a) => !query.state || a.state === query.state) : [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alarms</h1>
          <p className="text-sm text-slate-600">
            CloudWatch metric alarms
            {result.ok ? ` · ${shown.length} listed` : null}
          </p>
        </div>
        <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
      </div>
      {parsed.ok ? null : (
        <InvalidQuery clearHint="Every alarm is listed instead." issues={parsed.issues} params={params} />
      )}
      {query.deleted ? (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" role="status">
          Alarm {query.deleted} deleted.
        </p>
      ) : null}
      {!result.ok ? (
        <FleetUnavailable hint={result.hint} message={result.message} />
      ) : (
        <>
          <StateFilter alarms={result.value} current={query.state} />
          {shown.length === 0 ? (
            <p
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
              data-testid="alarms-empty"
            >
              {query.state
                ? `No alarm is in ${query.state}.`
                : "CloudWatch has no metric alarms in this account and region."}
            </p>
          ) : (
            <AlarmTable alarms={shown} />
          )}
        </>
      )}
      {/* Without the alarm list or the instances, a new alarm could not be offered or seen. */}
      {/* Creating alarms needs the operator role; the action checks it again, whatever the page shows. */}
      {result.ok && instances.length > 0 && may(actor.role, "create-alarm") ? (
        <section aria-labelledby="create-alarm-title" className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900" id="create-alarm-title">
            Create alarm
          </h2>
          <AlarmForm instances={instances} mode="create" serverAction={createAlarmAction} />
        </section>
      ) : null}
    </div>
  );
}

/** All / ALARM / INSUFFICIENT_DATA / OK with their counts, as links so a filter can be shared. */
function StateFilter({ alarms, current }: { alarms: Alarm[]; current: AlarmState | undefined }) {
  const { counts } = summarizeAlarms(alarms);
  const options: { label: string; href: string; active: boolean }[] = [
    { label: `All (${alarms.length})`, href: "/alarms", active: current === undefined },
    ...ALARM_STATES.map((state) => ({
      label: `${state} (${counts[state]})`,
      href: `/alarms?state=${state}`,
      active: current === state,
    })),
  ];
  return (
    <nav aria-label="Filter by state" className="flex flex-wrap gap-2 text-sm">
      {options.map((o) => (
        <Link
          aria-current={o.active ? "true" : undefined}
          className={`rounded-full border px-3 py-1 ${o.active ? "border-sky-700 bg-sky-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          href={o.href}
          key={o.href}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
