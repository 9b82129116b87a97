import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ActionProgress } from "@/components/action-progress";
import { ActionTracker } from "@/components/action-tracker";
import { ActionsPanel } from "@/components/actions-panel";
import { DatabaseLoadSection } from "@/components/database-load-section";
import { DetailSections } from "@/components/detail-sections";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { InstanceEvents } from "@/components/instance-events";
import { ALARMS_NOT_CREATED, instanceHref } from "@/components/instance-href";
import { InstanceLiveRefresh } from "@/components/instance-live-refresh";
import { InstanceMetrics } from "@/components/instance-metrics";
import { InstanceTags } from "@/components/instance-tags";
import { InstanceTopology } from "@/components/instance-topology";
import { InvalidQuery } from "@/components/invalid-query";
import { LiveRefresh } from "@/components/live-refresh";
import { RoleLabel } from "@/components/role-label";
import { SnapshotTable } from "@/components/snapshot-table";
import { StatusBadge } from "@/components/status-badge";
import type { TopSqlRow } from "@/components/top-sql-table";
import { requireRole } from "@/lib/auth/require-role";
import { allows } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { isDomainError, NotFound, Unavailable } from "@/lib/errors";
import { type ThresholdLine, thresholdLines } from "@/lib/fleet/alarm-model";
import type { DatabaseLoad } from "@/lib/fleet/database-load-model";
import { describeAlarms } from "@/lib/fleet/describe-alarms";
import { describeEvents, type EventPage } from "@/lib/fleet/describe-events";
import { describeInstance, type InstanceDescription } from "@/lib/fleet/describe-instance";
import { describeSnapshots } from "@/lib/fleet/describe-snapshots";
import type { DbInstance } from "@/lib/fleet/fleet-model";
import { getDatabaseLoad } from "@/lib/fleet/get-database-load";
import { getInstanceMetrics } from "@/lib/fleet/get-instance-metrics";
import { getStatementLoad } from "@/lib/fleet/get-statement-load";
import { ACTION_ROLES, actionsFor, instanceRole } from "@/lib/fleet/instance-actions";
import { latestActivity } from "@/lib/fleet/instance-activity";
import { instanceClassVcpus } from "@/lib/fleet/instance-class-vcpus";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { defaultMetricRange, type MetricRange, parseMetricRange } from "@/lib/fleet/metric-range";
import type { ChartedMetric, MetricSeries } from "@/lib/fleet/metric-series";
import { listTags, type ResourceTag } from "@/lib/fleet/resource-tags";
import type { DbSnapshot } from "@/lib/fleet/snapshot-model";
import { withFullTexts } from "@/lib/fleet/statement-text";
import { topSql } from "@/lib/fleet/top-sql";
import type { SearchParams } from "@/lib/query-param";
import { snapshotActionsFor } from "../../snapshots/snapshot-actions-for";
import {
  addTagAction,
  createReplicaAction,
  deleteAction,
  promoteAction,
  rebootAction,
  rebootWithFailoverAction,
  removeTagAction,
  restoreToTimeAction,
  snapshotAction,
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

  const [description, events, metrics, thresholds, snapshots] = await Promise.all([
    readInstance(identifier),
    readEvents(identifier, now),
    readMetrics(identifier, range, now),
    readThresholds(identifier),
    readSnapshots(identifier),
  ]);
  if ("unavailable" in description) {
    return (
      <div className="space-y-6">
        <PageHeading identifier={identifier}>
          <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={renderedAt} />
        </PageHeading>
        <FleetUnavailable hint={description.unavailable.hint} message={description.unavailable.message} />
      </div>
    );
  }

  const { instance, sections } = description;
  // Tagging calls name the instance by the ARN DescribeDBInstances gave it, and Performance Insights is keyed by
  // the resource id it gives: both are read after it, side by side.
  const [tags, databaseLoad] = await Promise.all([readTags(instance.arn), readDatabaseLoad(instance, range, now)]);
  const role = instanceRole(instance);
  const allowedActions = actionsFor(instance).filter((action) => allows(actor.role, ACTION_ROLES[action]));
  // ReplicaLag is asked for alongside the rest (one round trip), and only a replica's page shows it.
  const shownMetrics =
    "series" in metrics && role !== "replica"
      ? { series: metrics.series.filter((s) => s.metric !== "ReplicaLag") }
      : metrics;
  const activity = "events" in events ? latestActivity(events.events, identifier, now) : undefined;
  return (
    // Keyed by instance: what one instance's page was following does not carry over to another's.
    <ActionTracker key={identifier}>
      <div className="space-y-6">
        <PageHeading identifier={identifier} role={role} status={instance.status}>
          <InstanceLiveRefresh
            activity={activity}
            intervalMs={refreshIntervalMs}
            renderedAt={renderedAt}
            status={instance.status}
          />
        </PageHeading>
        <ActionProgress activity={activity} identifier={identifier} renderedAt={renderedAt} status={instance.status} />
        <p className="text-sm text-slate-700">
          <Link
            className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950"
            data-testid="instance-logs-link"
            href={`${instanceHref(identifier)}/logs`}
          >
            Logs
          </Link>
          : PostgreSQL's log files of this instance — the newest lines, followed live, searched, downloaded.
        </p>
        {query.alarms === ALARMS_NOT_CREATED.alarms ? (
          <p
            className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            data-testid="alarms-not-created"
            role="status"
          >
            {identifier} was requested, but the alarms the fleet's other instances have (free storage
            {role === "replica" ? ", replica lag" : ""}) could not be created for it: CloudWatch did not answer, and the
            server log says why. Create them under{" "}
            <Link className="underline underline-offset-2" href="/alarms">
              Alarms
            </Link>
            .
          </p>
        ) : null}
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
                  snapshot: snapshotAction,
                  "create-replica": createReplicaAction,
                  "restore-to-time": restoreToTimeAction,
                  promote: promoteAction,
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
              editor={allows(actor.role, "operator") ? { add: addTagAction, remove: removeTagAction } : undefined}
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
          result={shownMetrics}
          thresholds={thresholds}
        />
        <DatabaseLoadSection
          identifier={identifier}
          range={range}
          result={databaseLoad}
          vcpus={instanceClassVcpus(instance.instanceClass)}
        />
        <section aria-labelledby="instance-snapshots-title" className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900" id="instance-snapshots-title">
            Snapshots
          </h2>
          {"unavailable" in snapshots ? (
            <p className="text-sm text-red-900" role="alert">
              The snapshots cannot be read: {snapshots.unavailable}
            </p>
          ) : snapshots.snapshots.length === 0 ? (
            <p className="text-sm text-slate-700" data-testid="instance-snapshots-empty">
              No snapshots of {identifier}.
            </p>
          ) : (
            <SnapshotTable
              actions={snapshotActionsFor(actor.role)}
              caption={`Snapshots of ${identifier}, newest first`}
              showInstance={false}
              snapshots={snapshots.snapshots}
            />
          )}
        </section>
        <InstanceEvents identifier={identifier} result={events} />
      </div>
    </ActionTracker>
  );
}

function PageHeading({
  identifier,
  role,
  status,
  children,
}: {
  identifier: string;
  role?: "writer" | "replica";
  status?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link className="underline underline-offset-2 hover:text-slate-900" href="/">
          Fleet overview
        </Link>{" "}
        / <span aria-current="page">{identifier}</span>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          {role ? <RoleLabel nodeRole={role} /> : null}
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold tracking-tight">{identifier}</h1>
            {status ? <StatusBadge status={status} testId="instance-status" /> : null}
          </div>
        </div>
        {children}
      </div>
    </div>
  );
}

async function readInstance(identifier: string): Promise<InstanceDescription | { unavailable: Unavailable }> {
  try {
    return await describeInstance({ identifier });
  } catch (error) {
    if (error instanceof NotFound) notFound();
    if (error instanceof Unavailable) return { unavailable: error };
    throw error;
  }
}

async function readEvents(identifier: string, now: Date): Promise<EventPage | { unavailable: string }> {
  try {
    return await describeEvents({
      source: { type: "db-instance", identifier },
      startTime: new Date(now.getTime() - EVENTS_WINDOW_MS),
      endTime: now,
    });
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error.message };
    throw error;
  }
}

const CHARTED: readonly ChartedMetric[] = [
  "CPUUtilization",
  "DatabaseConnections",
  "ReadIOPS",
  "WriteIOPS",
  "FreeStorageSpace",
  "FreeableMemory",
  "ReplicaLag",
];

/** CloudWatch being down must not take the rest of the page with it. */
async function readMetrics(
  identifier: string,
  range: MetricRange,
  now: Date,
): Promise<{ series: MetricSeries[] } | { unavailable: string }> {
  try {
    return { series: await getInstanceMetrics({ identifier, metrics: CHARTED, range, now }) };
  } catch (error) {
    if (isDomainError(error)) return { unavailable: error.message };
    throw error;
  }
}

/** Performance Insights being off or down must not take the rest of the page with it. */
async function readDatabaseLoad(
  instance: DbInstance,
  range: MetricRange,
  now: Date,
): Promise<{ load: DatabaseLoad; topSql: TopSqlRow[] } | { unavailable: string }> {
  const { identifier, dbiResourceId } = instance;
  if (!instance.performanceInsightsEnabled || dbiResourceId === undefined) {
    return { unavailable: `Performance Insights is not enabled on ${identifier}.` };
  }
  try {
    const [load, statements] = await Promise.all([
      getDatabaseLoad({ identifier, dbiResourceId, range, now }),
      topSql({ identifier, dbiResourceId, range, now }),
    ]);
    const [withTexts, loadByDigest] = await Promise.all([
      withFullTexts({ identifier, dbiResourceId, statements }),
      getStatementLoad({ identifier, dbiResourceId, range, now, digestIds: statements.map((s) => s.id) }),
    ]);
    return { load, topSql: withTexts.map((s) => ({ ...s, loadOverTime: loadByDigest.get(s.id) ?? [] })) };
  } catch (error) {
    if (isDomainError(error)) return { unavailable: error.message };
    throw error;
  }
}

async function readSnapshots(identifier: string): Promise<{ snapshots: DbSnapshot[] } | { unavailable: string }> {
  try {
    return { snapshots: await describeSnapshots({ instance: identifier }) };
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error.message };
    throw error;
  }
}

/** ListTagsForResource; an instance page stands without its tags (RDS down, or no ARN reported). */
async function readTags(arn: string | undefined): Promise<{ tags: ResourceTag[] } | { unavailable: string }> {
  if (!arn) return { unavailable: "RDS reported no ARN for this instance." };
  try {
    return { tags: await listTags({ resource: arn }) };
  } catch (error) {
    if (error instanceof Unavailable || error instanceof NotFound) return { unavailable: error.message };
    throw error;
  }
}

/** The alarms' thresholds to draw; the charts stand without them when the alarms cannot be read. */
async function readThresholds(identifier: string): Promise<ThresholdLine[]> {
  try {
    return thresholdLines(await describeAlarms(), identifier);
  } catch (error) {
    if (isDomainError(error)) return [];
    throw error;
  }
}
