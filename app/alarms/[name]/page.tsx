import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AlarmControls } from "@/components/alarm-controls";
import { AlarmForm } from "@/components/alarm-form";
import { AlarmHistoryTable } from "@/components/alarm-history-table";
import { alarmHref } from "@/components/alarm-href";
import { FactList } from "@/components/fact-list";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { instanceHref } from "@/components/instance-href";
import { LiveRefresh } from "@/components/live-refresh";
import { SectionState } from "@/components/section-state";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { alarmFormValues } from "@/lib/fleet/alarm-form";
import { alarmHistory } from "@/lib/fleet/alarm-history";
import { type Alarm, describeEvaluation, describeThreshold } from "@/lib/fleet/alarm-model";
import { alarmName } from "@/lib/fleet/alarm-name";
import { readAlarm } from "@/lib/fleet/read-alarm";
import { readInstanceIdentifiers } from "@/lib/fleet/read-instance-identifiers";
import { settle } from "@/lib/page-data/settle";
import { deleteAlarmAction, disableAlarmActionsAction, enableAlarmActionsAction, updateAlarmAction } from "../actions";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = alarmName.safeParse((await params).name);
  return { title: parsed.success ? `Alarm ${parsed.data}` : "Alarm not found" };
}

export default async function AlarmPage({ params }: Props) {
  await connection();
  // Next hands the segment over decoded.
  const parsed = alarmName.safeParse((await params).name);
  if (!parsed.success) notFound();
  const name = parsed.data;
  const actor = await requireRole("viewer", alarmHref(name));
  // Changing an alarm is the operator's, silencing or deleting it the admin's; each action checks again.
  const canChange = may(actor.role, "update-alarm");
  const canSilence = may(actor.role, "disable-alarm-actions");
  const { refreshIntervalMs } = getConfig();
  const [found, history, instances] = await Promise.all([
    settle(async () => (await readAlarm({ name })).alarm, { notFoundPage: true }),
    settle(() => alarmHistory({ name })),
    readInstanceIdentifiers(),
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link className="underline underline-offset-2 hover:text-slate-900" href="/alarms">
            Alarms
          </Link>{" "}
          / <span aria-current="page">{name}</span>
        </nav>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-all text-2xl font-semibold tracking-tight">{name}</h1>
            {found.ok ? <StatusBadge status={found.value.state} testId="alarm-state" /> : null}
          </div>
          <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
        </div>
      </div>
      {!found.ok ? (
        <FleetUnavailable hint={found.hint} message={found.message} />
      ) : (
        <>
          <section aria-labelledby="alarm-details-title" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-base font-semibold text-slate-900" id="alarm-details-title">
              Details
            </h2>
            <FactList facts={alarmFacts(found.value)} />
            {canChange ? (
              <div className="mt-4">
                <AlarmControls
                  actionsEnabled={found.value.actionsEnabled}
                  canSilence={canSilence}
                  deleteAlarm={deleteAlarmAction}
                  disableActions={disableAlarmActionsAction}
                  enableActions={enableAlarmActionsAction}
                  name={name}
                />
              </div>
            ) : null}
          </section>
          <section aria-labelledby="alarm-history-title" className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900" id="alarm-history-title">
              History
            </h2>
            <SectionState
              cannotRead="The history cannot be read"
              empty="No history yet."
              isEmpty={(entries) => entries.length === 0}
              result={history}
              testId="alarm-history"
            >
              {(entries) => <AlarmHistoryTable entries={entries} />}
            </SectionState>
          </section>
          {canChange ? <EditSection alarm={found.value} instances={instances} /> : null}
        </>
      )}
    </div>
  );
}

function EditSection({ alarm, instances }: { alarm: Alarm; instances: string[] }) {
  const editable = alarmFormValues(alarm);
  return (
    <section aria-labelledby="edit-alarm-title" className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900" id="edit-alarm-title">
        Edit
      </h2>
      {"values" in editable ? (
        <AlarmForm instances={instances} mode="edit" serverAction={updateAlarmAction} values={editable.values} />
      ) : (
        <p className="text-sm text-slate-700" data-testid="alarm-not-editable">
          This form cannot edit the alarm: {editable.notEditable}. Change it with the CloudWatch API or console.
        </p>
      )}
    </section>
  );
}

function alarmFacts(alarm: Alarm) {
  return [
    { term: "Metric", detail: `${alarm.namespace ?? "—"} ${alarm.metric}` },
    {
      term: "DB instance",
      detail: alarm.instance ? (
        <Link className="underline underline-offset-2" href={instanceHref(alarm.instance)}>
          {alarm.instance}
        </Link>
      ) : (
        "—"
      ),
    },
    { term: "Threshold", detail: describeThreshold(alarm) },
    { term: "Evaluation", detail: describeEvaluation(alarm) },
    { term: "Missing data", detail: alarm.treatMissingData ?? "missing" },
    {
      term: "Notifications",
      detail: (
        <span data-testid="alarm-actions-enabled">
          {alarm.actionsEnabled ? "enabled" : "disabled"}
          {alarm.alarmActions.length > 0 ? ` · ${alarm.alarmActions.join(", ")}` : " · no actions"}
        </span>
      ),
    },
    { term: "State since", detail: alarm.updated ? <UtcTime date={alarm.updated} /> : "—" },
    { term: "Reason", detail: <span data-testid="alarm-reason">{alarm.reason ?? "—"}</span> },
    ...(alarm.description ? [{ term: "Description", detail: alarm.description }] : []),
  ];
}
