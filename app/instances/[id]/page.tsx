import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ActionProgress } from "@/components/action-progress";
import { ActionTracker } from "@/components/action-tracker";
import { ActionsPanel } from "@/components/actions-panel";
import { DetailSections } from "@/components/detail-sections";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { InstanceEvents } from "@/components/instance-events";
import { InstanceLiveRefresh } from "@/components/instance-live-refresh";
import { InstanceMetrics } from "@/components/instance-metrics";
import { InstanceTopology } from "@/components/instance-topology";
import { LiveRefresh } from "@/components/live-refresh";
import { RoleLabel } from "@/components/role-label";
import { StatusBadge } from "@/components/status-badge";
import { requireRole } from "@/lib/auth/require-role";
import { allows } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { isDomainError, NotFound, Unavailable } from "@/lib/errors";
import { describeEvents, type EventPage } from "@/lib/fleet/describe-events";
import { describeInstance, type InstanceDescription } from "@/lib/fleet/describe-instance";
import { getInstanceMetrics } from "@/lib/fleet/get-instance-metrics";
import { actionsFor, instanceRole } from "@/lib/fleet/instance-actions";
import { latestActivity } from "@/lib/fleet/instance-activity";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import type { ChartedMetric, MetricSeries } from "@/lib/fleet/metric-series";
import { rebootAction, rebootWithFailoverAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const parsed = instanceIdentifier.safeParse(id);
  return { title: parsed.success ? parsed.data : "DB instance not found" };
}

/** Events of the last day: enough for the page's list and for any failover or reboot still running. */
const EVENTS_WINDOW_MS = 24 * 3_600_000;

export default async function InstancePage({ params }: Props) {
  await connection();
  // Next hands the segment over decoded; anything RDS would not accept as an identifier cannot name an instance.
  const parsed = instanceIdentifier.safeParse((await params).id);
  if (!parsed.success) notFound();
  const identifier = parsed.data;
  const actor = await requireRole("viewer", `/instances/${identifier}`);
  const { refreshIntervalMs } = getConfig();
  const now = new Date();
  const renderedAt = now.toISOString();

  const [description, events, metrics] = await Promise.all([
    readInstance(identifier),
    readEvents(identifier, now),
    readMetrics(identifier, now),
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
  const role = instanceRole(instance);
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
        {/* Actions come first in reading order (and on narrow screens), in the right column on wide ones. */}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-start-3 lg:row-start-1">
            {/* Acting needs the operator role; each action checks it again, whatever the page shows. */}
            {allows(actor.role, "operator") ? (
              <ActionsPanel
                actions={actionsFor(instance)}
                instance={instance}
                serverActions={{ reboot: rebootAction, "reboot-with-failover": rebootWithFailoverAction }}
              />
            ) : (
              <p
                className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
                data-testid="actions-need-operator"
              >
                Your role ({actor.role}) can see this instance but not act on it: reboots and failovers need the
                operator role.
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
          </div>
        </div>
        <InstanceMetrics identifier={identifier} result={shownMetrics} />
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

const CHARTED: readonly ChartedMetric[] = ["CPUUtilization", "DatabaseConnections", "FreeStorageSpace", "ReplicaLag"];

/** CloudWatch being down must not take the rest of the page with it. */
async function readMetrics(
  identifier: string,
  now: Date,
): Promise<{ series: MetricSeries[] } | { unavailable: string }> {
  try {
    return { series: await getInstanceMetrics({ identifier, metrics: CHARTED, now }) };
  } catch (error) {
    if (isDomainError(error)) return { unavailable: error.message };
    throw error;
  }
}
