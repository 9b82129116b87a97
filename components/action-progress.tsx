"use client";

import { Circle } from "lucide-react";
import { useEffect, useState } from "react";
import { type TrackedAction, useFollowed } from "@/components/action-tracker";
import { formatDuration, formatUtcTime } from "@/components/format";
import { toneStyles } from "@/components/status-badge";
import type { Failover, FailoverEndpoint } from "@/lib/fleet/failover-history";
import type { InstanceAction } from "@/lib/fleet/instance-actions";
import type { InstanceActivity, Reboot } from "@/lib/fleet/instance-activity";
import { type StatusTone, statusTone } from "@/lib/fleet/status-tone";
import { transitionsAtRequest, withStatus } from "@/lib/fleet/status-transitions";

type Props = {
  identifier: string;
  status: string;
  activity: InstanceActivity | undefined;
  /** Server time of this render. */
  renderedAt: string;
};

type Phase = { label: string; at: Date | undefined; detail?: string };

/**
 * Live progress of the action running on this instance — the one this page
 * started, or one started elsewhere (an automatic failover): the status
 * transitions seen, the phases RDS's events report, then the outcome.
 */
export function ActionProgress({ identifier, status, activity: latest, renderedAt }: Props) {
  const { tracked, activity } = useFollowed(status, latest, renderedAt);
  const transitions = useStatusTransitions(status, renderedAt, tracked);
  if (!tracked && !activity) return null;
  const statusOnly = tracked ? STATUS_ONLY[tracked.action] : undefined;
  if (statusOnly && !activity) {
    return (
      <StatusProgress
        identifier={identifier}
        settlesAs={tracked ? SETTLES_AS[tracked.action] : undefined}
        status={status}
        title={statusOnly}
        transitions={transitions}
      />
    );
  }

  const kind = activity?.kind ?? (tracked?.action === "reboot" ? "reboot" : "failover");
  const phases = activity ? phasesOf(activity) : [];
  const ongoing = activity
    ? activity.kind === "failover"
      ? activity.failover.ongoing
      : activity.reboot.ongoing
    : true;
  const outcome = activity && !ongoing ? outcomeOf(activity) : undefined;
  const title = `${kind === "reboot" ? "Reboot" : "Failover"} of ${identifier}${ongoing ? " in progress" : ""}`;

  return (
    <section
      aria-labelledby="action-progress-title"
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${toneStyles[ongoing ? "progress" : (outcome?.tone ?? "ok")].accent}`}
      data-testid="action-progress"
    >
      <h2 className="text-base font-semibold text-slate-900" id="action-progress-title">
        {title}
      </h2>
      {/* One live region for what changes, so a screen reader hears each step once. */}
      <div aria-live="polite" className="mt-2 space-y-3 text-sm">
        {tracked || transitions.length > 1 ? (
          <p className="text-slate-700">
            Status:{" "}
            <span className="font-medium text-slate-900" data-testid="status-transitions">
              {transitions.join(" → ")}
            </span>
          </p>
        ) : null}
        {phases.length === 0 ? (
          <p className="text-slate-700">RDS accepted the request; waiting for its events…</p>
        ) : (
          <ol className="space-y-1" data-testid="progress-phases">
            {phases.map((phase, i) => {
              const state: StatusTone = phase.at
                ? "ok"
                : ongoing && phases.slice(0, i).every((p) => p.at)
                  ? "progress"
                  : "inactive";
              // A phase not reached yet is an empty circle, not the "stopped" icon of the inactive tone.
              const Icon = state === "inactive" ? Circle : toneStyles[state].icon;
              return (
                <li
                  className="flex items-start gap-2"
                  data-state={stateName(state)}
                  data-testid="progress-phase"
                  key={phase.label}
                >
                  <Icon
                    aria-hidden="true"
                    className={`mt-0.5 size-4 shrink-0 ${state === "ok" ? "text-emerald-700" : state === "progress" ? "animate-spin text-amber-700" : "text-slate-400"}`}
                  />
                  <span>
                    <span className={state === "inactive" ? "text-slate-600" : "font-medium text-slate-900"}>
                      {phase.label}
                    </span>
                    <span className="sr-only"> ({stateName(state)})</span>
                    {phase.at ? <span className="text-slate-600"> · {formatUtcTime(phase.at)}</span> : null}
                    {phase.detail ? <span className="block text-slate-700">{phase.detail}</span> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {outcome ? (
          <p className="font-medium text-slate-900" data-testid="action-outcome">
            {outcome.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/**
 * Actions whose progress is the instance's status (and, for a snapshot, its
 * percent under Snapshots), not a sequence of phase events.
 */
const STATUS_ONLY: Partial<Record<InstanceAction, string>> = {
  snapshot: "Snapshot",
  promote: "Promotion",
  modify: "Modification",
  "create-replica": "Replica creation",
  delete: "Deletion",
  stop: "Stop",
  start: "Start",
};

/** Where an action ends when not at `available` (the ok tone): a stop's end is `stopped`, not a problem. */
const SETTLES_AS: Partial<Record<InstanceAction, string>> = { stop: "stopped" };

function StatusProgress(props: {
  identifier: string;
  status: string;
  settlesAs?: string;
  title: string;
  transitions: string[];
}) {
  const { identifier, status, settlesAs, title, transitions } = props;
  const tone = status === settlesAs ? "ok" : statusTone(status);
  const ongoing = tone === "progress" || transitions.length < 2;
  return (
    <section
      aria-labelledby="action-progress-title"
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 shadow-sm ${toneStyles[ongoing ? "progress" : tone].accent}`}
      data-testid="action-progress"
    >
      <h2 className="text-base font-semibold text-slate-900" id="action-progress-title">
        {title} of {identifier}
        {ongoing ? " in progress" : ""}
      </h2>
      <div aria-live="polite" className="mt-2 space-y-2 text-sm">
        <p className="text-slate-700">
          Status:{" "}
          <span className="font-medium text-slate-900" data-testid="status-transitions">
            {transitions.join(" → ")}
          </span>
        </p>
        {ongoing ? null : (
          <p className="font-medium text-slate-900" data-testid="action-outcome">
            {tone === "ok"
              ? `Done: ${identifier} is ${status}.`
              : `${identifier} is ${status}: its events below say why.`}
          </p>
        )}
      </div>
    </section>
  );
}

const stateName = (tone: StatusTone) => (tone === "ok" ? "done" : tone === "progress" ? "in progress" : "pending");

/** The statuses seen since the action was requested, in order, without repeats (lib/fleet/status-transitions.ts). */
function useStatusTransitions(status: string, renderedAt: string, tracked: TrackedAction | undefined): string[] {
  const [seen, setSeen] = useState<string[]>([status]);
  // A new request starts a new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: requestedAt identifies the request; the rest is read once for it.
  useEffect(() => {
    if (!tracked) return;
    const { receipt, statusBefore } = tracked;
    setSeen(
      transitionsAtRequest({
        before: statusBefore,
        answered: receipt.status,
        answeredAt: receipt.answeredAt,
        status,
        renderedAt,
      }),
    );
  }, [tracked?.receipt.requestedAt]);
  useEffect(() => {
    setSeen((list) => withStatus(list, status));
  }, [status]);
  return seen;
}

function phasesOf(activity: InstanceActivity): Phase[] {
  return activity.kind === "failover" ? failoverPhases(activity.failover) : rebootPhases(activity.reboot);
}

function failoverPhases(f: Failover): Phase[] {
  const why =
    f.reason.kind === "unknown" ? undefined : `${f.reason.kind}${f.reason.detail ? `: ${f.reason.detail}` : ""}`;
  const route = f.from && f.to ? `${f.from.availabilityZone} → ${f.to.availabilityZone}` : undefined;
  return [
    { label: "Failover started", at: f.startedAt, detail: [why, route].filter(Boolean).join(" · ") || undefined },
    {
      label: "Standby promoted: writes resume on the new writer",
      at: f.promotedAt,
      detail: f.writesUnavailable ? `writes were unavailable ${formatDuration(f.writesUnavailable.ms)}` : undefined,
    },
    {
      label: "Standby recovery: the old writer is rebuilt as the new standby",
      at: f.recoveryCompletedAt ?? f.recoveryStartedAt,
    },
    { label: "Failover completed", at: f.completedAt },
  ];
}

function rebootPhases(r: Reboot): Phase[] {
  return [
    { label: "DB instance shutdown", at: r.shutdownAt },
    { label: "DB instance restarted", at: r.restartedAt },
  ];
}

function outcomeOf(activity: InstanceActivity): { text: string; tone: StatusTone } {
  if (activity.kind === "reboot") {
    const { shutdownAt, restartedAt } = activity.reboot;
    if (!restartedAt)
      return {
        text: "The reboot ended without a restart event from RDS; check the instance's status.",
        tone: "inactive",
      };
    const took = shutdownAt ? ` after ${formatDuration(restartedAt.getTime() - shutdownAt.getTime())}` : "";
    return { text: `Reboot complete: the DB instance restarted${took}.`, tone: "ok" };
  }
  const f = activity.failover;
  if (f.phase !== "completed") {
    return {
      text: "The failover ended without a completion event from RDS; check the topology below.",
      tone: "inactive",
    };
  }
  const writer = f.to ? `writer now in ${endpoint(f.to)}` : "the standby is the writer now";
  // The old writer is rebuilt where it was: it is the new standby.
  const standby = f.from && f.recoveryCompletedAt ? `, standby in ${endpoint(f.from)}` : "";
  const writes = f.writesUnavailable ? `; writes were unavailable ${formatDuration(f.writesUnavailable.ms)}` : "";
  return { text: `Failover complete: ${writer}${standby}${writes}.`, tone: "ok" };
}

const endpoint = (e: FailoverEndpoint) => `${e.availabilityZone}${e.node ? ` (${e.node})` : ""}`;
