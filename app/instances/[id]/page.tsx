import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ActionProgress } from "@/components/action-progress";
import { ActionTracker } from "@/components/action-tracker";
import { ActionsPanel } from "@/components/actions-panel";
import { AlarmsNotCreated } from "@/components/alarms-not-created";
import { DatabaseLoadSection } from "@/components/database-load-section";
import { DetailSections } from "@/components/detail-sections";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { InstanceEvents } from "@/components/instance-events";
import { PendingModifications } from "@/components/instance-facts";
import { InstanceHeading } from "@/components/instance-heading";
import { ALARMS_NOT_CREATED, instanceHref } from "@/components/instance-href";
import { InstanceLiveRefresh } from "@/components/instance-live-refresh";
import { InstanceLogsLink } from "@/components/instance-logs-link";
import { InstanceMetrics } from "@/components/instance-metrics";
import { InstanceSnapshots } from "@/components/instance-snapshots";
import { InstanceTags } from "@/components/instance-tags";
import { InstanceTopology } from "@/components/instance-topology";
import { InvalidQuery } from "@/components/invalid-query";
import { LiveRefresh } from "@/components/live-refresh";
import { StorageFullNotice } from "@/components/storage-full-notice";
import { may } from "@/lib/auth/action-roles";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { thresholdLines } from "@/lib/fleet/alarm-model";
import { databaseLoadView } from "@/lib/fleet/database-load-view";
import { describeAlarms } from "@/lib/fleet/describe-alarms";
import { describeEvents } from "@/lib/fleet/describe-events";
import { describeInstance } from "@/lib/fleet/describe-instance";
import { describeSnapshots } from "@/lib/fleet/describe-snapshots";
import { getInstanceMetrics } from "@/lib/fleet/get-instance-metrics";
import { actionsAllowed, instanceRole } from "@/lib/fleet/instance-actions";
import { latestActivity } from "@/lib/fleet/instance-activity";
import { chartsFor, INSTANCE_CHARTS } from "@/lib/fleet/instance-charts";
import { instanceClassVcpus } from "@/lib/fleet/instance-class-vcpus";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { defaultMetricRange, parseMetricRange } from "@/lib/fleet/metric-range";
import { listTags } from "@/lib/fleet/resource-tags";
import { settle, unavailableAnswer } from "@/lib/page-data/settle";
import type { SearchParams } from "@/lib/query-param";
import { createSnapshotAction, snapshotActionsFor } from "../../snapshots/snapshot-actions-for";
import {
  addTagAction,
  createReplicaAction,
  deleteAction,
  modifyAction,
  promoteAction,
  rebootAction,
  rebootWithFailoverAction,
  removeTagAction,
  restoreToTimeAction,
  startAction,
  stopAction,
} from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const parsed = instanceIdentifier.safeParse(id);
  return { title: parsed.success ? parsed.data : "DB instance not found" };
}

/** Events of the last day: enough for the page's list and for any failover or reboot still running. */
const EVENTS_WINDOW_MS = 24 * 3_600_000;

export default async function InstancePage({ params, searchParams }: Props) {
  await connection();
  // Next hands the segment over decoded; anything RDS would not accept as an identifier cannot name an instance.
  const parsed = instanceIdentifier.safeParse((await params).id);
  if (!parsed.success) notFound();
  const identifier = parsed.data;
  const actor = await requireRole("viewer", `/instances/${identifier}`);
  const { refreshIntervalMs } = getConfig();
  const now = new Date();
  const renderedAt = now.toISOString();
  const query = await searchParams;
  const parsedRange = parseMetricRange(query);
  const range = parsedRange.ok ? parsedRange.range : defaultMetricRange;

  const [description, events, metrics, alarms, snapshots] = await Promise.all([
    settle(() => describeInstance({ identifier }), { notFoundPage: true }),
    settle(() =>
      describeEvents({
        source: { type: "db-instance", identifier },
        startTime: new Date(now.getTime() - EVENTS_WINDOW_MS),
        endTime: now,
      }),
    ),
    // CloudWatch being down, or refusing, must not take the rest of the page with it.
    settle(() => getInstanceMetrics({ identifier, metrics: INSTANCE_CHARTS, range, now }), {
      settles: "any-domain-error",
    }),
    settle(() => describeAlarms(), { settles: "any-domain-error" }),
    settle(() => describeSnapshots({ instance: identifier })),
  ]);
  if (!description.ok) {
    return (
      <div className="space-y-6">
        <InstanceHeading identifier={identifier}>
          <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={renderedAt} />
        </InstanceHeading>
        <FleetUnavailable hint={description.hint} message={description.message} />
      </div>
    );
  }

  const { instance, sections } = description.value;
  // Tagging calls name the instance by the ARN DescribeDBInstances gave it, and Performance Insights is keyed by
  // the resource id it gives: both are read after it, side by side.
  const { arn } = instance;
  const [tags, databaseLoad] = await Promise.all([
    arn
      ? settle(() => listTags({ resource: arn }), { settles: "any-domain-error" })
      : unavailableAnswer("RDS reported no ARN for this instance."),
    settle(() => databaseLoadView({ instance, range, now }), { settles: "any-domain-error" }),
  ]);
  const role = instanceRole(instance);
  const allowedActions = actionsAllowed(instance, actor.role);
  const activity = events.ok ? latestActivity(events.value.events, identifier, now) : undefined;
  return (
    // Keyed by instance: what one instance's page was following does not carry over to another's.
    <ActionTracker key={identifier}>
      <div className="space-y-6">
        <InstanceHeading identifier={identifier} role={role} status={instance.status}>
          <InstanceLiveRefresh
            activity={activity}
            intervalMs={refreshIntervalMs}
            renderedAt={renderedAt}
            status={instance.status}
          />
        </InstanceHeading>
        <ActionProgress activity={activity} identifier={identifier} renderedAt={renderedAt} status={instance.status} />
        <PendingModifications instance={instance} />
        <StorageFullNotice instance={instance} />
        <InstanceLogsLink identifier={identifier} />
        {query.alarms === ALARMS_NOT_CREATED.alarms ? <AlarmsNotCreated identifier={identifier} role={role} /> : null}
        {/* Actions come first in reading order (and on narrow screens), in the right column on wide ones. */}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-start-3 lg:row-start-1">
            {/* Each action checks the role again on the server, whatever the page shows. */}
            {allowedActions.length > 0 ? (
              <ActionsPanel
                actions={allowedActions}
                instance={instance}
                serverActions={{
                  reboot: rebootAction,
                  "reboot-with-failover": rebootWithFailoverAction,
                  snapshot: createSnapshotAction,
                  "create-replica": createReplicaAction,
                  "restore-to-time": restoreToTimeAction,
                  modify: modifyAction,
                  promote: promoteAction,
                  stop: stopAction,
                  start: startAction,
                  delete: deleteAction,
                }}
              />
            ) : (
              <p
                className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
                data-testid="actions-need-operator"
              >
                Your role ({actor.role}) can see this instance but not act on it: snapshots, reboots, failovers and
                promotions need the operator role.
              </p>
            )}
          </div>
          <div className="space-y-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
            <InstanceTopology instance={instance} />
            <section aria-labelledby="details-title" className="space-y-3">
              <h2 className="text-lg font-semibold text-slate-900" id="details-title">
                Details
              </h2>
              <DetailSections sections={sections} />
            </section>
            <InstanceTags
              editor={
                may(actor.role, "add-tags-to-resource") ? { add: addTagAction, remove: removeTagAction } : undefined
              }
              identifier={identifier}
              result={tags}
            />
          </div>
        </div>
        {parsedRange.ok ? null : (
          <InvalidQuery clearHint="The charts show the last hour instead." issues={parsedRange.issues} params={query} />
        )}
        <InstanceMetrics
          basePath={instanceHref(identifier)}
          identifier={identifier}
          range={range}
          result={metrics.ok ? { ok: true, value: chartsFor(metrics.value, role) } : metrics}
          thresholds={alarms.ok ? thresholdLines(alarms.value, identifier) : []}
        />
        <DatabaseLoadSection
          identifier={identifier}
          range={range}
          result={databaseLoad}
          vcpus={instanceClassVcpus(instance.instanceClass)}
        />
        <InstanceSnapshots actions={snapshotActionsFor(actor.role)} identifier={identifier} result={snapshots} />
        <InstanceEvents identifier={identifier} result={events} />
      </div>
    </ActionTracker>
  );
}
